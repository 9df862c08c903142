"""Every hostile upload ends cleanly: through S3's notification and the real ingest handler on moto, each
case ends ``PROCESSED`` or ``REJECTED`` with its reason, within a bound of the function's timeout, and never
as a failed message (only malformed queue messages are retried and parked in the DLQ)."""

from __future__ import annotations

import time
import unicodedata

import boto3
import pytest
from claimdiff.ingest import article_identity
from claimdiff.store.dynamodb import DynamoClaimStore
from ingest.app import lambda_handler

from tests.hostile import HostileCase, hostile_cases
from tests.integration.conftest import Aws, s3_event_body

CASES = hostile_cases()
# A fraction of the ingest function's 60 s timeout: slow-text families once took the whole minute.
CPU_BOUND_SECONDS = 15.0


def _readable(text: str) -> bool:
    """No control or format (invisible) character but line breaks and tabs."""
    return all(unicodedata.category(char) not in ("Cc", "Cf") or char in "\n\t" for char in text)


def test_the_corpus_is_broad() -> None:
    assert len(CASES) >= 80
    assert sum(case.status == "REJECTED" for case in CASES) >= 30


def _deliver(aws: Aws, case: HostileCase) -> tuple[dict, float]:
    boto3.client("s3").put_object(Bucket=aws.bucket, Key=case.key, Body=case.body, Metadata=case.metadata)
    messages = [m for m in aws.s3_messages() if s3_event_body(m).get("Event") != "s3:TestEvent"]
    assert len(messages) == 1, f"{case.name}: S3 sent {len(messages)} notifications"
    started = time.process_time()
    result = lambda_handler(aws.sqs_event(messages), aws.context("IngestFunction"))
    return result, time.process_time() - started


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_upload_ends_processed_or_rejected_with_its_reason(aws: Aws, case: HostileCase) -> None:
    result, cpu_seconds = _deliver(aws, case)

    assert result == {"batchItemFailures": []}, "a hostile object is recorded, never retried into the DLQ"
    assert cpu_seconds < CPU_BOUND_SECONDS
    store = DynamoClaimStore(aws.table)
    article = store.get_article(article_identity(case.key)[0])
    assert article is not None
    claims = store.list_claims(article.id)
    assert article.status == case.status, article.reason
    if case.status == "REJECTED":
        assert case.reason and case.reason in (article.reason or ""), article.reason
        assert claims == [] and article.claim_count == 0
        assert _readable(article.outlet)
    else:
        assert article.reason is None
        assert article.claim_count == len(claims)
        if case.reason:
            assert any(case.reason in note for note in article.notes), article.notes
        for claim in claims:
            assert _readable(claim.text), claim.text
    assert _readable(article.title or "")
    if case.check:
        case.check(article, claims)
