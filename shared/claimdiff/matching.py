"""Use case: a new claim -> candidates from other outlets -> relations, stored both ways.

Candidates come from the ``KEY#<key>#<day>`` index, one bounded Query per key and day of the
window: the cost per claim does not grow with the corpus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimdiff.concurrency import map_io
from claimdiff.config import Settings
from claimdiff.match import compare_many
from claimdiff.models import Claim, ClaimRef, Relation
from claimdiff.store.items import claim_day
from claimdiff.store.ports import ClaimStore


@dataclass(frozen=True)
class MatchResult:
    """What matching one claim found."""

    claim_id: str
    candidates: int
    relations: int
    contradictions: int


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


class Matcher:
    """Finds and stores the relations of new claims with other outlets' claims."""

    def __init__(self, store: ClaimStore, config: Settings) -> None:
        self._store = store
        self._config = config

    def candidates(self, claim: Claim) -> list[Claim]:
        """Other outlets' claims that share a blocking key with ``claim`` within the day window.

        One bounded Query per key and day (independent of the corpus size), run concurrently.
        """
        day = claim_day(claim)
        window = range(-self._config.match_window_days, self._config.match_window_days + 1)
        partitions = [
            (key, day + dt.timedelta(days=offset)) for key in claim.blocking_keys for offset in window
        ]

        def read(partition: tuple[str, dt.date]) -> list[Claim]:
            key, when = partition
            return self._store.candidates(
                key, when, limit=self._config.candidates_per_key, exclude_outlet=claim.outlet
            )

        found: dict[str, Claim] = {}
        for batch in map_io(read, partitions):
            for other in batch:
                found.setdefault(other.id, other)
        return list(found.values())

    def match(self, claim: Claim) -> MatchResult:
        """Compare a newly stored claim with its candidates and store every relation in both directions."""
        if self._store.get_claim(claim.id) is None:
            # Retracted (overwritten or deleted) since the stream record was written: nothing to match.
            return MatchResult(claim.id, 0, 0, 0)
        candidates = self.candidates(claim)
        now = dt.datetime.now(dt.UTC)
        relations: list[Relation] = []
        for other, comparison in zip(candidates, compare_many(claim, candidates), strict=True):
            if comparison.relation == "unrelated":
                continue
            relation = Relation(
                claim=claim_ref(claim),
                other=claim_ref(other),
                relation=comparison.relation,
                confidence=comparison.confidence,
                reasons=comparison.reasons,
                evidence=comparison.evidence,
                explanation=comparison.explanation,
                detected_at=now,
            )
            relations += [relation, relation.reversed()]
        if relations:
            self._store.put_relations(relations)
        contradictions = sum(1 for r in relations if r.relation == "contradiction") // 2
        return MatchResult(claim.id, len(candidates), len(relations) // 2, contradictions)
