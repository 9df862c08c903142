"""Match function: a DynamoDB stream batch of new claims -> relations with other outlets' claims."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from claimdiff import runtime
from claimdiff.store.items import claim_from_item
from claimdiff.tracing import traced

logger = Logger()
metrics = Metrics(namespace="claimdiff")
# Report an all-failed batch like any other (every item listed) instead of raising: same outcome
# for Lambda, clearer logs, and the stream still retries from the first failure.
processor = BatchProcessor(event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False)


def record_handler(record: DynamoDBRecord) -> None:
    """Match one inserted claim; an exception fails this record (the stream retries from it)."""
    # The raw image (typed attribute values): the claim item's mapping reads it as it reads the table.
    image = record.raw_event.get("dynamodb", {}).get("NewImage")
    if not image or "data" not in image:
        raise ValueError(f"stream record {record.event_id} carries no claim image")
    created = record.dynamodb.approximate_creation_date_time if record.dynamodb else None
    stored_at = dt.datetime.fromtimestamp(created, dt.UTC) if created is not None else None
    result = runtime.matcher().match(claim_from_item(image), stored_at=stored_at)
    logger.info("matched", extra=result.__dict__)
    metrics.add_metric(name="ClaimsMatched", unit=MetricUnit.Count, value=1)
    metrics.add_metric(name="Relations", unit=MetricUnit.Count, value=result.relations)
    metrics.add_metric(name="Contradictions", unit=MetricUnit.Count, value=result.contradictions)


@metrics.log_metrics
@logger.inject_lambda_context
@traced
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    """Process the batch; report failures so that the stream retries (and bisects) only from them."""
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
