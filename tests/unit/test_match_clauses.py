"""Clauses as extraction reads them, and what matching makes of them: a time's span of days, a
relative clause that interrupts the subject, and the mood of the clause in conflict.

Sentences written for these tests, modelled on the misses read in the BASIL fit split
(tests/realnews): "last week" against "earlier this month", "Lieberman, who ran with Gore in 2000,
became ...", a hedge in a second clause, "approved" against "may have rejected".
"""

from __future__ import annotations

import pytest
from claimdiff.extract import analyse_sentence, extract_claims
from claimdiff.match import compare
from claimdiff.match.features import features_many, view
from claimdiff.match.model import default_model
from claimdiff.match.propositions import asserted_by

from tests.unit.written_pairs import DAY, last_claim, relation


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Friday 6 May: "last week" runs from 25 April, "this month" from 1 May.
        ("Carl Brandt pleaded guilty earlier this month.", "Brandt pleaded guilty last week."),
        ("Carl Brandt pleaded guilty last week.", "Brandt pleaded guilty on Monday."),
        ("Carl Brandt pleaded guilty this year.", "Brandt pleaded guilty two weeks ago."),
    ],
)
def test_times_whose_spans_overlap_are_no_conflict(first: str, second: str) -> None:
    assert relation(first, second)[0] != "contradiction"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Carl Brandt pleaded guilty in court last month.", "Brandt pleaded guilty in court on Thursday."),
        ("Carl Brandt pleaded guilty in court last year.", "Brandt pleaded guilty in court last week."),
        # The year is the setting; the Friday dates the plea.
        (
            "Carl Brandt pleaded guilty in court on Friday after talks early this year.",
            "Brandt pleaded guilty in court on Thursday.",
        ),
    ],
)
def test_one_act_in_two_spans_that_share_no_day_is_a_time_conflict(first: str, second: str) -> None:
    assert relation(first, second) == ("contradiction", ["time"])


@pytest.mark.parametrize(
    ("text", "main", "relative"),
    [
        (
            "The bridge, which opened in 1990, was closed by the city council on Monday.",
            ("close", ["the city council", "The bridge"], ["on Monday"]),
            ("open", ["bridge"], ["in 1990"]),
        ),
        (
            "Carl Brandt, who served as an adviser until 2019, pleaded guilty on Wednesday.",
            ("plead", ["Carl Brandt", "guilty"], ["on Wednesday"]),
            ("serve", ["Brandt"], ["until 2019"]),
        ),
    ],
)
def test_a_relative_clause_that_interrupts_the_subject_is_read_apart_from_the_main_clause(
    text: str, main: tuple[str, list[str], list[str]], relative: tuple[str, list[str], list[str]]
) -> None:
    first, second = analyse_sentence(text, outlet="gazette", published_on=DAY).propositions
    for clause, (verb, arguments, times) in ((first, main), (second, relative)):
        assert clause.predicate is not None and clause.predicate.lemma == verb
        assert [a.text for a in clause.arguments] == arguments
        assert [t.text for t in clause.times] == times


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Carl Brandt (D-Nev.) was not the lone opponent of the bill.",
        "Sen. Carl Brandt (R-N.Y.) voted against the bill on Friday.",
        "Sen. Carl Brandt (I) voted against the bill on Friday.",
    ],
)
def test_a_party_label_in_brackets_leaves_the_name_the_subject(text: str) -> None:
    (clause,) = analyse_sentence(text, outlet="gazette", published_on=DAY).propositions
    assert clause.arguments[0].role == "agent"
    assert clause.arguments[0].text == "Sen. Carl Brandt"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Carl Brandt, who served as an adviser until 2019, pleaded guilty in court on Wednesday.",
            "Brandt pleaded guilty in court on Friday to lying to investigators.",
        ),
        (
            "The bridge, which opened in 1990, was closed by the city council on Monday.",
            "The city council closed the bridge on Thursday.",
        ),
    ],
)
def test_the_main_act_behind_a_relative_clause_is_dated_and_compared(first: str, second: str) -> None:
    assert relation(first, second) == ("contradiction", ["time"])


def test_a_hedge_in_another_clause_leaves_the_conflicting_clause_asserted() -> None:
    found = relation(
        "The army withdrew its troops from the town on Monday, and officials are expected to reopen the road.",
        "The army did not withdraw its troops from the town.",
    )
    assert found == ("contradiction", ["negation"])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The council approved the budget on Tuesday.",
            "The council may have rejected the budget on Tuesday.",
        ),
        ("The council approved the budget on Tuesday.", "The council could reject the budget on Tuesday."),
    ],
)
def test_one_sentence_whose_changed_slot_is_hedged_on_one_side_is_no_contradiction(
    first: str, second: str
) -> None:
    assert relation(first, second)[0] != "contradiction"


