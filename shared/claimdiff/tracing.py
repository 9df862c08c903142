"""X-Ray subsegments of a handler's AWS calls (powertools Tracer), when the deployment asks for them.

Lambda's active tracing records every invocation's segment without any SDK. The Tracer adds one
subsegment per DynamoDB, S3 and Secrets Manager call, but importing the X-Ray SDK costs 0.17-0.25 s of
CPU on every cold start (``scripts/bench_coldstart.py``: ingest 0.96 -> 1.14 s, match 0.85 -> 1.10 s), so
it is loaded only where ``POWERTOOLS_TRACE_DISABLED`` is false: the template's ``TraceAwsCalls``
parameter, off by default, on for an investigation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar, cast

Handler = TypeVar("Handler", bound=Callable[..., Any])


def tracing_requested() -> bool:
    """Whether this deployment traces AWS calls (``POWERTOOLS_TRACE_DISABLED`` set to false)."""
    return os.environ.get("POWERTOOLS_TRACE_DISABLED", "true").strip().lower() in ("false", "0", "no")


def traced(handler: Handler) -> Handler:
    """``handler`` under powertools ``Tracer.capture_lambda_handler`` when tracing is requested, else as is."""
    if not tracing_requested():
        return handler
    from aws_lambda_powertools import Tracer  # noqa: PLC0415  (the X-Ray SDK: only when asked for)

    return cast("Handler", Tracer().capture_lambda_handler(handler))
