"""The ingest function with the SQS events that moto's S3 -> SQS notifications really produce."""

from __future__ import annotations

import json
import time
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError
from claimdiff import runtime
from claimdiff.store.dynamodb import DynamoClaimStore
from ingest.app import lambda_handler

from tests.integration.conftest import Aws, s3_event_body

SEED = Path(__file__).resolve().parents[2] / "samples" / "wire-a" / "us-russia-near-accord.txt"
KEY = "articles/wire-a/us-russia-near-accord.txt"


def ingest(aws: Aws) -> dict:
    """Deliver every pending notification to the handler, as one SQS batch."""
    messages = aws.s3_messages()
    assert messages, "S3 sent no notification"
    return lambda_handler(aws.sqs_event(messages), aws.context("IngestFunction"))


def articles(aws: Aws) -> list:
    return DynamoClaimStore(aws.table).list_articles(outlet=None, limit=100, cursor=None).items


def test_upload_becomes_an_article_with_claims(aws: Aws, capsys: pytest.CaptureFixture[str]) -> None:
    s3 = boto3.client("s3")
    s3.put_object(Bucket=aws.bucket, Key=KEY, Body=SEED.read_bytes(), Metadata={"published-at": "2016-08-26"})
    messages = aws.s3_messages()
    assert any(s3_event_body(m).get("Event") == "s3:TestEvent" for m in messages), (
        "moto announces s3:TestEvent"
    )
    assert lambda_handler(aws.sqs_event(messages), aws.context("IngestFunction")) == {"batchItemFailures": []}

    (article,) = articles(aws)
    claims = DynamoClaimStore(aws.table).list_claims(article.id)
    assert article.outlet == "wire-a" and article.status == "PROCESSED"
    assert article.title == "US, Russia Say Near Accord On Renewed Syrian Cease-Fire, Talks"
    assert article.claim_count == len(claims) >= 10
    assert any("not fulfilled its promise" in claim.text for claim in claims)
    # Business metrics, in CloudWatch's embedded metric format on stdout.
    emitted = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"_aws"' in line]
    (metrics,) = [record for record in emitted if "ArticlesProcessed" in record]
    assert metrics["ArticlesProcessed"] == [1.0]
    assert metrics["ClaimsAdded"] == [float(article.claim_count)]


def test_replayed_event_changes_nothing(aws: Aws) -> None:
    boto3.client("s3").put_object(Bucket=aws.bucket, Key=KEY, Body=SEED.read_bytes())
    messages = aws.s3_messages()
    event = aws.sqs_event(messages)
    lambda_handler(event, aws.context("IngestFunction"))
    table = boto3.client("dynamodb")
    before = table.scan(TableName=aws.table)["Items"]
    assert lambda_handler(event, aws.context("IngestFunction")) == {"batchItemFailures": []}
    # A replay after the idempotency records expired (and a cold start): the content check answers it.
    idempotency = aws.resources.tables["IdempotencyTable"]
    for record in table.scan(TableName=idempotency)["Items"]:
        table.delete_item(TableName=idempotency, Key={"id": record["id"]})
    runtime.reset()
    assert lambda_handler(event, aws.context("IngestFunction")) == {"batchItemFailures": []}
    after = table.scan(TableName=aws.table)["Items"]
    assert sorted(map(str, after)) == sorted(map(str, before))


def test_overwrite_replaces_claims_and_delete_retracts_everything(aws: Aws) -> None:
    s3 = boto3.client("s3")
    s3.put_object(Bucket=aws.bucket, Key=KEY, Body=SEED.read_bytes())
    ingest(aws)
    store = DynamoClaimStore(aws.table)
    (article,) = articles(aws)
    first = {claim.text for claim in store.list_claims(article.id)}

    s3.put_object(
        Bucket=aws.bucket,
        Key=KEY,
        Body=b"Talks collapse\n\nThe talks in Geneva collapsed on Friday, officials said.",
    )
    ingest(aws)
    second = {claim.text for claim in store.list_claims(article.id)}
    assert second and not second & first
    assert store.get_article(article.id).claim_count == len(second)

    s3.delete_object(Bucket=aws.bucket, Key=KEY)
    assert ingest(aws) == {"batchItemFailures": []}
    assert articles(aws) == []
    left = boto3.client("dynamodb").scan(TableName=aws.table)["Items"]
    (remaining,) = [item for item in left if item["type"]["S"] != "mark"]
    # The article, its claims and their index entries are gone; a tombstone keeps the delete's place in
    # the key's order until no older event can arrive (the table's TTL removes it).
    assert remaining["type"] == {"S": "tombstone"} and "GSI1PK" not in remaining
    assert int(remaining["expires_at"]["N"]) > time.time() + 14 * 86400
    # Its near-copy marks lead nowhere now (a lookup finds no article) and expire with the table's TTL.
    marks = [item for item in left if item["type"]["S"] == "mark"]
    assert marks and all(item["SK"]["S"] == article.id and "expires_at" in item for item in marks)
    assert store.marked_articles("wire-a", [item["PK"]["S"].rsplit("#", 1)[1] for item in marks]) == []


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [
        ("empty.txt", b"", "empty object"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Caf\u00e9 owners protest new rules".encode("latin-1"), "UTF-8"),
        ("huge.txt", b"word " * 500_000, "too large"),
        ("blank.md", b"\n\n  \n", "no extractable text"),
        ("doc.pdf", b"%PDF-1.7 text", "unsupported file type"),
    ],
)
def test_bad_input_is_recorded_rejected_and_not_retried(
    aws: Aws, name: str, body: bytes, reason: str
) -> None:
    boto3.client("s3").put_object(Bucket=aws.bucket, Key=f"articles/wire-a/{name}", Body=body)
    assert ingest(aws) == {"batchItemFailures": []}, "a rejection is final: the message is not retried"
    (article,) = articles(aws)
    assert article.status == "REJECTED"
    assert reason in (article.reason or "")
    assert article.claim_count == 0


