"""Model <-> DynamoDB item mapping: the one place that knows the single-table layout.

| PK                           | SK                 | item                                        |
| ---------------------------- | ------------------ | ------------------------------------------- |
| ``ARTICLE#<article_id>``     | ``META``           | article metadata (GSI1: by outlet, GSI2: all) |
| ``ARTICLE#<article_id>``     | ``CLAIM#<claim_id>`` | one claim                                 |
| ``KEY#<key>#<yyyy-mm-dd>``   | ``<claim_id>``     | candidate index entry: the claim as scoring needs it |
| ``CLAIM#<claim_id>``         | ``REL#<other_id>`` | relation (GSI2: contradictions by day, listed once) |

Every item keeps its model as compact JSON in ``data``: one attribute to (de)serialise, no Decimal
round trips, and stream images carry the whole model. Key and index attributes sit beside it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimdiff.models import Article, Claim, Relation

Item = dict[str, Any]  # an item in DynamoDB's low-level JSON: {"PK": {"S": "..."}, ...}

ARTICLE_PREFIX = "ARTICLE#"
CLAIM_PREFIX = "CLAIM#"
REL_PREFIX = "REL#"
KEY_PREFIX = "KEY#"
META = "META"
ALL_ARTICLES = "ARTICLES"
CONTRADICTIONS_PREFIX = "CONTRA#"
# How far back the contradiction listing walks its day buckets before it calls the listing complete.
CONTRADICTION_LOOKBACK_DAYS = 30


def article_pk(article_id: str) -> str:
    """Partition of an article, its metadata and its claims."""
    return f"{ARTICLE_PREFIX}{article_id}"


def claim_sk(claim_id: str) -> str:
    """Sort key of a claim inside its article's partition."""
    return f"{CLAIM_PREFIX}{claim_id}"


def relations_pk(claim_id: str) -> str:
    """Partition of a claim's relations."""
    return f"{CLAIM_PREFIX}{claim_id}"


def index_pk(key: str, day: dt.date) -> str:
    """Candidate-index partition: one blocking key on one day."""
    return f"{KEY_PREFIX}{key}#{day.isoformat()}"


def contradictions_pk(day: dt.date) -> str:
    """GSI2 partition of the contradictions detected on ``day``."""
    return f"{CONTRADICTIONS_PREFIX}{day.isoformat()}"


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
        "data": _s(stored.model_dump_json(exclude_none=True)),
    }


def claim_to_item(claim: Claim) -> Item:
    """The item of a claim in its article's partition."""
    return {
        "PK": _s(article_pk(claim.article_id)),
        "SK": _s(claim_sk(claim.id)),
        "type": _s("claim"),
        "outlet": _s(claim.outlet),
        "data": _s(claim.model_dump_json(exclude_none=True, exclude_defaults=True)),
    }


def index_items(claim: Claim) -> list[Item]:
    """The candidate-index entries of a claim, one per blocking key."""
    day = claim_day(claim)
    payload = claim.model_dump_json(exclude_none=True, exclude_defaults=True)
    return [
        {
            "PK": _s(index_pk(key, day)),
            "SK": _s(claim.id),
            "type": _s("index"),
            "outlet": _s(claim.outlet),
            "data": _s(payload),
        }
        for key in claim.blocking_keys
    ]


def index_keys(claim: Claim) -> list[Item]:
    """The primary keys of a claim's index entries (for deletion)."""
    return [{"PK": item["PK"], "SK": item["SK"]} for item in index_items(claim)]


def relation_to_item(relation: Relation) -> Item:
    """The item of one direction of a relation; a contradiction is listed (GSI2) from one direction only."""
    item: Item = {
        "PK": _s(relations_pk(relation.claim.id)),
        "SK": _s(f"{REL_PREFIX}{relation.other.id}"),
        "type": _s("relation"),
        "relation": _s(relation.relation),
        "data": _s(relation.model_dump_json(exclude_none=True)),
    }
    if relation.relation == "contradiction" and relation.claim.id < relation.other.id:
        detected = relation.detected_at or dt.datetime.now(dt.UTC)
        item["GSI2PK"] = _s(contradictions_pk(detected.date()))
        item["GSI2SK"] = _s(f"{detected.isoformat()}#{relation.claim.id}#{relation.other.id}")
        item["outlets"] = {"SS": sorted({relation.claim.outlet, relation.other.outlet})}
    return item


def article_from_item(item: Item) -> Article:
    """Read an article's META item."""
    return Article.model_validate_json(item["data"]["S"])


def claim_from_item(item: Item) -> Claim:
    """Read a claim item, an index entry, or a stream image of either."""
    return Claim.model_validate_json(item["data"]["S"])


def relation_from_item(item: Item) -> Relation:
    """Read a relation item."""
    return Relation.model_validate_json(item["data"]["S"])
