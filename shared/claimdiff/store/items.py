"""Model <-> DynamoDB item mapping: the one place that knows the single-table layout.

| PK                           | SK                 | item                                        |
| ---------------------------- | ------------------ | ------------------------------------------- |
| ``ARTICLE#<article_id>``     | ``META``           | article metadata (GSI1: by outlet, GSI2: all), or a deleted article's tombstone |
| ``ARTICLE#<article_id>``     | ``CLAIM#<claim_id>`` | one claim                                 |
| ``KEY#<key>#<yyyy-mm>``      | ``<yyyy-mm-dd>#<shuffle>#<claim_id>`` | candidate index entry: outlet and matching key |
| ``CLAIM#<claim_id>``         | ``REL#<other_id>`` | relation (GSI2: contradictions by day, listed once) |
| ``NEAR#<outlet>#<mark>``     | ``<article_id>``   | an outlet's article filed under one of its sketch marks (expires) |

A META item carries ``seq``, the S3 sequencer of the change it reflects (``sequencer_order``): writes
are conditional on it, so an older event's run never replaces a newer state. A deleted article leaves
a tombstone (``type`` ``tombstone``, no index attributes, expiring by the table's TTL on
``expires_at`` once no older event can still be delivered).

Every item keeps its model as compact JSON in ``data``: one attribute to (de)serialise, no Decimal
round trips, and stream images carry the whole model. Key and index attributes sit beside it.

The candidate index is read once per blocking key and new claim: a month's partition, its sort key
ranging over the matching window's days. An entry within the window of a month's edge is filed in
the neighbouring month too, so that one Query of the claim's own month sees every day of its
window. Within a day, entries sort by a hash of the claim id (``<shuffle>``): a capped read favours
no outlet (claim ids begin with the outlet's name). Entries are small (the outlet and the matching
key the first pass scores); the few claims that pass are read whole from their articles.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import zlib
from typing import Any

from claimdiff.models import Article, ArticleStatus, ArticleVersion, Claim, Relation, sequencer_order
from claimdiff.store.ports import IndexEntry
from claimdiff.text import matching_key
from claimdiff.text.sketch import marks

Item = dict[str, Any]  # an item in DynamoDB's low-level JSON: {"PK": {"S": "..."}, ...}

ARTICLE_PREFIX = "ARTICLE#"
CLAIM_PREFIX = "CLAIM#"
REL_PREFIX = "REL#"
KEY_PREFIX = "KEY#"
META = "META"
ALL_ARTICLES = "ARTICLES"
CONTRADICTIONS_PREFIX = "CONTRA#"
MARK_PREFIX = "NEAR#"
VERSION_PREFIX = "VERSION#"
# Near-copies are looked for among the marks of the last month: older copies fall outside every
# matching window, where they can crowd out no one.
MARK_DAYS = 31
# Articles read per mark, and compared in all: a lookup stays two small reads a mark and one batch.
ARTICLES_PER_MARK = 8
MARKED_ARTICLES = 8
SEQUENCER = "seq"
TOMBSTONE = "tombstone"
# SQS keeps a message at most 14 days: after that no older event of a deleted key can arrive.
TOMBSTONE_DAYS = 15
# The day of the oldest contradiction ever stored: where the listing's walk back through day buckets ends.
CONTRADICTIONS_OLDEST = {"PK": {"S": "CONTRADICTIONS"}, "SK": {"S": "OLDEST"}}
# Day buckets one listing request reads at most; past them it answers what it found and a cursor.
CONTRADICTION_DAYS_PER_REQUEST = 31


def article_pk(article_id: str) -> str:
    """Partition of an article, its metadata and its claims."""
    return f"{ARTICLE_PREFIX}{article_id}"


def claim_sk(claim_id: str) -> str:
    """Sort key of a claim inside its article's partition."""
    return f"{CLAIM_PREFIX}{claim_id}"


def relations_pk(claim_id: str) -> str:
    """Partition of a claim's relations."""
    return f"{CLAIM_PREFIX}{claim_id}"


# The longest matching key an index entry keeps (the first pass scores words, the rest is for the
# relation model, which reads the whole claim).
MAX_INDEX_KEY_CHARS = 400


def index_pk(key: str, bucket: str) -> str:
    """Candidate-index partition: one blocking key in one month (``index_bucket``)."""
    return f"{KEY_PREFIX}{key}#{bucket}"


def index_bucket(day: dt.date) -> str:
    """The month a day's index entries are filed under."""
    return day.isoformat()[:7]


def index_buckets(day: dt.date, window_days: int) -> list[str]:
    """Every month a claim of ``day`` is filed under: its own, and a neighbour within the window."""
    edges = (day - dt.timedelta(days=window_days), day, day + dt.timedelta(days=window_days))
    return sorted({index_bucket(when) for when in edges})


