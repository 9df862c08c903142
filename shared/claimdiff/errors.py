"""Domain exceptions. They are mapped to HTTP answers and batch failures in one place each
(``functions/api/app.py`` and ``claimdiff.ingest``), never caught ad hoc."""

from __future__ import annotations


class ClaimdiffError(Exception):
    """Base of every error claimdiff raises on purpose."""


class NotFoundError(ClaimdiffError):
    """A requested article or claim does not exist."""


class InvalidRequestError(ClaimdiffError):
    """A caller's parameter is wrong (a bad cursor, an impossible filter)."""


class RejectedInputError(ClaimdiffError):
    """An uploaded object can never become an article: empty, binary, undecodable, too big, no text.

    Recorded as a REJECTED article with ``reason``; never retried.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
