"""Failed stream batches: the on-failure record read, the batch's claims matched again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from claimdiff.config import Settings
from claimdiff.errors import RecordsExpiredError
from claimdiff.matching import Matcher
from claimdiff.redrive import FailedStreamBatch, StoredClaim, rematch_failed_batch
from claimdiff.store.memory import InMemoryStore

from tests.unit.test_memory_store import claim

RECORD = {
    "requestContext": {"condition": "RetryAttemptsExhausted", "approximateInvokeCount": 4},
    "version": "1.0",
    "DDBStreamBatchInfo": {
        "shardId": "shardId-00000001",
        "startSequenceNumber": "1100",
        "endSequenceNumber": "1150",
        "batchSize": 3,
        "streamArn": "arn:aws:dynamodb:us-east-1:123456789012:table/claims/stream/2026-12-07T00:00:00.000",
    },
}


def test_an_on_failure_record_names_the_shard_and_the_range() -> None:
    batch = FailedStreamBatch.from_failure_record(RECORD)
    assert (batch.shard_id, batch.first_sequence, batch.last_sequence) == ("shardId-00000001", "1100", "1150")
    assert batch.stream_arn.endswith("/stream/2026-12-07T00:00:00.000")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"Records": []}, "no DDBStreamBatchInfo"),
        ({"DDBStreamBatchInfo": "1100"}, "no DDBStreamBatchInfo"),
        ({"DDBStreamBatchInfo": {"shardId": "s", "streamArn": "a"}}, "without 'startSequenceNumber'"),
    ],
)
def test_anything_else_is_a_value_error_that_says_what_is_missing(body: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FailedStreamBatch.from_failure_record(body)


class FakeStream:
    def __init__(self, claims: Sequence[StoredClaim] | None) -> None:
        self._claims = claims

    def inserted_claims(self, batch: FailedStreamBatch) -> Sequence[StoredClaim]:
        if self._claims is None:
            raise RecordsExpiredError("gone")
        return self._claims


def test_the_batchs_claims_are_matched_and_dated_as_their_records() -> None:
    store = InMemoryStore()
    mine, theirs = (
        claim("wire-a-1", 0, keys=("geneva",)),
        claim("daily-b-1", 0, outlet="daily-b", keys=("geneva",)),
    )
    store.put_claims([mine, theirs])
    stored_at = dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)
    matcher = Matcher(store, Settings())

    result = rematch_failed_batch(
        FailedStreamBatch.from_failure_record(RECORD), FakeStream([StoredClaim(mine, stored_at)]), matcher
    )

    assert (result.articles, result.claims, result.relations) == (1, 1, 1)
    assert store.matching_progress("wire-a-1") == (1, 1)
    (relation,) = store.list_relations(mine.id)
    assert relation.relation == "equivalent" and relation.detected_at == stored_at


def test_records_past_the_streams_retention_fail_the_message() -> None:
    with pytest.raises(RecordsExpiredError):
        rematch_failed_batch(
            FailedStreamBatch.from_failure_record(RECORD),
            FakeStream(None),
            Matcher(InMemoryStore(), Settings()),
        )
