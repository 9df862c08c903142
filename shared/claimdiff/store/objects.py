"""Where uploaded article bodies live: the port and its S3 adapter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from botocore.config import Config
from botocore.exceptions import ClientError

from claimdiff.store import clients

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_MISSING = frozenset({"NoSuchKey", "404", "NotFound", "NoSuchBucket"})
# Fail a stuck read well inside the function's timeout, so SQS retries the message instead.
_CLIENT_CONFIG = Config(retries={"mode": "standard", "max_attempts": 4}, connect_timeout=3, read_timeout=10)


@dataclass(frozen=True)
class StoredObject:
    """The current version of an uploaded object. ``body`` is empty when ``size`` exceeded the cap."""

    body: bytes
    size: int
    version_id: str | None = None
    etag: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


class ObjectSource(Protocol):
    """Reads the current state of an uploaded object."""

    def fetch(self, bucket: str, key: str, *, max_bytes: int) -> StoredObject | None:
        """The object's current version, or None when it no longer exists."""
        ...


class S3ObjectSource:
    """Reads objects from S3 (the latest version: replayed and reordered events converge on it)."""

    def __init__(self, client: S3Client | None = None) -> None:
        self._client: S3Client = client or clients.client("s3", config=_CLIENT_CONFIG)

    def fetch(self, bucket: str, key: str, *, max_bytes: int) -> StoredObject | None:
        """The object's current version; its body is not downloaded when it is larger than ``max_bytes``."""
        try:
            response = self._client.get_object(Bucket=bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in _MISSING:
                return None
            raise
        size = response["ContentLength"]
        stream = response["Body"]
        try:
            body = stream.read() if size <= max_bytes else b""
        finally:
            stream.close()
        return StoredObject(
            body=body,
            size=size,
            version_id=response.get("VersionId"),
            etag=response.get("ETag", "").strip('"') or None,
            metadata=dict(response.get("Metadata", {})),
        )
