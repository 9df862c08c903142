"""The claims table's DynamoDB stream, read back for a failed match batch (``claimdiff.redrive``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from botocore.config import Config
from botocore.exceptions import ClientError

from claimdiff.errors import RecordsExpiredError
from claimdiff.redrive import FailedStreamBatch, StoredClaim
from claimdiff.store import clients, items

_CONFIG = Config(retries={"mode": "standard", "max_attempts": 5}, connect_timeout=3, read_timeout=10)
# A failed batch spans at most a few thousand records (its claims and the writes between them): pages
# past this many are a range that never ends, not a slow one.
_MAX_PAGES = 50
_GONE = ("TrimmedDataAccessException", "ExpiredIteratorException", "ResourceNotFoundException")


def is_claim_insert(record: Mapping[str, Any]) -> bool:
    """Whether a stream record is one the match function is given (its event source filter)."""
    sort_key = record.get("dynamodb", {}).get("Keys", {}).get("SK", {}).get("S", "")
    return record.get("eventName") == "INSERT" and str(sort_key).startswith(items.CLAIM_PREFIX)


class DynamoStreamClaims:
    """Reads the claim inserts of a stored range of the claims table's stream."""

    def __init__(self) -> None:
        self._client = clients.client("dynamodbstreams", _CONFIG)

    def inserted_claims(self, batch: FailedStreamBatch) -> list[StoredClaim]:
        """The claims inserted from ``batch.first_sequence`` to ``batch.last_sequence``, in stream order."""
        last = int(batch.last_sequence)
        found: list[StoredClaim] = []
        try:
            iterator = self._client.get_shard_iterator(
                StreamArn=batch.stream_arn,
                ShardId=batch.shard_id,
                ShardIteratorType="AT_SEQUENCE_NUMBER",
                SequenceNumber=batch.first_sequence,
            )["ShardIterator"]
            for _ in range(_MAX_PAGES):
                response = self._client.get_records(ShardIterator=iterator, Limit=1000)
                for record in response.get("Records", []):
                    if int(record["dynamodb"]["SequenceNumber"]) > last:
                        return found
                    if is_claim_insert(record):
                        found.append(_stored_claim(record))
                iterator = response.get("NextShardIterator")
                if not iterator:
                    return found  # a closed shard, read to its end
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in _GONE:
                raise RecordsExpiredError(
                    f"stream records {batch.first_sequence}..{batch.last_sequence} of {batch.shard_id} are "
                    "gone (a stream keeps them 24 hours): run `claimdiff rematch --since <their day>`"
                ) from None
            raise
        raise RecordsExpiredError(
            f"stream range {batch.first_sequence}..{batch.last_sequence} of {batch.shard_id} did not end "
            f"within {_MAX_PAGES} pages: run `claimdiff rematch --since <its day>`"
        )


def _stored_claim(record: Mapping[str, Any]) -> StoredClaim:
    """The claim of an insert record, dated as the match function's event dates it: in whole seconds
    (Lambda's records carry the epoch second; GetRecords answers a datetime), so that a rematch
    writes the very relations the match function would have."""
    created = record["dynamodb"].get("ApproximateCreationDateTime")
    if isinstance(created, dt.datetime):
        created = created.timestamp()
    return StoredClaim(
        claim=items.claim_from_item(record["dynamodb"]["NewImage"]),
        stored_at=dt.datetime.fromtimestamp(int(created), dt.UTC)
        if isinstance(created, int | float)
        else None,
    )
