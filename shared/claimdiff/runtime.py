"""Composition root for the Lambda functions: adapters built once per cold start, lazily.

Lazy so that importing a handler creates no AWS client (tests start moto first), cached so that
warm invocations reuse connections. The use cases are imported where they are built: each function
loads only its own (match never imports extraction or S3, the API neither), which is cold-start time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from typing import TYPE_CHECKING, Any

from claimdiff.config import resource_name, settings
from claimdiff.errors import TimeBudgetError
from claimdiff.store import clients, cursor
from claimdiff.store.dynamodb import DynamoClaimStore

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig
    from aws_lambda_powertools.utilities.typing import LambdaContext

    from claimdiff.ingest import Ingestor, IngestResult, ObjectChange
    from claimdiff.matching import Matcher
    from claimdiff.store.stream import DynamoStreamClaims

# Long enough to absorb SQS redeliveries and S3's duplicate notifications, short enough to keep the table small.
IDEMPOTENCY_TTL_SECONDS = 3600


@cache
def store() -> DynamoClaimStore:
    """The claims table."""
    return DynamoClaimStore.from_environment()


@cache
def ingestor() -> Ingestor:
    """The ingest use case wired to S3 and the claims table."""
    from claimdiff.ingest import Ingestor  # noqa: PLC0415
    from claimdiff.store.objects import S3ObjectSource  # noqa: PLC0415

    return Ingestor(store(), S3ObjectSource(), settings())


@cache
def matcher() -> Matcher:
    """The matching use case wired to the claims table."""
    from claimdiff.matching import Matcher  # noqa: PLC0415

    return Matcher(store(), settings())


@cache
def stream_claims() -> DynamoStreamClaims:
    """The claims table's stream, read back for failed match batches."""
    from claimdiff.store.stream import DynamoStreamClaims  # noqa: PLC0415

    return DynamoStreamClaims()


def check_time_left(context: LambdaContext | None) -> None:
    """Refuse to start a message with less than the record budget of the invocation left: the message
    fails alone and comes back, instead of the whole batch timing out (and every message with it)."""
    budget_ms = settings().ingest_record_budget_seconds * 1000
    if context is not None and context.get_remaining_time_in_millis() < budget_ms:
        raise TimeBudgetError(f"less than {budget_ms // 1000} s left in this invocation: retried later")


def reset() -> None:
    """Forget every built adapter (tests that change the environment call this)."""
    for factory in (store, ingestor, matcher, stream_claims, _idempotency):
        factory.cache_clear()
    settings.cache_clear()
    cursor.forget_key()
    clients.forget_session()


@cache
def _idempotency() -> tuple[IdempotencyConfig, Callable[..., dict[str, Any]]]:
    # Imported here: only the ingest function uses idempotency records; match and API don't pay for them.
    from aws_lambda_powertools.utilities.idempotency import (  # noqa: PLC0415
        DynamoDBPersistenceLayer,
        IdempotencyConfig,
        idempotent_function,
    )

    persistence = DynamoDBPersistenceLayer(table_name=resource_name("IDEMPOTENCY_TABLE_NAME"))
    config = IdempotencyConfig(expires_after_seconds=IDEMPOTENCY_TTL_SECONDS)

    from claimdiff.ingest import ObjectChange  # noqa: PLC0415

    @idempotent_function(data_keyword_argument="change", persistence_store=persistence, config=config)  # type: ignore[untyped-decorator]
    def ingest_once(change: dict[str, Any]) -> dict[str, Any]:
        return asdict(ingestor().ingest(ObjectChange(**change)))

    return config, ingest_once


def ingest_change(change: ObjectChange, context: LambdaContext | None) -> IngestResult:
    """Ingest one object change at most once per S3 event (a redelivered event is answered from the record)."""
    from claimdiff.ingest import IngestResult  # noqa: PLC0415

    config, ingest_once = _idempotency()
    if context is not None:
        config.register_lambda_context(context)
    return IngestResult(**ingest_once(change=asdict(change)))
