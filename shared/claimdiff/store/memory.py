"""An in-memory ``ClaimStore``: the fake that unit tests of the use cases and the API run against.

It keeps the DynamoDB adapter's observable behaviour, so a test that passes here means the same
against the table:

- values are stored and returned as deep copies (a caller mutating a model never changes the store);
- article writes are ordered by S3 sequencer as the adapter's conditional writes order them: a
  deleted article leaves its sequencer behind, and an older event's write raises ``StaleWriteError``;
- an article's ``text`` is not kept (bodies stay in S3);
- listings use the adapter's sort keys (``claimdiff.store.items``) and its opaque cursors
  (``claimdiff.store.cursor``); a cursor this store did not issue is an ``InvalidRequestError``;
- candidate-index entries (``IndexEntry``) are keyed by blocking key; a read takes the entries within
  the window, in the adapter's sort-key order (newest day first, a hash of the claim id within a
  day), caps them at ``limit`` and only then drops the asking outlet's, as DynamoDB's Limit and
  filter do;
- relations are stored only between claims that exist; deleting a claim deletes its relations and,
  for each of them, the other claim's relation back to it (both directions), as the adapter does;
- a contradiction is listed once, from the direction where ``claim.id < other.id``, newest first,
  at any age up to today (the adapter walks day buckets back to the oldest contradiction stored).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pydantic import BaseModel

from claimdiff.errors import InvalidRequestError, StaleWriteError
from claimdiff.models import Article, ArticleStatus, ArticleVersion, Claim, Page, Relation, sequencer_order
from claimdiff.store.cursor import decode_cursor, encode_cursor
from claimdiff.store.items import (
    ARTICLES_PER_MARK,
    CONTRADICTIONS_PREFIX,
    MARKED_ARTICLES,
    MAX_INDEX_KEY_CHARS,
    article_to_item,
    claim_day,
    index_sk,
    most_marked,
    relation_to_item,
)
from claimdiff.store.ports import IndexEntry
from claimdiff.text import matching_key
from claimdiff.text.sketch import marks as sketch_marks

M = TypeVar("M", bound=BaseModel)

_CURSOR_FIELD = "after"


class InMemoryStore:
    """Articles, claims, the candidate index and relations in dictionaries (not thread-safe)."""

    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._marks: dict[tuple[str, str], set[str]] = {}  # (outlet, sketch mark) -> article ids filed
        self._matched: set[str] = set()  # claim ids whose matching finished (as the adapter's matched_at)
        # The sequencer of each article's META item: the article's, or its tombstone's once deleted.
        self._sequencers: dict[str, str] = {}
        self._versions: dict[tuple[str, str], ArticleVersion] = {}
        self._claims: dict[str, Claim] = {}
        self._index: dict[str, dict[str, IndexEntry]] = {}
        self._relations: dict[str, dict[str, Relation]] = {}
        # The day bucket and sort key a listed contradiction got when it was stored (as the adapter's
        # GSI2PK and GSI2SK: a relation stored without detected_at is dated at that moment).
        self._contradiction_keys: dict[tuple[str, str], tuple[dt.date, str]] = {}

    # Articles

    def get_article(self, article_id: str) -> Article | None:
        """The article's metadata (``text`` is empty), or None."""
        article = self._articles.get(article_id)
        return article.model_copy(deep=True) if article else None

    def put_article(self, article: Article) -> None:
        """Create or replace the article's metadata unless a newer S3 event's state is stored."""
        self._order(article.id, article.sequencer)
        self._articles[article.id] = article.model_copy(deep=True, update={"text": ""})
        if article.status is ArticleStatus.PROCESSED and not article.duplicate_of:
            for mark in sketch_marks(article.sketch):
                self._marks.setdefault((article.outlet, mark), set()).add(article.id)

    def marked_articles(self, outlet: str, marks: Sequence[str]) -> list[Article]:
        """The outlet's articles filed under ``marks`` (the adapter's per-mark and overall caps), as stored now."""
        filed = {
            mark: sorted(self._marks.get((outlet, mark), ()))[:ARTICLES_PER_MARK]
            for mark in dict.fromkeys(marks)
        }
        chosen = most_marked(filed, MARKED_ARTICLES)
        found = [self._articles[a].model_copy(deep=True) for a in sorted(chosen) if a in self._articles]
        return [article for article in found if article.outlet == outlet]

    def article_sequencer(self, article_id: str) -> str | None:
        """The sequencer of the article's META item or its tombstone, or None."""
        return self._sequencers.get(article_id)

    def delete_article(self, article_id: str, *, sequencer: str | None) -> None:
        """Delete the article's metadata (its claims stay until ``delete_claims``), keeping its sequencer."""
        self._order(article_id, sequencer)
        self._articles.pop(article_id, None)

    def _order(self, article_id: str, sequencer: str | None) -> None:
        """Record ``sequencer`` for the article's META slot; ``StaleWriteError`` if the stored one is newer."""
        new, stored = sequencer_order(sequencer), self._sequencers.get(article_id)
        if stored is not None and stored > new:
            raise StaleWriteError(article_id, stored)
        self._sequencers[article_id] = new

    def put_version(self, version: ArticleVersion) -> None:
        """Keep one processed version of an article (the same version again replaces it)."""
        self._versions[(version.article_id, version.order)] = version.model_copy(deep=True)

    def list_versions(self, article_id: str) -> list[ArticleVersion]:
        """The article's kept versions, oldest first."""
        kept = [v for (owner, _), v in self._versions.items() if owner == article_id]
        return [v.model_copy(deep=True) for v in sorted(kept, key=lambda v: v.order)]

    def delete_versions(self, article_id: str) -> None:
        """Forget the article's kept versions (a deleted article leaves no history)."""
        for key in [key for key in self._versions if key[0] == article_id]:
            del self._versions[key]

    def list_articles(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Article]:
        """Articles, newest first (publication date, else ingestion time), optionally of one outlet."""
        articles = [a for a in self._articles.values() if outlet is None or a.outlet == outlet]
        return _page(
            articles, _article_sort_key, limit=limit, cursor=cursor, scope=f"articles:{outlet or ''}"
        )

    def count_outlet_articles(self, outlet: str, day: dt.date, *, limit: int) -> int:
        """How many articles of ``outlet`` are dated ``day``, at most ``limit`` (the adapter's sort key)."""
        dated = [
            a
            for a in self._articles.values()
            if a.outlet == outlet and _article_sort_key(a).startswith(day.isoformat())
        ]
        return min(len(dated), limit)

    # Claims and the candidate index

    def list_claims(self, article_id: str) -> list[Claim]:
        """The article's claims in reading order."""
        claims = [c for c in self._claims.values() if c.article_id == article_id]
        return [c.model_copy(deep=True) for c in sorted(claims, key=lambda c: (c.index, c.id))]

    def get_claim(self, claim_id: str) -> Claim | None:
        """One claim by id, or None."""
        claim = self._claims.get(claim_id)
        return claim.model_copy(deep=True) if claim else None

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The claims that exist among ``claim_ids``, in that order."""
        wanted = dict.fromkeys(claim_ids)
        return [self._claims[i].model_copy(deep=True) for i in wanted if i in self._claims]

    def put_claims(self, claims: Sequence[Claim]) -> None:
        """Store claims and one candidate-index entry per blocking key."""
        for claim in claims:
            stored = claim.model_copy(deep=True)
            self._claims[claim.id] = stored
            self._matched.discard(claim.id)
            entry = IndexEntry(
                claim.id, claim.outlet, claim_day(stored), matching_key(claim.text)[:MAX_INDEX_KEY_CHARS]
            )
            for key in stored.blocking_keys:
                self._index.setdefault(key, {})[claim.id] = entry

    def delete_claims(self, claims: Sequence[Claim]) -> None:
        """Delete claims, their index entries and their relations in both directions."""
        for claim in claims:
            self._claims.pop(claim.id, None)
            self._matched.discard(claim.id)
            for key in claim.blocking_keys:
                entries = self._index.get(key)
                if entries is not None:
                    entries.pop(claim.id, None)
                    if not entries:
                        del self._index[key]
            for other_id in self._relations.pop(claim.id, {}):
                self._forget_relation(claim.id, other_id)
                reverse = self._relations.get(other_id)
                if reverse is not None:
                    reverse.pop(claim.id, None)
                    self._forget_relation(other_id, claim.id)
                    if not reverse:
                        del self._relations[other_id]

    def mark_matched(self, claim_id: str, at: dt.datetime) -> None:
        """Record that the claim's matching finished (nothing if it is gone)."""
        if claim_id in self._claims:
            self._matched.add(claim_id)

    def matching_progress(self, article_id: str) -> tuple[int, int]:
        """How many of the article's claims are matched, and how many it has."""
        ids = [claim_id for claim_id, claim in self._claims.items() if claim.article_id == article_id]
        return sum(1 for claim_id in ids if claim_id in self._matched), len(ids)

    def candidates(
        self, key: str, day: dt.date, *, window_days: int, limit: int, exclude_outlet: str | None = None
    ) -> list[IndexEntry]:
        """Index entries under ``key`` within ``window_days`` of ``day``: the adapter's order and cap,
        then the asking outlet's dropped."""
        window = dt.timedelta(days=window_days)
        near = [e for e in self._index.get(key, {}).values() if abs(e.day - day) <= window]
        near.sort(key=lambda e: index_sk(e.day, e.claim_id), reverse=True)
        return [e for e in near[:limit] if e.outlet != exclude_outlet]

    # Relations

    def put_relations(self, relations: Sequence[Relation]) -> int:
        """Store relations whose two claims both exist (callers pass both directions); the same pair
        overwrites. Returns how many were stored."""
        kept = [r for r in relations if r.claim.id in self._claims and r.other.id in self._claims]
        for relation in kept:
            stored = relation.model_copy(deep=True)
            self._relations.setdefault(stored.claim.id, {})[stored.other.id] = stored
            pair = (stored.claim.id, stored.other.id)
            item = relation_to_item(stored)
            if "GSI2SK" in item:
                day = dt.date.fromisoformat(item["GSI2PK"]["S"].removeprefix(CONTRADICTIONS_PREFIX))
                self._contradiction_keys[pair] = (day, item["GSI2SK"]["S"])
            else:
                # A pair re-judged as something else leaves the contradictions listing.
                self._contradiction_keys.pop(pair, None)
        return len(kept)

    def list_relations(self, claim_id: str) -> list[Relation]:
        """Relations of one claim, seen from that claim, in other-claim-id order."""
        relations = self._relations.get(claim_id, {})
        return [relations[other_id].model_copy(deep=True) for other_id in sorted(relations)]

    def list_contradictions(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Relation]:
        """Contradictions, newest first, each listed once; optionally involving one outlet."""
        today = dt.datetime.now(dt.UTC).date()
        listed = [
            self._relations[claim_id][other_id]
            for (claim_id, other_id), (day, _) in self._contradiction_keys.items()
            if day <= today
        ]
        if outlet is not None:
            listed = [r for r in listed if outlet in (r.claim.outlet, r.other.outlet)]
        return _page(
            listed,
            self._contradiction_sort_key,
            limit=limit,
            cursor=cursor,
            scope=f"contradictions:{outlet or ''}",
        )

    def _contradiction_sort_key(self, relation: Relation) -> str:
        # Newest day bucket first, then newest within the day: the adapter's walk, as one string.
        day, sort_key = self._contradiction_keys[(relation.claim.id, relation.other.id)]
        return f"{day.isoformat()}|{sort_key}"

    def _forget_relation(self, claim_id: str, other_id: str) -> None:
        self._contradiction_keys.pop((claim_id, other_id), None)


def _article_sort_key(article: Article) -> str:
    # The adapter's GSI sort key, so both stores order articles the same way.
    return str(article_to_item(article)["GSI2SK"]["S"])


def _page(
    items: Iterable[M], sort_key: Callable[[M], str], *, limit: int, cursor: str | None, scope: str
) -> Page[M]:
    """One page of ``items`` in descending ``sort_key`` order, starting after the cursor's position.

    A cursor is valid only for the listing (``scope``) that issued it, as DynamoDB's start keys are
    only valid in their own partition.
    """
    if limit < 1:
        raise InvalidRequestError("limit: must be at least 1")
    ordered = sorted(items, key=sort_key, reverse=True)
    if cursor is not None:
        after = decode_cursor(cursor, scope=scope).get(_CURSOR_FIELD)
        if not isinstance(after, str):
            raise InvalidRequestError("cursor: not a cursor this API issued")
        ordered = [item for item in ordered if sort_key(item) < after]
    page = ordered[:limit]
    more = len(ordered) > limit
    next_cursor = encode_cursor({_CURSOR_FIELD: sort_key(page[-1])}, scope=scope) if more else None
    return Page[M](items=[item.model_copy(deep=True) for item in page], next_cursor=next_cursor)
