"""Fakes of the ports (over mocks): small, faithful, in memory."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimdiff.models import Relation
from claimdiff.store.objects import StoredObject


@dataclass
class FakeObjectSource:
    """A versioned bucket in a dict: ``put`` adds a version, ``delete`` removes the key."""

    objects: dict[tuple[str, str], StoredObject] = field(default_factory=dict)
    versions: int = 0
    fetches: int = 0

    def put(self, bucket: str, key: str, body: bytes, metadata: dict[str, str] | None = None) -> None:
        self.versions += 1
        self.objects[(bucket, key)] = StoredObject(
            body=body,
            size=len(body),
            version_id=f"v{self.versions}",
            etag=hashlib.md5(body, usedforsecurity=False).hexdigest(),
            metadata=metadata or {},
        )

    def delete(self, bucket: str, key: str) -> None:
        self.objects.pop((bucket, key), None)

    def fetch(self, bucket: str, key: str, *, max_bytes: int) -> StoredObject | None:
        self.fetches += 1
        found = self.objects.get((bucket, key))
        if found is None or found.size <= max_bytes:
            return found
        return StoredObject(body=b"", size=found.size, version_id=found.version_id, etag=found.etag)


class Paused:
    """``target`` with ``method`` running ``hook`` once, before or after the call."""

    def __init__(self, target: Any, method: str, when: str, hook: Callable[[], None]) -> None:
        self._target, self._method, self._when, self._hook = target, method, when, hook

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._target, name)
        if name != self._method:
            return attribute

        def paused(*args: Any, **kwargs: Any) -> Any:
            hook, self._hook = self._hook, lambda: None
            if self._when == "before":
                hook()
            result = attribute(*args, **kwargs)
            if self._when == "after":
                hook()
            return result

        return paused


def reversed_relation(relation: Relation) -> Relation:
    """A test relation seen from its other claim: evidence sides swapped (the explanation is kept as it
    is; the match use case re-tells it with ``match.told_from``)."""
    swapped = [e.model_copy(update={"side": "b" if e.side == "a" else "a"}) for e in relation.evidence]
    return relation.model_copy(update={"claim": relation.other, "other": relation.claim, "evidence": swapped})
