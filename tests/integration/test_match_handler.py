"""The match function with the DynamoDB stream records that the ingest function's writes produce."""

from __future__ import annotations

import json
import time

import boto3
import pytest
from claimdiff import comparison, runtime
from claimdiff.api_models import MatchingProgress
from claimdiff.cli import main
from claimdiff.models import Article
from claimdiff.store.dynamodb import DynamoClaimStore
from claimdiff.versions import processing_version
from ingest.app import lambda_handler as ingest_handler
from match.app import lambda_handler as match_handler

from tests.integration.conftest import Aws

WIRE = b"""Geneva talks

The United States has not fulfilled its promise to separate the rebel groups it supports from al-Nusra Front, Lavrov said.

A damaged plant supplies water for 1.8 million people in Aleppo, U.N. officials said.
"""
DAILY = {
    "title": "Geneva: the view from Washington",
    # The same source as the wire's (two different speakers' statements would not be a contradiction).
    "body": "The United States has fulfilled its promise to separate the rebel groups it supports from al-Nusra Front, "
    "Russian Foreign Minister Sergey Lavrov said.\n\nThe weather in Geneva was mild on Friday.",
    "published_at": "2016-08-26",
}


def upload_and_ingest(aws: Aws) -> None:
    s3 = boto3.client("s3")
    s3.put_object(
        Bucket=aws.bucket, Key="articles/wire-a/talks.txt", Body=WIRE, Metadata={"published-at": "2016-08-26"}
    )
    s3.put_object(Bucket=aws.bucket, Key="articles/daily-b/talks.json", Body=json.dumps(DAILY).encode())
    assert ingest_handler(aws.sqs_event(aws.s3_messages()), aws.context("IngestFunction")) == {
        "batchItemFailures": []
    }


def test_only_claim_inserts_pass_the_templates_filter(aws: Aws) -> None:
    upload_and_ingest(aws)
    events = aws.stream_events()
    assert events, "claim inserts reach the match function"
    assert {record["eventName"] for record in events} == {"INSERT"}
    assert all(record["dynamodb"]["Keys"]["SK"]["S"].startswith("CLAIM#") for record in events)
    assert all(record["eventSource"] == "aws:dynamodb" and record["eventSourceARN"] for record in events)


def test_stream_batch_creates_relations_both_ways_and_lists_the_contradiction(aws: Aws) -> None:
    upload_and_ingest(aws)
    events = aws.stream_events()
    result = match_handler({"Records": events}, aws.context("MatchFunction"))
    assert result == {"batchItemFailures": []}

    store = DynamoClaimStore(aws.table)
    page = store.list_contradictions(outlet=None, limit=10, cursor=None)
    nusra = [r for r in page.items if "al-Nusra" in r.claim.text and "al-Nusra" in r.other.text]
    assert len(nusra) == 1, "listed once"
    relation = nusra[0]
    assert {relation.claim.outlet, relation.other.outlet} == {"wire-a", "daily-b"}
    assert "negation" in relation.reasons
    back = store.list_relations(relation.other.id)
    assert [r.other.id for r in back if r.relation == "contradiction"] == [relation.claim.id]
    assert store.list_contradictions(outlet="daily-b", limit=10, cursor=None).items == page.items
    assert store.list_contradictions(outlet="nobody", limit=10, cursor=None).items == []

    # A replay of the same stream batch (at-least-once delivery), later and after a cold start, leaves
    # every item as it was, byte for byte: relations are dated by the record, not by the replay.
    before = _items(aws)
    time.sleep(1.1)
    runtime.reset()
    assert match_handler({"Records": events}, aws.context("MatchFunction")) == {"batchItemFailures": []}
    assert _items(aws) == before


def _items(aws: Aws) -> list[str]:
    """Every item of the table, as comparable text."""
    return sorted(
        json.dumps(item, sort_keys=True, default=repr)
        for item in boto3.client("dynamodb").scan(TableName=aws.table)["Items"]
    )


def test_a_broken_record_fails_alone(aws: Aws) -> None:
    upload_and_ingest(aws)
    events = aws.stream_events()
    broken = json.loads(json.dumps(events[0]))
    broken["eventID"] = "broken-1"
    broken["dynamodb"]["NewImage"]["data"] = {"S": "{not a claim"}
    broken["dynamodb"]["SequenceNumber"] = "1"
    result = match_handler({"Records": [broken, *events]}, aws.context("MatchFunction"))
    assert result == {"batchItemFailures": [{"itemIdentifier": "1"}]}, (
        "stream failures name the sequence number"
    )


def test_an_article_shows_its_matching_progress_and_rematch_completes_it(
    aws: Aws, capsys: pytest.CaptureFixture[str]
) -> None:
    store, daily = _ingested_daily(aws)
    events = aws.stream_events()
    # Only the wire's claims get through; the daily's records are lost (retries exhausted).
    wire_only = [e for e in events if "wire-a" in e["dynamodb"]["Keys"]["PK"]["S"]]
    assert match_handler({"Records": wire_only}, aws.context("MatchFunction")) == {"batchItemFailures": []}
    claims = store.list_claims(daily.id)
    assert store.matching_progress(daily.id) == (0, len(claims))
    assert comparison.get_article(store, daily.id).matching == MatchingProgress(
        claims=len(claims), matched=0, complete=False
    )

    assert main(["rematch", "--article", daily.id]) == 0
    assert f"re-matched {len(claims)} claims of 1 articles" in capsys.readouterr().out
    assert store.matching_progress(daily.id) == (len(claims), len(claims))
    assert comparison.get_article(store, daily.id).matching.complete  # type: ignore[union-attr]
    assert main(["rematch", "--since", "2016-01-01"]) == 0
    assert "re-matched 0 claims of 0 articles" in capsys.readouterr().out


