"""The real-news set keeps only references and labels; with the data present, every reference resolves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.realnews import (
    CHECK_LABELS,
    CHECKS_FILE,
    PAIR_LABELS,
    PAIRS_FILE,
    apply_edits,
    load_articles,
    read_jsonl,
    resolve,
    split_of,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PAIRS = read_jsonl(PAIRS_FILE)
CHECKS = read_jsonl(CHECKS_FILE)
SPAN_KEYS = {"article", "start", "end", "sha"}


def test_pairs_and_checks_are_labelled_and_split_by_event() -> None:
    assert len(PAIRS) >= 800 and len(CHECKS) >= 150
    assert len({p["id"] for p in PAIRS}) == len(PAIRS)
    assert len({c["id"] for c in CHECKS}) == len(CHECKS)
    for pair in PAIRS:
        assert pair["label"] in PAIR_LABELS and pair["kind"] and pair["reason"]
        assert set(pair["a"]) >= SPAN_KEYS and set(pair["b"]) >= SPAN_KEYS
        assert pair["a"]["article"].split(":")[0] == pair["event"] == pair["b"]["article"].split(":")[0]
        assert pair["a"]["article"].split(":")[1] != pair["b"]["article"].split(":")[1], "two outlets"
        assert pair["split"] == split_of(pair["event"])
    for item in CHECKS:
        assert item["label"] in CHECK_LABELS and item["kind"] and item["reason"]
        assert set(item["claim"]) >= SPAN_KEYS
        assert item["split"] == split_of(item["event"])


def test_no_text_is_stored() -> None:
    # Only short written edits and one-line reasons in the annotators' words: no sentence of the data.
    for record in [*PAIRS, *CHECKS]:
        assert len(record["reason"].split()) <= 20
        for side in ("a", "b", "claim"):
            for edit in record.get(side, {}).get("edits", []):
                assert len(edit["replace"].split()) <= 8  # a name with its title, a figure, a "not"
    raw = PAIRS_FILE.read_text(encoding="utf-8") + CHECKS_FILE.read_text(encoding="utf-8")
    assert '"text"' not in raw


@pytest.mark.data
@pytest.mark.skipif(not (DATA / "basil").is_dir(), reason=f"no BASIL data in {DATA}")
def test_every_reference_resolves_to_its_fingerprint() -> None:
    articles = load_articles(DATA)
    assert articles is not None
    for pair in PAIRS:
        for side in ("a", "b"):
            _, text = resolve(pair[side], articles)
            assert apply_edits(text, pair[side].get("edits", [])).strip()
    for item in CHECKS:
        resolve(item["claim"], articles)
        assert item["article"] in articles


def test_a_written_edit_replaces_only_its_span() -> None:
    edits = [{"start": 4, "end": 10, "replace": "Senate"}, {"start": 11, "end": 17, "replace": "rejected"}]
    assert apply_edits("The Houses passed it", json.loads(json.dumps(edits))) == "The Senate rejected it"
