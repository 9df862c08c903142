"""Handlers against moto (in process), with the resources template.yaml defines, provisioned from it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import moto
import pytest
from claimdiff import runtime
from claimdiff_local.events import LambdaContext, sqs_record, stream_record
from claimdiff_local.filters import matches_any
from claimdiff_local.functions import FunctionSpec, function_specs
from claimdiff_local.provision import ProvisionedResources, Provisioner
from claimdiff_local.template import Resolver, load_template

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"
REGION = "us-east-1"


@dataclass
class Aws:
    """The provisioned resources and the functions' specs, with helpers that speak Lambda's event shapes."""

    resources: ProvisionedResources
    functions: dict[str, FunctionSpec]

    @property
    def bucket(self) -> str:
        return self.resources.buckets["ArticlesBucket"]

    @property
    def queue_url(self) -> str:
        return self.resources.queue_urls["IngestQueue"]

    @property
    def dlq_url(self) -> str:
        return self.resources.queue_urls["IngestDLQ"]

    @property
    def table(self) -> str:
        return self.resources.tables["ClaimsTable"]

    def context(self, logical_id: str) -> LambdaContext:
        spec = self.functions[logical_id]
        return LambdaContext(
            function_name=spec.function_name,
            memory_limit_in_mb=spec.memory_mb,
            invoked_function_arn=f"arn:aws:lambda:{REGION}:123456789012:function:{spec.function_name}",
            timeout_seconds=spec.timeout_seconds,
        )

    def receive(self, queue_url: str | None = None, wait: int = 1) -> list[dict[str, Any]]:
        """Messages as S3 delivered them, with every attribute (Lambda's SQS event carries them)."""
        response = boto3.client("sqs").receive_message(
            QueueUrl=queue_url or self.queue_url,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=wait,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        )
        return response.get("Messages", [])

    def sqs_event(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        arn = self.resources.queue_arns["IngestQueue"]
        return {"Records": [sqs_record(message, arn, REGION) for message in messages]}

    def s3_messages(self) -> list[dict[str, Any]]:
        """Drain the ingest queue of the notifications for what the test just did (S3's TestEvent included)."""
        messages: list[dict[str, Any]] = []
        while batch := self.receive(wait=0):
            messages += batch
        sqs = boto3.client("sqs")
        for message in messages:
            sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])
        return messages

    def stream_events(self) -> list[dict[str, Any]]:
        """Every stream record since the last call, in Lambda's shape, filtered as the template says."""
        streams = boto3.client("dynamodbstreams")
        arn = self.resources.stream_arns["ClaimsTable"]
        source = self.functions["MatchFunction"].stream_sources[0]
        records: list[dict[str, Any]] = []
        for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
            iterator = streams.get_shard_iterator(
                StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
            )["ShardIterator"]
            # GetRecords returns at most 1,000 records: follow the shard to its end.
            while iterator:
                page = streams.get_records(ShardIterator=iterator)
                records += page["Records"]
                iterator = page.get("NextShardIterator") if page["Records"] else None
        shaped = [stream_record(record, arn, REGION) for record in records]
        fresh = [record for record in shaped if record["eventID"] not in self._seen]
        self._seen.update(record["eventID"] for record in fresh)
        return [record for record in fresh if matches_any(source.filter_patterns, record)]

    def __post_init__(self) -> None:
        self._seen: set[str] = set()


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[Aws]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with moto.mock_aws():
        template = load_template(TEMPLATE)
        resolver = Resolver(template, region=REGION)
        resources = Provisioner(template, resolver, boto3.Session(region_name=REGION), None).provision()  # type: ignore[arg-type]
        functions = {spec.logical_id: spec for spec in function_specs(template, resolver)}
        for name, value in functions["IngestFunction"].environment.items():
            monkeypatch.setenv(name, value)
        runtime.reset()
        yield Aws(resources, functions)
    runtime.reset()


def s3_event_body(message: dict[str, Any]) -> dict[str, Any]:
    """The S3 notification inside an SQS message."""
    body: dict[str, Any] = json.loads(message["Body"])
    return body
