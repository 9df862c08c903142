"""Tracing of AWS calls is a deployment's choice: the X-Ray SDK is loaded only when it is asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from claimdiff.tracing import traced, tracing_requested

ROOT = Path(__file__).resolve().parents[2]


def handler(event: dict, context: object) -> dict:
    return {"seen": event}


@pytest.mark.parametrize(
    ("value", "requested"), [(None, False), ("true", False), ("TRUE", False), ("false", True), ("0", True)]
)
def test_tracing_is_requested_only_by_disabling_the_disable_switch(
    monkeypatch: pytest.MonkeyPatch, value: str | None, requested: bool
) -> None:
    if value is None:
        monkeypatch.delenv("POWERTOOLS_TRACE_DISABLED", raising=False)
    else:
        monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", value)
    assert tracing_requested() is requested


def test_untraced_a_handler_is_returned_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")
    assert traced(handler) is handler


def test_traced_a_handler_runs_under_the_powertools_tracer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "false")
    wrapped = traced(handler)
    assert wrapped is not handler and wrapped.__wrapped__ is handler  # type: ignore[attr-defined]
    assert wrapped({"a": 1}, None) == {"seen": {"a": 1}}


@pytest.mark.parametrize(("value", "loaded"), [("true", False), ("false", True)])
def test_the_xray_sdk_is_imported_only_when_tracing_is_asked_for(value: str, loaded: bool) -> None:
    probe = "import sys, match.app; print('aws_xray_sdk' in sys.modules)"
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{ROOT / 'functions'}:{ROOT / 'shared'}",
        "AWS_DEFAULT_REGION": "us-east-1",
        "POWERTOOLS_TRACE_DISABLED": value,
    }
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(loaded)
