"""What every held-out extraction gold set promises, checked for each of them in one place.

Each set obeys the tests/gold format (every per-file check of ``test_gold_format`` runs unchanged on it),
is large enough to measure on, was written for the set (no ``source``, already normalised), repeats no
sentence or style of the sets written before it, and names its speakers (never an unresolved pronoun).
What only one set promises (its pinned hard cases, its README) stays in that set's own test module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from claimdiff.text import normalise

from tests.unit import test_gold_format as gold_format

TESTS = gold_format.REPO / "tests"
# In the order they were written: each must be independent of every set before it.
SETS_IN_ORDER = [gold_format.GOLD_DIR, TESTS / "gold_holdout", TESTS / "gold_blind", TESTS / "gold_blind2"]
HELD_OUT = SETS_IN_ORDER[1:]

MIN_ARTICLES = 4
MIN_CLAIMS = 70
MIN_SENTENCES, MAX_SENTENCES = 18, 25
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
HELD_OUT_FILES = [path for folder in HELD_OUT for path in sorted(folder.glob("*.gold.json"))]


def golds_of(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """A set's gold files with their parsed annotations, in file-name order."""
    return [(path, gold_format._load_json(path)) for path in sorted(folder.glob("*.gold.json"))]


@pytest.mark.parametrize("check", PER_FILE_CHECKS, ids=lambda check: check.__name__.removeprefix("test_"))
@pytest.mark.parametrize("path", HELD_OUT_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_held_out_file_passes_the_gold_format_check(path: Path, check: Callable[[GoldFile], None]) -> None:
    gold = gold_format._load_json(path)
    check((path, gold, gold_format._article_text(path, gold)))


@pytest.mark.parametrize("folder", HELD_OUT, ids=lambda folder: folder.name)
def test_set_is_large_enough_to_measure_on(folder: Path) -> None:
    golds = golds_of(folder)
    assert len(golds) >= MIN_ARTICLES
    assert sum(len(gold["claims"]) for _, gold in golds) >= MIN_CLAIMS
    for path, gold in golds:
        assert MIN_SENTENCES <= len(gold["sentences"]) <= MAX_SENTENCES, path.name


@pytest.mark.parametrize("folder", HELD_OUT, ids=lambda folder: folder.name)
def test_articles_are_written_for_the_set_and_already_normalised(folder: Path) -> None:
    for path, gold in golds_of(folder):
        assert not gold.get("source"), f"{path.name}: the articles live beside their gold files"
        raw = gold_format._article_path(path, gold).read_text(encoding="utf-8")
        assert normalise(raw) == raw, path.name


@pytest.mark.parametrize("position", range(1, len(SETS_IN_ORDER)), ids=lambda i: SETS_IN_ORDER[i].name)
def test_set_repeats_no_sentence_or_style_of_an_earlier_set(position: int) -> None:
    """A score on a set says something new only if the set is new to everything written before it."""
    earlier = [gold for folder in SETS_IN_ORDER[:position] for _, gold in golds_of(folder)]
    earlier_sentences = {sentence for gold in earlier for sentence in gold["sentences"]}
    earlier_styles = {gold["style"] for gold in earlier}
    for path, gold in golds_of(SETS_IN_ORDER[position]):
        assert gold["style"] not in earlier_styles, path.name
        shared = earlier_sentences.intersection(gold["sentences"])
        assert not shared, f"{path.name} repeats sentences of an earlier gold set: {sorted(shared)}"


@pytest.mark.parametrize("folder", HELD_OUT, ids=lambda folder: folder.name)
def test_speakers_are_resolved_names(folder: Path) -> None:
    for _, gold in golds_of(folder):
        for claim in gold["claims"]:
            speaker = claim["speaker"]
            assert speaker is None or not UNRESOLVED_SPEAKER.match(speaker), claim["text"]
