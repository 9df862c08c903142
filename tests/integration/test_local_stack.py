"""The local stack: provisioning from template.yaml, the SQS and stream dispatchers, the HTTP gateway.

Handlers are replaced by recorders (``LocalStack(handlers=...)``) so that these tests check the
plumbing itself; the real handlers run in tests/e2e.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote_plus

import pytest
from claimdiff_local import LocalStack
from claimdiff_local.filters import matches, matches_any
from claimdiff_local.template import load_template

Behaviour = Callable[[dict[str, Any], Any], Any]


class Recorder:
    """A handler that records its events and contexts and does what the test says."""

    def __init__(self, default: Any) -> None:
        self._default = default
        self._lock = threading.Lock()
        self.events: list[dict[str, Any]] = []
        self.contexts: list[Any] = []
        self.behaviour: Behaviour | None = None

    def __call__(self, event: dict[str, Any], context: Any) -> Any:
        with self._lock:
            self.events.append(event)
            self.contexts.append(context)
        if self.behaviour is not None:
            return self.behaviour(event, context)
        return self._default

    def records(self) -> list[dict[str, Any]]:
        with self._lock:
            return [record for event in self.events for record in event["Records"]]

    def reset(self) -> None:
        with self._lock:
            self.events.clear()
            self.contexts.clear()
        self.behaviour = None


INGEST = Recorder({"batchItemFailures": []})
MATCH = Recorder({"batchItemFailures": []})
REMATCH = Recorder({"batchItemFailures": []})
API = Recorder({"statusCode": 204, "body": ""})


@pytest.fixture(scope="module")
def stack() -> Iterator[LocalStack]:
    handlers = {
        "IngestFunction": INGEST,
        "MatchFunction": MATCH,
        "RematchFunction": REMATCH,
        "ApiFunction": API,
    }
    with LocalStack(api_port=0, handlers=handlers, failure_visibility_seconds=0) as local:
        local.wait_until_idle(60)
        yield local


@pytest.fixture(autouse=True)
def fresh_recorders(stack: LocalStack) -> Iterator[None]:
    stack.wait_until_idle(60)
    for recorder in (INGEST, MATCH, REMATCH, API):
        recorder.reset()
    yield
    for recorder in (INGEST, MATCH, REMATCH, API):
        recorder.behaviour = None


def s3_records(recorder: Recorder) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(SQS record, S3 event record) pairs, skipping S3's test event."""
    pairs = []
    for record in recorder.records():
        body = json.loads(record["body"])
        pairs.extend((record, s3_record) for s3_record in body.get("Records", []))
    return pairs


def drain(stack: LocalStack, queue_url: str) -> list[dict[str, Any]]:
    sqs = stack.client("sqs")
    messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get(
        "Messages", []
    )
    for message in messages:
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
    return messages


# ---------------------------------------------------------------- provisioning


def test_queues_are_provisioned_from_the_template(stack: LocalStack) -> None:
    template = load_template(stack.template_path)["Resources"]
    sqs = stack.client("sqs")
    attributes = sqs.get_queue_attributes(QueueUrl=stack.ingest_queue_url, AttributeNames=["All"])[
        "Attributes"
    ]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=stack.dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"] == dlq_arn
    assert (
        int(redrive["maxReceiveCount"])
        == template["IngestQueue"]["Properties"]["RedrivePolicy"]["maxReceiveCount"]
    )
    assert int(attributes["VisibilityTimeout"]) == template["IngestQueue"]["Properties"]["VisibilityTimeout"]
    policy = json.loads(attributes["Policy"])
    assert policy["Statement"][0]["Condition"]["ArnEquals"]["aws:SourceArn"] == f"arn:aws:s3:::{stack.bucket}"
    dlq = sqs.get_queue_attributes(QueueUrl=stack.dlq_url, AttributeNames=["MessageRetentionPeriod"])[
        "Attributes"
    ]
    assert dlq["MessageRetentionPeriod"] == "1209600"


