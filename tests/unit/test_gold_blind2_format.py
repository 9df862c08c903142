"""The second blind extraction gold set (tests/gold_blind2) is well formed and stays blind.

Every per-file check of ``test_gold_format`` (which guards tests/gold) runs here unchanged on these files, so
all gold sets obey one format. The checks below add what only this set promises: it is large enough to
measure on, shares no sentence or style with any other gold set, keeps the hard cases it was written for,
and is marked as never to be tuned on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from claimdiff.text import normalise

from tests.unit import test_gold_format as gold_format

BLIND2_DIR = gold_format.REPO / "tests" / "gold_blind2"
BLIND2_FILES = sorted(BLIND2_DIR.glob("*.gold.json"))
OTHER_GOLD_DIRS = [
    gold_format.GOLD_DIR,
    gold_format.REPO / "tests" / "gold_holdout",
    gold_format.REPO / "tests" / "gold_blind",
]

MIN_ARTICLES = 4
MIN_CLAIMS = 70
MIN_SENTENCES, MAX_SENTENCES = 18, 25
# A dateline alone: an upper-case place, optionally followed by a state or country ("SANTA ROSITA, Calif.").
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z.]+)?")
NOISE_KINDS: dict[str, Callable[[str], bool]] = {
    "byline": lambda line: line.startswith("By "),
    "share": lambda line: line == "Share",
    "advertisement": lambda line: line == "Advertisement",
    "read more": lambda line: line.startswith("Read more:"),
    "dateline alone": lambda line: DATELINE.fullmatch(line) is not None,
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


def _blind2_golds() -> list[dict[str, Any]]:
    return [gold_format._load_json(path) for path in BLIND2_FILES]


def _blind2_claims() -> list[dict[str, Any]]:
    return [claim for gold in _blind2_golds() for claim in gold["claims"]]


def _claim_containing(fragment: str) -> dict[str, Any]:
    matches = [claim for claim in _blind2_claims() if fragment in claim["text"]]
    assert len(matches) == 1, f"{fragment!r} should pick out exactly one claim, found {len(matches)}"
    return matches[0]


@pytest.fixture(params=BLIND2_FILES, ids=lambda path: path.name)
def blind2_file(request: pytest.FixtureRequest) -> GoldFile:
    path: Path = request.param
    gold = gold_format._load_json(path)
    return path, gold, gold_format._article_text(path, gold)


@pytest.mark.parametrize("check", PER_FILE_CHECKS, ids=lambda check: check.__name__.removeprefix("test_"))
def test_blind2_file_passes_the_gold_format_check(
    blind2_file: GoldFile, check: Callable[[GoldFile], None]
) -> None:
    check(blind2_file)


def test_blind2_set_is_large_enough_to_measure_on() -> None:
    golds = _blind2_golds()
    assert len(golds) >= MIN_ARTICLES
    assert sum(len(gold["claims"]) for gold in golds) >= MIN_CLAIMS
    for path, gold in zip(BLIND2_FILES, golds, strict=True):
        assert MIN_SENTENCES <= len(gold["sentences"]) <= MAX_SENTENCES, path.name


def test_blind2_articles_are_written_for_the_set_and_already_normalised() -> None:
    for path, gold in zip(BLIND2_FILES, _blind2_golds(), strict=True):
        assert not gold.get("source"), f"{path.name}: the articles live beside their gold files"
        raw = gold_format._article_path(path, gold).read_text(encoding="utf-8")
        assert normalise(raw) == raw, path.name


def test_blind2_set_is_independent_of_every_other_gold_set() -> None:
    """No sentence appears in another gold set, and no style of another set is reused."""
    others = [
        gold_format._load_json(path) for folder in OTHER_GOLD_DIRS for path in folder.glob("*.gold.json")
    ]
    other_sentences = {sentence for gold in others for sentence in gold["sentences"]}
    other_styles = {gold["style"] for gold in others}
    golds = _blind2_golds()
    assert len({gold["style"] for gold in golds}) == len(golds), "each article has its own style"
    for path, gold in zip(BLIND2_FILES, golds, strict=True):
        assert gold["style"] not in other_styles, path.name
        shared = other_sentences.intersection(gold["sentences"])
        assert not shared, f"{path.name} repeats sentences of another gold set: {sorted(shared)}"


def test_blind2_speakers_are_resolved_names() -> None:
    for claim in _blind2_claims():
        speaker = claim["speaker"]
        assert speaker is None or not UNRESOLVED_SPEAKER.match(speaker), claim["text"]


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