def index_sk(day: dt.date, claim_id: str) -> str:
    """Sort key of an index entry: its day, then a hash of the claim id, then the id."""
    shuffle = hashlib.blake2b(claim_id.encode(), digest_size=2).hexdigest()
    return f"{day.isoformat()}#{shuffle}#{claim_id}"


def index_range(day: dt.date, window_days: int) -> tuple[str, str]:
    """The sort-key range of the entries within ``window_days`` of ``day`` (inclusive)."""
    first, last = day - dt.timedelta(days=window_days), day + dt.timedelta(days=window_days)
    return first.isoformat(), f"{last.isoformat()}~"  # "~" sorts after "#" and every digit


def contradictions_pk(day: dt.date) -> str:
    """GSI2 partition of the contradictions detected on ``day``."""
    return f"{CONTRADICTIONS_PREFIX}{day.isoformat()}"


def contradiction_day(item: Item) -> dt.date | None:
    """The day bucket a relation item is listed under, or None for a relation that is not listed."""
    partition = item.get("GSI2PK", {}).get("S", "")
    return dt.date.fromisoformat(partition.removeprefix(CONTRADICTIONS_PREFIX)) if partition else None


def article_of_claim(claim_id: str) -> str:
    """Claim ids are ``<article_id>~<digest>``: the article is readable from the id."""
    return claim_id.rsplit("~", 1)[0]


def claim_day(claim: Claim) -> dt.date:
    """The day bucket of a claim in the candidate index."""
    return claim.published_on or dt.datetime.now(dt.UTC).date()


def _s(value: str) -> dict[str, str]:
    return {"S": value}


def _sort_time(article: Article) -> str:
    """A sortable time: datetimes in UTC (ISO strings of mixed offsets do not sort), dates as they are."""
    when = article.published_at or article.ingested_at
    if isinstance(when, dt.datetime) and when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.isoformat() if when else "0000"


def article_to_item(article: Article) -> Item:
    """The META item of an article (the body text is not stored: it stays in S3)."""
    stored = article.model_copy(update={"text": ""})
    sort = f"{_sort_time(article)}#{article.id}"
    return {
        "PK": _s(article_pk(article.id)),
        "SK": _s(META),
        "GSI1PK": _s(f"OUTLET#{article.outlet}"),
        "GSI1SK": _s(sort),
        "GSI2PK": _s(ALL_ARTICLES),
        "GSI2SK": _s(sort),
        "type": _s("article"),
        "status": _s(article.status.value),
        SEQUENCER: _s(sequencer_order(article.sequencer)),
        "data": _s(stored.model_dump_json(exclude_none=True)),
    }


def mark_pk(outlet: str, mark: str) -> str:
    """The partition that files an outlet's articles under one of their sketch marks (one item each)."""
    return f"{MARK_PREFIX}{outlet}#{mark}"


def mark_items(article: Article, now: dt.datetime) -> list[Item]:
    """The items that file a processed article under its marks (none for a near-copy or a rejection)."""
    if article.status is not ArticleStatus.PROCESSED or article.duplicate_of:
        return []
    expires = {"N": str(int((now + dt.timedelta(days=MARK_DAYS)).timestamp()))}
    return [
        {
            "PK": _s(mark_pk(article.outlet, mark)),
            "SK": _s(article.id),
            "type": _s("mark"),
            "expires_at": expires,
        }
        for mark in marks(article.sketch)
    ]


def most_marked(filed: dict[str, list[str]], limit: int) -> list[str]:
    """Of the article ids found under each mark, the ``limit`` found under the most marks (a near-copy
    shares most of them; an article sharing a common phrase, one), ties by id."""
    counts: dict[str, int] = {}
    for article_ids in filed.values():
        for article_id in article_ids:
            counts[article_id] = counts.get(article_id, 0) + 1
    return sorted(counts, key=lambda article_id: (-counts[article_id], article_id))[:limit]


def tombstone_item(article_id: str, sequencer: str | None, now: dt.datetime) -> Item:
    """What a deleted article leaves in its META slot: the delete's sequencer, until it expires."""
    expires = now + dt.timedelta(days=TOMBSTONE_DAYS)
    return {
        "PK": _s(article_pk(article_id)),
        "SK": _s(META),
        "type": _s(TOMBSTONE),
        SEQUENCER: _s(sequencer_order(sequencer)),
        "expires_at": {"N": str(int(expires.timestamp()))},
    }


def is_tombstone(item: Item) -> bool:
    """Whether a META item is a deleted article's tombstone."""
    return bool(item.get("type", {}).get("S") == TOMBSTONE)


