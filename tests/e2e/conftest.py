"""The whole pipeline on the local stack: real handlers, moto, the dispatcher and the HTTP gateway."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from claimdiff import runtime
from claimdiff_local import LocalStack

E2E_DIR = Path(__file__).resolve().parent
_stack = LocalStack(api_port=0, stack_name="claimdiff-e2e", failure_visibility_seconds=0)


def _start() -> None:
    _stack.start()
    # Adapters cached by earlier tests in this process point at other tables and endpoints.
    runtime.reset()
    _stack.wait_until_idle(30)


def _stop() -> None:
    if _stack.running:
        _stack.stop()
        runtime.reset()


@pytest.fixture(scope="session")
def local_stack() -> Iterator[LocalStack]:
    """A started local stack on free ports, running the template's own handlers; stopped at the end.

    Failed SQS messages come back at once (not after the template's 360 s visibility timeout), so a
    poison message reaches the DLQ in about a second.
    """
    if not _stack.running:
        _start()
    try:
        yield _stack
    finally:
        _stop()


def _is_e2e(item: pytest.Item | None) -> bool:
    return item is not None and Path(str(item.path)).resolve().is_relative_to(E2E_DIR)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Start the stack again when e2e tests resume after other files (pytest-xdist --dist loadfile)."""
    if _is_e2e(item) and not _stack.running and "local_stack" in getattr(item, "fixturenames", ()):
        _start()


@pytest.hookimpl(trylast=True)  # after the module's fixtures are finalised
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Stop the stack when the next test is not an e2e test.

    moto's state is per process: another file's ``mock_aws`` would reset it under the running stack,
    and the stack's environment (AWS_ENDPOINT_URL, table names) must not leak into other tests.
    """
    if not _is_e2e(nextitem):
        _stop()
