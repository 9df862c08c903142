"""Fixtures shared by the unit tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api import app as api_app

from tests.unit.api_events import World, seed_world


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """The seeded world (``api_events.seed_world``), served by the API handler; a module that needs
    another world defines its own ``world``."""
    seeded = seed_world()
    monkeypatch.setattr(api_app, "_store", seeded.store)
    yield seeded