def test_one_sentence_hedged_alike_on_both_sides_still_conflicts() -> None:
    found = relation(
        "The council may have approved the budget on Tuesday.",
        "The council may have rejected the budget on Tuesday.",
    )
    assert found[0] == "contradiction"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Gov. Asa Hutchinson spoke on Monday. Hutchinson said he would ask lawmakers to recall the bill.",
            True,
        ),
        ("Senator Mary Hale spoke on Monday. Hale said she voted against the bill.", True),
        # Inside the quotation marks, "he" is the speaker's account of someone else.
        ('Gov. Asa Hutchinson spoke on Monday. Hutchinson said "he will not win" the vote.', False),
    ],
)
def test_the_he_or_she_of_reported_speech_is_its_speaker(text: str, agent: bool) -> None:
    found = extract_claims(text, article_id="gazette-1", outlet="gazette", published_on=DAY)[-1]
    assert found.speaker is not None
    agents = [a.key for p in found.propositions for a in p.arguments if a.role == "agent"]
    assert (found.speaker.id in agents) is agent


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Brandt said on Wednesday that the plea was a mistake.", "statement"),
        ("Brandt told reporters Wednesday the plea was a mistake.", "statement"),
        ("Brandt said he pleaded guilty in court on Wednesday.", "event"),
        ("Brandt said that the court heard his plea on Wednesday.", "event"),
    ],
)
def test_a_time_after_what_was_said_begins_dates_the_event_not_the_statement(text: str, anchor: str) -> None:
    (found,) = [t for p in last_claim(text, "gazette").propositions for t in p.times]
    assert found.anchor == anchor


def test_the_plea_a_speaker_reports_in_another_year_is_not_the_same_claim() -> None:
    # "he" is Brandt (his surname meets the resolved pronoun) and "last year" dates his plea.
    first = last_claim(
        "Carl Brandt spoke on Friday. Brandt said he pleaded guilty in court last year.", "gazette"
    )
    second = last_claim("Brandt pleaded guilty in court on Thursday.", "herald")
    assert compare(first, second).relation == "related"


def test_one_act_of_one_doer_on_one_thing_dated_apart_conflicts_however_it_is_worded() -> None:
    # Agent and patient both shared (Senate / senate, bill / bill): the clauses are aligned even
    # though the rest of the wording differs too much for the similarity gate.
    found = relation(
        "The Ohio Senate passed a bill on Thursday letting shop owners who cite their faith turn customers away.",
        "The state senate passed the bill, known as SB 12, last month.",
    )
    assert found == ("contradiction", ["time"])


_CAMP = "at the {} camp in Leeds where the coach had resigned."


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Two changes (how the source is given, and the year): no minimal pair, yet the year differs.
        (
            "The club, according to the Gazette, said its players had trained " + _CAMP.format(2019),
            "The club told the Herald its players trained " + _CAMP.format(2016),
            "related",
        ),
        (
            "The club, according to the Gazette, said its players had trained " + _CAMP.format(2019),
            "The club told the Herald its players trained " + _CAMP.format(2019),
            "equivalent",
        ),
    ],
)
def test_a_sentence_rendered_twice_with_a_changed_year_among_other_edits_is_not_the_same_claim(
    first: str, second: str, expected: str
) -> None:
    assert relation(first, second)[0] == expected


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_negated_auxiliary_with_either_apostrophe_is_one_changed_word(apostrophe: str) -> None:
    # Two clauses: only the alignment of the two renderings can say which one the negation denies.
    context = "Lena Hale spoke in Leeds. "
    found = relation(
        context + '"It is a disgrace to the town and I think the chair should resign.',
        context + f'"It is a disgrace to the town and I don{apostrophe}t think the chair should resign.',
    )
    assert found == ("contradiction", ["negation"])


def test_a_speaker_described_by_a_capital_adjective_is_not_a_second_named_person() -> None:
    # "the Democratic nominee" is a description (Hale may be the nominee), not another person's name:
    # no attribution conflict, whatever the quotes say.
    found = relation(
        'The Democratic nominee said: "It is a disgrace to the town and I think the chair should resign.',
        'Lena Hale said: "It is a disgrace to the town and I don\u2019t think the chair should resign.',
    )
    assert found == ("contradiction", ["negation"])


def test_one_quote_carried_by_both_is_one_statement_when_only_one_sentence_names_its_speaker() -> None:
    # The first outlet's speaker is read from the paragraph (Dunn spoke before); the second names
    # Hale in the sentence. The same words in both outweigh an attribution read from context.
    first = (
        "Mark Dunn said the plan was rushed. \u201cOr, you might have a mayor who never went to college, "
        "never ran a business, running the next budget of the city.\u201d"
    )
    second = (
        '"Or you might have a mayor who went to college, never ran a business, running the next budget '
        'of the city," Lena Hale said, referring to Dunn.'
    )
    assert relation(first, second) == ("contradiction", ["negation"])


