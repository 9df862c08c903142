"""Concurrent I/O for the use cases: many small independent reads, one thread each, results in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

# DynamoDB reads are latency-bound (a few ms each): a handful of threads hides most of it, and
# botocore clients are thread-safe. Lambda's connection pool defaults to 10.
IO_WORKERS = 8


def map_io(function: Callable[[In], Out], items: Sequence[In], *, workers: int = IO_WORKERS) -> list[Out]:
    """``[function(item) for item in items]``, run concurrently for I/O-bound functions; order kept."""
    if len(items) <= 1:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(workers, len(items))) as pool:
        return list(pool.map(function, items))
