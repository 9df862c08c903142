"""Rematch function: MatchFailuresQueue's on-failure records of stream batches -> their claims matched again."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from claimdiff import runtime
from claimdiff.redrive import FailedStreamBatch, rematch_failed_batch
from claimdiff.tracing import traced

logger = Logger()
metrics = Metrics(namespace="claimdiff")
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


def record_handler(record: SQSRecord) -> None:
    """Match again the claims of one failed stream batch; an exception fails only this message."""
    batch = FailedStreamBatch.from_failure_record(record.json_body)
    result = rematch_failed_batch(batch, runtime.stream_claims(), runtime.matcher())
    logger.info("rematched", extra={"shard": batch.shard_id, **result.__dict__})
    metrics.add_metric(name="ClaimsRematched", unit=MetricUnit.Count, value=result.claims)


@metrics.log_metrics
@logger.inject_lambda_context
@traced
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    """Process the batch; a failed message returns to the queue (and, after 5 receives, its DLQ)."""
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
