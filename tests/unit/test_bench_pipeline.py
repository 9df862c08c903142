"""Smoke tests of scripts/bench_pipeline.py on a tiny invented corpus (no dataset needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimdiff.config import Settings
from claimdiff.models import Claim

from scripts.bench_pipeline import (
    BASIL_FILE,
    CountingStore,
    load_basil,
    main,
    run_pipeline,
    spread,
    tally_relations,
    whole_events,
)

# Invented reports of two events, one per outlet (BASIL's row shape).
EVENTS = {
    "event-a": [
        "The city council approved 12 new parks on Monday, the mayor said.",
        "The city council did not approve any new parks on Monday, the mayor said.",
        "The mayor said the city council approved 12 new parks on Monday.",
    ],
    "event-b": [
        "The river flooded 40 homes in the valley, officials said on Tuesday.",
        "Officials said on Tuesday that the river flooded 40 homes in the valley.",
        "The river flooded 400 homes in the valley, officials said on Tuesday.",
    ],
}


def write_corpus(data: Path) -> None:
    rows = [
        {
            "triplet_uuid": event,
            "source": outlet,
            "uuid": "empty",  # BASIL repeats this placeholder: keys must not depend on it
            "title": f"Report {event}",
            "date": "2020-05-04",
            "paragraphs": [sentence, "Residents gathered at the town hall to hear the news."],
        }
        for event, sentences in EVENTS.items()
        for outlet, sentence in zip(("fox", "NYT", "hpo"), sentences, strict=True)
    ]
    path = data / BASIL_FILE
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")


def test_skips_cleanly_without_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["bench_pipeline.py", "--data", str(tmp_path)])
    assert main() == 0
    assert "skipped" in capsys.readouterr().out


def test_articles_get_distinct_keys_and_lowercase_outlets(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    articles = load_basil(tmp_path / BASIL_FILE)
    assert len({article.key for article in articles}) == 6
    assert {article.outlet for article in articles} == {"fox", "nyt", "hpo"}


def test_prefixes_keep_events_whole(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    articles = load_basil(tmp_path / BASIL_FILE)
    assert [a.event for a in whole_events(articles, 5)] == ["event-a"] * 3
    assert len(whole_events(articles, 1)) == 3  # never less than one event
    assert len(whole_events(articles, 6)) == 6


def test_spread_takes_one_claim_of_each_article_first() -> None:
    claims = [
        Claim(id=f"{article}~{n}", article_id=article, outlet="x", index=n, text="t", start=0, end=1)
        for article in ("a", "b")
        for n in range(3)
    ]
    assert [c.id for c in spread(claims)[:3]] == ["a~0", "b~0", "a~1"]


def test_pipeline_counts_one_index_read_per_key(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    articles = load_basil(tmp_path / BASIL_FILE)
    config = Settings()
    store = CountingStore()
    run = run_pipeline(store, articles, config, count_store_calls=store.candidate_calls)
    tally_relations(store, run)
    assert run.not_processed == []
    assert run.claims and len(run.matches) == len(run.claims)
    assert run.store_calls == sum(len(claim.blocking_keys) for claim in run.claims)
    assert len(run.ingest_seconds) == 6 and len(run.match_seconds) == len(run.claims)
    # Same-day reports of one event share keys: the matcher finds candidates and keeps relations.
    assert run.candidates_per_claim > 0
    assert sum(run.same_event.values()) > 0
