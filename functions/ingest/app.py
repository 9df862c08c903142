"""Ingest function: an SQS batch of S3 notifications -> articles and claims (partial batch failures)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from claimdiff import runtime
from claimdiff.ingest import object_changes
from claimdiff.tracing import traced

logger = Logger()
metrics = Metrics(namespace="claimdiff")
# Report an all-failed batch like any other (every message listed) instead of raising: same outcome
# for Lambda (each failed message returns to the queue), clearer logs.
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


def record_handler(record: SQSRecord) -> None:
    """Ingest every object change of one message; an exception fails only this message (SQS retries it)."""
    runtime.check_time_left(processor.lambda_context)
    for change in object_changes(record.json_body):
        result = runtime.ingest_change(change, processor.lambda_context)
        logger.info("ingested", extra={"key": change.key, "event": change.event_name, **result.__dict__})
        metrics.add_metric(name=f"Articles{result.outcome.capitalize()}", unit=MetricUnit.Count, value=1)
        metrics.add_metric(name="ClaimsAdded", unit=MetricUnit.Count, value=result.claims_added)


@metrics.log_metrics
@logger.inject_lambda_context
@traced
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    """Process the batch; report the failed messages so that only they return to the queue."""
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
