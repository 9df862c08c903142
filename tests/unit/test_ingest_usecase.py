"""The ingest use case against the in-memory store and a fake bucket: reconcile, never trust order."""

from __future__ import annotations

import datetime as dt

import pytest
from claimdiff.config import Settings
from claimdiff.ingest import Ingestor, ObjectChange, article_identity, object_changes, reprocess
from claimdiff.matching import Matcher
from claimdiff.models import ArticleStatus
from claimdiff.store.memory import InMemoryStore
from claimdiff.versions import processing_version

from tests.fakes import FakeObjectSource

BUCKET = "articles-bucket"
KEY = "articles/wire-a/talks.txt"
FIRST = (
    b"Talks in Geneva\n\nThe United States has not separated the rebel groups it supports from al-Nusra, "
    b"Lavrov said on Friday.\n\nThe plant supplies water for 1.8 million people in Aleppo, officials said."
)
SECOND = (
    b"Talks in Geneva\n\nThe United States has not separated the rebel groups it supports from al-Nusra, "
    b"Lavrov said on Friday.\n\nThe evacuation of Daraya was agreed by rebels and government forces on Thursday."
)


@pytest.fixture
def world() -> tuple[Ingestor, InMemoryStore, FakeObjectSource]:
    store, objects = InMemoryStore(), FakeObjectSource()
    return Ingestor(store, objects, Settings(max_article_bytes=5_000)), store, objects


def change(key: str = KEY, event: str = "ObjectCreated:Put") -> ObjectChange:
    return ObjectChange(bucket=BUCKET, key=key, event_name=event)


def test_outlet_comes_from_the_key_and_ids_are_stable() -> None:
    article_id, outlet = article_identity(KEY)
    assert outlet == "wire-a"
    assert article_id.startswith("wire-a-talks-")
    assert article_identity(KEY) == (article_id, outlet)
    assert article_identity("articles/wire-a/other.txt")[0] != article_id


def test_new_object_becomes_an_article_with_claims(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST, {"published-at": "2016-08-26"})
    result = ingestor.ingest(change())
    article = store.get_article(result.article_id)
    assert result.outcome == "processed"
    assert article is not None and article.status is ArticleStatus.PROCESSED
    assert article.title == "Talks in Geneva"
    assert str(article.published_at) == "2016-08-26"
    claims = store.list_claims(result.article_id)
    assert article.claim_count == len(claims) == result.claims_added >= 2
    assert all(claim.outlet == "wire-a" and claim.blocking_keys for claim in claims)
    assert all(str(claim.published_on) == "2016-08-26" for claim in claims)
    # Which code and data made them: the article and each claim say so.
    assert article.processing_version == processing_version()
    assert {claim.processing_version for claim in claims} == {processing_version()}


def test_replayed_event_changes_nothing(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST)
    first = ingestor.ingest(change())
    before = (store.get_article(first.article_id), store.list_claims(first.article_id))
    again = ingestor.ingest(change())
    assert again.outcome == "unchanged"
    assert (store.get_article(first.article_id), store.list_claims(first.article_id)) == before


def test_overwrite_replaces_the_earlier_claims_and_keeps_unchanged_ones(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST)
    article_id = ingestor.ingest(change()).article_id
    old = {claim.id: claim.text for claim in store.list_claims(article_id)}
    objects.put(BUCKET, KEY, SECOND)
    result = ingestor.ingest(change())
    new = {claim.id: claim.text for claim in store.list_claims(article_id)}
    assert result.outcome == "processed" and result.claims_removed >= 1 and result.claims_added >= 1
    assert not any("1.8 million" in text for text in new.values())
    assert any("Daraya" in text for text in new.values())
    assert set(old) & set(new), "the unchanged sentence keeps its claim (and its relations)"


def test_late_older_event_converges_on_the_current_object(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST)
    objects.put(BUCKET, KEY, SECOND)
    newer = ObjectChange(bucket=BUCKET, key=KEY, event_name="ObjectCreated:Put", sequencer="0B")
    older = ObjectChange(bucket=BUCKET, key=KEY, event_name="ObjectCreated:Put", sequencer="0A")
    assert ingestor.ingest(newer).outcome == "processed"  # the newer event arrives first
    late = ingestor.ingest(older)  # then the older one: it reads the object S3 holds, as the newer did
    assert late.outcome == "superseded"
    claims = store.list_claims(late.article_id)
    assert any("Daraya" in claim.text for claim in claims)
    assert not any("1.8 million" in claim.text for claim in claims)


