"""What Lambda's event source mappings do, as threads: poll SQS and the DynamoDB stream, call handlers.

Handlers run in this process, one batch at a time per event source. A handler that raises is
logged and its batch is treated as failed, exactly as Lambda would; the pollers never die of it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from claimdiff_local.events import LambdaContext, sqs_record, stream_record
from claimdiff_local.filters import matches_any
from claimdiff_local.functions import FunctionSpec, Handler, SqsSource, StreamSource

log = logging.getLogger(__name__)


class Activity:
    """Counts handler calls in progress, so that the stack can tell when it is idle."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0

    @contextmanager
    def running(self) -> Iterator[None]:
        """Mark one handler call as running for the duration of the block."""
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1

    @property
    def busy(self) -> bool:
        """True while any handler call is in progress."""
        with self._lock:
            return self._running > 0


class Invoker:
    """Calls one function's handler the way the Lambda runtime does: a fresh context per call."""

    def __init__(
        self, spec: FunctionSpec, handler: Handler, *, region: str, account_id: str, activity: Activity
    ):
        self.spec = spec
        self._handler = handler
        self.function_arn = f"arn:aws:lambda:{region}:{account_id}:function:{spec.function_name}"
        self._activity = activity

    def invoke(self, event: dict[str, Any]) -> tuple[Any, BaseException | None]:
        """The handler's result, or the exception it raised (logged with its traceback)."""
        context = LambdaContext(
            function_name=self.spec.function_name,
            memory_limit_in_mb=self.spec.memory_mb,
            invoked_function_arn=self.function_arn,
            timeout_seconds=self.spec.timeout_seconds,
        )
        started = time.monotonic()
        with self._activity.running():
            try:
                result = self._handler(event, context)
            except Exception as error:
                log.exception("%s failed (request %s)", self.spec.logical_id, context.aws_request_id)
                return None, error
            finally:
                elapsed = time.monotonic() - started
                if elapsed > self.spec.timeout_seconds:
                    log.warning(
                        "%s ran %.1fs, over its %ss timeout",
                        self.spec.logical_id,
                        elapsed,
                        self.spec.timeout_seconds,
                    )
        return result, None


def failed_identifiers(result: Any, error: BaseException | None, identifiers: Sequence[str]) -> set[str]:
    """Which records of a batch failed, by Lambda's rules for ReportBatchItemFailures.

    An exception fails the whole batch; so does a failure entry that names no record of the batch.
    """
    if error is not None:
        return set(identifiers)
    if not isinstance(result, Mapping):
        return set()
    failures = result.get("batchItemFailures") or []
    named = {str(item.get("itemIdentifier") or "") for item in failures if isinstance(item, Mapping)}
    if len(named) != len(failures) or not named <= set(identifiers):
        return set(identifiers)
    return named


class _Poller(threading.Thread):
    """A daemon thread that calls ``poll_once`` until stopped, logging (never raising) its errors."""

    idle_sleep_seconds = 0.1

    def __init__(self, name: str, stop: threading.Event):
        super().__init__(name=name, daemon=True)
        self._stop_requested = stop

    def run(self) -> None:
        while not self._stop_requested.is_set():
            try:
                worked = self.poll_once()
            except Exception:
                log.exception("%s: polling failed", self.name)
                worked = False
            if not worked:
                self._stop_requested.wait(self.idle_sleep_seconds)

    def poll_once(self) -> bool:
        """One polling round; True when it found something to do."""
        raise NotImplementedError