def test_tables_are_provisioned_with_keys_indexes_stream_ttl_and_recovery(stack: LocalStack) -> None:
    dynamodb = stack.client("dynamodb")
    table = dynamodb.describe_table(TableName=stack.claims_table)["Table"]
    assert [(k["AttributeName"], k["KeyType"]) for k in table["KeySchema"]] == [
        ("PK", "HASH"),
        ("SK", "RANGE"),
    ]
    assert {index["IndexName"] for index in table["GlobalSecondaryIndexes"]} == {"GSI1", "GSI2"}
    assert table["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert table["LatestStreamArn"] == stack.stream_arn
    backups = dynamodb.describe_continuous_backups(TableName=stack.claims_table)[
        "ContinuousBackupsDescription"
    ]
    assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"
    ttl = dynamodb.describe_time_to_live(TableName=stack.idempotency_table)["TimeToLiveDescription"]
    assert (ttl["AttributeName"], ttl["TimeToLiveStatus"]) == ("expiration", "ENABLED")


def test_bucket_is_provisioned_private_versioned_and_notifying_the_queue(stack: LocalStack) -> None:
    s3 = stack.client("s3")
    assert s3.get_bucket_versioning(Bucket=stack.bucket)["Status"] == "Enabled"
    assert all(s3.get_public_access_block(Bucket=stack.bucket)["PublicAccessBlockConfiguration"].values())
    rules = s3.get_bucket_encryption(Bucket=stack.bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    configurations = s3.get_bucket_notification_configuration(Bucket=stack.bucket)["QueueConfigurations"]
    queue_arn = stack.resources.queue_arns["IngestQueue"]
    assert sorted(event for c in configurations for event in c["Events"]) == [
        "s3:ObjectCreated:*",
        "s3:ObjectRemoved:*",
    ]
    for configuration in configurations:
        assert configuration["QueueArn"] == queue_arn
        assert configuration["Filter"]["Key"]["FilterRules"] == [{"Name": "prefix", "Value": "articles/"}]


def test_process_environment_carries_the_functions_resolved_variables(stack: LocalStack) -> None:
    assert os.environ["CLAIMS_TABLE_NAME"] == stack.claims_table
    assert os.environ["IDEMPOTENCY_TABLE_NAME"] == stack.idempotency_table
    assert os.environ["ARTICLES_BUCKET_NAME"] == stack.bucket
    assert os.environ["POWERTOOLS_SERVICE_NAME"] == "claimdiff"
    assert os.environ["AWS_ENDPOINT_URL"] == stack.endpoint_url


# ---------------------------------------------------------------- SQS dispatch


def test_upload_reaches_the_ingest_handler_as_an_sqs_event_carrying_the_s3_event(stack: LocalStack) -> None:
    s3 = stack.client("s3")
    s3.put_object(Bucket=stack.bucket, Key="articles/wire-a/first story.txt", Body=b"Kerry said so.")
    s3.put_object(Bucket=stack.bucket, Key="drafts/not-an-article.txt", Body=b"ignored")
    stack.wait_until_idle(60)

    ((record, s3_record),) = s3_records(INGEST)
    assert record["eventSource"] == "aws:sqs"
    assert record["eventSourceARN"] == stack.resources.queue_arns["IngestQueue"]
    assert record["awsRegion"] == "us-east-1"
    assert record["attributes"]["ApproximateReceiveCount"] == "1"
    assert {"messageId", "receiptHandle", "md5OfBody", "messageAttributes"} <= set(record)
    assert s3_record["eventName"] == "ObjectCreated:Put"
    assert s3_record["s3"]["bucket"]["name"] == stack.bucket
    assert unquote_plus(s3_record["s3"]["object"]["key"]) == "articles/wire-a/first story.txt"

    (context,) = INGEST.contexts
    assert context.function_name == "claimdiff-IngestFunction"
    assert context.memory_limit_in_mb == 512
    assert context.invoked_function_arn.endswith(":function:claimdiff-IngestFunction")
    assert 0 < context.get_remaining_time_in_millis() <= 60_000
    # Successes are deleted.
    assert drain(stack, stack.dlq_url) == []


def test_delete_reaches_the_ingest_handler_as_object_removed(stack: LocalStack) -> None:
    s3 = stack.client("s3")
    s3.put_object(Bucket=stack.bucket, Key="articles/wire-b/gone.txt", Body=b"text")
    s3.delete_object(Bucket=stack.bucket, Key="articles/wire-b/gone.txt")
    stack.wait_until_idle(60)
    # The bucket is versioned: a delete creates a delete marker (moto is patched to say so, as S3 does).
    events = [s3_record for _, s3_record in s3_records(INGEST)]
    assert [event["eventName"] for event in events] == [
        "ObjectCreated:Put",
        "ObjectRemoved:DeleteMarkerCreated",
    ]
    assert unquote_plus(events[1]["s3"]["object"]["key"]) == "articles/wire-b/gone.txt"
    assert events[1]["s3"]["object"]["versionId"]


def _fail_keys_containing(marker: str) -> Behaviour:
    def behaviour(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {
            "batchItemFailures": [
                {"itemIdentifier": record["messageId"]}
                for record in event["Records"]
                if marker in record["body"]
            ]
        }

    return behaviour


def test_reported_failure_is_retried_and_lands_in_the_dlq_after_three_receives(stack: LocalStack) -> None:
    INGEST.behaviour = _fail_keys_containing("poison")
    s3 = stack.client("s3")
    s3.put_object(Bucket=stack.bucket, Key="articles/wire-c/poison.txt", Body=b"bad")
    s3.put_object(Bucket=stack.bucket, Key="articles/wire-c/fine.txt", Body=b"good")
    stack.wait_until_idle(60)

    received = [
        (unquote_plus(s3r["s3"]["object"]["key"]), r["attributes"]["ApproximateReceiveCount"])
        for r, s3r in s3_records(INGEST)
    ]
    assert [count for key, count in received if key.endswith("poison.txt")] == ["1", "2", "3"]
    assert [count for key, count in received if key.endswith("fine.txt")] == ["1"]
    (parked,) = drain(stack, stack.dlq_url)
    assert "poison.txt" in parked["Body"]


def test_handler_exception_fails_the_whole_batch_and_the_dispatcher_survives(stack: LocalStack) -> None:
    def explode(event: dict[str, Any], context: Any) -> Any:
        raise RuntimeError("handler bug")

    INGEST.behaviour = explode
    stack.client("s3").put_object(Bucket=stack.bucket, Key="articles/wire-d/crash.txt", Body=b"x")
    stack.wait_until_idle(60)
    assert len(INGEST.events) == 3
    assert len(drain(stack, stack.dlq_url)) == 1

    INGEST.behaviour = None
    stack.client("s3").put_object(Bucket=stack.bucket, Key="articles/wire-d/after.txt", Body=b"x")
    stack.wait_until_idle(60)
    assert unquote_plus(s3_records(INGEST)[-1][1]["s3"]["object"]["key"]) == "articles/wire-d/after.txt"


def test_wait_until_idle_times_out_while_a_handler_runs(stack: LocalStack) -> None:
    release = threading.Event()
    INGEST.behaviour = lambda event, context: release.wait(10) and {"batchItemFailures": []}
    stack.client("s3").put_object(Bucket=stack.bucket, Key="articles/wire-e/slow.txt", Body=b"x")
    try:
        with pytest.raises(TimeoutError):
            stack.wait_until_idle(0.5)
    finally:
        release.set()
    stack.wait_until_idle(60)


# ---------------------------------------------------------------- event filtering

RECORD = {
    "eventName": "INSERT",
    "dynamodb": {"Keys": {"SK": {"S": "CLAIM#0001"}}, "NewImage": {"n": {"N": "5"}, "tags": ["a", "b"]}},
    "size": 7,
    "flag": True,
}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ({"eventName": ["INSERT", "MODIFY"]}, True),
        ({"eventName": ["insert"]}, False),
        ({"eventName": [{"equals-ignore-case": "insert"}]}, True),
        ({"dynamodb": {"Keys": {"SK": {"S": [{"suffix": "0001"}]}}}}, True),
        ({"dynamodb": {"Keys": {"PK": {"S": [{"exists": True}]}}}}, False),
        ({"dynamodb": {"OldImage": [{"exists": False}]}}, True),
        ({"dynamodb": {"NewImage": [{"exists": True}]}}, True),
        ({"eventName": [{"anything-but": ["REMOVE", "MODIFY"]}]}, True),
        ({"eventName": [{"anything-but": {"prefix": "INS"}}]}, False),
        ({"size": [{"numeric": [">", 5, "<=", 7]}]}, True),
        ({"size": [{"numeric": ["<", 5]}]}, False),
        ({"flag": [True]}, True),
        ({"size": [True]}, False),
        ({"dynamodb": {"NewImage": {"tags": ["b"]}}}, True),
        ({"missing": {"nested": ["x"]}}, False),
    ],
)
def test_filter_rules_follow_lambda_event_filtering(pattern: dict[str, Any], expected: bool) -> None:
    assert matches(pattern, RECORD) is expected


def test_filter_criteria_match_when_any_pattern_matches_and_no_criteria_match_all() -> None:
    assert matches_any([{"eventName": ["REMOVE"]}, {"eventName": ["INSERT"]}], RECORD)
    assert not matches_any([{"eventName": ["REMOVE"]}], RECORD)
    assert matches_any([], RECORD)


# ---------------------------------------------------------------- stream dispatch


def _item(pk: str, sk: str, **extra: str) -> dict[str, Any]:
    return {"PK": {"S": pk}, "SK": {"S": sk}, **{name: {"S": value} for name, value in extra.items()}}


def test_only_claim_inserts_reach_the_match_handler_in_stream_event_shape(stack: LocalStack) -> None:
    dynamodb = stack.client("dynamodb")
    table = stack.claims_table
    dynamodb.put_item(TableName=table, Item=_item("ARTICLE#s1", "META", title="t"))
    dynamodb.put_item(TableName=table, Item=_item("ARTICLE#s1", "CLAIM#0001", text="first"))
    dynamodb.put_item(TableName=table, Item=_item("ARTICLE#s1", "CLAIM#0001", text="first, edited"))
    dynamodb.put_item(TableName=table, Item=_item("CLAIM#c1", "REL#c2", relation="contradiction"))
    dynamodb.delete_item(TableName=table, Key={"PK": {"S": "ARTICLE#s1"}, "SK": {"S": "CLAIM#0001"}})
    stack.wait_until_idle(60)

    (record,) = MATCH.records()
    assert record["eventName"] == "INSERT"
    assert record["eventSource"] == "aws:dynamodb"
    assert record["eventSourceARN"] == stack.stream_arn
    assert {"eventID", "eventVersion", "awsRegion"} <= set(record)
    change = record["dynamodb"]
    assert change["Keys"] == {"PK": {"S": "ARTICLE#s1"}, "SK": {"S": "CLAIM#0001"}}
    assert change["NewImage"]["text"] == {"S": "first"}
    assert change["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    assert isinstance(change["ApproximateCreationDateTime"], float)
    assert {"SequenceNumber", "SizeBytes"} <= set(change)
    json.dumps(MATCH.events)  # what Lambda delivers is JSON


def test_stream_batch_failure_is_retried_then_sent_to_the_failure_queue_and_on_to_rematch(
    stack: LocalStack,
) -> None:
    def fail_claim_two(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {
            "batchItemFailures": [
                {"itemIdentifier": r["dynamodb"]["SequenceNumber"]}
                for r in event["Records"]
                if r["dynamodb"]["Keys"]["SK"]["S"] == "CLAIM#0002"
            ]
        }

    MATCH.behaviour = fail_claim_two
    dynamodb = stack.client("dynamodb")
    for number in ("0001", "0002", "0003"):
        dynamodb.put_item(TableName=stack.claims_table, Item=_item("ARTICLE#s2", f"CLAIM#{number}"))
    stack.wait_until_idle(60)

    batches = [[r["dynamodb"]["Keys"]["SK"]["S"] for r in event["Records"]] for event in MATCH.events]
    # The three writes may reach one poll or several. Whatever the split: CLAIM#0001 succeeds once;
    # Lambda checkpoints before CLAIM#0002 and retries from there, 3 times, each retry starting with it.
    assert sum(batch.count("CLAIM#0001") for batch in batches) == 1
    with_failure = [batch for batch in batches if "CLAIM#0002" in batch]
    assert len(with_failure) == 1 + 3
    assert all(batch[0] == "CLAIM#0002" for batch in with_failure[1:])
    assert any("CLAIM#0003" in batch for batch in batches), "the record after the failed one is delivered"
    # The failure queue is an SQS event source of the rematch function: the record reaches it.
    (failure,) = REMATCH.records()
    assert failure["eventSource"] == "aws:sqs" and failure["eventSourceARN"].endswith("MatchFailuresQueue")
    info = json.loads(failure["body"])
    assert info["requestContext"]["condition"] == "RetryAttemptsExhausted"
    assert info["DDBStreamBatchInfo"]["batchSize"] == len(with_failure[-1])
    assert info["DDBStreamBatchInfo"]["streamArn"] == stack.stream_arn


def test_queries_read_one_partition_with_moto_semantics(stack: LocalStack) -> None:
    """The local stack's partition-scoped Query (a moto speed-up) keeps conditions, order and paging."""
    dynamodb = stack.client("dynamodb")
    for partition in ("KEY#kerry#2016-08-26", "KEY#lavrov#2016-08-26"):
        requests = [
            {
                "PutRequest": {
                    "Item": _item(partition, f"c{n:02d}", GSI1PK=f"O#{partition}", GSI1SK=f"{n:02d}")
                }
            }
            for n in range(12)
        ]
        for start in (0, 6):
            dynamodb.batch_write_item(RequestItems={stack.claims_table: requests[start : start + 6]})

    def sort_keys(**query: Any) -> list[str]:
        keys: list[str] = []
        while True:
            page = dynamodb.query(TableName=stack.claims_table, **query)
            keys += [item["SK"]["S"] for item in page["Items"]]
            if "LastEvaluatedKey" not in page:
                return keys
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    kerry = {":p": {"S": "KEY#kerry#2016-08-26"}}
    assert sort_keys(
        KeyConditionExpression="PK = :p", ExpressionAttributeValues=kerry, ConsistentRead=True
    ) == [f"c{n:02d}" for n in range(12)]
    assert sort_keys(
        KeyConditionExpression="PK = :p AND begins_with(SK, :s)",
        ExpressionAttributeValues={**kerry, ":s": {"S": "c1"}},
        ScanIndexForward=False,
        Limit=1,
    ) == ["c11", "c10"]
    assert (
        sort_keys(
            KeyConditionExpression="PK = :p", ExpressionAttributeValues={":p": {"S": "KEY#nobody#2016-08-26"}}
        )
        == []
    )
    on_index = sort_keys(
        IndexName="GSI1",
        KeyConditionExpression="GSI1PK = :p AND GSI1SK >= :s",
        ExpressionAttributeValues={":p": {"S": "O#KEY#lavrov#2016-08-26"}, ":s": {"S": "10"}},
    )
    assert on_index == ["c10", "c11"]


# ---------------------------------------------------------------- HTTP gateway


def _echo(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return {
        "statusCode": 201,
        "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {"X-Seen": ["a", "b"]},
        "body": json.dumps(event),
        "isBase64Encoded": False,
    }


def test_gateway_turns_requests_into_api_gateway_proxy_events(stack: LocalStack) -> None:
    API.behaviour = _echo
    request = urllib.request.Request(
        f"{stack.api_url}/articles/a1/claims?outlet=wire-a&tag=x&tag=y",
        data=b'{"a": "text"}',
        headers={"Content-Type": "application/json", "X-Trace": "t1"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201
        assert response.headers.get_all("X-Seen") == ["a", "b"]
        event = json.loads(response.read())

    assert event["resource"] == "/{proxy+}"
    assert event["path"] == "/articles/a1/claims"
    assert event["httpMethod"] == "POST"
    assert event["pathParameters"] == {"proxy": "articles/a1/claims"}
    assert event["queryStringParameters"] == {"outlet": "wire-a", "tag": "y"}
    assert event["multiValueQueryStringParameters"] == {"outlet": ["wire-a"], "tag": ["x", "y"]}
    assert event["headers"]["X-Trace"] == "t1"
    assert event["multiValueHeaders"]["X-Trace"] == ["t1"]
    assert event["body"] == '{"a": "text"}'
    assert event["isBase64Encoded"] is False
    context = event["requestContext"]
    assert context["stage"] == "v1"
    assert context["resourcePath"] == "/{proxy+}"
    assert context["httpMethod"] == "POST"
    assert context["path"] == "/v1/articles/a1/claims"
    assert context["identity"]["sourceIp"] == "127.0.0.1"
    assert context["requestId"]


def test_gateway_root_binary_body_and_base64_responses(stack: LocalStack) -> None:
    API.behaviour = lambda event, context: {
        "statusCode": 200,
        "headers": {"Content-Type": "application/octet-stream"},
        "body": "AAEC",  # base64 of 00 01 02
        "isBase64Encoded": True,
        "seen": event,
    }
    request = urllib.request.Request(f"{stack.api_url}/", data=b"\xff\xfe", method="PUT")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.read() == b"\x00\x01\x02"
    (event,) = API.events
    assert (event["resource"], event["path"], event["pathParameters"]) == ("/", "/", None)
    assert (event["body"], event["isBase64Encoded"]) == ("//4=", True)


def test_gateway_answers_502_when_the_handler_raises(stack: LocalStack) -> None:
    def explode(event: dict[str, Any], context: Any) -> Any:
        raise RuntimeError("boom")

    API.behaviour = explode
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(f"{stack.api_url}/health", timeout=10)
    assert raised.value.code == 502
    assert json.loads(raised.value.read()) == {"message": "Internal server error"}


# ---------------------------------------------------------------- lifecycle


def test_stop_restores_the_environment_and_a_restart_keeps_the_endpoints() -> None:
    before = os.environ.get("AWS_ENDPOINT_URL")
    handlers = {
        "IngestFunction": INGEST,
        "MatchFunction": MATCH,
        "RematchFunction": REMATCH,
        "ApiFunction": API,
    }
    # Another stack in this process (moto's state is per process): its own names.
    local = LocalStack(api_port=0, stack_name="claimdiff-second", handlers=handlers)
    local.start()
    try:
        assert os.environ["AWS_ENDPOINT_URL"] == local.endpoint_url
        endpoints = (local.endpoint_url, local.api_url)
        local.client("s3").put_object(Bucket=local.bucket, Key="articles/x/kept.txt", Body=b"x")
    finally:
        local.stop()
    assert os.environ.get("AWS_ENDPOINT_URL") == before
    assert not local.running
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{endpoints[1]}/health", timeout=2)

    with local:
        assert (local.endpoint_url, local.api_url) == endpoints
        # Provisioned afresh: the previous run's objects were torn down with it.
        assert local.client("s3").list_objects_v2(Bucket=local.bucket)["KeyCount"] == 0


def test_a_taken_port_fails_fast_with_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        local = LocalStack(moto_port=port, api_port=0, stack_name="claimdiff-third")
        started = time.monotonic()
        with pytest.raises(OSError, match=f"127.0.0.1:{port} is in use"):
            local.start()
        assert time.monotonic() - started < 5
        assert not local.running


def test_the_printed_upload_hint_works_on_a_machine_without_aws_settings(
    stack: LocalStack, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimdiff.cli import main  # noqa: PLC0415

    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_DEFAULT_REGION",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    article = tmp_path / "hint.txt"
    article.write_text("Hint\n\nThe council approved the budget on Monday, the mayor said.\n")
    hint = next(line for line in stack.describe().splitlines() if "claimdiff upload" in line)
    command = (
        hint.split("or: claimdiff ", 1)[1].replace("FILE...", str(article)).replace("<outlet>", "wire-a")
    )
    command = command.replace("<yyyy-mm-dd>", "2016-08-26")

    assert main(command.split()) == 0
    assert capsys.readouterr().out.strip() == f"s3://{stack.bucket}/articles/wire-a/hint.txt"
    stack.wait_until_idle(60)