def test_delete_retracts_article_claims_and_relations_both_ways(world) -> None:
    ingestor, store, objects = world
    other_key = "articles/daily-b/talks.json"
    objects.put(BUCKET, KEY, FIRST)
    objects.put(
        BUCKET,
        other_key,
        b'{"title": "Geneva", "body": "The United States has separated the rebel groups '
        b'it supports from al-Nusra, Lavrov said on Friday."}',
    )
    matcher = Matcher(store, Settings())
    for key in (KEY, other_key):
        article_id = ingestor.ingest(change(key)).article_id
        for claim in store.list_claims(article_id):
            matcher.match(claim)
    other_id = article_identity(other_key)[0]
    other_claims = store.list_claims(other_id)
    assert any(store.list_relations(claim.id) for claim in other_claims), (
        "the two outlets' claims are related"
    )

    objects.delete(BUCKET, KEY)
    result = ingestor.ingest(change(event="ObjectRemoved:Delete"))
    assert result.outcome == "retracted"
    assert store.get_article(result.article_id) is None
    assert store.list_claims(result.article_id) == []
    assert all(not store.list_relations(claim.id) for claim in other_claims)
    assert ingestor.ingest(change(event="ObjectRemoved:Delete")).outcome == "absent"


@pytest.mark.parametrize(
    ("key", "body", "reason"),
    [
        ("articles/wire-a/empty.txt", b"", "empty object"),
        ("articles/wire-a/image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("articles/wire-a/latin1.txt", b"caf\xe9 society news", "UTF-8"),
        ("articles/wire-a/huge.txt", b"word " * 2_000, "too large"),
        ("articles/wire-a/blank.md", b"\n\n   \n", "no extractable text"),
        ("articles/no-outlet.txt", b"A fine article with words.", "articles/<outlet>/<file>"),
    ],
)
def test_bad_input_is_recorded_as_rejected_with_its_reason(world, key: str, body: bytes, reason: str) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, key, body)
    result = ingestor.ingest(change(key))
    article = store.get_article(result.article_id)
    assert result.outcome == "rejected"
    assert article is not None and article.status is ArticleStatus.REJECTED
    assert article.reason is not None and reason in article.reason
    assert store.list_claims(result.article_id) == []
    assert ingestor.ingest(change(key)).outcome == "unchanged", "a rejection is final, not retried"


def test_bad_overwrite_rejects_and_retracts_the_earlier_claims(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST)
    article_id = ingestor.ingest(change()).article_id
    objects.put(BUCKET, KEY, b"")
    result = ingestor.ingest(change())
    assert result.outcome == "rejected" and result.claims_removed >= 2
    assert store.list_claims(article_id) == []


def test_s3_test_event_announces_nothing_and_garbage_is_an_error() -> None:
    assert object_changes({"Event": "s3:TestEvent", "Service": "Amazon S3", "Bucket": BUCKET}) == []
    with pytest.raises(ValueError, match="not an S3 event"):
        object_changes({"hello": "world"})
    with pytest.raises(ValueError, match="malformed"):
        object_changes({"Records": [{"eventName": "ObjectCreated:Put"}]})


def test_url_encoded_keys_are_decoded() -> None:
    record = {
        "eventName": "ObjectCreated:Put",
        "s3": {"bucket": {"name": BUCKET}, "object": {"key": "articles/wire-a/my+file%281%29.txt"}},
    }
    assert object_changes({"Records": [record]})[0].key == "articles/wire-a/my file(1).txt"


def test_a_new_date_on_the_same_body_moves_the_claims_to_the_new_day(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST, {"published-at": "2016-08-26"})
    article_id = ingestor.ingest(change()).article_id
    objects.put(BUCKET, KEY, FIRST, {"published-at": "2016-09-30"})
    result = ingestor.ingest(change())
    claims = store.list_claims(article_id)
    assert result.outcome == "processed" and result.claims_added == len(claims) >= 2
    assert {str(claim.published_on) for claim in claims} == {"2016-09-30"}
    old_day = dt.date(2016, 8, 26)
    keys = {key for claim in claims for key in claim.blocking_keys}
    assert all(not store.candidates(key, old_day, window_days=0, limit=50) for key in keys), (
        "nothing left in the old day's buckets"
    )


def test_a_replay_repairs_claims_left_by_a_concurrent_run(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST)
    article_id = ingestor.ingest(change()).article_id
    expected = {claim.id for claim in store.list_claims(article_id)}
    # What a run on another version, racing this one, leaves behind: claims of another text.
    other_store, other_objects = InMemoryStore(), FakeObjectSource()
    other_objects.put(BUCKET, KEY, SECOND)
    Ingestor(other_store, other_objects, Settings()).ingest(change())
    strays = [c for c in other_store.list_claims(article_id) if c.id not in expected]
    store.put_claims(strays)
    assert strays and len(store.list_claims(article_id)) > len(expected)

    result = ingestor.ingest(change())
    assert result.outcome == "processed", "a count that disagrees with the article is not 'unchanged'"
    assert {claim.id for claim in store.list_claims(article_id)} == expected
    assert ingestor.ingest(change()).outcome == "unchanged"


