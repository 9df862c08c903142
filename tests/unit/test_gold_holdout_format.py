"""What only the held-out gold set tests/gold_holdout promises: the cases it exercises and a README that keeps it
from tuning. The format, size, independence and speaker checks every held-out set shares are in
test_gold_held_out_sets.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.unit import test_gold_format as gold_format

HOLDOUT_DIR = gold_format.REPO / "tests" / "gold_holdout"
HOLDOUT_FILES = sorted(HOLDOUT_DIR.glob("*.gold.json"))

NOISE_KINDS: dict[str, Callable[[str], bool]] = {
    "byline": lambda line: line.startswith("By "),
    "share": lambda line: line == "Share",
    "advertisement": lambda line: line == "Advertisement",
    "read more": lambda line: line.startswith("Read more:"),
}


def _holdout_golds() -> list[dict[str, Any]]:
    return [gold_format._load_json(path) for path in HOLDOUT_FILES]


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
