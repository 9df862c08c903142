"""Lambda's event and context shapes, built from what the local services return.

Each builder produces exactly the keys Lambda sends, so handlers (and powertools' data classes) see
the same thing locally and in AWS.
"""

from __future__ import annotations

import base64
import datetime as dt
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class LambdaContext:
    """The attributes and method of the Lambda runtime's context object that handlers use."""

    function_name: str
    memory_limit_in_mb: int
    invoked_function_arn: str
    timeout_seconds: int
    function_version: str = "$LATEST"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = ""
    log_stream_name: str = "local"
    identity: Any = None
    client_context: Any = None
    _deadline: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        self.log_group_name = self.log_group_name or f"/aws/lambda/{self.function_name}"
        self._deadline = time.monotonic() + self.timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left before the function's timeout (never negative)."""
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def sqs_record(message: Mapping[str, Any], queue_arn: str, region: str) -> dict[str, Any]:
    """One record of Lambda's SQS event, from a ReceiveMessage message (all attributes requested)."""
    attributes = dict(message.get("Attributes") or {})
    return {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": message["Body"],
        "attributes": attributes,
        "messageAttributes": {
            name: _sqs_message_attribute(value)
            for name, value in (message.get("MessageAttributes") or {}).items()
        },
        "md5OfBody": message["MD5OfBody"],
        "md5OfMessageAttributes": message.get("MD5OfMessageAttributes"),
        "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn,
        "awsRegion": region,
    }


def _sqs_message_attribute(value: Mapping[str, Any]) -> dict[str, Any]:
    # Lambda uses camelCase and always includes the list fields.
    return {
        "stringValue": value.get("StringValue"),
        "binaryValue": _b64(value["BinaryValue"]) if "BinaryValue" in value else None,
        "stringListValues": list(value.get("StringListValues") or []),
        "binaryListValues": [_b64(item) for item in value.get("BinaryListValues") or []],
        "dataType": value["DataType"],
    }


def stream_record(record: Mapping[str, Any], stream_arn: str, region: str) -> dict[str, Any]:
    """One record of Lambda's DynamoDB stream event, from a GetRecords record (boto3 client shape)."""
    dynamodb = dict(record["dynamodb"])
    created = dynamodb.get("ApproximateCreationDateTime")
    if isinstance(created, dt.datetime):
        # Lambda sends epoch seconds; boto3 parsed them into a datetime.
        dynamodb["ApproximateCreationDateTime"] = float(int(created.timestamp()))
    for image in ("Keys", "NewImage", "OldImage"):
        if image in dynamodb:
            dynamodb[image] = _json_attribute_values(dynamodb[image])
    shaped: dict[str, Any] = {
        "eventID": record["eventID"],
        "eventName": record["eventName"],
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": region,
        "dynamodb": dynamodb,
        "eventSourceARN": stream_arn,
    }
    if "userIdentity" in record:
        shaped["userIdentity"] = record["userIdentity"]
    return shaped


def _json_attribute_values(value: Any) -> Any:
    """Binary attribute values as Lambda sends them: base64 strings (boto3 returns bytes)."""
    if isinstance(value, bytes | bytearray):
        return _b64(bytes(value))
    if isinstance(value, Mapping):
        return {key: _json_attribute_values(item) for key, item in value.items()}
    if isinstance(value, list | set):
        return [_json_attribute_values(item) for item in value]
    return value


def _b64(value: bytes | str) -> str:
    raw = value.encode() if isinstance(value, str) else value
    return base64.b64encode(raw).decode("ascii")


def api_gateway_event(
    *,
    method: str,
    path: str,
    query: Mapping[str, list[str]],
    headers: list[tuple[str, str]],
    body: bytes,
    source_ip: str,
    stage: str = "v1",
    account_id: str = "123456789012",
    api_id: str = "local",
) -> dict[str, Any]:
    """An API Gateway REST proxy event (``/{proxy+}`` resource; ``/`` for the root)."""
    multi_headers: dict[str, list[str]] = {}
    for name, value in headers:
        multi_headers.setdefault(name, []).append(value)
    single_headers = {name: values[-1] for name, values in multi_headers.items()}
    lowered = {name.lower(): value for name, value in single_headers.items()}
    is_root = path in ("", "/")
    resource = "/" if is_root else "/{proxy+}"
    text_body, is_base64 = _proxy_body(body)
    now = dt.datetime.now(dt.UTC)
    request_id = str(uuid.uuid4())
    return {
        "resource": resource,
        "path": path or "/",
        "httpMethod": method,
        "headers": single_headers or None,
        "multiValueHeaders": multi_headers or None,
        "queryStringParameters": {name: values[-1] for name, values in query.items()} or None,
        "multiValueQueryStringParameters": {name: list(values) for name, values in query.items()} or None,
        "pathParameters": None if is_root else {"proxy": path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "resourceId": "local",
            "resourcePath": resource,
            "httpMethod": method,
            "extendedRequestId": request_id,
            "requestTime": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "path": f"/{stage}{path or '/'}",
            "accountId": account_id,
            "protocol": "HTTP/1.1",
            "stage": stage,
            "domainPrefix": "localhost",
            "requestTimeEpoch": int(now.timestamp() * 1000),
            "requestId": request_id,
            "identity": {
                "cognitoIdentityPoolId": None,
                "accountId": None,
                "cognitoIdentityId": None,
                "caller": None,
                "sourceIp": source_ip,
                "principalOrgId": None,
                "accessKey": None,
                "cognitoAuthenticationType": None,
                "cognitoAuthenticationProvider": None,
                "userArn": None,
                "userAgent": lowered.get("user-agent"),
                "user": None,
            },
            "domainName": lowered.get("host", "localhost"),
            "apiId": api_id,
        },
        "body": text_body,
        "isBase64Encoded": is_base64,
    }


def _proxy_body(body: bytes) -> tuple[str | None, bool]:
    """Text bodies pass as text; anything that is not UTF-8 is base64 encoded, as for binary media types."""
    if not body:
        return None, False
    try:
        return body.decode("utf-8"), False
    except UnicodeDecodeError:
        return _b64(body), True
