"""Use case: a stream batch whose matching exhausted its retries -> its claims matched again.

When the match function fails a batch more often than its event source mapping retries it, Lambda
sends an on-failure record to ``MatchFailuresQueue``: the shard and the range of sequence numbers,
not the claims. This use case reads that range back from the stream (which keeps records 24 hours),
takes the claim inserts the match function would have been given, and matches each claim again,
dated as its stream record (so a claim matched meanwhile writes the same relations again, nothing
new). Past the stream's retention the claims are lost to this path: ``RecordsExpiredError`` tells
the operator to run ``claimdiff rematch --since``, which finds them by their articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from claimdiff.matching import Matcher, RematchResult
from claimdiff.models import Claim


@dataclass(frozen=True)
class FailedStreamBatch:
    """The part of a DynamoDB stream that a failed match batch covered (``DDBStreamBatchInfo``)."""

    stream_arn: str
    shard_id: str
    first_sequence: str
    last_sequence: str

    @classmethod
    def from_failure_record(cls, body: Mapping[str, Any]) -> FailedStreamBatch:
        """Read Lambda's on-failure record of a stream batch; ``ValueError`` for anything else."""
        info = body.get("DDBStreamBatchInfo")
        if not isinstance(info, Mapping):
            raise ValueError("not an on-failure record of a DynamoDB stream batch (no DDBStreamBatchInfo)")
        try:
            return cls(
                stream_arn=str(info["streamArn"]),
                shard_id=str(info["shardId"]),
                first_sequence=str(info["startSequenceNumber"]),
                last_sequence=str(info["endSequenceNumber"]),
            )
        except KeyError as missing:
            raise ValueError(f"DDBStreamBatchInfo without {missing}") from None


@dataclass(frozen=True)
class StoredClaim:
    """A claim as a stream insert record carries it, and when it was stored."""

    claim: Claim
    stored_at: dt.datetime | None


class StreamClaims(Protocol):
    """The port to the claims table's stream."""

    def inserted_claims(self, batch: FailedStreamBatch) -> Sequence[StoredClaim]:
        """The claims inserted within the batch's range, in stream order (``RecordsExpiredError`` when
        the stream no longer holds them)."""
        ...


def rematch_failed_batch(batch: FailedStreamBatch, stream: StreamClaims, matcher: Matcher) -> RematchResult:
    """Match again every claim a failed stream batch carried; how many and what that stored."""
    claims = stream.inserted_claims(batch)
    relations = sum(matcher.match(stored.claim, stored_at=stored.stored_at).relations for stored in claims)
    return RematchResult(
        articles=len({s.claim.article_id for s in claims}), claims=len(claims), relations=relations
    )
