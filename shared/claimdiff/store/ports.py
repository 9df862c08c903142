"""The storage port: everything the use cases and the API need from a database, nothing more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from claimdiff.models import Article, Claim, Page, Relation


class ClaimStore(Protocol):
    """Articles, their claims, the candidate index and relations between claims.

    Every write is idempotent: putting the same item twice leaves one item.
    """

    def get_article(self, article_id: str) -> Article | None:
        """The article's metadata (``text`` is empty: bodies stay in S3), or None."""
        ...

    def put_article(self, article: Article) -> None:
        """Create or replace the article's metadata."""
        ...

    def delete_article(self, article_id: str) -> None:
        """Delete the article's metadata (claims are deleted with ``delete_claims``)."""
        ...

    def list_articles(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Article]:
        """Articles, newest first, optionally of one outlet."""
        ...

    def list_claims(self, article_id: str) -> list[Claim]:
        """The article's claims in reading order."""
        ...

    def get_claim(self, claim_id: str) -> Claim | None:
        """One claim by id, or None."""
        ...

    def put_claims(self, claims: Sequence[Claim]) -> None:
        """Store claims and their candidate-index entries (one per blocking key)."""
        ...

    def delete_claims(self, claims: Sequence[Claim]) -> None:
        """Delete claims, their index entries and their relations in both directions."""
        ...

    def candidates(
        self, key: str, day: dt.date, *, limit: int, exclude_outlet: str | None = None
    ) -> list[Claim]:
        """Claims indexed under ``key`` on ``day``, none of ``exclude_outlet`` (strongly consistent; at most ``limit``)."""
        ...

    def put_relations(self, relations: Sequence[Relation]) -> None:
        """Store relations as given (callers pass both directions)."""
        ...

    def list_relations(self, claim_id: str) -> list[Relation]:
        """Relations of one claim, seen from that claim."""
        ...

    def list_contradictions(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Relation]:
        """Contradictions, newest first, each listed once; optionally involving one outlet."""
        ...
