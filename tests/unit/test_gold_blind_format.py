"""What only the held-out gold set tests/gold_blind promises: the cases it exercises and a README that keeps it
from tuning. The format, size, independence and speaker checks every held-out set shares are in
test_gold_held_out_sets.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.unit import test_gold_format as gold_format

BLIND_DIR = gold_format.REPO / "tests" / "gold_blind"
BLIND_FILES = sorted(BLIND_DIR.glob("*.gold.json"))
OTHER_GOLD_DIRS = [gold_format.GOLD_DIR, gold_format.REPO / "tests" / "gold_holdout"]

NOISE_KINDS: dict[str, Callable[[str], bool]] = {
    "byline": lambda line: line.startswith("By "),
    "share": lambda line: line == "Share",
    "advertisement": lambda line: line == "Advertisement",
    "read more": lambda line: line.startswith("Read more:"),
    "dateline alone": lambda line: line.isupper(),
}


def _blind_golds() -> list[dict[str, Any]]:
    return [gold_format._load_json(path) for path in BLIND_FILES]


def _blind_claims() -> list[dict[str, Any]]:
    return [claim for gold in _blind_golds() for claim in gold["claims"]]


def test_blind_set_exercises_speakers_negation_and_noise() -> None:
    claims = _blind_claims()
    noise = [line for gold in _blind_golds() for line in gold["non_claims"]]
    assert {claim["negated"] for claim in claims} == {True, False}
    assert sum(claim["negated"] for claim in claims) >= len(claims) // 5
    assert any(claim["speaker"] is None for claim in claims)
    assert sum(claim["speaker"] is not None for claim in claims) >= len(claims) // 2
    assert sum(bool(claim["quantities"]) for claim in claims) >= len(claims) // 4
    for kind, matches in NOISE_KINDS.items():
        assert any(matches(line) for line in noise), f"no {kind} noise line"
    # A question is a sentence but never a claim.
    assert any(
        sentence.endswith("?") and sentence not in {claim["text"] for claim in gold["claims"]}
        for gold in _blind_golds()
        for sentence in gold["sentences"]
    )


def test_blind_set_keeps_the_hard_cases_it_was_written_for() -> None:
    """The set measures generalisation only while it keeps these cases; simplifying it would hide misses."""
    by_text = {claim["text"]: claim for claim in _blind_claims()}

    def claim_containing(fragment: str) -> dict[str, Any]:
        return next(claim for text, claim in by_text.items() if fragment in text)

    quantities = {quantity for claim in by_text.values() for quantity in claim["quantities"]}
    assert {
        "25 basis points",
        "between 2 and 3 percent",
        "£1.5bn",
        "¥300 billion",
        "€4.2 billion",
    } <= quantities
    assert claim_containing("never refused to negotiate")["negated"] is False  # cancelling double negation
    assert claim_containing("Not only did the bank")["negated"] is False
    assert claim_containing("neither endorsed nor rejected")["negated"] is True
    assert claim_containing("It no longer expects a recession")["negated"] is True
    assert claim_containing("Others did not")["speaker"] == "Jean-Claude M. Dupont"
    assert claim_containing("The ministry said China")["speaker"] == "Chinese foreign ministry"
    assert claim_containing("A police spokesman refused")["speaker"] is None
    assert by_text["No."]["speaker"] == "Ruth Okonkwo-Bell" and by_text["No."]["negated"] is True
    sentences = {sentence for gold in _blind_golds() for sentence in gold["sentences"]}
    assert "He said the fund would be run from the U.K." in sentences  # an abbreviation ends the sentence
    assert "Darnell R. Okoye was arrested at his home on Cedar Lane at about 6 a.m." in sentences


def test_blind_readme_forbids_tuning_and_describing_misses() -> None:
    readme = (BLIND_DIR / "README.md").read_text(encoding="utf-8").casefold()
    assert "blind" in readme
    assert "never for tuning" in readme
    assert "misses must never be described" in readme
    assert "anyone changing the extractor" in readme
