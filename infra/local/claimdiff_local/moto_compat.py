"""Two gaps between moto and AWS that the pipeline depends on, closed for the local stack's resources only.

1. In a versioned bucket, ``DeleteObject`` without a version id creates a delete marker, and S3 then
   sends ``s3:ObjectRemoved:DeleteMarkerCreated``. moto creates the marker but sends nothing, so an
   article deleted on the local stack would never be retracted. The patch sends that event to the
   bucket's matching queue notifications.
2. moto answers a base-table ``Query`` by sorting every item of the table, so each candidate lookup
   costs O(table) instead of O(partition) and the demo slows down as the corpus grows. The patch
   hands moto's query only the queried partition; everything else (sorting, conditions, filters,
   pagination) stays moto's own code.

Both are scoped to the buckets and tables registered here, so code that uses moto elsewhere in the
process (``mock_aws`` tests) sees moto exactly as shipped.
"""

from __future__ import annotations

import inspect
import threading
from typing import Any
from urllib.parse import quote_plus

from moto.core.utils import iso_8601_datetime_with_milliseconds
from moto.dynamodb.models.table import Table
from moto.s3 import notifications
from moto.s3.models import S3Backend

_EVENT = notifications.S3NotificationEvent.OBJECT_REMOVED_DELETE_MARKER_CREATED_EVENT
_lock = threading.Lock()
_buckets: set[str] = set()
_tables: set[str] = set()
_installed = False
# The partition a base-table query is reading, per server thread (werkzeug serves each request in one).
_query_scope = threading.local()


def notify_delete_markers(bucket_name: str) -> None:
    """Send DeleteMarkerCreated notifications for this bucket from now on."""
    _install()
    with _lock:
        _buckets.add(bucket_name)


def index_partitions(table_name: str) -> None:
    """Answer base-table queries on this table from the queried partition only."""
    _install()
    with _lock:
        _tables.add(table_name)


def forget(name: str) -> None:
    """Stop emulating for this bucket or table (the stack that owns it stopped)."""
    with _lock:
        _buckets.discard(name)
        _tables.discard(name)


def _install() -> None:
    global _installed  # noqa: PLW0603 (one patch per process)
    with _lock:
        if _installed:
            return
        _install_partition_queries()
        original = S3Backend._set_delete_marker

        def set_delete_marker(self: S3Backend, bucket_name: str, key_name: str) -> Any:
            marker = original(self, bucket_name, key_name)
            with _lock:
                emulate = bucket_name in _buckets
            if emulate:
                _send(self.account_id, self.get_bucket(bucket_name), marker)
            return marker

        S3Backend._set_delete_marker = set_delete_marker  # type: ignore[method-assign]
        _installed = True


def _send(account_id: str, bucket: Any, marker: Any) -> None:
    configuration = bucket.notification_configuration
    if configuration is None:
        return
    for notification in configuration.queue:
        if not notification.matches(_EVENT, marker.name):
            continue
        body = {
            "Records": [
                {
                    "eventVersion": "2.1",
                    "eventSource": "aws:s3",
                    "awsRegion": bucket.region_name,
                    "eventTime": iso_8601_datetime_with_milliseconds(),
                    "eventName": _EVENT.value[3:],
                    "s3": {
                        "s3SchemaVersion": "1.0",
                        "configurationId": notification.id,
                        "bucket": {"name": bucket.name, "arn": bucket.arn},
                        # What S3 sends for a delete marker: no size, no eTag.
                        "object": {"key": quote_plus(marker.name), "versionId": marker.version_id},
                    },
                }
            ]
        }
        region = notification.arn.split(":")[3]
        notifications._send_sqs_message(account_id, body, notification.arn.split(":")[-1], region)


def _install_partition_queries() -> None:
    original_query = Table.query
    original_all_items = Table.all_items

    signature = inspect.signature(original_query)

    def query(self: Table, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        index_name = signature.bind(self, hash_key, *args, **kwargs).arguments.get("index_name")
        with _lock:
            scoped = self.name in _tables
        if not scoped or index_name is not None or hash_key is None or not self.range_key_attr:
            return original_query(self, hash_key, *args, **kwargs)
        _query_scope.partition = (self, hash_key)
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            _query_scope.partition = None

    def all_items(self: Table) -> Any:
        scope = getattr(_query_scope, "partition", None)
        if scope is None or scope[0] is not self:
            return original_all_items(self)
        # .get: self.items is a defaultdict, and a lookup must not create an empty partition.
        return list(self.items.get(scope[1], {}).values())

    Table.query = query  # type: ignore[method-assign]
    Table.all_items = all_items  # type: ignore[method-assign]
