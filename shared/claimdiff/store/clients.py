"""AWS clients for the adapters, made with botocore alone.

``boto3.client`` is a thin wrapper over a botocore session, but importing boto3 also imports
s3transfer (through ``boto3.compat``): about 0.25 s of every cold start for a transfer manager no
function uses. Clients come from one botocore session per process, which reads the same
environment (region, credentials, ``AWS_ENDPOINT_URL``) as boto3's default session.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from botocore.config import Config
from botocore.session import Session, get_session


@cache
def _session() -> Session:
    return get_session()


def client(service: str, config: Config) -> Any:
    """A new client of ``service`` from the process's botocore session."""
    return _session().create_client(service, config=config)


def forget_session() -> None:
    """Drop the session (tests that change the environment's credentials or region call this)."""
    _session.cache_clear()
