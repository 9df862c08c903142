"""Opaque, tamper-evident pagination cursors, valid only for the listing that issued them.

A cursor is URL-safe base64 of a small JSON object (a listing position, e.g. DynamoDB's
LastEvaluatedKey, and the listing's ``scope``: endpoint and filters), then ``.`` and an HMAC-SHA256
tag of both. A cursor edited by hand, forged, or issued for another listing or filter is refused
with ``InvalidRequestError`` before any of it is read, so no position a client makes up ever reaches
a query.

The key is the secret named by ``CURSOR_KEY_SECRET_ARN`` (Secrets Manager, read once per process:
every API function instance signs alike). Without it (tests, the CLI, the local stack's in-process
API) a process signs with a random key of its own, so its cursors are good within that process only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from functools import cache
from typing import Any

from claimdiff.errors import InvalidRequestError

MAX_CURSOR_CHARS = 2048
SIGNING_KEY_SOURCE = "CURSOR_KEY_SECRET_ARN"
_TAG_BYTES = 16
_NOT_ISSUED = (
    "cursor: not a cursor this API issued for this listing; pass back the next_cursor of the previous page"
)


def encode_cursor(position: dict[str, Any], *, scope: str) -> str:
    """Wrap a listing position into a signed cursor that only the listing ``scope`` accepts."""
    raw = json.dumps({"at": position, "in": scope}, separators=(",", ":"), sort_keys=True).encode()
    return f"{_b64(raw)}.{_b64(_tag(raw))}"


def decode_cursor(cursor: str, *, scope: str) -> dict[str, Any]:
    """Unwrap a cursor that ``encode_cursor`` made for ``scope``; anything else is an ``InvalidRequestError``."""
    if len(cursor) > MAX_CURSOR_CHARS:
        raise InvalidRequestError("cursor: too long; pass back the next_cursor of the previous page")
    body, _, tag = cursor.partition(".")
    try:
        raw, given = _unb64(body), _unb64(tag)
    except (binascii.Error, ValueError):
        raise InvalidRequestError(_NOT_ISSUED) from None
    if not hmac.compare_digest(given, _tag(raw)):
        raise InvalidRequestError(_NOT_ISSUED)
    signed = json.loads(raw)  # signed by this API: well-formed
    if signed.get("in") != scope or not isinstance(signed.get("at"), dict):
        raise InvalidRequestError(_NOT_ISSUED)
    position: dict[str, Any] = signed["at"]
    return position


def _tag(raw: bytes) -> bytes:
    return hmac.new(_signing_key(), raw, hashlib.sha256).digest()[:_TAG_BYTES]


@cache
def _signing_key() -> bytes:
    secret_id = os.environ.get(SIGNING_KEY_SOURCE)
    if not secret_id:
        return secrets.token_bytes(32)
    from botocore.config import Config  # noqa: PLC0415  (only the API function signs; others never load this)

    from claimdiff.store import clients  # noqa: PLC0415

    client = clients.client("secretsmanager", Config(retries={"mode": "standard", "max_attempts": 5}))
    return str(client.get_secret_value(SecretId=secret_id)["SecretString"]).encode()


def forget_key() -> None:
    """Read the key again on next use (tests that change the environment call this)."""
    _signing_key.cache_clear()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    if not text:
        raise ValueError("empty")
    return base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode())
