"""Who said it and which figure counts what: the judgements that real cross-outlet pairs got wrong.

Every sentence is written for these tests (fiction modelled on the failures read in the BASIL fit
split, tests/realnews): a party label read as a person, a speaker named only inside the quote, the
same words given to two people, a partial quote, a misspelt surname, figures of one thing in
different clauses, and a negation that counts people instead of denying an act.
"""

from __future__ import annotations

import datetime as dt

import pytest
from claimdiff.extract import analyse_sentence, extract_claims
from claimdiff.match import compare
from claimdiff.match.features import same_person
from claimdiff.models import Claim

DAY = dt.date(2022, 5, 6)


def claims(text: str, outlet: str) -> list[Claim]:
    return extract_claims(text, article_id=f"{outlet}-1", outlet=outlet, published_on=DAY)


def last_claim(text: str, outlet: str) -> Claim:
    return claims(text, outlet)[-1]


def test_a_party_label_is_not_a_person_and_not_the_antecedent_of_he() -> None:
    found = claims("Rep. Dale Brenner (R-Ohio) resigned on Friday. “I thank my family,” he said.", "gazette")
    assert all(e.kind != "person" for e in found[0].entities if e.text == "R-Ohio")
    assert found[1].speaker is not None and found[1].speaker.name == "Dale Brenner"


def test_a_clausal_verb_right_after_a_quote_attributes_it() -> None:
    found = claims(
        "Governor Ana Ruiz halted the plan. “Put the plan on hold until I review the facts,” she posted to Twitter.",
        "gazette",
    )
    assert found[1].speaker is not None and found[1].speaker.name == "Ana Ruiz"
    assert found[1].cue == "posted"


def test_a_statement_issued_saying_belongs_to_whoever_issued_it() -> None:
    found = claims(
        'Trying to calm the party, Ruiz issued a statement saying: "We must win the vote."', "gazette"
    )
    assert found[0].speaker is not None and found[0].speaker.name == "Ruiz"


def test_the_same_quote_given_to_two_named_people_is_an_attribution_conflict() -> None:
    a = last_claim(
        "“We have no choice but to build the new bridge this year,” Mayor Tom Kell said.", "gazette"
    )
    b = last_claim(
        "“We have no choice but to build the new bridge this year,” Ms. Dora Vance said.", "herald"
    )
    comparison = compare(a, b)
    assert comparison.relation == "contradiction"
    assert comparison.reasons == ["attribution"]


def test_a_title_added_inside_the_quote_leaves_it_one_quote_of_two_people() -> None:
    # One word more moves many characters ("with Fredette's" / "with Representative Fredette's").
    a = last_claim(
        "“With all due respect, I completely disagree with Vance’s position,” Senator Tom Kell said Wednesday.",
        "gazette",
    )
    b = last_claim(
        "“With all due respect, I completely disagree with Representative Vance’s position,” the party "
        "leader, Dora Lind, said in a statement.",
        "herald",
    )
    comparison = compare(a, b)
    assert (comparison.relation, comparison.reasons) == ("contradiction", ["attribution"])


def test_one_outlet_quoting_part_of_the_passage_is_still_the_same_quote() -> None:
    a = last_claim(
        '"We offered the minister a chance to balance the divisive invitation from the speaker of the house." '
        "Vance said.",
        "gazette",
    )
    b = last_claim(
        "“We offered the minister a chance to balance the divisive invitation from the speaker of the house "
        "with a private meeting with members,” Mr. Kell said in a statement.",
        "herald",
    )
    assert compare(a, b).relation == "contradiction"


def test_a_name_inside_the_quote_is_not_who_said_it() -> None:
    a = last_claim(
        "Kell's lawyer spoke on Monday. He added, “Not one page of testimony showed that Agent Kell's "
        "views ever affected his work.”",
        "gazette",
    )
    b = last_claim(
        "“Not one page of testimony showed that Agent Kell's views ever affected his work,” Dora Vance said.",
        "herald",
    )
    assert compare(a, b).relation != "contradiction"


def test_a_description_and_a_name_may_be_one_person() -> None:
    a = last_claim("“This decision should be deeply troubling to every voter,” the attorney said.", "gazette")
    b = last_claim("“This decision should be deeply troubling to every voter,” Mr. Kell added.", "herald")
    assert compare(a, b).relation != "contradiction"