def test_folder_markers_are_not_articles() -> None:
    folder = {
        "eventName": "ObjectCreated:Put",
        "s3": {"bucket": {"name": BUCKET}, "object": {"key": "articles/wire-a/"}},
    }
    assert object_changes({"Records": [folder]}) == []


def test_claims_are_read_from_a_bounded_extent_of_a_huge_article(world) -> None:
    _, store, objects = world
    ingestor = Ingestor(store, objects, Settings(max_article_bytes=100_000, max_read_chars=2_000))
    paragraph = b"The council approved a budget of 4.2 million dollars on Monday, officials said.\n\n"
    late = b"The mayor resigned on Friday after the vote, officials said.\n\n"
    objects.put(BUCKET, KEY, b"Budget\n\n" + paragraph * 60 + late)
    result = ingestor.ingest(change())
    article = store.get_article(result.article_id)
    assert article is not None and article.status is ArticleStatus.PROCESSED
    assert not any("resigned" in claim.text for claim in store.list_claims(result.article_id))
    assert all(claim.end <= 2_000 for claim in store.list_claims(result.article_id))
    assert any(note.startswith("claims read from the first") for note in article.notes), article.notes


def test_keys_sharing_a_slug_get_ids_that_differ_by_a_full_digest() -> None:
    keys = ["articles/nyt/a-b.txt", "articles/NYT/a-b.txt", "articles/nyt/a_b.txt", "articles/nyt/a.b.txt"]
    ids = [article_identity(key)[0] for key in keys]
    assert len({article_id.rsplit("-", 1)[0] for article_id in ids}) == 1, "one readable slug"
    assert len(set(ids)) == len(keys)
    assert all(len(article_id.rsplit("-", 1)[1]) == 32 for article_id in ids), "128 bits of the key"


def test_an_outlet_over_its_daily_quota_is_rejected_with_the_reason(world) -> None:
    _, store, objects = world
    ingestor = Ingestor(store, objects, Settings(outlet_articles_per_day=3))
    body = b'{"title": "Talks", "body": "Kerry said talks would resume.", "published_at": "%s"}'
    outcomes = []
    for n in range(5):
        objects.put(BUCKET, f"articles/flood-x/copy-{n}.json", body % b"2016-08-26")
        outcomes.append(ingestor.ingest(change(f"articles/flood-x/copy-{n}.json")))
    assert [result.outcome for result in outcomes] == ["processed"] * 3 + ["rejected"] * 2
    assert "outlet quota: flood-x already has 3 articles dated 2016-08-26" in (outcomes[-1].reason or "")
    assert store.list_claims(outcomes[-1].article_id) == []
    # Another day, another outlet and an overwrite of an accepted article are not held back.
    objects.put(BUCKET, "articles/flood-x/next-day.json", body % b"2016-08-27")
    objects.put(BUCKET, "articles/wire-a/same-day.json", body % b"2016-08-26")
    objects.put(BUCKET, "articles/flood-x/copy-0.json", body % b"2016-08-26" + b" ")
    for key in (
        "articles/flood-x/next-day.json",
        "articles/wire-a/same-day.json",
        "articles/flood-x/copy-0.json",
    ):
        assert ingestor.ingest(change(key)).outcome == "processed", key


COPY_BODY = FIRST + b"\n\nThe talks resume on Monday, a spokesman said."


def test_a_near_copy_of_the_outlets_article_counts_once_and_says_of_which(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST, {"published-at": "2016-08-26"})
    original = ingestor.ingest(change()).article_id
    objects.put(BUCKET, "articles/wire-a/again.txt", COPY_BODY, {"published-at": "2016-08-26"})
    result = ingestor.ingest(change("articles/wire-a/again.txt"))

    copy = store.get_article(result.article_id)
    assert result.outcome == "processed" and result.claims_added == 0
    assert copy is not None and copy.status is ArticleStatus.PROCESSED and copy.duplicate_of == original
    assert copy.claim_count == 0 and store.list_claims(copy.id) == []
    assert f"a near-copy of {original}" in " ".join(copy.notes)
    # Replayed, it stays a near-copy; the original keeps its claims.
    assert ingestor.ingest(change("articles/wire-a/again.txt")).outcome == "unchanged"
    assert store.list_claims(original)


