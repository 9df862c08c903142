"""Claim extraction (claimdiff.extract): attribution, non-claims, entities, polarity, quantities, time."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from claimdiff.extract import analyse_sentence, claim_id, extract_claims
from claimdiff.extract.entities import PersonRegistry, alias_table, find_entities
from claimdiff.extract.polarity import conditional_spans, hedge_spans, is_negated, negation_spans
from claimdiff.extract.quantities import find_quantities
from claimdiff.extract.timeexpr import find_times
from claimdiff.models import Claim
from claimdiff.text import normalise

FRIDAY = dt.date(2016, 8, 26)

WIRE = normalise(
    "Share\n\n"
    "US, Russia Say Near Accord On Renewed Syrian Cease-Fire\n\n"
    "By Jane Roe\n\n"
    "GENEVA (AP) —\n\n"
    "The United States and Russia are close to reaching agreement on a ceasefire in Syria, "
    "Secretary of State John Kerry said Friday, but have yet to sign a deal. "
    "“We are not going to rush to an agreement. We will take the time it needs,” he said.\n\n"
    "Advertisement\n\n"
    "“The Kurds must remain part of the Syrian state”, said Sergey Lavrov, Russian FM.\n\n"
    "Asked about success, Lavrov said, “I don’t want to spoil the atmosphere for the talks”.\n\n"
    "Kerry said neither Washington or Moscow is deceived by the name change of Jabhat al-Nusra. "
    "Proponents at the White House and the State Department say the deal will allow the U.S.to step up "
    "its attacks on Nusra.\n\n"
    "On Thursday, U.N. officials said the pause would let aid reach 1.8 million people.\n\n"
    "Read more\n\n"
    "John Kerry and Sergei Lavrov\n"
)


def claims_of(text: str = WIRE, **kwargs: object) -> list[Claim]:
    return extract_claims(text, article_id="art-1", outlet="wire", published_on=FRIDAY, **kwargs)  # type: ignore[arg-type]


def claim_with(claims: list[Claim], fragment: str) -> Claim:
    matches = [c for c in claims if fragment in c.text]
    assert len(matches) == 1, (fragment, [c.text for c in claims])
    return matches[0]


def test_offsets_are_exact_and_ids_are_content_derived() -> None:
    claims = claims_of()
    for claim in claims:
        assert WIRE[claim.start : claim.end] == claim.text
        assert claim.id.rsplit("~", 1)[0] == "art-1" and len(claim.id.rsplit("~", 1)[1]) == 10
    assert [c.id for c in claims_of()] == [c.id for c in claims]
    assert claim_id("a", 0, 3, "abc") != claim_id("a", 1, 4, "abc")
    assert len({c.id for c in claims}) == len(claims)


def test_non_claims_are_dropped() -> None:
    texts = [c.text for c in claims_of(title="US, Russia Say Near Accord On Renewed Syrian Cease-Fire")]
    for non_claim in (
        "Share",
        "Advertisement",
        "Read more",
        "By Jane Roe",
        "GENEVA (AP) —",
        "John Kerry and Sergei Lavrov",
    ):
        assert all(non_claim not in text for text in texts), non_claim
    assert not any(text.startswith("US, Russia Say") for text in texts)  # the title is not a claim


def test_speaker_before_the_quote_after_it_and_inverted_with_role() -> None:
    claims = claims_of()
    kerry = claim_with(claims, "close to reaching agreement")
    assert kerry.speaker is not None
    assert (kerry.speaker.name, kerry.speaker.role, kerry.speaker.kind) == (
        "John Kerry",
        "Secretary of State",
        "person",
    )
    assert kerry.cue == "said" and kerry.quote == "reported"
    lavrov = claim_with(claims, "The Kurds must remain")
    assert lavrov.speaker is not None and lavrov.speaker.name == "Sergey Lavrov"
    assert lavrov.speaker.role == "Russian FM" and lavrov.quote == "direct"
    spoil = claim_with(claims, "spoil the atmosphere")
    assert spoil.speaker is not None and spoil.speaker.id == lavrov.speaker.id


def test_quote_continuing_over_sentences_and_pronoun_resolution() -> None:
    claims = claims_of()
    first = claim_with(claims, "We are not going to rush")
    second = claim_with(claims, "We will take the time")
    for claim in (first, second):
        assert claim.speaker is not None and claim.speaker.name == "John Kerry"
        assert claim.speaker.resolved_from == "he"
        assert claim.quote == "direct"


def test_reported_speech_and_groups_kept_as_groups() -> None:
    claims = claims_of()
    neither = claim_with(claims, "neither Washington or Moscow")
    assert neither.speaker is not None and neither.speaker.name == "John Kerry" and neither.negated
    proponents = claim_with(claims, "Proponents at the White House")
    assert proponents.speaker is not None
    assert proponents.speaker.name == "Proponents at the White House and the State Department"
    assert proponents.speaker.kind == "group"
    officials = claim_with(claims, "U.N. officials")
    assert officials.speaker is not None and (officials.speaker.name, officials.speaker.kind) == (
        "U.N. officials",
        "group",
    )


def test_outlet_voice_when_no_one_is_quoted() -> None:
    claim = analyse_sentence("The military scrambled jets to protect the forces.", outlet="wire")
    assert claim.speaker is not None
    assert (claim.speaker.kind, claim.speaker.id, claim.speaker.name) == ("outlet", "outlet:wire", "wire")
    assert claim.id.startswith("~") and claim.quote == "none"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("“We will sign soon,” Kerry said.", "Kerry", None),
        ("“It is close,” said Sergey Lavrov, Russian FM.", "Sergey Lavrov", "Russian FM"),
        ("Lavrov said, “I don’t want to spoil it.”", "Lavrov", None),
        (
            "Chief Executive Officer Helen Marsh told analysts that costs rose.",
            "Helen Marsh",
            "Chief Executive Officer",
        ),
        ("The deal is near, according to U.N. officials.", "U.N. officials", None),
        ("Kerry, the top U.S. diplomat, said the deal was near.", "Kerry", "the top U.S. diplomat"),
    ],
)
def test_attribution_patterns(sentence: str, name: str, role: str | None) -> None:
    claim = analyse_sentence(sentence)
    assert claim.speaker is not None
    assert claim.speaker.role == role
    assert claim.speaker.name in (name, alias_table().names.get(claim.speaker.id, ("", "", name))[2])


def test_event_verbs_without_a_clause_are_not_attributions() -> None:
    claim = analyse_sentence(
        "Gov. Ann Whitaker declared a state of emergency for six coastal counties.", outlet="o"
    )
    assert claim.speaker is not None and claim.speaker.kind == "outlet"


def test_pronoun_resolves_to_most_recent_compatible_speaker_and_company_to_its_name() -> None:
    text = normalise(
        "Northgate Air Inc. said Thursday that revenue rose 8 percent. "
        "Chief Executive Officer Helen Marsh said costs were under control. "
        "She said the airline would cut about 1,100 jobs. "
        "The board approved a $500 million share buyback, the company said."
    )
    claims = claims_of(text)
    she = claim_with(claims, "She said")
    assert she.speaker is not None and (she.speaker.name, she.speaker.resolved_from) == ("Helen Marsh", "She")
    company = claim_with(claims, "the company said")
    assert company.speaker is not None and company.speaker.name == "Northgate Air Inc."
    assert company.speaker.kind == "organization"


def test_alias_table_gives_one_id_per_entity() -> None:
    groups = {
        "place:us": ["US", "U.S.", "USA", "United States", "Washington"],
        "place:russia": ["Russia", "Russian Federation", "Moscow"],
        "group:nusra-front": ["Nusra", "al-Nusra Front", "Jabhat al-Nusra", "Jabhat Fateh al-Sham"],
        "organization:un": ["UN", "U.N.", "United Nations"],
    }
    for entity_id, aliases in groups.items():
        for alias in aliases:
            found = find_entities(f"Officials in {alias} spoke.")
            assert [e.id for e in found] == [entity_id], alias
    assert find_entities("let us go") == []  # the pronoun is not the United States


def test_users_extend_the_alias_table_with_an_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "aliases.json"
    extra.write_text(
        json.dumps(
            {
                "entities": [
                    {"id": "place:us", "kind": "place", "aliases": ["Uncle Sam"]},
                    {
                        "id": "organization:acme",
                        "kind": "organization",
                        "name": "Acme",
                        "aliases": ["Acme Corp"],
                    },
                ]
            }
        )
    )
    monkeypatch.setenv("CLAIMDIFF_ALIASES", str(extra))
    alias_table.cache_clear()
    try:
        assert [e.id for e in find_entities("Uncle Sam and Acme Corp agreed.")] == [
            "place:us",
            "organization:acme",
        ]
    finally:
        monkeypatch.delenv("CLAIMDIFF_ALIASES")
        alias_table.cache_clear()


def test_person_names_are_canonicalised_with_fuzzy_first_names_but_exact_surnames() -> None:
    people = PersonRegistry()
    assert (
        people.resolve("Sergey Lavrov").id
        == people.resolve("Sergei Lavrov").id
        == people.resolve("Lavrov").id
    )
    assert people.resolve("John Kerry").id != people.resolve("Bob Kerrey").id
    assert people.resolve("Ivan Petrovsky").id == people.resolve("Iwan Petrovsky").id == "person:i-petrovsky"
    assert people.resolve("Secretary of State John Kerry").id == "person:john-kerry"


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The deal was not signed.", True),
        ("They have never met.", True),
        ("No agreement was reached.", True),
        ("Neither side accepted the plan.", True),
        ("Russia has yet to sign the deal.", True),
        ("The minister failed to attend.", True),
        ("He refused to comment on the plan.", True),
        ("The ministry denied the report.", True),
        ("Kerry said, “we’re not going to rush.”", True),
        ("It is not impossible that the talks resume.", False),  # double negation
        ("The plant had never failed to meet its targets.", False),  # double negation
        ("The talks will not only continue but expand.", False),
        ("Dr. Ortiz, who was not involved in the study, said it was sound.", False),
        ("If the council had not approved it, the city would have cut jobs.", False),
        ("The deal was signed on Friday.", False),
    ],
)
def test_polarity(sentence: str, negated: bool) -> None:
    assert is_negated(sentence) is negated
    assert analyse_sentence(sentence).negated is negated


def test_negation_spans_point_at_the_cues() -> None:
    text = "Neither side will sign, and they don't agree."
    assert [text[s:e] for s, e in negation_spans(text)] == ["Neither", "n't"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The two sides are near an accord.", "near"),
        ("They are close to reaching agreement.", "close to"),
        ("The ceasefire may hold.", "may"),
        ("Russia reportedly moved troops.", "reportedly"),
        ("The vote is expected to pass.", "expected to"),
        ("The city plans to hire 45 counselors.", "plans to"),
        ("A solution is very near.", "near"),
    ],
)
def test_hedges(sentence: str, cue: str) -> None:
    assert cue in [sentence[s:e] for s, e in hedge_spans(sentence)]
    assert analyse_sentence(sentence).hedged


def test_spatial_near_and_the_month_may_are_not_hedges() -> None:
    assert hedge_spans("Bombs fell near where the troops were operating.") == []
    assert hedge_spans("The vote took place in May.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Clintons paid nearly $44 million in federal income taxes.",
        "During his nearly two full terms in office, Obama had a veto overridden.",
        "Roughly 800,000 federal workers went without pay.",
        "An estimated 300 people were killed.",
        "Almost half of the voters backed the measure.",
    ],
)
def test_an_approximated_figure_is_no_hedge_of_the_claim(sentence: str) -> None:
    assert hedge_spans(sentence) == []
    assert not analyse_sentence(sentence).hedged
    # The approximation stays the figure's own: an interval, not the stated value.
    assert analyse_sentence(sentence).quantities


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("The judge swore in the mayor, capping Hale\u2019s unlikely rise from clerk to office.", False),
        ("The likely nominee won the vote in the state on Tuesday.", False),
        ("The most likely outcome was a loss for the party.", False),
        ("The mayor is unlikely to win the vote.", True),
        ("It is likely that the mayor won the vote.", True),
    ],
)
def test_likely_before_a_noun_describes_it_and_hedges_nothing(sentence: str, hedged: bool) -> None:
    assert analyse_sentence(sentence).hedged is hedged


def test_nearly_doing_something_is_still_a_hedge() -> None:
    assert analyse_sentence("The talks nearly collapsed on Friday.").hedged
    assert analyse_sentence("The two posts were nearly identical.").hedged


def test_conditionals() -> None:
    assert analyse_sentence("If the details are completed, the truce will hold.").conditional
    assert conditional_spans("He acted as if nothing happened.") == []


@pytest.mark.parametrize(
    ("text", "expected", "value", "low", "high", "unit"),
    [
        ("water for 1.8 million people.", "1.8 million people", 1.8e6, 1.8e6, 1.8e6, "people"),
        ("More than two hours into the talks", "More than two hours", 2.0, 2.0, None, "hour"),
        ("in the five-year conflict", "five-year", 5.0, 5.0, 5.0, "year"),
        ("more than 30 were killed", "more than 30", 30.0, 30.0, None, None),
        ("about 40% of voters", "about 40%", 40.0, 36.0, 44.0, "%"),
        ("a $2.5 billion deal", "$2.5 billion", 2.5e9, 2.5e9, 2.5e9, "USD"),
        ("between 10 and 20 troops", "between 10 and 20 troops", 15.0, 10.0, 20.0, "troop"),
        ("hire 45 new counselors", "45 new counselors", 45.0, 45.0, 45.0, "counselor"),
    ],
)
def test_quantities_with_intervals(
    text: str, expected: str, value: float, low: float | None, high: float | None, unit: str | None
) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.text == expected and text[quantity.start : quantity.end] == expected
    assert (quantity.value, quantity.low, quantity.high, quantity.unit) == pytest.approx(
        (value, low, high, unit)
    )


def test_years_days_clock_times_and_identifiers_are_not_quantities() -> None:
    assert find_quantities("On Jan. 5, 2016, at 5 p.m., an F-16 enforced Resolution 2254 and No. 3.") == []
    assert find_quantities("one of the longest standoffs") == []
    assert find_quantities("In 2018 Senate Democrats walked out.") == []  # a year before a name


def test_times_resolve_against_the_publication_date() -> None:
    text = "Kerry said Friday that on Thursday, yesterday and last week talks went on; Jan. 5 too."
    found = {t.text: t.days for t in find_times(text, FRIDAY)}
    day = dt.date
    assert found == {
        "Friday": (FRIDAY, FRIDAY),
        "on Thursday": (day(2016, 8, 25), day(2016, 8, 25)),
        "yesterday": (day(2016, 8, 25), day(2016, 8, 25)),
        # From the Monday of the week before up to the day before publication.
        "last week": (day(2016, 8, 15), day(2016, 8, 25)),
        "Jan. 5": (day(2016, 1, 5), day(2016, 1, 5)),
    }
    assert find_times("Friday", None)[0].date is None


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("last month", dt.date(2016, 7, 1), dt.date(2016, 7, 31)),
        ("earlier this month", dt.date(2016, 8, 1), dt.date(2016, 8, 31)),
        ("next month", dt.date(2016, 9, 1), dt.date(2016, 9, 30)),
        ("this week", dt.date(2016, 8, 22), dt.date(2016, 8, 28)),
        ("next week", dt.date(2016, 8, 29), dt.date(2016, 9, 4)),
        ("last weekend", dt.date(2016, 8, 20), dt.date(2016, 8, 21)),
        ("last year", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
        ("the past month", dt.date(2016, 7, 27), dt.date(2016, 8, 25)),
        ("two weeks ago", dt.date(2016, 8, 9), dt.date(2016, 8, 15)),
        ("three days ago", dt.date(2016, 8, 23), dt.date(2016, 8, 23)),
    ],
)
def test_a_time_that_names_a_span_keeps_its_first_and_last_day(
    words: str, first: dt.date, last: dt.date
) -> None:
    (found,) = find_times(f"Talks went on {words}.", FRIDAY)
    assert found.days == (first, last)


def test_claim_carries_entities_quantities_time_and_checkworthiness() -> None:
    claim = claim_with(claims_of(), "1.8 million people")
    assert claim.time is not None and claim.time.date == dt.date(2016, 8, 25)
    assert [q.text for q in claim.quantities] == ["1.8 million people"]
    assert claim.text[claim.quantities[0].start : claim.quantities[0].end] == "1.8 million people"
    assert "organization:un" in {e.id for e in claim.entities}
    filler = analyse_sentence("I think it was a wonderful day.")
    assert claim.checkworthiness > filler.checkworthiness
    assert 0.0 <= filler.checkworthiness <= 1.0


def test_invisible_characters_keep_offsets_exact() -> None:
    text = "Ker\u200bry said the deal is not done.\u202e Lavrov said the U.\u200bN. agreed to 30 talks."
    claims = claims_of(text)
    assert len(claims) == 2
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        for span in [*claim.quantities, *claim.entities]:
            assert claim.text[span.start : span.end] == span.text
    assert claims[0].speaker is not None and claims[0].speaker.name == "John Kerry"
    assert claims[0].negated


def test_straight_and_curly_quotes_alike() -> None:
    curly = claims_of(normalise("“We will not rush,” Kerry said. “It takes time.”"))
    straight = claims_of(normalise('"We will not rush," Kerry said. "It takes time."'))
    for claims in (curly, straight):
        assert [c.speaker.name if c.speaker else None for c in claims] == ["John Kerry", "John Kerry"]
        assert claims[0].negated and claims[0].quote == "direct"


def test_a_megabyte_without_punctuation_is_processed_in_linear_time() -> None:
    text = ("word " * 200_000).strip()
    started = time.perf_counter()
    claims = extract_claims(text, article_id="big", outlet="o")
    assert time.perf_counter() - started < 60.0  # generous: catastrophic backtracking would never finish
    assert claims and all(text[c.start : c.end] == c.text for c in claims)
