"""What only the held-out gold set tests/gold_blind2 promises: the cases it exercises and a README that keeps it
from tuning. The format, size, independence and speaker checks every held-out set shares are in
test_gold_held_out_sets.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.unit import test_gold_format as gold_format

BLIND2_DIR = gold_format.REPO / "tests" / "gold_blind2"
BLIND2_FILES = sorted(BLIND2_DIR.glob("*.gold.json"))
OTHER_GOLD_DIRS = [
    gold_format.GOLD_DIR,
    gold_format.REPO / "tests" / "gold_holdout",
    gold_format.REPO / "tests" / "gold_blind",
]

# A dateline alone: an upper-case place, optionally followed by a state or country ("SANTA ROSITA, Calif.").
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z.]+)?")
NOISE_KINDS: dict[str, Callable[[str], bool]] = {
    "byline": lambda line: line.startswith("By "),
    "share": lambda line: line == "Share",
    "advertisement": lambda line: line == "Advertisement",
    "read more": lambda line: line.startswith("Read more:"),
    "dateline alone": lambda line: DATELINE.fullmatch(line) is not None,
}


def _blind2_golds() -> list[dict[str, Any]]:
    return [gold_format._load_json(path) for path in BLIND2_FILES]


def _blind2_claims() -> list[dict[str, Any]]:
    return [claim for gold in _blind2_golds() for claim in gold["claims"]]


def _claim_containing(fragment: str) -> dict[str, Any]:
    matches = [claim for claim in _blind2_claims() if fragment in claim["text"]]
    assert len(matches) == 1, f"{fragment!r} should pick out exactly one claim, found {len(matches)}"
    return matches[0]


def test_blind2_set_exercises_speakers_negation_quantities_and_noise() -> None:
    claims = _blind2_claims()
    golds = _blind2_golds()
    noise = [line for gold in golds for line in gold["non_claims"]]
    assert {claim["negated"] for claim in claims} == {True, False}
    assert sum(claim["negated"] for claim in claims) >= len(claims) // 5
    assert sum(claim["speaker"] is None for claim in claims) >= len(claims) // 10
    assert sum(claim["speaker"] is not None for claim in claims) >= len(claims) // 2
    assert sum(bool(claim["quantities"]) for claim in claims) >= len(claims) // 4
    for kind, matches in NOISE_KINDS.items():
        assert any(matches(line) for line in noise), f"no {kind} noise line"
    # A caption that only names people: a noise line that is not of the other kinds.
    assert any(not any(matches(line) for matches in NOISE_KINDS.values()) for line in noise)
    # A question is a sentence but never a claim.
    assert any(
        sentence.endswith("?") and sentence not in {claim["text"] for claim in gold["claims"]}
        for gold in golds
        for sentence in gold["sentences"]
    )


def test_blind2_set_keeps_the_hard_cases_it_was_written_for() -> None:
    """The set measures generalisation only while it keeps these cases; simplifying it would hide misses."""
    quantities = {quantity for claim in _blind2_claims() for quantity in claim["quantities"]}
    assert {
        "R$40 million",
        "NT$2.4 billion",
        "about ¥4.5 billion",
        "£212m",
        "€310 million",
        "$1.35 billion to $1.45 billion",
        "between 38% and 40%",
        "23-year-old",
        "within 15 minutes",
        "roughly 11.6 kilometres",
    } <= quantities
    # Negation: a bare negative answer, "nothing", "failed" without "to", a hedge, a relative clause, "Not every".
    not_today = _claim_containing("“Not today.")
    assert not_today["negated"] is True and not_today["speaker"] == "Rosa Delgado"
    assert _claim_containing("“Nothing is signed.")["negated"] is True
    assert _claim_containing("last five attempts")["negated"] is False
    assert _claim_containing("unlikely to recover")["negated"] is False
    assert _claim_containing("who is not part of the mission")["negated"] is False
    assert _claim_containing("Not every analyst")["negated"] is True
    # Speakers: acts and hedges are not attributions; descriptions and pronouns resolve.
    refused = _claim_containing("refused to discuss Vidal")
    assert refused["speaker"] is None and refused["negated"] is True
    assert _claim_containing("are reportedly close")["speaker"] is None
    assert _claim_containing("He raised his price target")["speaker"] is None
    assert _claim_containing("The utility denied")["speaker"] == "Pacific Valley Electric"
    assert _claim_containing("The chipmaker also said")["speaker"] == "Calloway Semiconductor Corp."
    assert _claim_containing("Fairmont & Co. analyst")["speaker"] == "J. Michael Tran"
    assert _claim_containing("“and we are under no pressure")["speaker"] == "Alvaro Reis"
    sentences = {sentence for gold in _blind2_golds() for sentence in gold["sentences"]}
    assert "The drill was built by Halvorsen Robotics Inc." in sentences  # an abbreviation ends the sentence
    assert any(sentence.endswith("at a briefing at 7 a.m.") for sentence in sentences)
    assert any(sentence.endswith("until 8 p.m. Thursday.") for sentence in sentences)


def test_blind2_readme_forbids_tuning_and_describing_misses() -> None:
    readme = (BLIND2_DIR / "README.md").read_text(encoding="utf-8").casefold()
    assert "blind" in readme
    assert "never for tuning" in readme
    assert "misses must never be described" in readme
    assert "anyone changing the extractor" in readme


def test_blind2_articles_each_have_their_own_style() -> None:
    golds = _blind2_golds()
    assert len({gold["style"] for gold in golds}) == len(golds)
