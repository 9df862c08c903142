"""The blind held-out extraction gold set (tests/gold_holdout) is well formed.

Every per-file check of ``test_gold_format`` (which guards tests/gold) runs here unchanged on the held-out
files, so both sets obey one format; the checks below add what only the held-out set promises: it is large
enough to measure on, independent of the tuning set, and marked as never to be tuned on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from claimdiff.text import normalise

from tests.unit import test_gold_format as gold_format

HOLDOUT_DIR = gold_format.REPO / "tests" / "gold_holdout"
HOLDOUT_FILES = sorted(HOLDOUT_DIR.glob("*.gold.json"))

MIN_ARTICLES = 4
MIN_CLAIMS = 70
MIN_SENTENCES, MAX_SENTENCES = 18, 25
NOISE_KINDS: dict[str, Callable[[str], bool]] = {
    "byline": lambda line: line.startswith("By "),
    "share": lambda line: line == "Share",
    "advertisement": lambda line: line == "Advertisement",
    "read more": lambda line: line.startswith("Read more:"),
}

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


def _holdout_golds() -> list[dict[str, Any]]:
    return [gold_format._load_json(path) for path in HOLDOUT_FILES]


@pytest.fixture(params=HOLDOUT_FILES, ids=lambda path: path.name)
def holdout_file(request: pytest.FixtureRequest) -> GoldFile:
    path: Path = request.param
    gold = gold_format._load_json(path)
    return path, gold, gold_format._article_text(path, gold)


@pytest.mark.parametrize("check", PER_FILE_CHECKS, ids=lambda check: check.__name__.removeprefix("test_"))
def test_holdout_file_passes_the_gold_format_check(
    holdout_file: GoldFile, check: Callable[[GoldFile], None]
) -> None:
    check(holdout_file)


def test_holdout_set_is_large_enough_to_measure_on() -> None:
    golds = _holdout_golds()
    assert len(golds) >= MIN_ARTICLES
    assert sum(len(gold["claims"]) for gold in golds) >= MIN_CLAIMS
    for path, gold in zip(HOLDOUT_FILES, golds, strict=True):
        assert MIN_SENTENCES <= len(gold["sentences"]) <= MAX_SENTENCES, path.name


def test_holdout_articles_are_written_for_the_set_and_already_normalised() -> None:
    for path, gold in zip(HOLDOUT_FILES, _holdout_golds(), strict=True):
        assert not gold.get("source"), f"{path.name}: the held-out articles live beside their gold files"
        raw = gold_format._article_path(path, gold).read_text(encoding="utf-8")
        assert normalise(raw) == raw, path.name


def test_holdout_is_independent_of_the_tuning_set() -> None:
    """No held-out sentence or style comes from tests/gold, so a score here says something new."""
    tuning = [gold_format._load_json(path) for path in gold_format.GOLD_FILES]
    tuning_sentences = {sentence for gold in tuning for sentence in gold["sentences"]}
    tuning_styles = {gold["style"] for gold in tuning}
    for path, gold in zip(HOLDOUT_FILES, _holdout_golds(), strict=True):
        assert gold["style"] not in tuning_styles, path.name
        shared = tuning_sentences.intersection(gold["sentences"])
        assert not shared, f"{path.name} repeats tuning sentences: {sorted(shared)}"


def test_holdout_exercises_speakers_negation_and_noise() -> None:
    claims = [claim for gold in _holdout_golds() for claim in gold["claims"]]
    noise = [line for gold in _holdout_golds() for line in gold["non_claims"]]
    assert {claim["negated"] for claim in claims} == {True, False}
    assert any(claim["speaker"] is None for claim in claims)
    assert sum(claim["speaker"] is not None for claim in claims) >= len(claims) // 2
    assert sum(bool(claim["quantities"]) for claim in claims) >= len(claims) // 3
    for kind, matches in NOISE_KINDS.items():
        assert any(matches(line) for line in noise), f"no {kind} noise line"
    # A question is a sentence but never a claim.
    assert any(
        sentence.endswith("?") and sentence not in {claim["text"] for claim in gold["claims"]}
        for gold in _holdout_golds()
        for sentence in gold["sentences"]
    )


def test_holdout_readme_forbids_tuning() -> None:
    readme = (HOLDOUT_DIR / "README.md").read_text(encoding="utf-8").casefold()
    assert "blind" in readme
    assert "never" in readme and "tun" in readme
