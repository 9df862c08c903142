"""Use case: an S3 object changed -> the article, its claims and their index entries match it.

Events arrive at least once and in any order, so the use case never trusts the event's view of
the object: it reads the object's *current* state and reconciles the store with it. A replay finds
nothing to do, an older event arriving late converges on the same state, and a delete retracts the
article, its claims and their relations. The META item is written last, so a run that failed half
way is redone in full by the retry; it is written on condition of S3's event sequencer, so that of
two racing runs of one key, the newer event's wins (``Ingestor.ingest``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal
from urllib.parse import unquote_plus

from claimdiff.config import Settings
from claimdiff.documents import Document, parse_document, read_date
from claimdiff.errors import ConcurrentChangeError, RejectedInputError, StaleWriteError
from claimdiff.extract import extract_claims
from claimdiff.match import blocking_keys
from claimdiff.models import (
    Article,
    ArticleStatus,
    ArticleVersion,
    Claim,
    ClaimSnapshot,
    DateSource,
    calendar_day,
    sequencer_order,
)
from claimdiff.origins import wire_service
from claimdiff.outlets import outlet_problem
from claimdiff.store.objects import ObjectSource, StoredObject
from claimdiff.store.ports import ClaimStore
from claimdiff.text.sketch import NEAR_DUPLICATE, marks, resemblance, sketch
from claimdiff.versions import processing_version

ARTICLES_PREFIX = "articles/"
# S3 user metadata an uploader may set for formats that carry no date of their own.
PUBLISHED_AT_METADATA = "published-at"
_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 48
_KEY_DIGEST_CHARS = 32
MAX_CLAIM_CHARS = 2000
UNKNOWN_OUTLET = "unknown"

Outcome = Literal["processed", "unchanged", "superseded", "rejected", "retracted", "absent"]
# Runs of one key that lose to a newer one redo their work; more losses in a row than this mean the
# key is being rewritten continuously: the message fails and SQS retries it later.
_MAX_ATTEMPTS = 4


@dataclass(frozen=True)
class ObjectChange:
    """One S3 notification record, reduced to what ingest needs."""

    bucket: str
    key: str
    event_name: str = ""
    event_time: str = ""
    version_id: str = ""
    sequencer: str = ""

    @property
    def order(self) -> str:
        """What orders this change among the key's changes (``sequencer_order`` form; "" if nothing does).

        S3's sequencer; without one (moto's notifications carry none), the event time in milliseconds.
        """
        if self.sequencer:
            return sequencer_order(self.sequencer)
        try:
            when = dt.datetime.fromisoformat(self.event_time.replace("Z", "+00:00"))
        except ValueError:
            return ""
        return sequencer_order(f"{int(when.timestamp() * 1000):X}")

    @classmethod
    def from_s3_record(cls, record: dict[str, Any]) -> ObjectChange:
        """Read an S3 event record (keys arrive URL-encoded, spaces as '+'); KeyError/TypeError if malformed."""
        s3_object = record["s3"]["object"]
        return cls(
            bucket=str(record["s3"]["bucket"]["name"]),
            key=unquote_plus(str(s3_object["key"])),
            event_name=str(record.get("eventName", "")),
            event_time=str(record.get("eventTime", "")),
            version_id=str(s3_object.get("versionId", "")),
            sequencer=str(s3_object.get("sequencer", "")),
        )


def object_changes(s3_event: dict[str, Any]) -> list[ObjectChange]:
    """The changes an S3 notification announces; S3's ``s3:TestEvent`` announces none.

    Raises ``ValueError`` for a body that is no S3 notification: such a message is retried and parked in the DLQ.
    """
    if s3_event.get("Event") == "s3:TestEvent":
        return []
    records = s3_event.get("Records")
    if not isinstance(records, list) or not records:
        raise ValueError("message is not an S3 event notification (no Records)")
    try:
        changes = [ObjectChange.from_s3_record(record) for record in records]
    except (KeyError, TypeError) as error:
        raise ValueError(f"malformed S3 event record: missing {error}") from None
    # A key ending in "/" is a console folder marker, not an article.
    return [change for change in changes if not change.key.endswith("/")]


@dataclass(frozen=True)
class IngestResult:
    """What ingesting one object change did."""

    article_id: str
    outcome: Outcome
    claims_added: int = 0
    claims_removed: int = 0
    reason: str | None = None


def article_identity(key: str) -> tuple[str, str]:
    """``articles/<outlet>/<path>`` -> (article id, outlet). The outlet comes from the key, never the body.

    A key without an outlet folder, or whose folder is no valid outlet name, gets the outlet ``unknown`` so
    that its rejection can be recorded.
    """
    parts = key.split("/")
    outlet = parts[1] if len(parts) >= 3 and parts[1] and outlet_problem(parts[1]) is None else UNKNOWN_OUTLET
    stem = (
        PurePosixPath(key.removeprefix(ARTICLES_PREFIX).removeprefix(f"{outlet}/")).with_suffix("").as_posix()
    )
    # 128 bits of the whole key: the readable slug is shared by keys that differ only in case or
    # punctuation ("nyt_a", "NYT/a"), so the digest alone tells them apart, beyond any forging.
    digest = hashlib.sha256(key.encode()).hexdigest()[:_KEY_DIGEST_CHARS]
    slug = _SLUG.sub("-", f"{outlet}-{stem}".lower()).strip("-")[:_MAX_SLUG].strip("-")
    return f"{slug}-{digest}", outlet


def _check_key(key: str) -> None:
    parts = key.split("/")
    if len(parts) < 3 or parts[0] + "/" != ARTICLES_PREFIX or not parts[1] or not parts[-1]:
        raise RejectedInputError(f"key {key!r} is not of the form articles/<outlet>/<file>")
    problem = outlet_problem(parts[1])
    if problem:
        raise RejectedInputError(problem)


def read_extent(text: str, max_chars: int) -> int:
    """How much of ``text`` claims are read from: all of it, or up to the last paragraph break (else
    line break, else space) within ``max_chars``."""
    if len(text) <= max_chars:
        return len(text)
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, 0, max_chars)
        if cut > max_chars // 2:
            return cut
    return max_chars


def article_claims(
    article: Article, document: Document, *, max_claims: int, max_chars: int | None = None
) -> list[Claim]:
    """Extract an article's claims: the ``max_claims`` most check-worthy of its first ``max_chars``
    characters (``read_extent``), in reading order, each with its day bucket and blocking keys."""
    when = article.published_at or article.ingested_at
    day = calendar_day(when) if when is not None else None
    extent = read_extent(document.text, max_chars) if max_chars else len(document.text)
    claims = extract_claims(
        document.text[:extent],
        article_id=article.id,
        outlet=article.outlet,
        title=document.title,
        published_on=day,
    )
    claims = [claim for claim in claims if len(claim.text) <= MAX_CLAIM_CHARS]
    claims.sort(key=lambda claim: -claim.checkworthiness)
    kept = sorted(claims[:max_claims], key=lambda claim: claim.start)
    return [
        claim.model_copy(
            update={
                "published_on": claim.published_on or day,
                "blocking_keys": blocking_keys(claim),
                "processing_version": processing_version(),
            }
        )
        for claim in kept
    ]


def version_of(article: Article, claims: Sequence[Claim]) -> ArticleVersion:
    """The kept version of a processed article: what it stated, and which upload and code made it.
    Versions are ordered by the S3 event's sequencer (else the ingest time): the same event again
    makes the same version."""
    ingested = article.ingested_at or dt.datetime.now(dt.UTC)
    return ArticleVersion(
        article_id=article.id,
        order=article.sequencer or ingested.isoformat(),
        ingested_at=ingested,
        s3_version=article.s3_version,
        content_hash=article.content_hash,
        processing_version=article.processing_version,
        claims=[ClaimSnapshot(id=c.id, text=c.text, start=c.start, end=c.end) for c in claims],
    )


def claims_digest(claim_ids: Iterable[str]) -> str:
    """A short fingerprint of a set of claim ids: the META item records its claims' without listing them."""
    return hashlib.blake2b("\n".join(sorted(claim_ids)).encode(), digest_size=12).hexdigest()


