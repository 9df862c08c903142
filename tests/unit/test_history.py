"""Corrections over time: an overwrite keeps the earlier version, and the history says what changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api import app as api_app
from claimdiff.config import Settings
from claimdiff.ingest import Ingestor, ObjectChange
from claimdiff.store.memory import InMemoryStore

from tests.fakes import FakeObjectSource
from tests.unit.api_world import get

BUCKET = "articles-bucket"
KEY = "articles/wire-a/talks.txt"
FIRST = (
    b"Talks in Geneva\n\nThe United States has not separated the rebel groups it supports from al-Nusra, "
    b"Lavrov said on Friday.\n\nThe plant supplies water for 1.8 million people in Aleppo, officials said."
)
# The correction: another figure; a sentence dropped; a sentence added.
CORRECTED = (
    b"Talks in Geneva\n\nThe plant supplies water for 2.1 million people in Aleppo, officials said.\n\n"
    b"The evacuation of Daraya was agreed by rebels and government forces on Thursday."
)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Ingestor, InMemoryStore, FakeObjectSource]]:
    store, objects = InMemoryStore(), FakeObjectSource()
    monkeypatch.setattr(api_app, "_store", store)
    yield Ingestor(store, objects, Settings(max_article_bytes=5_000)), store, objects


def upload(served: tuple[Ingestor, InMemoryStore, FakeObjectSource], body: bytes, sequencer: str) -> str:
    ingestor, _, objects = served
    objects.put(BUCKET, KEY, body)
    return ingestor.ingest(
        ObjectChange(bucket=BUCKET, key=KEY, event_name="ObjectCreated:Put", sequencer=sequencer)
    ).article_id


def test_an_overwrite_keeps_the_earlier_version_and_the_history_names_the_correction(served) -> None:
    article_id = upload(served, FIRST, "0000000000000001")
    upload(served, CORRECTED, "0000000000000002")
    _, store, _ = served
    assert store.list_claims(article_id)[0].text.startswith("The plant supplies water for 2.1")

    response = get(f"/articles/{article_id}/history")
    assert response.status == 200, response.body
    first, second = response.json()["versions"]
    assert (first["number"], second["number"]) == (1, 2)
    assert len(first["added"]) == first["claims"] and not first["removed"] and not first["changed"]
    (correction,) = second["changed"]
    assert "1.8 million" in correction["before"]["text"] and "2.1 million" in correction["after"]["text"]
    assert [c["text"] for c in second["removed"]] == [
        "The United States has not separated the rebel groups it supports from al-Nusra, Lavrov said on Friday."
    ]
    assert [c["text"] for c in second["added"]] == [
        "The evacuation of Daraya was agreed by rebels and government forces on Thursday."
    ]
    body = CORRECTED.decode()
    for claim in [correction["after"], *second["added"]]:
        assert claim["text"] in body


def test_a_replayed_upload_keeps_one_version(served) -> None:
    article_id = upload(served, FIRST, "0000000000000001")
    upload(served, FIRST, "0000000000000001")
    _, store, _ = served
    assert len(store.list_versions(article_id)) == 1


def test_without_a_sequencer_a_retry_of_the_same_upload_keeps_one_version(served) -> None:
    ingestor, store, objects = served
    objects.put(BUCKET, KEY, FIRST)
    change = ObjectChange(bucket=BUCKET, key=KEY, event_name="ObjectCreated:Put")
    article_id = ingestor.ingest(change).article_id
    # A retry that finds the claims unsettled redoes the work at another time: still one version.
    store.delete_claims(store.list_claims(article_id)[:1])
    ingestor.ingest(change)
    assert len(store.list_versions(article_id)) == 1


def test_the_history_of_an_unknown_article_is_a_404(served) -> None:
    response = get("/articles/nope/history")
    assert response.status == 404
    assert response.json()["error"] == "not_found"


def test_a_deleted_article_leaves_no_history(served) -> None:
    ingestor, store, objects = served
    article_id = upload(served, FIRST, "0000000000000001")
    objects.delete(BUCKET, KEY)
    ingestor.ingest(
        ObjectChange(bucket=BUCKET, key=KEY, event_name="ObjectRemoved:Delete", sequencer="0000000000000002")
    )
    assert store.list_versions(article_id) == []
