"""Opaque pagination cursors: URL-safe base64 of a small JSON object."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from claimdiff.errors import InvalidRequestError

MAX_CURSOR_CHARS = 2048


def encode_cursor(position: dict[str, Any]) -> str:
    """Wrap a listing position (e.g. DynamoDB's LastEvaluatedKey) into an opaque string."""
    raw = json.dumps(position, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    """Unwrap a cursor made by ``encode_cursor``; anything else is an ``InvalidRequestError``."""
    if len(cursor) > MAX_CURSOR_CHARS:
        raise InvalidRequestError("cursor: too long; pass back the next_cursor of the previous page")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise InvalidRequestError("cursor: not a cursor this API issued") from None
    if not isinstance(position, dict):
        raise InvalidRequestError("cursor: not a cursor this API issued")
    return position