@dataclass(frozen=True, slots=True)
class ReprocessResult:
    """What reprocessing did: articles read again from S3, and their claims added and removed."""

    articles: int
    claims_added: int
    claims_removed: int


def reprocess(ingestor: Ingestor, articles: Iterable[Article]) -> ReprocessResult:
    """Ingest again, from the objects S3 holds, each article an older ``processing_version`` made. A
    claim the current code reads otherwise is replaced (and so matched again by the stream); one it
    reads alike stays, with its relations; the article records the version that made it."""
    current = processing_version()
    done = added = removed = 0
    for article in articles:
        if not article.s3_bucket or not article.s3_key or article.processing_version == current:
            continue
        change = ObjectChange(
            bucket=article.s3_bucket,
            key=article.s3_key,
            version_id=article.s3_version or "",
            sequencer=article.sequencer or "",
        )
        result = ingestor.ingest(change)
        done += 1
        added += result.claims_added
        removed += result.claims_removed
    return ReprocessResult(done, added, removed)


class Ingestor:
    """Reconciles the store with the current state of uploaded objects."""

    def __init__(self, store: ClaimStore, objects: ObjectSource, config: Settings) -> None:
        self._store = store
        self._objects = objects
        self._config = config

    def ingest(self, change: ObjectChange) -> IngestResult:
        """Bring the store in line with the object named by ``change``.

        Runs of one key may race (two uploads in quick succession, a retry beside a slow first try). A
        run writes its claims, then the META item on condition that no newer event's run has written it,
        then deletes the claims that are not its own, and last checks that it still holds the META item
        and that the stored claims are exactly its own. A run that finds it lost redoes the work under the
        winner's sequencer, from a fresh read of the object; a run that finds a stranger's claims redoes
        it under its own. So whatever the interleaving, the last run to finish leaves the object S3 holds.
        """
        sequencer = change.order
        article_id = article_identity(change.key)[0]
        for _ in range(_MAX_ATTEMPTS):
            try:
                result, claim_ids = self._reconcile(change, sequencer)
                if claim_ids is None:
                    return result  # nothing written: nothing to check
                stored = self._store.article_sequencer(article_id)
                if stored is not None and stored > sequencer_order(sequencer):
                    raise StaleWriteError(article_id, stored)
                if {claim.id for claim in self._store.list_claims(article_id)} == claim_ids:
                    return result
            except StaleWriteError as stale:
                sequencer = stale.stored_sequencer or ""
        raise ConcurrentChangeError(f"{change.key} changed during each of {_MAX_ATTEMPTS} attempts")

    def _reconcile(self, change: ObjectChange, sequencer: str) -> tuple[IngestResult, set[str] | None]:
        """One attempt: the result and the claim ids the store must now hold (None: nothing was written)."""
        article_id, outlet = article_identity(change.key)
        current = self._objects.fetch(change.bucket, change.key, max_bytes=self._config.max_article_bytes)
        if current is None:
            return self._retract(article_id, sequencer), set()
        content_hash = hashlib.sha256(current.body).hexdigest() if current.body else f"size:{current.size}"
        previous = self._store.get_article(article_id)
        stored = {claim.id: claim for claim in self._store.list_claims(article_id)}
        settled = previous is not None and previous.claims_digest == claims_digest(stored)
        if previous and sequencer_order(previous.sequencer) > sequencer_order(sequencer):
            if not settled:
                # The newer run has not finished, or a run of an older event left claims behind: redo it.
                raise StaleWriteError(article_id, previous.sequencer)
            return IngestResult(article_id, "superseded", reason=previous.reason), None
        if (
            previous
            and settled
            and previous.content_hash == content_hash
            and previous.s3_version == current.version_id
            and previous.processing_version == processing_version()  # else: made by older code, redo
        ):
            return IngestResult(article_id, "unchanged", reason=previous.reason), None
        article = Article(
            id=article_id,
            outlet=outlet,
            s3_bucket=change.bucket,
            s3_key=change.key,
            s3_version=current.version_id,
            etag=current.etag,
            content_hash=content_hash,
            sequencer=sequencer or None,
            claims_digest=claims_digest([]),
            ingested_at=dt.datetime.now(dt.UTC),
            processing_version=processing_version(),
        )
        try:
            _check_key(change.key)
            document = self._parse(current, change.key)
        except RejectedInputError as error:
            rejected = article.model_copy(update={"status": ArticleStatus.REJECTED, "reason": error.reason})
            removed = self._commit(rejected, [])
            return IngestResult(article_id, "rejected", claims_removed=removed, reason=error.reason), set()
        notes = list(document.notes)
        published_at = document.published_at
        source: DateSource = "document"
        if published_at is None:
            published_at, date_note = read_date(current.metadata.get(PUBLISHED_AT_METADATA))
            notes += [f"metadata {date_note}"] if date_note else []
            source = "object_metadata" if published_at is not None else "ingest_time"
        counted = (
            previous is not None and previous.status is ArticleStatus.PROCESSED
        )  # already one of the day's
        if not counted and (over := self._over_quota(outlet, published_at or article.ingested_at)):
            rejected = article.model_copy(update={"status": ArticleStatus.REJECTED, "reason": over})
            return IngestResult(
                article_id, "rejected", claims_removed=self._commit(rejected, []), reason=over
            ), set()
        article = article.model_copy(
            update={
                "title": document.title,
                "url": document.url,
                "published_at": published_at,
                "published_at_source": source,
                "notes": notes,
            }
        )
        extent = read_extent(document.text, self._config.max_read_chars)
        if extent < len(document.text):
            notes.append(f"claims read from the first {extent:,} of {len(document.text):,} characters")
        article = article.model_copy(
            update={
                "notes": notes,
                "sketch": list(sketch(document.text[:extent])),
                "wire": wire_service(document.text),
            }
        )
        if original := self._nearly_copied(article):
            copy = article.model_copy(
                update={
                    "duplicate_of": original.id,
                    "notes": [
                        *notes,
                        f"a near-copy of {original.id}: its claims count once, under that article",
                    ],
                }
            )
            removed = self._commit(copy, [])
            return IngestResult(article_id, "processed", claims_removed=removed), set()
        claims = article_claims(
            article,
            document,
            max_claims=self._config.max_claims_per_article,
            max_chars=self._config.max_read_chars,
        )
        replaced, added = self._put_new_claims(stored, claims)
        committed = article.model_copy(
            update={
                "claim_count": len(claims),
                "claims_digest": claims_digest(claim.id for claim in claims),
            }
        )
        # The version kept for the article's history before the META item: a META in place tells a
        # retry that nothing is left to do, so whatever must be written comes first.
        self._keep_version(version_of(committed, claims))
        removed = self._commit(committed, claims)
        result = IngestResult(article_id, "processed", claims_added=added, claims_removed=replaced + removed)
        return result, {claim.id for claim in claims}

    def _keep_version(self, version: ArticleVersion) -> None:
        """Keep the version for the article's history (an overwrite replaces the claims, not this).
        Without an S3 sequencer the version is keyed by its ingest time: a retry of the same upload
        must not keep it twice."""
        if version.order == version.ingested_at.isoformat():  # no sequencer
            kept = self._store.list_versions(version.article_id)
            if kept and (kept[-1].content_hash, kept[-1].processing_version) == (
                version.content_hash,
                version.processing_version,
            ):
                return
        self._store.put_version(version)

    def _nearly_copied(self, article: Article) -> Article | None:
        """The same outlet's other article that ``article`` nearly copies (``NEAR_DUPLICATE``), if any:
        a flood of near-copies counts once, so it can crowd no other outlet out of the candidates."""
        if not article.sketch:
            return None
        filed = self._store.marked_articles(article.outlet, marks(article.sketch))
        scored = [
            (resemblance(article.sketch, other.sketch), other.id, other)
            for other in filed
            if other.id != article.id and not other.duplicate_of
        ]
        best = max(scored, default=None, key=lambda entry: entry[:2])
        return best[2] if best and best[0] >= NEAR_DUPLICATE else None

    def _over_quota(self, outlet: str, when: dt.datetime | dt.date | None) -> str | None:
        """Why a new article of ``outlet`` dated ``when`` is one too many for its day, or None."""
        if when is None:
            return None
        if isinstance(when, dt.datetime):
            when = when.astimezone(dt.UTC).date() if when.tzinfo else when.date()
        quota = self._config.outlet_articles_per_day
        if self._store.count_outlet_articles(outlet, when, limit=quota) < quota:
            return None
        return (
            f"outlet quota: {outlet} already has {quota} articles dated {when.isoformat()} (the daily limit)"
        )

    def _parse(self, current: StoredObject, key: str) -> Document:
        if current.size > self._config.max_article_bytes:
            raise RejectedInputError(
                f"too large: {current.size} bytes, the limit is {self._config.max_article_bytes}"
            )
        return parse_document(current.body, key, max_bytes=self._config.max_article_bytes)

    def _put_new_claims(self, stored: dict[str, Claim], claims: list[Claim]) -> tuple[int, int]:
        """Store the claims that are not among ``stored`` (the article's, read by this attempt) as they
        are; returns how many replaced and added."""
        # A claim whose id survives but whose content changed (a new date, speaker or keys) is replaced:
        # deleted with its relations, inserted again and so matched again.
        changed = [stored[claim.id] for claim in claims if claim.id in stored and stored[claim.id] != claim]
        if changed:
            self._store.delete_claims(changed)
        added = [claim for claim in claims if stored.get(claim.id) != claim]
        if added:
            self._store.put_claims(added)
        return len(changed), len(added)

    def _commit(self, article: Article, claims: list[Claim]) -> int:
        """Write the META item (``StaleWriteError`` if a newer event's run got there first), then delete
        every claim of the article that is not one of ``claims``. Returns how many were deleted."""
        self._store.put_article(article)
        return self._remove_all_but(article.id, claims)

    def _remove_all_but(self, article_id: str, claims: list[Claim]) -> int:
        keep = {claim.id: claim for claim in claims}
        gone = [claim for claim in self._store.list_claims(article_id) if keep.get(claim.id) != claim]
        if gone:
            self._store.delete_claims(gone)
        return len(gone)

    def _retract(self, article_id: str, sequencer: str) -> IngestResult:
        known = self._store.get_article(article_id) is not None
        # The tombstone first: a run of an older event that is still writing can no longer commit.
        self._store.delete_article(article_id, sequencer=sequencer or None)
        removed = self._remove_all_but(article_id, [])
        self._store.delete_versions(article_id)  # a deleted article leaves no history behind
        if not known and not removed:
            return IngestResult(article_id, "absent")
        return IngestResult(article_id, "retracted", claims_removed=removed)
