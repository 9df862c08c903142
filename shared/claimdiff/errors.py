"""Domain exceptions. They are mapped to HTTP answers and batch failures in one place each
(``functions/api/app.py`` and ``claimdiff.ingest``), never caught ad hoc."""

from __future__ import annotations


class ClaimdiffError(Exception):
    """Base of every error claimdiff raises on purpose."""


class NotFoundError(ClaimdiffError):
    """A requested article or claim does not exist."""


class InvalidRequestError(ClaimdiffError):
    """A caller's parameter is wrong (a bad cursor, an impossible filter)."""


class StaleWriteError(ClaimdiffError):
    """A write lost to a newer one: the stored article reflects a later S3 event (``stored_sequencer``).

    The writer redoes its work under that sequencer, so that the object's current state wins.
    """

    def __init__(self, article_id: str, stored_sequencer: str | None) -> None:
        super().__init__(f"article {article_id} was written for a newer S3 event ({stored_sequencer})")
        self.stored_sequencer = stored_sequencer


class TimeBudgetError(ClaimdiffError):
    """Too little of an invocation's time is left to start a message; it is retried."""


class ConcurrentChangeError(ClaimdiffError):
    """An object kept changing while it was ingested; the message is retried."""


class RejectedInputError(ClaimdiffError):
    """An uploaded object can never become an article: empty, binary, undecodable, too big, no text.

    Recorded as a REJECTED article with ``reason``; never retried.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RecordsExpiredError(ClaimdiffError):
    """A failed stream batch's records are no longer in the stream (it keeps them 24 hours)."""