def claim_to_item(claim: Claim) -> Item:
    """The item of a claim in its article's partition (``data`` packed, as a relation's: a claim with
    its propositions is 2-3 KB of JSON, three write units; packed, one)."""
    return {
        "PK": _s(article_pk(claim.article_id)),
        "SK": _s(claim_sk(claim.id)),
        "type": _s("claim"),
        "outlet": _s(claim.outlet),
        "data": _packed(claim.model_dump_json(exclude_none=True, exclude_defaults=True)),
    }


def index_items(claim: Claim, window_days: int) -> list[Item]:
    """The candidate-index entries of a claim: one per blocking key and month (``index_buckets``)."""
    day = claim_day(claim)
    sort_key = _s(index_sk(day, claim.id))
    key_text = _s(matching_key(claim.text)[:MAX_INDEX_KEY_CHARS])
    return [
        {
            "PK": _s(index_pk(key, bucket)),
            "SK": sort_key,
            "type": _s("index"),
            "outlet": _s(claim.outlet),
            "claim": _s(claim.id),
            "key": key_text,
        }
        for key in claim.blocking_keys
        for bucket in index_buckets(day, window_days)
    ]


def index_keys(claim: Claim, window_days: int) -> list[Item]:
    """The primary keys of a claim's index entries (for deletion)."""
    day = claim_day(claim)
    sort_key = _s(index_sk(day, claim.id))
    return [
        {"PK": _s(index_pk(key, bucket)), "SK": sort_key}
        for key in claim.blocking_keys
        for bucket in index_buckets(day, window_days)
    ]


def index_entry_from_item(item: Item) -> IndexEntry:
    """Read a candidate-index entry."""
    return IndexEntry(
        claim_id=item["claim"]["S"],
        outlet=item["outlet"]["S"],
        day=dt.date.fromisoformat(item["SK"]["S"][:10]),
        key=item["key"]["S"],
    )


def claim_key(claim_id: str) -> Item:
    """The primary key of a claim's item."""
    return {"PK": _s(article_pk(article_of_claim(claim_id))), "SK": _s(claim_sk(claim_id))}


def relation_to_item(relation: Relation) -> Item:
    """The item of one direction of a relation; a contradiction is listed (GSI2) from one direction only.

    Its ``data`` is compressed: two claims' texts and the evidence spans make a relation about 1.3 KB of
    JSON (two write units), a third of that packed; relations are most of what matching writes.
    """
    item: Item = {
        "PK": _s(relations_pk(relation.claim.id)),
        "SK": _s(f"{REL_PREFIX}{relation.other.id}"),
        "type": _s("relation"),
        "relation": _s(relation.relation),
        "data": _packed(relation.model_dump_json(exclude_none=True)),
    }
    if relation.relation == "contradiction" and relation.claim.id < relation.other.id:
        detected = relation.detected_at or dt.datetime.now(dt.UTC)
        item["GSI2PK"] = _s(contradictions_pk(detected.date()))
        item["GSI2SK"] = _s(f"{detected.isoformat()}#{relation.claim.id}#{relation.other.id}")
        item["outlets"] = {"SS": sorted({relation.claim.outlet, relation.other.outlet})}
    return item


def version_to_item(version: ArticleVersion) -> Item:
    """The item of one kept version of an article, in the article's partition (packed: its claims'
    words are most of it; 200 claims fit well under the 400 KB item limit)."""
    return {
        "PK": _s(article_pk(version.article_id)),
        "SK": _s(f"{VERSION_PREFIX}{version.order}"),
        "type": _s("version"),
        "data": _packed(version.model_dump_json(exclude_none=True)),
    }


def version_from_item(item: Item) -> ArticleVersion:
    """Read a kept version's item."""
    return ArticleVersion.model_validate_json(_unpacked(item["data"]))


def article_from_item(item: Item) -> Article:
    """Read an article's META item."""
    return Article.model_validate_json(item["data"]["S"])


def claim_from_item(item: Item) -> Claim:
    """Read a claim item or its stream image (``dynamodb.NewImage`` of the record, as Lambda sends it)."""
    return Claim.model_validate_json(_unpacked(item["data"]))


def relation_from_item(item: Item) -> Relation:
    """Read a relation item (packed, or plain JSON as stored before relations were packed)."""
    return Relation.model_validate_json(_unpacked(item["data"]))


_PACK_LEVEL = 6


def _packed(model_json: str) -> dict[str, bytes]:
    """A model's JSON, zlib-packed as a binary attribute."""
    return {"B": zlib.compress(model_json.encode(), _PACK_LEVEL)}


def _unpacked(value: dict[str, Any]) -> str:
    """A ``data`` attribute's JSON: plain (``S``) or zlib-packed (``B``: bytes, or base64 text as a
    stream event carries binary values)."""
    if "S" in value:
        return str(value["S"])
    raw = value["B"]
    return zlib.decompress(base64.b64decode(raw) if isinstance(raw, str) else bytes(raw)).decode()