def test_the_words_around_a_quote_of_unknown_speaker_are_the_outlets_own() -> None:
    text = (
        "The union urged members to vote against the bill because of \u201cprovisions that hurt "
        "workers and their families across the whole state for years.\u201d"
    )
    claim = view(analyse_sentence(text, outlet="gazette"))
    assert asserted_by(claim, text.index("vote")) == "outlet"
    assert asserted_by(claim, text.index("workers")) == "unknown-quote"


def test_an_act_done_against_one_expected_in_a_quote_carried_twice_is_a_modality_conflict() -> None:
    found = relation(
        '"We can confirm that the campaign and the state committee received subpoenas for documents from '
        'the county office," said Lena Hale.',
        '"We can confirm that the campaign and the state committee expect to receive subpoenas for documents '
        'from the county office," the lawyer, Lena Hale, said in an email.',
    )
    assert found == ("contradiction", ["modality"])


def test_an_opinion_is_its_own_clauses_not_the_whole_sentences() -> None:
    feel, plead = analyse_sentence(
        "Mr. Hale said he feels badly for Carl Brandt, who pleaded guilty on Friday to lying to the FBI.",
        outlet="gazette",
        published_on=DAY,
    ).propositions
    assert feel.predicate is not None and feel.predicate.lemma == "feel" and feel.opinion
    assert plead.predicate is not None and plead.predicate.lemma == "plead" and not plead.opinion


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("“I did not go too far,” she said in a video posted on the social media site.", ("go", "negative")),
        ('"I did not go too far," she said in a video posted on the social media site.', ("go", "negative")),
        (
            "“We will pay for the wall,” Mayor Ann Kell told a radio host in an interview airing Thursday.",
            ("pay", "positive"),
        ),
    ],
)
def test_a_quote_opening_the_sentence_is_what_was_said_however_long_the_attribution(
    text: str, predicate: tuple[str, str]
) -> None:
    (main, *_) = analyse_sentence(text, outlet="gazette").propositions
    assert main.predicate is not None
    assert (main.predicate.lemma, main.predicate.polarity) == predicate


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        # No act on the side of the attribution read first: the act is on the other side.
        (
            "The firing was politically motivated, Mr. Kell has said, as an effort to discredit him.",
            "motivat",
        ),
        ("Mayor Ann Kell issued an apology on Friday and described the recording as a joke.", "issue"),
    ],
)
def test_an_act_on_the_other_side_of_the_attribution_is_read(text: str, predicate: str) -> None:
    (main, *_) = analyse_sentence(text, outlet="gazette").propositions
    assert main.predicate is not None and main.predicate.lemma == predicate


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("“It’s not a birther bill,” Ms. Townsend said.", ("be", "negative")),
        ("It's not a birther bill.", ("be", "negative")),
        ("“I’m in shock,” said Representative Tom Kell.", ("be", "positive")),
        ("We’re going to pay for the wall.", ("pay", "positive")),
    ],
)
def test_a_pronoun_s_contracted_verb_is_read(text: str, predicate: tuple[str, str]) -> None:
    (main, *_) = analyse_sentence(text, outlet="gazette").propositions
    assert main.predicate is not None
    assert (main.predicate.lemma, main.predicate.polarity) == predicate
    assert text[main.predicate.start : main.predicate.end] == main.predicate.text


def test_a_name_s_possessive_is_not_a_contracted_verb() -> None:
    (main, *_) = analyse_sentence("Kell's plan failed in the council.", outlet="gazette").propositions
    assert main.predicate is not None and main.predicate.lemma == "fail"


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The amended ordinance mirrors the state law.", "mirror"),
        ("It only energizes my base even more.", "energiz"),
        ("Mayor Ann Kell lied many times to the council.", "lie"),
        ("The old plan sometimes works.", "work"),
    ],
)
def test_a_verb_after_a_common_noun_or_an_adverb_is_read(text: str, predicate: str) -> None:
    (main, *_) = analyse_sentence(text, outlet="gazette").propositions
    assert main.predicate is not None and main.predicate.lemma == predicate


@pytest.mark.parametrize("text", ["A military base.", "Solid as a rock.", "Many times over."])
def test_a_fragment_has_no_act(text: str) -> None:
    assert all(p.predicate is None for p in analyse_sentence(text, outlet="gazette").propositions)


def test_a_negation_inside_an_exclaimed_quote_does_not_reach_the_attribution_after_it() -> None:
    first = view(
        analyse_sentence(
            "“I’m not going to sign that damn bill!” Kell told Ann Ross on her radio show.", outlet="a"
        )
    )
    second = view(
        analyse_sentence(
            "“I’m not going to sign that darn bill,” Kell told Ann Ross in an interview airing Thursday.",
            outlet="b",
        )
    )
    ((_, found),) = features_many(first, [second], default_model().idf)
    # Both deny the signing; "Kell" after the quote is no word the first one denies.
    assert [f.reason for f in found if f.reason == "negation"] == []
