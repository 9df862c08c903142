"""Negation scopes, stems and figure tolerance of the matcher's features."""

from __future__ import annotations

from claimdiff.extract import analyse_sentence
from claimdiff.match.features import findings, quantities_compatible, view
from claimdiff.match.lexicon import word_stem
from claimdiff.models import Quantity


def reasons(a: str, b: str) -> list[str]:
    return [f.reason for f in findings(view(analyse_sentence(a)), view(analyse_sentence(b)))]


def test_a_negated_frame_verb_denies_the_verb_it_governs() -> None:
    found = findings(
        view(analyse_sentence("The US has not fulfilled its promise to separate the rebels from the front.")),
        view(analyse_sentence("The US has separated the rebels from the front.")),
    )
    negation = next(f for f in found if f.reason == "negation")
    assert negation.strength["head"] == 1.0
    assert {e.text for e in negation.evidence if e.side == "b"} == {"separated"}


def test_the_same_negation_spelt_without_apostrophe_is_no_difference() -> None:
    assert "negation" not in reasons(
        "Details haven't been finalized, said Mike Nash.", "Details havent been finalized, said Mike Nash."
    )


def test_a_long_negated_clause_is_negated_to_its_end() -> None:
    assert "negation" not in reasons(
        "It is not the easiest time to come in and take over the shuttle program.",
        "It's not the easiest time to take over the shuttle program.",
    )


def test_nobody_denies_the_action() -> None:
    assert "negation" in reasons("Nobody is typing on a keyboard.", "Someone is typing on a keyboard.")


def test_stems_and_synonyms_meet() -> None:
    assert word_stem("separate") == word_stem("separated")
    assert word_stem("agree") == word_stem("agreed")
    assert word_stem("lady") == word_stem("woman")
    assert word_stem("fooled") == word_stem("deceived")


def test_figures_two_percent_apart_are_compatible_but_not_a_third_apart() -> None:
    def price(value: float) -> Quantity:
        return Quantity(text=f"${value}", start=0, end=6, value=value, unit="usd")

    assert quantities_compatible(price(38.28), price(38.30))
    assert not quantities_compatible(price(1.8), price(1.2))