def test_a_misspelt_surname_is_the_same_person() -> None:
    assert same_person("Tump", "Donald Trump")
    assert not same_person("Ryan", "Romney")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (
            "Radio host Glenn Rusk closed a five-day conservative conference on Saturday by scolding his party.",
            "Glenn Rusk, the closing speaker of a three-day conservative conference, spoke in a hotel on Saturday.",
            "contradiction",
        ),
        (  # an abbreviation's period ("T.P.S. protection") does not end what the figure counts
            "Gov. Kell's plan restores T.P.S. protection for 500,000 people.",
            "Under the plan, which Gov. Kell signed on Monday, T.P.S. protection for 300,000 people is restored.",
            "contradiction",
        ),
        (  # two rates in one claim: which one answers which would be a guess
            "The couple's effective federal tax rate was 35.7 percent, and they gave over 10 percent to charity.",
            "The couple paid a combined tax rate of 45.8 percent.",
            "not-contradiction",
        ),
        (  # one item's price against the total spent: two things of one unit, not one figure
            "Former Rep. Ned Crane pleaded guilty on Friday to buying a $12,000 gold watch and a fur coat with donors' money.",
            "Ned Crane pleaded guilty on Friday to spending $600,000 in campaign money on himself.",
            "not-contradiction",
        ),
        (  # the total given twice, otherwise
            "Ned Crane pleaded guilty on Friday to spending $600,000 in campaign money on himself.",
            "Ned Crane pleaded guilty on Friday to spending $60,000 in campaign money on himself.",
            "contradiction",
        ),
        (  # one period against another: two figures, not one
            "The couple's effective federal tax rate for 2014 was 35.7 percent.",
            "From 2007 through 2014 the couple paid an effective federal tax rate of 31.5 percent.",
            "not-contradiction",
        ),
    ],
)
def test_figures_of_one_thing_are_paired_by_what_they_count(first: str, second: str, expected: str) -> None:
    relation = compare(last_claim(first, "gazette"), last_claim(second, "herald")).relation
    if expected == "contradiction":
        assert relation == "contradiction"
    else:
        assert relation != "contradiction"


def test_nobody_doing_it_is_not_the_negation_of_one_person_doing_it() -> None:
    a = last_claim("Not a one defended Kell.", "gazette")
    b = last_claim("Senator Dora Vance defended Mr. Kell, who backed her 2008 campaign.", "herald")
    assert compare(a, b).relation != "contradiction"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The couple earned roughly $141 million from 2007 to 2014, their tax returns show.",
            "Mr. Osei earned nearly $20 million between 2011 and 2014 for consulting, his returns show.",
        ),
        ("The company sold 40,000 cars in 2019.", "The company sold 55,000 cars between 2020 and 2021."),
    ],
)
def test_figures_of_two_periods_are_two_figures_not_a_quantity_conflict(a: str, b: str) -> None:
    comparison = compare(analyse_sentence(a, outlet="wire-a"), analyse_sentence(b, outlet="daily-b"))
    assert "quantity" not in comparison.reasons or comparison.relation != "contradiction"


def test_one_figure_of_one_period_given_twice_still_conflicts() -> None:
    comparison = compare(
        analyse_sentence("The company sold 40,000 cars in 2019.", outlet="wire-a"),
        analyse_sentence("The company sold 55,000 cars in 2019.", outlet="daily-b"),
    )
    assert comparison.relation == "contradiction" and "quantity" in comparison.reasons


def test_two_ages_beside_one_name_conflict() -> None:
    comparison = compare(
        analyse_sentence(
            "Kell, 51, is a five-term councilman who served two tours in Iraq.", outlet="wire-a"
        ),
        analyse_sentence(
            "Mr. Kell, 41, becomes the second councilman to be charged this month.", outlet="daily-b"
        ),
    )
    assert comparison.relation == "contradiction" and comparison.reasons == ["quantity"]


def test_will_run_and_is_running_are_one_candidacy_not_a_modality_conflict() -> None:
    comparison = compare(
        analyse_sentence("Dan Kell announced Tuesday he'll run for governor.", outlet="wire-a"),
        analyse_sentence(
            "Former councilman Dan Kell announced Tuesday he is running for governor, with a speech on jobs.",
            outlet="daily-b",
        ),
    )
    assert comparison.relation != "contradiction"