def _ingested_daily(aws: Aws) -> tuple[DynamoClaimStore, Article]:
    """Both sample articles uploaded and ingested; the table and the daily's article."""
    upload_and_ingest(aws)
    store = DynamoClaimStore(aws.table)
    return store, next(a for a in store.list_articles(outlet="daily-b", limit=10, cursor=None).items)


def _failure_record(aws: Aws, records: list[dict]) -> dict:
    """What Lambda sends to the on-failure destination when these stream records exhaust their retries."""
    arn = aws.resources.stream_arns["ClaimsTable"]
    (shard,) = boto3.client("dynamodbstreams").describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
    return {
        "requestContext": {"condition": "RetryAttemptsExhausted", "approximateInvokeCount": 4},
        "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
        "version": "1.0",
        "DDBStreamBatchInfo": {
            "shardId": shard["ShardId"],
            "startSequenceNumber": records[0]["dynamodb"]["SequenceNumber"],
            "endSequenceNumber": records[-1]["dynamodb"]["SequenceNumber"],
            "batchSize": len(records),
            "streamArn": arn,
        },
    }


def _failed_batches(aws: Aws, *bodies: dict) -> dict:
    """The rematch function's SQS event: the bodies sent to MatchFailuresQueue and received back."""
    sqs, url = boto3.client("sqs"), aws.resources.queue_urls["MatchFailuresQueue"]
    for body in bodies:
        sqs.send_message(QueueUrl=url, MessageBody=json.dumps(body))
    return aws.sqs_event(aws.receive(url))


def test_the_failure_queue_is_drained_by_matching_the_failed_claims_as_the_stream_would(aws: Aws) -> None:
    from rematch.app import lambda_handler as rematch_handler  # noqa: PLC0415

    store, daily = _ingested_daily(aws)
    events = aws.stream_events()
    wire_only = [e for e in events if "wire-a" in e["dynamodb"]["Keys"]["PK"]["S"]]
    failed = [e for e in events if e not in wire_only]
    assert match_handler({"Records": wire_only}, aws.context("MatchFunction")) == {"batchItemFailures": []}
    assert store.matching_progress(daily.id)[0] == 0

    result = rematch_handler(
        _failed_batches(aws, _failure_record(aws, failed)), aws.context("RematchFunction")
    )

    assert result == {"batchItemFailures": []}
    claims = store.list_claims(daily.id)
    assert store.matching_progress(daily.id) == (len(claims), len(claims))
    assert any(r.relation == "contradiction" for c in claims for r in store.list_relations(c.id))
    # The drain wrote exactly what the match function writes: delivering the records now changes nothing.
    dynamodb = boto3.client("dynamodb")
    drained = sorted(
        json.dumps(item, sort_keys=True, default=repr) for item in dynamodb.scan(TableName=aws.table)["Items"]
    )
    assert match_handler({"Records": failed}, aws.context("MatchFunction")) == {"batchItemFailures": []}
    after = sorted(
        json.dumps(item, sort_keys=True, default=repr) for item in dynamodb.scan(TableName=aws.table)["Items"]
    )
    assert after == drained


def test_a_failure_record_that_cannot_be_rematched_fails_alone(aws: Aws) -> None:
    from rematch.app import lambda_handler as rematch_handler  # noqa: PLC0415

    upload_and_ingest(aws)
    events = aws.stream_events()
    gone = _failure_record(aws, events)
    arn = gone["DDBStreamBatchInfo"]["streamArn"]
    gone["DDBStreamBatchInfo"]["streamArn"] = arn.replace(f"table/{aws.table}/", "table/dropped-table/")
    assert gone["DDBStreamBatchInfo"]["streamArn"] != arn
    event = _failed_batches(aws, {"not": "a failure record"}, gone, _failure_record(aws, events))

    result = rematch_handler(event, aws.context("RematchFunction"))

    failed = {item["itemIdentifier"] for item in result["batchItemFailures"]}
    assert failed == {record["messageId"] for record in event["Records"][:2]}


def test_reprocess_brings_what_an_older_version_made_to_the_current_one(
    aws: Aws, capsys: pytest.CaptureFixture[str]
) -> None:
    store, daily = _ingested_daily(aws)
    claims = store.list_claims(daily.id)
    # A deploy ago: the article and its claims were made by another version of the code.
    store.put_article(daily.model_copy(update={"processing_version": "xold.eold.mold"}))
    store.put_claims([c.model_copy(update={"processing_version": "xold.eold.mold"}) for c in claims])

    assert main(["reprocess", "--since", "2016-01-01"]) == 0
    out = capsys.readouterr().out
    assert f"reprocessed 1 articles to {processing_version()}: {len(claims)} claims added or replaced" in out
    article = store.get_article(daily.id)
    assert article is not None and article.processing_version == processing_version()
    again = store.list_claims(daily.id)
    assert [c.id for c in again] == [c.id for c in claims]
    assert {c.processing_version for c in again} == {processing_version()}
    assert main(["reprocess", "--article", daily.id]) == 0
    assert "reprocessed 0 articles" in capsys.readouterr().out
