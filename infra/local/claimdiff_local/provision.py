"""Create the template's buckets, queues, tables and notifications in moto, and nothing else.

Every definition comes from template.yaml: this module translates CloudFormation resource properties
into the equivalent API calls. Serverless resources (functions, layer, API) are not created in moto
(moto's Lambda needs Docker); the dispatcher and the HTTP gateway play their part.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from graphlib import TopologicalSorter
from typing import Any

import boto3

from claimdiff_local import moto_compat
from claimdiff_local.template import Resolver

log = logging.getLogger(__name__)

_TABLE_ENCRYPTION = {"SSEEnabled": "Enabled", "SSEType": "SSEType", "KMSMasterKeyId": "KMSMasterKeyId"}


@dataclass
class ProvisionedResources:
    """Physical names of what was created, by logical id and type."""

    buckets: dict[str, str] = field(default_factory=dict)
    queue_urls: dict[str, str] = field(default_factory=dict)
    queue_arns: dict[str, str] = field(default_factory=dict)
    tables: dict[str, str] = field(default_factory=dict)
    stream_arns: dict[str, str] = field(default_factory=dict)
    secret_arns: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


class Provisioner:
    """Creates the template's resources, in dependency order, against one moto endpoint.

    moto must run in this process (ThreadedMotoServer or ``mock_aws``): for the buckets and tables
    created here, ``moto_compat`` closes two gaps with AWS (delete-marker notifications and
    partition-scoped queries).
    """

    def __init__(
        self, template: Mapping[str, Any], resolver: Resolver, session: boto3.Session, endpoint_url: str
    ):
        self._template = template
        self._resolver = resolver
        # Untyped on purpose: the requests are translated from the template's free-form properties.
        self._s3: Any = session.client("s3", endpoint_url=endpoint_url)
        self._sqs: Any = session.client("sqs", endpoint_url=endpoint_url)
        self._dynamodb: Any = session.client("dynamodb", endpoint_url=endpoint_url)
        self._secrets: Any = session.client("secretsmanager", endpoint_url=endpoint_url)
        self.resources = ProvisionedResources()
        self._creators: dict[str, Callable[[str, dict[str, Any]], None]] = {
            "AWS::S3::Bucket": self._bucket,
            "AWS::S3::BucketPolicy": self._bucket_policy,
            "AWS::SQS::Queue": self._queue,
            "AWS::SQS::QueuePolicy": self._queue_policy,
            "AWS::DynamoDB::Table": self._table,
            "AWS::SecretsManager::Secret": self._secret,
        }

    def physical_name(self, logical_id: str) -> str:
        """What CloudFormation would generate, made deterministic: ``<stack>-<LogicalId>``."""
        return f"{self._resolver.stack_name}-{logical_id}"

    def provision(self) -> ProvisionedResources:
        """Create every supported resource; record the others as skipped."""
        resources: dict[str, Any] = dict(self._template["Resources"])
        supported = {name for name, spec in resources.items() if spec.get("Type") in self._creators}
        graph: dict[str, set[str]] = {}
        for name in supported:
            spec = resources[name]
            depends_on = spec.get("DependsOn") or []
            depends_on = [depends_on] if isinstance(depends_on, str) else list(depends_on)
            graph[name] = (Resolver.dependencies(spec.get("Properties")) | set(depends_on)) & supported
        for name in TopologicalSorter(graph).static_order():
            spec = resources[name]
            if "Condition" in spec and not self._resolver.condition(spec["Condition"]):
                continue
            self._creators[spec["Type"]](name, spec.get("Properties") or {})
        self.resources.skipped = sorted(set(resources) - supported)
        self._register_serverless_placeholders(resources)
        return self.resources

    def teardown(self) -> None:
        """Delete what ``provision`` created (moto's state is per process and outlives the server)."""
        for table in self.resources.tables.values():
            moto_compat.forget(table)
            self._quietly(self._dynamodb.delete_table, TableName=table)
        for url in self.resources.queue_urls.values():
            self._quietly(self._sqs.delete_queue, QueueUrl=url)
        for arn in self.resources.secret_arns.values():
            self._quietly(self._secrets.delete_secret, SecretId=arn, ForceDeleteWithoutRecovery=True)
        for bucket in self.resources.buckets.values():
            # No events while emptying the bucket (and moto fails to describe a removed delete marker).
            self._quietly(
                self._s3.put_bucket_notification_configuration, Bucket=bucket, NotificationConfiguration={}
            )
            moto_compat.forget(bucket)
            self._quietly(self._empty_bucket, bucket=bucket)
            self._quietly(self._s3.delete_bucket, Bucket=bucket)

    def _empty_bucket(self, bucket: str) -> None:
        for page in self._s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
            versions = [*page.get("Versions", []), *page.get("DeleteMarkers", [])]
            if versions:
                objects = [{"Key": v["Key"], "VersionId": v["VersionId"]} for v in versions]
                self._s3.delete_objects(Bucket=bucket, Delete={"Objects": objects, "Quiet": True})

    @staticmethod
    def _quietly(call: Callable[..., Any], **kwargs: Any) -> Any:
        try:
            return call(**kwargs)
        except Exception as error:  # best effort: the stack is going away anyway
            log.warning("teardown: %s(%s) failed: %s", getattr(call, "__name__", call), kwargs, error)
            return None

    # ------------------------------------------------------------------ S3

    def _bucket(self, logical_id: str, raw: dict[str, Any]) -> None:
        # The notification needs the queue policy first (DependsOn); create the bucket with it last.
        properties = self._resolver.resolve(
            {k: v for k, v in raw.items() if k != "NotificationConfiguration"}
        )
        name = properties.get("BucketName") or self.physical_name(logical_id).lower()
        self._s3.create_bucket(Bucket=name)
        self._resolver.refs[logical_id] = name
        arn = f"arn:aws:s3:::{name}"
        for attribute, value in {
            "Arn": arn,
            "DomainName": f"{name}.s3.amazonaws.com",
            "RegionalDomainName": f"{name}.s3.{self._resolver.region}.amazonaws.com",
        }.items():
            self._resolver.attributes[(logical_id, attribute)] = value
        self.resources.buckets[logical_id] = name

        if "VersioningConfiguration" in properties:
            self._s3.put_bucket_versioning(
                Bucket=name,
                VersioningConfiguration={"Status": properties["VersioningConfiguration"]["Status"]},
            )
        encryption = properties.get("BucketEncryption")
        if encryption:
            self._s3.put_bucket_encryption(
                Bucket=name,
                ServerSideEncryptionConfiguration={
                    "Rules": [
                        _encryption_rule(rule) for rule in encryption["ServerSideEncryptionConfiguration"]
                    ]
                },
            )
        if "PublicAccessBlockConfiguration" in properties:
            self._s3.put_public_access_block(
                Bucket=name, PublicAccessBlockConfiguration=properties["PublicAccessBlockConfiguration"]
            )
        if "OwnershipControls" in properties:
            self._s3.put_bucket_ownership_controls(
                Bucket=name, OwnershipControls=properties["OwnershipControls"]
            )

        notification = raw.get("NotificationConfiguration")
        if notification:
            self._s3.put_bucket_notification_configuration(
                Bucket=name,
                NotificationConfiguration=_notification_configuration(self._resolver.resolve(notification)),
            )
            moto_compat.notify_delete_markers(name)

    def _bucket_policy(self, logical_id: str, raw: dict[str, Any]) -> None:
        # Not applied: moto evaluates bucket policies and the local endpoint is plain HTTP, so the
        # template's TLS-only Deny would refuse every request. The reference still resolves.
        properties = self._resolver.resolve(raw)
        self._resolver.refs[logical_id] = properties["Bucket"]
        log.debug("bucket policy %s for %s not applied locally", logical_id, properties["Bucket"])

    # ------------------------------------------------------------------ SQS

    def _secret(self, logical_id: str, raw: dict[str, Any]) -> None:
        """A secret; ``GenerateSecretString`` is honoured with a random URL-safe string of its length."""
        properties = self._resolver.resolve(raw)
        value = properties.get("SecretString")
        if value is None:
            length = int((properties.get("GenerateSecretString") or {}).get("PasswordLength", 32))
            value = secrets.token_urlsafe(length)[:length]
        arn = self._secrets.create_secret(
            Name=properties.get("Name") or self.physical_name(logical_id), SecretString=value
        )["ARN"]
        self._resolver.refs[logical_id] = arn
        self.resources.secret_arns[logical_id] = arn

    def _queue(self, logical_id: str, raw: dict[str, Any]) -> None:
        properties = self._resolver.resolve(raw)
        name = properties.get("QueueName") or self.physical_name(logical_id)
        attributes: dict[str, str] = {}
        for key in (
            "VisibilityTimeout",
            "MessageRetentionPeriod",
            "DelaySeconds",
            "MaximumMessageSize",
            "ReceiveMessageWaitTimeSeconds",
            "SqsManagedSseEnabled",
            "KmsMasterKeyId",
            "FifoQueue",
            "ContentBasedDeduplication",
        ):
            if key in properties:
                attributes[key] = _attribute_string(properties[key])
        if "RedrivePolicy" in properties:
            attributes["RedrivePolicy"] = json.dumps(properties["RedrivePolicy"])
        url = self._sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        arn = self._sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        self._resolver.refs[logical_id] = url
        self._resolver.attributes[(logical_id, "Arn")] = arn
        self._resolver.attributes[(logical_id, "QueueName")] = name
        self._resolver.attributes[(logical_id, "QueueUrl")] = url
        self.resources.queue_urls[logical_id] = url
        self.resources.queue_arns[logical_id] = arn

    def _queue_policy(self, logical_id: str, raw: dict[str, Any]) -> None:
        properties = self._resolver.resolve(raw)
        policy = json.dumps(properties["PolicyDocument"])
        for url in properties["Queues"]:
            self._sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": policy})
        self._resolver.refs[logical_id] = logical_id

    # ------------------------------------------------------------------ DynamoDB

    def _table(self, logical_id: str, raw: dict[str, Any]) -> None:
        properties = self._resolver.resolve(raw)
        name = properties.get("TableName") or self.physical_name(logical_id)
        request: dict[str, Any] = {
            "TableName": name,
            "AttributeDefinitions": properties["AttributeDefinitions"],
            "KeySchema": properties["KeySchema"],
            "BillingMode": properties.get("BillingMode", "PROVISIONED"),
        }
        if request["BillingMode"] == "PROVISIONED":
            request["ProvisionedThroughput"] = properties["ProvisionedThroughput"]
        if properties.get("GlobalSecondaryIndexes"):
            request["GlobalSecondaryIndexes"] = properties["GlobalSecondaryIndexes"]
        if properties.get("LocalSecondaryIndexes"):
            request["LocalSecondaryIndexes"] = properties["LocalSecondaryIndexes"]
        stream = properties.get("StreamSpecification")
        if stream:
            request["StreamSpecification"] = {
                "StreamEnabled": True,
                "StreamViewType": stream["StreamViewType"],
            }
        encryption = properties.get("SSESpecification")
        if encryption:
            request["SSESpecification"] = {
                api_key: encryption[cfn_key]
                for cfn_key, api_key in _TABLE_ENCRYPTION.items()
                if cfn_key in encryption
            }
        if "DeletionProtectionEnabled" in properties:
            request["DeletionProtectionEnabled"] = bool(properties["DeletionProtectionEnabled"])
        description = self._dynamodb.create_table(**request)["TableDescription"]

        ttl = properties.get("TimeToLiveSpecification")
        if ttl and ttl.get("Enabled"):
            self._dynamodb.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
            )
        recovery = properties.get("PointInTimeRecoverySpecification") or {}
        if recovery.get("PointInTimeRecoveryEnabled"):
            self._dynamodb.update_continuous_backups(
                TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
            )

        if any(key["KeyType"] == "RANGE" for key in properties["KeySchema"]):
            moto_compat.index_partitions(name)
        self._resolver.refs[logical_id] = name
        self._resolver.attributes[(logical_id, "Arn")] = description["TableArn"]
        self.resources.tables[logical_id] = name
        if "LatestStreamArn" in description:
            self._resolver.attributes[(logical_id, "StreamArn")] = description["LatestStreamArn"]
            self.resources.stream_arns[logical_id] = description["LatestStreamArn"]

    # ------------------------------------------------------------------ the rest

    def _register_serverless_placeholders(self, resources: Mapping[str, Any]) -> None:
        """Give functions, layers and APIs local names so that references to them resolve."""
        region, account = self._resolver.region, self._resolver.account_id
        for logical_id, spec in resources.items():
            name = self.physical_name(logical_id)
            if spec.get("Type") in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
                self._resolver.refs.setdefault(logical_id, name)
                self._resolver.attributes[(logical_id, "Arn")] = (
                    f"arn:aws:lambda:{region}:{account}:function:{name}"
                )
            elif logical_id not in self._resolver.refs:
                self._resolver.refs[logical_id] = name


def _attribute_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _encryption_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    """CloudFormation's ServerSideEncryptionRule -> the S3 API's (the default is named differently)."""
    api_rule: dict[str, Any] = {
        "ApplyServerSideEncryptionByDefault": dict(rule["ServerSideEncryptionByDefault"])
    }
    if "BucketKeyEnabled" in rule:
        api_rule["BucketKeyEnabled"] = bool(rule["BucketKeyEnabled"])
    return api_rule


def _notification_configuration(properties: Mapping[str, Any]) -> dict[str, Any]:
    """CloudFormation's NotificationConfiguration -> the S3 API's (only queue targets are local)."""
    queues = []
    for item in properties.get("QueueConfigurations") or []:
        configuration: dict[str, Any] = {"QueueArn": item["Queue"], "Events": [item["Event"]]}
        rules = ((item.get("Filter") or {}).get("S3Key") or {}).get("Rules")
        if rules:
            configuration["Filter"] = {"Key": {"FilterRules": rules}}
        queues.append(configuration)
    for unsupported in ("TopicConfigurations", "LambdaConfigurations", "EventBridgeConfiguration"):
        if properties.get(unsupported):
            log.warning("bucket notification %s is not emulated locally", unsupported)
    return {"QueueConfigurations": queues}
