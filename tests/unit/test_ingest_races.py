"""Racing ingests of one key converge on the object S3 holds, whatever the interleaving.

Each test pauses run A at one step (the fetch, its claim writes, its META write) and runs a whole newer
run B there, as a second Lambda would; then A goes on. The store must end as a single clean ingest of
the object S3 finally holds would leave it: the same claims, item for item, and the newer event's META.
The contract's ``store`` fixture runs these on the in-memory fake here and on DynamoDB (moto) in
tests/integration/test_ingest_races_dynamodb.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from claimdiff.config import Settings
from claimdiff.ingest import Ingestor, ObjectChange, article_identity
from claimdiff.models import Article
from claimdiff.store.memory import InMemoryStore
from claimdiff.store.ports import ClaimStore

from tests.fakes import FakeObjectSource, Paused

BUCKET = "articles-bucket"
KEY = "articles/wire-a/talks.txt"
OLD = (
    b"Talks in Geneva\n\nThe United States has not separated the rebel groups it supports from al-Nusra, "
    b"Lavrov said on Friday.\n\nThe plant supplies water for 1.8 million people in Aleppo, officials said."
)
NEW = (
    b"Talks collapse\n\nThe talks in Geneva collapsed on Friday, officials said.\n\n"
    b"The evacuation of Daraya was agreed by rebels and government forces on Thursday."
)
# S3 sequencers of the two events: hexadecimal, ordered once padded (the older one is shorter).
OLDER, NEWER = "9F00", "0A0000"
# Where run A is paused: (object, method, before or after the call).
PAUSES = [
    ("objects", "fetch", "after"),
    ("store", "put_claims", "before"),
    ("store", "put_claims", "after"),
    ("store", "put_article", "before"),
    ("store", "put_article", "after"),
]


@pytest.fixture
def store() -> ClaimStore:
    return InMemoryStore()


def change(sequencer: str, event: str = "ObjectCreated:Put") -> ObjectChange:
    return ObjectChange(bucket=BUCKET, key=KEY, event_name=event, sequencer=sequencer)


def settled(store: ClaimStore) -> tuple[Article | None, list[Any]]:
    """The article (without its run's clock) and its claims, as whole items."""
    article_id = article_identity(KEY)[0]
    article = store.get_article(article_id)
    if article is not None:
        article = article.model_copy(update={"ingested_at": None})
    return article, store.list_claims(article_id)


def clean_ingest(body: bytes | None, sequencer: str) -> tuple[Article | None, list[Any]]:
    """What one ingest of the final object, with no race, leaves in a fresh store."""
    store, objects = InMemoryStore(), FakeObjectSource()
    if body is not None:
        objects.put(BUCKET, KEY, body)
    Ingestor(store, objects, Settings()).ingest(change(sequencer))
    return settled(store)


def race(store: ClaimStore, pause: tuple[str, str, str], newer: Callable[[FakeObjectSource], None]) -> None:
    """Run A (the older event, the old object) paused at ``pause``, where ``newer`` changes the object
    and runs the newer event's ingest to the end."""
    objects = FakeObjectSource()
    objects.put(BUCKET, KEY, OLD)

    def run_newer() -> None:
        newer(objects)

    where, method, when = pause
    paused_store = Paused(store, method, when, run_newer) if where == "store" else store
    paused_objects = Paused(objects, method, when, run_newer) if where == "objects" else objects
    Ingestor(paused_store, paused_objects, Settings()).ingest(change(OLDER))  # type: ignore[arg-type]


@pytest.mark.parametrize("pause", PAUSES, ids=["-".join(p) for p in PAUSES])
def test_an_overwrite_racing_an_older_run_leaves_the_new_version(
    store: ClaimStore, pause: tuple[str, str, str]
) -> None:
    def overwrite(objects: FakeObjectSource) -> None:
        objects.put(BUCKET, KEY, NEW)
        Ingestor(store, objects, Settings()).ingest(change(NEWER))

    race(store, pause, overwrite)
    article, claims = settled(store)
    expected_article, expected_claims = clean_ingest(NEW, NEWER)
    assert claims == expected_claims
    assert article is not None and expected_article is not None
    assert article.model_copy(update={"s3_version": None}) == expected_article.model_copy(
        update={"s3_version": None}
    )


@pytest.mark.parametrize("pause", PAUSES, ids=["-".join(p) for p in PAUSES])
def test_a_delete_racing_an_older_run_leaves_nothing(store: ClaimStore, pause: tuple[str, str, str]) -> None:
    def delete(objects: FakeObjectSource) -> None:
        objects.delete(BUCKET, KEY)
        Ingestor(store, objects, Settings()).ingest(change(NEWER, "ObjectRemoved:Delete"))

    race(store, pause, delete)
    assert settled(store) == (None, [])


def test_an_older_event_after_a_newer_one_is_superseded_and_writes_nothing(store: ClaimStore) -> None:
    objects = FakeObjectSource()
    objects.put(BUCKET, KEY, NEW)
    Ingestor(store, objects, Settings()).ingest(change(NEWER))
    before = settled(store)
    result = Ingestor(store, objects, Settings()).ingest(change(OLDER))
    assert result.outcome == "superseded"
    assert settled(store) == before


def test_a_replayed_delete_leaves_the_tombstone_as_it_was(store: ClaimStore) -> None:
    objects = FakeObjectSource()
    objects.put(BUCKET, KEY, OLD)
    ingestor = Ingestor(store, objects, Settings())
    ingestor.ingest(change(OLDER))
    objects.delete(BUCKET, KEY)
    assert ingestor.ingest(change(NEWER, "ObjectRemoved:Delete")).outcome == "retracted"
    assert ingestor.ingest(change(NEWER, "ObjectRemoved:Delete")).outcome == "absent"
    # The older create, delivered late, finds the object gone: it cannot bring the article back.
    assert ingestor.ingest(change(OLDER)).outcome == "absent"
    assert settled(store) == (None, [])
