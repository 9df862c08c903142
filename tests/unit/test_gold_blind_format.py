"""The blind extraction gold set (tests/gold_blind) is well formed and stays blind.

Every per-file check of ``test_gold_format`` (which guards tests/gold) runs here unchanged on the blind
files, so all gold sets obey one format. The checks below add what only the blind set promises: it is large
enough to measure on, shares nothing with the other sets, keeps the hard cases it was written for, and is
marked as never to be tuned on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from claimdiff.text import normalise

from tests.unit import test_gold_format as gold_format

BLIND_DIR = gold_format.REPO / "tests" / "gold_blind"
BLIND_FILES = sorted(BLIND_DIR.glob("*.gold.json"))
OTHER_GOLD_DIRS = [gold_format.GOLD_DIR, gold_format.REPO / "tests" / "gold_holdout"]

MIN_ARTICLES = 4
MIN_CLAIMS = 70
MIN_SENTENCES, MAX_SENTENCES = 18, 25
NOISE_KINDS: dict[str, Callable[[str], bool]] = {
    "byline": lambda line: line.startswith("By "),
    "share": lambda line: line == "Share",
    "advertisement": lambda line: line == "Advertisement",
    "read more": lambda line: line.startswith("Read more:"),
    "dateline alone": lambda line: line.isupper(),
}
# A speaker label is a name or a group, never an unresolved pronoun or a leading article.
UNRESOLVED_SPEAKER = re.compile(r"^(?:he|she|they|it|we|i|the\b.*)$", re.IGNORECASE)

GoldFile = tuple[Path, dict[str, Any], str]

# The checks test_gold_format applies to each tests/gold file; they take (gold path, gold, normalised text).
PER_FILE_CHECKS: list[Callable[[GoldFile], None]] = [
    gold_format.test_gold_header_fields,
    gold_format.test_sentences_are_exact_substrings_in_order,
    gold_format.test_title_is_not_a_sentence,
    gold_format.test_sentences_and_noise_cover_the_whole_body,
    gold_format.test_non_claims_are_whole_lines_outside_sentences,
    gold_format.test_claims_are_sentences_in_order,
    gold_format.test_claim_labels_are_well_typed,
    gold_format.test_quantities_are_substrings_of_their_claim_in_order,
]


def _blind_golds() -> list[dict[str, Any]]:
    return [gold_format._load_json(path) for path in BLIND_FILES]


def _blind_claims() -> list[dict[str, Any]]:
    return [claim for gold in _blind_golds() for claim in gold["claims"]]


@pytest.fixture(params=BLIND_FILES, ids=lambda path: path.name)
def blind_file(request: pytest.FixtureRequest) -> GoldFile:
    path: Path = request.param
    gold = gold_format._load_json(path)
    return path, gold, gold_format._article_text(path, gold)


@pytest.mark.parametrize("check", PER_FILE_CHECKS, ids=lambda check: check.__name__.removeprefix("test_"))
def test_blind_file_passes_the_gold_format_check(
    blind_file: GoldFile, check: Callable[[GoldFile], None]
) -> None:
    check(blind_file)


def test_blind_set_is_large_enough_to_measure_on() -> None:
    golds = _blind_golds()
    assert len(golds) >= MIN_ARTICLES
    assert sum(len(gold["claims"]) for gold in golds) >= MIN_CLAIMS
    for path, gold in zip(BLIND_FILES, golds, strict=True):
        assert MIN_SENTENCES <= len(gold["sentences"]) <= MAX_SENTENCES, path.name


def test_blind_articles_are_written_for_the_set_and_already_normalised() -> None:
    for path, gold in zip(BLIND_FILES, _blind_golds(), strict=True):
        assert not gold.get("source"), f"{path.name}: the blind articles live beside their gold files"
        raw = gold_format._article_path(path, gold).read_text(encoding="utf-8")
        assert normalise(raw) == raw, path.name


def test_blind_set_is_independent_of_the_other_gold_sets() -> None:
    """No blind sentence appears in tests/gold or tests/gold_holdout, and no tuning style is reused."""
    others = [
        gold_format._load_json(path) for folder in OTHER_GOLD_DIRS for path in folder.glob("*.gold.json")
    ]
    other_sentences = {sentence for gold in others for sentence in gold["sentences"]}
    tuning_styles = {gold_format._load_json(path)["style"] for path in gold_format.GOLD_FILES}
    for path, gold in zip(BLIND_FILES, _blind_golds(), strict=True):
        assert gold["style"] not in tuning_styles, path.name
        shared = other_sentences.intersection(gold["sentences"])
        assert not shared, f"{path.name} repeats sentences of another gold set: {sorted(shared)}"


def test_blind_speakers_are_resolved_names() -> None:
    for claim in _blind_claims():
        speaker = claim["speaker"]
        assert speaker is None or not UNRESOLVED_SPEAKER.match(speaker), claim["text"]


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
