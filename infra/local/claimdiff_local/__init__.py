"""The local stack: claimdiff on moto, provisioned from template.yaml, with no AWS account and no Docker.

``LocalStack`` is the programmatic entry point (tests, ``claimdiff demo``); ``main`` is ``claimdiff local``.
Importing this package is cheap: moto and boto3 load when a stack is created.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimdiff_local.cli import main
    from claimdiff_local.stack import LocalStack

__all__ = ["LocalStack", "main"]


def __getattr__(name: str) -> Any:
    if name == "LocalStack":
        from claimdiff_local.stack import LocalStack  # noqa: PLC0415 (lazy: moto is heavy)

        return LocalStack
    if name == "main":
        from claimdiff_local.cli import main  # noqa: PLC0415

        return main
    raise AttributeError(name)
