"""Requests through the API handler, for the tests that call it (the served world is the ``world``
fixture of tests/unit/conftest.py)."""

from __future__ import annotations

from api import app as api_app

from tests.unit.api_events import ApiResponse, call


def get(path: str, **query: str) -> ApiResponse:
    """A GET request through the API handler."""
    return call(api_app.lambda_handler, "GET", path, query=query or None)