def test_the_same_text_from_another_outlet_or_an_overwrite_is_no_near_copy(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST, {"published-at": "2016-08-26"})
    ingestor.ingest(change())
    objects.put(BUCKET, "articles/daily-b/talks.txt", FIRST, {"published-at": "2016-08-26"})
    other = store.get_article(ingestor.ingest(change("articles/daily-b/talks.txt")).article_id)
    objects.put(BUCKET, KEY, COPY_BODY, {"published-at": "2016-08-26"})
    corrected = store.get_article(ingestor.ingest(change()).article_id)
    assert other is not None and other.duplicate_of is None and other.claim_count > 0
    assert corrected is not None and corrected.duplicate_of is None and corrected.claim_count > 0


def test_once_the_original_is_deleted_the_next_copy_stands_for_itself(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST, {"published-at": "2016-08-26"})
    ingestor.ingest(change())
    objects.delete(BUCKET, KEY)
    ingestor.ingest(change(event="ObjectRemoved:Delete"))
    objects.put(BUCKET, "articles/wire-a/again.txt", COPY_BODY, {"published-at": "2016-08-26"})
    copy = store.get_article(ingestor.ingest(change("articles/wire-a/again.txt")).article_id)
    assert copy is not None and copy.duplicate_of is None and copy.claim_count > 0


def test_an_html_upload_is_dated_by_its_own_page_without_metadata(world) -> None:
    ingestor, store, objects = world
    page = (
        b'<html><head><meta property="article:published_time" content="2016-08-26T08:00:00Z"></head>'
        b"<body><article><h1>Talks in Geneva</h1><p>The talks in Geneva ended without a deal on Friday, "
        b"officials said.</p></article></body></html>"
    )
    objects.put(BUCKET, "articles/wire-a/talks.html", page)
    article = store.get_article(ingestor.ingest(change("articles/wire-a/talks.html")).article_id)
    assert article is not None and str(article.published_at) == "2016-08-26 08:00:00+00:00"
    assert article.published_at_source == "document"
    assert {str(claim.published_on) for claim in store.list_claims(article.id)} == {"2016-08-26"}


@pytest.mark.parametrize(
    ("metadata", "source", "published"),
    [
        ({"published-at": "2016-08-26"}, "object_metadata", "2016-08-26"),
        ({}, "ingest_time", "None"),
        ({"published-at": "next week"}, "ingest_time", "None"),  # unusable: left out with a note
    ],
)
def test_an_article_says_where_its_date_came_from(
    world, metadata: dict[str, str], source: str, published: str
) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST, metadata)
    article = store.get_article(ingestor.ingest(change()).article_id)
    assert article is not None
    assert (article.published_at_source, str(article.published_at)) == (source, published)


def _made_by_an_older_version(store: InMemoryStore, article_id: str) -> None:
    """Mark the article and its claims as another processing_version's work (a deploy ago)."""
    article = store.get_article(article_id)
    assert article is not None
    store.put_article(article.model_copy(update={"processing_version": "xold.eold.mold"}))
    store.put_claims(
        [c.model_copy(update={"processing_version": "xold.eold.mold"}) for c in store.list_claims(article_id)]
    )


def test_reprocess_reads_again_what_an_older_version_made_and_nothing_else(world) -> None:
    ingestor, store, objects = world
    objects.put(BUCKET, KEY, FIRST, {"published-at": "2016-08-26"})
    objects.put(BUCKET, "articles/daily-b/talks.txt", SECOND, {"published-at": "2016-08-26"})
    old = ingestor.ingest(change()).article_id
    current = ingestor.ingest(change("articles/daily-b/talks.txt")).article_id
    claim_ids = {c.id for c in store.list_claims(old)}
    _made_by_an_older_version(store, old)

    articles = [store.get_article(old), store.get_article(current)]
    result = reprocess(ingestor, [a for a in articles if a is not None])

    assert (result.articles, result.claims_added, result.claims_removed) == (
        1,
        len(claim_ids),
        len(claim_ids),
    )
    article = store.get_article(old)
    assert article is not None and article.processing_version == processing_version()
    claims = store.list_claims(old)
    assert {c.id for c in claims} == claim_ids, "the same text gives the same claims"
    assert {c.processing_version for c in claims} == {processing_version()}
    again = reprocess(ingestor, [a for a in (store.get_article(old), store.get_article(current)) if a])
    assert again.articles == 0, "what the current version made is left alone"


def test_an_article_records_the_wire_service_it_credits(world) -> None:
    ingestor, store, objects = world
    text = FIRST.replace(b"Talks in Geneva\n\n", b"Talks in Geneva\n\nGENEVA (Reuters) - ")
    objects.put(BUCKET, KEY, text, {"published-at": "2016-08-26"})
    article = store.get_article(ingestor.ingest(change()).article_id)
    assert article is not None and article.wire == "reuters"
