"""The storage port: everything the use cases and the API need from a database, nothing more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from claimdiff.models import Article, ArticleVersion, Claim, Page, Relation


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the candidate index holds of a claim: enough for the first, vectorised pass of matching
    (the claim's matching key) and for reading the whole claim of the few that pass."""

    claim_id: str
    outlet: str
    day: dt.date
    key: str


class ClaimStore(Protocol):
    """Articles, their claims, the candidate index and relations between claims.

    Every write is idempotent: putting the same item twice leaves one item.
    """

    def get_article(self, article_id: str) -> Article | None:
        """The article's metadata (``text`` is empty: bodies stay in S3), or None."""
        ...

    def put_article(self, article: Article) -> None:
        """Create or replace the article's metadata, unless what is stored reflects a newer S3 event
        (a greater ``sequencer``, a deleted article's included): then ``StaleWriteError``. A processed
        article that is no near-copy is filed under its sketch's marks (``marked_articles``)."""
        ...

    def marked_articles(self, outlet: str, marks: Sequence[str]) -> list[Article]:
        """The articles of ``outlet`` filed under ``marks`` (``claimdiff.text.sketch``), as stored now:
        those filed under the most of them, at most ``MARKED_ARTICLES``, in a bounded number of reads. A
        mark outlives its article's change or deletion (the caller compares sketches); it expires
        ``MARK_DAYS`` after it was filed. Filing is order-free: each article has its own mark items."""
        ...

    def delete_article(self, article_id: str, *, sequencer: str | None) -> None:
        """Delete the article's metadata (claims are deleted with ``delete_claims``), leaving a
        tombstone with ``sequencer`` that an older event's ``put_article`` cannot pass; the same
        delete again is a no-op, and a newer stored state raises ``StaleWriteError``."""
        ...

    def article_sequencer(self, article_id: str) -> str | None:
        """The sequencer (``sequencer_order`` form) of the article's META item or its tombstone, or None."""
        ...

    def put_version(self, version: ArticleVersion) -> None:
        """Keep one processed version of an article (the same version again replaces it)."""
        ...

    def list_versions(self, article_id: str) -> list[ArticleVersion]:
        """The article's kept versions, oldest first."""
        ...

    def delete_versions(self, article_id: str) -> None:
        """Forget the article's kept versions (a deleted article leaves no history)."""
        ...

    def list_articles(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Article]:
        """Articles, newest first, optionally of one outlet."""
        ...

    def count_outlet_articles(self, outlet: str, day: dt.date, *, limit: int) -> int:
        """How many articles of ``outlet`` are dated ``day`` (publication date in UTC, else the day of
        ingestion), counting no further than ``limit``: one bounded read."""
        ...

    def list_claims(self, article_id: str) -> list[Claim]:
        """The article's claims in reading order."""
        ...

    def get_claim(self, claim_id: str) -> Claim | None:
        """One claim by id, or None."""
        ...

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The claims that exist among ``claim_ids``, in that order (one batched read; it may miss a
        claim written a moment ago: claims never change, so what it returns is current)."""
        ...

    def put_claims(self, claims: Sequence[Claim]) -> None:
        """Store claims and their candidate-index entries (one per blocking key)."""
        ...

    def delete_claims(self, claims: Sequence[Claim]) -> None:
        """Delete claims, their index entries and then their relations in both directions (after the
        claims: a relation written while they were being deleted is deleted too)."""
        ...

    def mark_matched(self, claim_id: str, at: dt.datetime) -> None:
        """Record that the claim's matching finished (nothing if the claim is gone; a claim stored again
        is unmatched until it is matched again)."""
        ...

    def matching_progress(self, article_id: str) -> tuple[int, int]:
        """How many of the article's claims are matched, and how many it has."""
        ...

    def candidates(
        self, key: str, day: dt.date, *, window_days: int, limit: int, exclude_outlet: str | None = None
    ) -> list[IndexEntry]:
        """Index entries under ``key`` dated within ``window_days`` of ``day``, none of
        ``exclude_outlet``: one strongly consistent read of at most ``limit`` entries, the nearest
        days first (later days, then earlier) and, within a day, in an order that favours no outlet."""
        ...

    def put_relations(self, relations: Sequence[Relation]) -> int:
        """Store relations as given (callers pass both directions), but only those whose two claims both
        exist once written: a claim deleted meanwhile keeps no relation that would outlive it (with
        ``delete_claims``' order, whatever the interleaving). Returns how many were stored."""
        ...

    def list_relations(self, claim_id: str) -> list[Relation]:
        """Relations of one claim, seen from that claim."""
        ...

    def list_contradictions(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Relation]:
        """Contradictions, newest first, each listed once; optionally involving one outlet."""
        ...