class SqsPoller(_Poller):
    """The SQS event source mapping: receive, invoke, delete successes, release failures."""

    def __init__(
        self,
        invoker: Invoker,
        source: SqsSource,
        *,
        sqs: Any,
        queue_url: str,
        region: str,
        stop: threading.Event,
        wait_seconds: int = 1,
        failure_visibility_seconds: int = 1,
    ):
        super().__init__(f"sqs-poller-{invoker.spec.logical_id}", stop)
        self._invoker = invoker
        self._source = source
        self._sqs = sqs
        self.queue_url = queue_url
        self._region = region
        self._wait_seconds = wait_seconds
        self._failure_visibility_seconds = failure_visibility_seconds

    def poll_once(self) -> bool:
        """Receive one batch and hand it to the function."""
        messages = self._sqs.receive_message(
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=min(self._source.batch_size, 10),
            WaitTimeSeconds=self._wait_seconds,
            MessageSystemAttributeNames=["All"],
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if not messages:
            return False
        records = [sqs_record(message, self._source.queue_arn, self._region) for message in messages]
        result, error = self._invoker.invoke({"Records": records})
        identifiers = [record["messageId"] for record in records]
        failed = (
            failed_identifiers(result, error, identifiers)
            if self._source.report_batch_item_failures
            else (set(identifiers) if error else set())
        )
        succeeded = [record for record in records if record["messageId"] not in failed]
        released = [record for record in records if record["messageId"] in failed]
        for chunk in _chunks(succeeded, 10):
            self._sqs.delete_message_batch(
                QueueUrl=self.queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": r["receiptHandle"]} for i, r in enumerate(chunk)],
            )
        # Failures stay in the queue: the redrive policy moves them to the DLQ after maxReceiveCount.
        # Locally they come back after a short visibility timeout instead of the queue's full one.
        for chunk in _chunks(released, 10):
            self._sqs.change_message_visibility_batch(
                QueueUrl=self.queue_url,
                Entries=[
                    {
                        "Id": str(i),
                        "ReceiptHandle": r["receiptHandle"],
                        "VisibilityTimeout": self._failure_visibility_seconds,
                    }
                    for i, r in enumerate(chunk)
                ],
            )
        if released:
            log.info(
                "%s: %d of %d messages failed and return to the queue", self.name, len(released), len(records)
            )
        return True


class StreamPoller(_Poller):
    """The DynamoDB stream event source mapping: filter, batch, invoke, retry, then on-failure record."""

    def __init__(
        self,
        invoker: Invoker,
        source: StreamSource,
        *,
        streams: Any,
        sqs: Any,
        queue_urls_by_arn: Mapping[str, str],
        region: str,
        stop: threading.Event,
        retry_delay_seconds: float = 0.2,
    ):
        super().__init__(f"stream-poller-{invoker.spec.logical_id}", stop)
        self._invoker = invoker
        self._source = source
        self._streams = streams
        self._sqs = sqs
        self.queue_urls_by_arn = queue_urls_by_arn
        self._region = region
        self._retry_delay_seconds = retry_delay_seconds
        self._iterators: dict[str, str | None] = {}
        self._counter_lock = threading.Lock()
        self._rounds_started = 0
        self._last_empty_round = 0

    def rounds(self) -> tuple[int, int]:
        """(rounds started, the last round that found no records at all): the stack's idleness signal."""
        with self._counter_lock:
            return self._rounds_started, self._last_empty_round

    def poll_once(self) -> bool:
        """Read every shard once and process what passes the filter, batch by batch."""
        with self._counter_lock:
            self._rounds_started += 1
            this_round = self._rounds_started
        found = False
        for shard_id in self._shards():
            iterator = self._iterators.get(shard_id)
            if iterator is None:
                continue
            response = self._streams.get_records(ShardIterator=iterator, Limit=1000)
            self._iterators[shard_id] = response.get("NextShardIterator")
            raw_records = response.get("Records", [])
            if not raw_records:
                continue
            found = True
            records = [stream_record(raw, self._source.stream_arn, self._region) for raw in raw_records]
            selected = [record for record in records if matches_any(self._source.filter_patterns, record)]
            for batch in _chunks(selected, self._source.batch_size):
                self._process(shard_id, batch)
        if not found:
            with self._counter_lock:
                self._last_empty_round = this_round
        return found

    def _shards(self) -> list[str]:
        description = self._streams.describe_stream(StreamArn=self._source.stream_arn)["StreamDescription"]
        for shard in description.get("Shards", []):
            shard_id = shard["ShardId"]
            if shard_id not in self._iterators:
                # The configured position applies when the mapping starts; later shards are read whole.
                position = "TRIM_HORIZON" if self._iterators else self._source.starting_position
                self._iterators[shard_id] = self._streams.get_shard_iterator(
                    StreamArn=self._source.stream_arn, ShardId=shard_id, ShardIteratorType=position
                )["ShardIterator"]
        return list(self._iterators)

    def _process(self, shard_id: str, batch: list[dict[str, Any]]) -> None:
        retries = 0
        remaining = batch
        while remaining:
            result, error = self._invoker.invoke({"Records": remaining})
            sequence_numbers = [record["dynamodb"]["SequenceNumber"] for record in remaining]
            failed = (
                failed_identifiers(result, error, sequence_numbers)
                if self._source.report_batch_item_failures
                else (set(sequence_numbers) if error else set())
            )
            if not failed:
                return
            # Lambda checkpoints before the first failed record and retries from there.
            first_failed = min(index for index, number in enumerate(sequence_numbers) if number in failed)
            remaining = remaining[first_failed:]
            if retries >= self._source.maximum_retry_attempts:
                self._send_failure_record(shard_id, remaining, retries + 1)
                return
            retries += 1
            self._stop_requested.wait(self._retry_delay_seconds)

    def _send_failure_record(self, shard_id: str, records: list[dict[str, Any]], invocations: int) -> None:
        """What Lambda sends to an on-failure destination when a stream batch exhausts its retries."""
        destination = self._source.on_failure_arn
        log.error(
            "%s: %d records exhausted their retries (destination %s)", self.name, len(records), destination
        )
        if destination is None:
            return
        created = [record["dynamodb"].get("ApproximateCreationDateTime") for record in records]
        failure = {
            "requestContext": {
                "requestId": records[0]["eventID"],
                "functionArn": self._invoker.function_arn,
                "condition": "RetryAttemptsExhausted",
                "approximateInvokeCount": invocations,
            },
            "responseContext": {
                "statusCode": 200,
                "executedVersion": "$LATEST",
                "functionError": "Unhandled",
            },
            "version": "1.0",
            "timestamp": dt.datetime.now(dt.UTC).isoformat(),
            "DDBStreamBatchInfo": {
                "shardId": shard_id,
                "startSequenceNumber": records[0]["dynamodb"]["SequenceNumber"],
                "endSequenceNumber": records[-1]["dynamodb"]["SequenceNumber"],
                "approximateArrivalOfFirstRecord": _iso(created[0]),
                "approximateArrivalOfLastRecord": _iso(created[-1]),
                "batchSize": len(records),
                "streamArn": self._source.stream_arn,
            },
        }
        self._sqs.send_message(QueueUrl=self.queue_urls_by_arn[destination], MessageBody=json.dumps(failure))


def _iso(epoch_seconds: Any) -> str | None:
    if not isinstance(epoch_seconds, int | float):
        return None
    return dt.datetime.fromtimestamp(epoch_seconds, dt.UTC).isoformat()


def _chunks(items: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), max(1, size)):
        yield list(items[start : start + size])
