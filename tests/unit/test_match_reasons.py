"""compare(): each reason code, its evidence spans, and "related" when the subjects differ.

Claims are built directly (no extraction), so these tests pin the matcher alone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from claimdiff.match import compare, compare_many
from claimdiff.match.features import quantities_compatible
from claimdiff.models import Claim, Comparison, Entity, Quantity, Speaker, TimeRef

US = "us"


def make_claim(
    text: str,
    outlet: str = "wire-a",
    *,
    negated: bool = False,
    hedged: bool = False,
    speaker: Speaker | None = None,
    quantities: list[Quantity] | None = None,
    entities: list[Entity] | None = None,
    time: TimeRef | None = None,
) -> Claim:
    return Claim(
        id=f"{outlet}-{abs(hash(text)) % 10_000}",
        article_id=f"{outlet}-article",
        outlet=outlet,
        index=0,
        text=text,
        start=0,
        end=len(text),
        negated=negated,
        hedged=hedged,
        speaker=speaker,
        quantities=quantities or [],
        entities=entities or [],
        time=time,
    )


def entity(text: str, claim_text: str, entity_id: str, kind: str = "place") -> Entity:
    start = claim_text.index(text)
    return Entity(text=text, start=start, end=start + len(text), id=entity_id, kind=kind)  # type: ignore[arg-type]


def quantity(
    text: str, claim_text: str, value: float, low: float | None, high: float | None, unit: str
) -> Quantity:
    start = claim_text.index(text)
    return Quantity(text=text, start=start, end=start + len(text), value=value, low=low, high=high, unit=unit)


def assert_evidence_exact(comparison: Comparison, a: Claim, b: Claim) -> None:
    for item in comparison.evidence:
        source = a if item.side == "a" else b
        assert source.text[item.start : item.end] == item.text


# ---------------------------------------------------------------- negation


def test_negation_is_a_contradiction_with_spans_on_both_sides() -> None:
    text_a = "The US has not separated the moderate rebels from the Nusra Front in Syria."
    text_b = "The US has separated the moderate rebels from the Nusra Front in Syria."
    a = make_claim(text_a, "wire-a", negated=True, entities=[entity("US", text_a, US)])
    b = make_claim(text_b, "daily-b", entities=[entity("US", text_b, US)])

    result = compare(a, b)

    assert result.relation == "contradiction"
    assert result.reasons == ["negation"]
    sides = {e.side: e.text for e in result.evidence}
    assert sides["a"] == "not separated"
    assert sides["b"] == "separated"
    assert_evidence_exact(result, a, b)
    assert result.explanation is not None
    assert result.explanation.startswith('wire-a says "The US has not separated')
    assert "daily-b says" in result.explanation
    assert result.explanation.endswith("negation (not separated vs separated)")


def test_negation_of_a_different_subject_is_only_related() -> None:
    a = make_claim("The US has not separated the rebels from the Nusra Front in Syria.", negated=True)
    b = make_claim("Turkey has separated its border guards from the army units near Kobani.", "daily-b")

    result = compare(a, b)

    assert result.relation in ("related", "unrelated")
    assert result.relation != "contradiction"


# ---------------------------------------------------------------- antonym


def test_antonym_confirmed_versus_denied() -> None:
    a = make_claim("The ministry confirmed that the convoy reached Aleppo on Monday.")
    b = make_claim("The ministry denied that the convoy reached Aleppo on Monday.", "daily-b")

    result = compare(a, b)

    assert result.relation == "contradiction"
    assert "antonym" in result.reasons
    assert {e.text for e in result.evidence if e.reason == "antonym"} == {"confirmed", "denied"}
    assert_evidence_exact(result, a, b)


def test_antonym_cancelled_by_negation_is_not_a_contradiction() -> None:
    a = make_claim("Russia agreed to the ceasefire plan for Aleppo.")
    b = make_claim("Russia did not refuse the ceasefire plan for Aleppo.", "daily-b", negated=True)

    result = compare(a, b)

    assert result.relation != "contradiction"


def test_antonym_about_different_things_is_related_not_contradiction() -> None:
    a = make_claim("Oil prices rose sharply in Asian trading on Tuesday.")
    b = make_claim("The number of refugees crossing into Jordan fell last month.", "daily-b")

    assert compare(a, b).relation != "contradiction"


# ---------------------------------------------------------------- quantity


@pytest.mark.parametrize(
    ("first", "second", "compatible"),
    [
        # "more than two hours into the meeting" is compatible with ten hours of talks.
        (("more than two hours", 2.0, 2.0, None, "hour"), ("ten hours", 10.0, 10.0, 10.0, "hour"), True),
        # 1.8 million and 1.2 million people are not.
        (
            ("1.8 million", 1.8e6, 1.8e6, 1.8e6, "people"),
            ("1.2 million", 1.2e6, 1.2e6, 1.2e6, "people"),
            False,
        ),
        # "about 2 million" and 1.8 million are.
        (
            ("about 2 million", 2e6, 1.8e6, 2.2e6, "people"),
            ("1.8 million", 1.8e6, 1.8e6, 1.8e6, "people"),
            True,
        ),
        # Rounding: "2 million" covers 1.95 million.
        (("2 million", 2e6, 2e6, 2e6, "people"), ("1.95 million", 1.95e6, 1.95e6, 1.95e6, "people"), True),
        (("at most 30", 30.0, None, 30.0, "people"), ("45", 45.0, 45.0, 45.0, "people"), False),
    ],
)
def test_quantity_intervals(
    first: tuple[str, float, float | None, float | None, str],
    second: tuple[str, float, float | None, float | None, str],
    compatible: bool,
) -> None:
    x = Quantity(
        text=first[0], start=0, end=len(first[0]), value=first[1], low=first[2], high=first[3], unit=first[4]
    )
    y = Quantity(
        text=second[0],
        start=0,
        end=len(second[0]),
        value=second[1],
        low=second[2],
        high=second[3],
        unit=second[4],
    )
    assert quantities_compatible(x, y) is compatible
    assert quantities_compatible(y, x) is compatible


def test_quantity_contradiction_for_incompatible_figures() -> None:
    text_a = "The UN says 1.8 million people have fled the fighting in Aleppo province."
    text_b = "The UN says 1.2 million people have fled the fighting in Aleppo province."
    a = make_claim(text_a, quantities=[quantity("1.8 million people", text_a, 1.8e6, 1.8e6, 1.8e6, "people")])
    b = make_claim(
        text_b, "daily-b", quantities=[quantity("1.2 million people", text_b, 1.2e6, 1.2e6, 1.2e6, "people")]
    )

    result = compare(a, b)

    assert result.relation == "contradiction"
    assert result.reasons == ["quantity"]
    assert {e.text for e in result.evidence} == {"1.8 million people", "1.2 million people"}
    assert_evidence_exact(result, a, b)


def test_compatible_durations_are_not_a_contradiction() -> None:
    text_a = "Kerry and Lavrov announced the deal more than two hours into the meeting in Geneva."
    text_b = "Kerry and Lavrov announced the deal in Geneva after ten hours of talks."
    a = make_claim(text_a, quantities=[quantity("more than two hours", text_a, 2.0, 2.0, None, "hour")])
    b = make_claim(text_b, "daily-b", quantities=[quantity("ten hours", text_b, 10.0, 10.0, 10.0, "hour")])

    result = compare(a, b)

    assert result.relation != "contradiction"
    assert "quantity" not in result.reasons


def test_approximate_figure_is_compatible() -> None:
    text_a = "About 2 million people live in the besieged part of the city, the agency said."
    text_b = "1.8 million people live in the besieged part of the city, the agency said."
    a = make_claim(
        text_a, quantities=[quantity("About 2 million people", text_a, 2e6, 1.8e6, 2.2e6, "people")]
    )
    b = make_claim(
        text_b, "daily-b", quantities=[quantity("1.8 million people", text_b, 1.8e6, 1.8e6, 1.8e6, "people")]
    )

    assert compare(a, b).relation != "contradiction"


# ---------------------------------------------------------------- modality


def test_modality_reached_versus_close_to_reaching() -> None:
    a = make_claim("The United States and Russia reached a deal on a ceasefire in Syria.")
    b = make_claim(
        "The United States and Russia are close to reaching a deal on a ceasefire in Syria.",
        "daily-b",
        hedged=True,
    )

    result = compare(a, b)

    assert result.relation == "contradiction"
    assert result.reasons == ["modality"]
    assert {e.side: e.text for e in result.evidence} == {"a": "reached", "b": "close to reaching"}
    assert_evidence_exact(result, a, b)


def test_both_close_to_reaching_is_not_a_modality_conflict() -> None:
    a = make_claim("The United States and Russia are close to reaching a deal on Syria.", hedged=True)
    b = make_claim(
        "Russia and the United States are near to reaching a deal on Syria.", "daily-b", hedged=True
    )

    assert "modality" not in compare(a, b).reasons


# ---------------------------------------------------------------- attribution


def test_attribution_same_quote_different_speaker() -> None:
    kerry = Speaker(name="John Kerry", id="john-kerry", kind="person")
    lavrov = Speaker(name="Sergey Lavrov", id="sergey-lavrov", kind="person")
    a = make_claim('"The ceasefire is the last chance for Aleppo," John Kerry said.', speaker=kerry)
    b = make_claim(
        '"The ceasefire is the last chance for Aleppo," Sergey Lavrov said.', "daily-b", speaker=lavrov
    )

    result = compare(a, b)

    assert result.relation == "contradiction"
    assert result.reasons == ["attribution"]
    assert {e.side: e.text for e in result.evidence} == {"a": "John Kerry", "b": "Sergey Lavrov"}
    assert_evidence_exact(result, a, b)
    assert result.explanation is not None and "quotes John Kerry" in result.explanation


def test_same_speaker_same_quote_is_equivalent() -> None:
    kerry = Speaker(name="John Kerry", id="john-kerry", kind="person")
    a = make_claim('"The ceasefire is the last chance for Aleppo," John Kerry said.', speaker=kerry)
    b = make_claim(
        '"The ceasefire is the last chance for Aleppo," Kerry said on Friday.', "daily-b", speaker=kerry
    )

    assert compare(a, b).relation == "equivalent"


# ---------------------------------------------------------------- time


def test_time_different_dates_for_the_same_event() -> None:
    text_a = "The aid convoy entered eastern Aleppo on Friday, the Red Crescent said."
    text_b = "The aid convoy entered eastern Aleppo on Sunday, the Red Crescent said."
    a = make_claim(
        text_a,
        time=TimeRef(
            text="Friday",
            start=text_a.index("Friday"),
            end=text_a.index("Friday") + 6,
            date=dt.date(2016, 9, 9),
        ),
    )
    b = make_claim(
        text_b,
        "daily-b",
        time=TimeRef(
            text="Sunday",
            start=text_b.index("Sunday"),
            end=text_b.index("Sunday") + 6,
            date=dt.date(2016, 9, 11),
        ),
    )

    result = compare(a, b)

    assert result.relation == "contradiction"
    assert result.reasons == ["time"]
    assert {e.text for e in result.evidence} == {"Friday", "Sunday"}


def test_same_date_written_differently_is_no_time_conflict() -> None:
    text_a = "The aid convoy entered eastern Aleppo on Friday, the Red Crescent said."
    text_b = "The aid convoy entered eastern Aleppo yesterday, the Red Crescent said."
    day = dt.date(2016, 9, 9)
    a = make_claim(
        text_a,
        time=TimeRef(text="Friday", start=text_a.index("Friday"), end=text_a.index("Friday") + 6, date=day),
    )
    b = make_claim(
        text_b,
        "daily-b",
        time=TimeRef(
            text="yesterday", start=text_b.index("yesterday"), end=text_b.index("yesterday") + 9, date=day
        ),
    )

    assert "time" not in compare(a, b).reasons


# ---------------------------------------------------------------- relations without a conflict


def test_paraphrase_is_equivalent_with_high_confidence() -> None:
    a = make_claim("Russian warplanes bombed a hospital in eastern Aleppo on Wednesday, killing 12 people.")
    b = make_claim(
        "On Wednesday Russian warplanes bombed a hospital in eastern Aleppo and killed 12 people.", "daily-b"
    )

    result = compare(a, b)

    assert result.relation == "equivalent"
    assert result.reasons == ["paraphrase"]
    assert result.confidence >= 0.6


def test_unrelated_claims() -> None:
    a = make_claim("Russian warplanes bombed a hospital in eastern Aleppo on Wednesday.")
    b = make_claim("The central bank left interest rates unchanged at its monthly meeting.", "daily-b")

    result = compare(a, b)

    assert result.relation == "unrelated"
    assert result.confidence < 0.4


def test_confidence_grows_with_similarity() -> None:
    base = make_claim("Russian warplanes bombed a hospital in eastern Aleppo on Wednesday.")
    close = make_claim("Russian jets bombed a hospital in eastern Aleppo on Wednesday.", "b")
    loose = make_claim("A hospital in Aleppo was damaged this week.", "c")
    far = make_claim("The central bank left interest rates unchanged.", "d")

    scores = [compare(base, other).confidence for other in (close, loose, far)]

    assert scores[0] > scores[1] > scores[2]


def test_compare_many_matches_compare_in_order() -> None:
    query = make_claim("The US has not separated the rebels from the Nusra Front in Syria.", negated=True)
    candidates = [
        make_claim("The US has separated the rebels from the Nusra Front in Syria.", "b"),
        make_claim("The central bank left interest rates unchanged.", "c"),
        make_claim("The US has not separated the rebels from the Nusra Front in Syria.", "d", negated=True),
    ]

    many = compare_many(query, candidates)

    assert [c.relation for c in many] == [compare(query, c).relation for c in candidates]
    assert [c.relation for c in many] == ["contradiction", "unrelated", "equivalent"]
    assert [c.confidence for c in many] == pytest.approx(
        [compare(query, c).confidence for c in candidates], abs=1e-3
    )
    assert compare_many(query, []) == []
