"""Use case: a new claim -> candidates from other outlets -> relations, stored both ways.

Three bounded steps, whatever the corpus holds:
1. candidates: one read of the blocking index per key (at most ``candidates_per_key`` entries, each
   the other claim's outlet and matching key);
2. the first pass (``match.shortlist``): one vectorised rapidfuzz call keeps the best
   ``candidates_per_claim``, at most ``candidates_per_outlet`` from any one outlet;
3. the relation model on those, read whole in one batched read with the claim itself (a claim
   retracted since its stream record was written is not matched).

Agreements and contradictions are stored in both directions; of the merely related pairs, only the
``related_per_claim`` most similar, without evidence: they are context, not findings, and were 97% of
the relations (and of the write bill) when all were kept.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from claimdiff.concurrency import map_io
from claimdiff.config import Settings
from claimdiff.match import compare_many, told_from
from claimdiff.match.features import ClaimView, view
from claimdiff.match.shortlist import shortlist
from claimdiff.models import Article, ArticleStatus, Claim, ClaimRef, Comparison, Relation
from claimdiff.store.items import claim_day
from claimdiff.store.ports import ClaimStore, IndexEntry
from claimdiff.text import matching_key
from claimdiff.versions import processing_version


@dataclass(frozen=True)
class MatchResult:
    """What matching one claim found."""

    claim_id: str
    candidates: int  # compared by the relation model
    relations: int  # pairs stored (both directions count once)
    contradictions: int  # of the pairs judged
    retrieved: int = 0  # index entries read


@dataclass(frozen=True)
class RematchResult:
    """What re-matching found: articles whose claims were matched again, and what that stored."""

    articles: int
    claims: int
    relations: int


def rematch(
    store: ClaimStore, matcher: Matcher, articles: Iterable[Article], *, everything: bool
) -> RematchResult:
    """Match again the claims of each processed article whose matching is incomplete (a claim whose
    stream record exhausted its retries was never matched), or of every article with ``everything``."""
    done = claims = relations = 0
    for article in articles:
        if article.status is not ArticleStatus.PROCESSED:
            continue
        matched, total = store.matching_progress(article.id)
        if matched == total and not everything:
            continue
        done += 1
        for claim in store.list_claims(article.id):
            claims += 1
            relations += matcher.match(claim).relations
    return RematchResult(done, claims, relations)


def _relation(claim: Claim, other: Claim, comparison: Comparison, detected_at: dt.datetime) -> Relation:
    """The stored relation of ``claim`` to ``other``; a merely related pair without evidence."""
    finding = comparison.relation != "related"
    return Relation(
        claim=claim_ref(claim),
        other=claim_ref(other),
        relation=comparison.relation,
        confidence=comparison.confidence,
        reasons=comparison.reasons,
        evidence=comparison.evidence if finding else [],
        explanation=comparison.explanation if finding else None,
        detected_at=detected_at,
        processing_version=processing_version(),
    )


def claim_ref(claim: Claim) -> ClaimRef:
    """The snapshot of a claim that relations carry."""
    return ClaimRef(
        id=claim.id,
        article_id=claim.article_id,
        outlet=claim.outlet,
        text=claim.text,
        # The outlet's own voice is not a speaker worth naming next to the outlet.
        speaker=claim.speaker.name if claim.speaker and claim.speaker.kind != "outlet" else None,
        negated=claim.negated,
        hedged=claim.hedged,
    )


# Views of stored claims kept between matches: a stream batch holds one article's claims, and the
# same few candidates (that event's other reports) come back for most of them. A stored claim never
# changes (its id names its content), so a view made once stays right.
_VIEWS_KEPT = 4096


class Matcher:
    """Finds and stores the relations of new claims with other outlets' claims."""

    def __init__(self, store: ClaimStore, config: Settings) -> None:
        self._store = store
        self._config = config
        self._views: OrderedDict[str, ClaimView] = OrderedDict()

    def _view(self, claim: Claim) -> ClaimView:
        """The view of a stored claim, made once while it is among the last ``_VIEWS_KEPT`` used."""
        kept = self._views.get(claim.id)
        if kept is None:
            kept = self._views[claim.id] = view(claim)
            if len(self._views) > _VIEWS_KEPT:
                self._views.popitem(last=False)
        else:
            self._views.move_to_end(claim.id)
        return kept

    def candidates(self, claim: Claim) -> list[IndexEntry]:
        """Other outlets' index entries that share a blocking key with ``claim`` within the window.

        One bounded read per key (independent of the corpus size), run concurrently.
        """
        day = claim_day(claim)

        def read(key: str) -> list[IndexEntry]:
            return self._store.candidates(
                key,
                day,
                window_days=self._config.match_window_days,
                limit=self._config.candidates_per_key,
                exclude_outlet=claim.outlet,
            )

        found: dict[str, IndexEntry] = {}
        for batch in map_io(read, claim.blocking_keys):
            for entry in batch:
                found.setdefault(entry.claim_id, entry)
        return list(found.values())

    def shortlisted(self, claim: Claim, entries: list[IndexEntry]) -> list[IndexEntry]:
        """The candidates the relation model compares (``match.shortlist``), best first."""
        config = self._config
        kept = shortlist(
            matching_key(claim.text),
            [e.key for e in entries],
            [e.outlet for e in entries],
            limit=config.candidates_per_claim,
            per_outlet=config.candidates_per_outlet,
            floor=config.shortlist_floor,
        )
        return [entries[i] for i in kept]

    def match(self, claim: Claim, *, stored_at: dt.datetime | None = None) -> MatchResult:
        """Compare a newly stored claim with its shortlisted candidates and store the relations.

        ``stored_at`` (when the claim was stored: the stream record's creation time) dates the relations,
        so that a replayed record writes the same items; without it, now.
        """
        entries = self.candidates(claim)
        chosen = self.shortlisted(claim, entries)
        found = self._store.get_claims([claim.id, *(e.claim_id for e in chosen)])
        if not found or found[0].id != claim.id:
            # Retracted (overwritten or deleted) since the stream record was written: nothing to match.
            return MatchResult(claim.id, 0, 0, 0, retrieved=len(entries))
        others = found[1:]
        detected_at = stored_at or dt.datetime.now(dt.UTC)
        comparisons = compare_many(claim, others, read=self._view)
        kept = self._kept(list(zip(others, comparisons, strict=True)))
        relations: list[Relation] = []
        for other, comparison in kept:
            # Each direction told from its own claim: whichever of the two claims is matched last writes
            # the same two items (a pair is judged in one canonical order, so only the telling differs).
            relations += [
                _relation(claim, other, comparison, detected_at),
                _relation(other, claim, told_from(comparison, other, claim), detected_at),
            ]
        # Pairs of a claim deleted since it was read are not stored (put_relations checks both claims).
        stored = self._store.put_relations(relations) if relations else 0
        self._store.mark_matched(claim.id, detected_at)
        contradictions = sum(1 for _, c in kept if c.relation == "contradiction")
        return MatchResult(claim.id, len(others), stored // 2, contradictions, retrieved=len(entries))

    def _kept(self, compared: list[tuple[Claim, Comparison]]) -> list[tuple[Claim, Comparison]]:
        """Every agreement and contradiction; the most confident related pairs, up to the cap."""
        findings = [(o, c) for o, c in compared if c.relation in ("equivalent", "contradiction")]
        related = sorted(
            ((o, c) for o, c in compared if c.relation == "related"), key=lambda pair: -pair[1].confidence
        )
        return findings + related[: self._config.related_per_claim]