def test_partial_batch_failure_reports_only_the_bad_message(aws: Aws) -> None:
    s3, sqs = boto3.client("s3"), boto3.client("sqs")
    s3.put_object(Bucket=aws.bucket, Key=KEY, Body=SEED.read_bytes())
    sqs.send_message(QueueUrl=aws.queue_url, MessageBody='{"not": "an S3 event"}')
    messages = aws.s3_messages()
    poison = [m["MessageId"] for m in messages if "not" in s3_event_body(m)]
    result = lambda_handler(aws.sqs_event(messages), aws.context("IngestFunction"))
    assert result == {"batchItemFailures": [{"itemIdentifier": poison[0]}]}
    assert [a.status for a in articles(aws)] == ["PROCESSED"]


def test_throttling_fails_the_record_instead_of_rejecting_and_the_retry_records_it(aws: Aws) -> None:
    boto3.client("s3").put_object(Bucket=aws.bucket, Key=KEY, Body=SEED.read_bytes())
    messages = aws.s3_messages()
    throttled: list[str] = []

    def throttle(**kwargs: object) -> None:
        # DynamoDB throttling that outlasted the SDK's retries, as it reaches the application.
        throttled.append("PutItem")
        raise ClientError(
            {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "slow down"}}, "PutItem"
        )

    client = runtime.store()._client
    client.meta.events.register("before-call.dynamodb.PutItem", throttle)
    result = lambda_handler(aws.sqs_event(messages), aws.context("IngestFunction"))
    real = [m["MessageId"] for m in messages if "Records" in s3_event_body(m)]
    assert throttled and result == {"batchItemFailures": [{"itemIdentifier": real[0]}]}
    assert articles(aws) == [], "nothing recorded as rejected"

    client.meta.events.unregister("before-call.dynamodb.PutItem", throttle)
    retried = [m for m in messages if m["MessageId"] == real[0]]
    assert lambda_handler(aws.sqs_event(retried), aws.context("IngestFunction")) == {"batchItemFailures": []}
    assert [a.status for a in articles(aws)] == ["PROCESSED"]


def test_poison_message_reaches_the_dlq_after_three_receives(aws: Aws) -> None:
    sqs = boto3.client("sqs")
    sqs.send_message(QueueUrl=aws.queue_url, MessageBody="{broken json")
    receives = 0
    while messages := aws.receive():
        receives += 1
        result = lambda_handler(aws.sqs_event(messages), aws.context("IngestFunction"))
        failed = {item["itemIdentifier"] for item in result["batchItemFailures"]}
        assert len(failed) == 1, "the poison message is reported as failed, S3's test event is not"
        for message in messages:  # what Lambda does: delete successes, let failures become visible again
            if message["MessageId"] in failed:
                sqs.change_message_visibility(
                    QueueUrl=aws.queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
            else:
                sqs.delete_message(QueueUrl=aws.queue_url, ReceiptHandle=message["ReceiptHandle"])
        assert receives <= 3
    assert receives == 3
    (parked,) = aws.receive(aws.dlq_url)
    assert parked["Body"] == "{broken json"


def test_a_megabyte_without_punctuation_is_processed_not_stuck(aws: Aws) -> None:
    boto3.client("s3").put_object(
        Bucket=aws.bucket, Key="articles/wire-a/run-on.txt", Body=b"word " * 300_000
    )
    assert ingest(aws) == {"batchItemFailures": []}
    (article,) = articles(aws)
    assert article.status == "PROCESSED"
    assert article.title is None, "a 1.5 MB first line is no headline"


def test_a_batch_running_out_of_time_fails_only_the_messages_it_cannot_start(
    aws: Aws, monkeypatch: pytest.MonkeyPatch
) -> None:
    s3 = boto3.client("s3")
    for n in range(6):
        s3.put_object(Bucket=aws.bucket, Key=f"articles/wire-a/story-{n}.txt", Body=SEED.read_bytes())
    messages = [m for m in aws.s3_messages() if "Records" in s3_event_body(m)]
    context = aws.context("IngestFunction")
    # Plenty of time until three messages are done, then less than the record budget (20 s).
    done: list[object] = []
    ingest_change = runtime.ingest_change

    def counted(*args: object) -> object:
        done.append(ingest_change(*args))  # type: ignore[arg-type]
        return done[-1]

    monkeypatch.setattr(runtime, "ingest_change", counted)
    monkeypatch.setattr(context, "get_remaining_time_in_millis", lambda: 60_000 if len(done) < 3 else 5_000)
    result = lambda_handler(aws.sqs_event(messages), context)
    failed = {item["itemIdentifier"] for item in result["batchItemFailures"]}
    assert failed == {m["MessageId"] for m in messages[3:]}, "only the messages it could not start"
    assert len(articles(aws)) == 3

    # They come back in the next invocation, with its whole time: nothing is lost.
    retried = [m for m in messages if m["MessageId"] in failed]
    assert lambda_handler(aws.sqs_event(retried), aws.context("IngestFunction")) == {"batchItemFailures": []}
    assert len(articles(aws)) == 6
