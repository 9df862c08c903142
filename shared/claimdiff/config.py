"""Runtime configuration from environment variables, validated once per cold start.

Two kinds, read differently: the names of the resources a function uses (``resource_name``) have no
default (a missing one would point at a table that does not exist: it fails at once, naming the
variable), and the tunables (``Settings``) have defaults chosen for the service, each overridable by
the variable of its name in upper case.
"""

from __future__ import annotations

import os
from functools import lru_cache

from pydantic import BaseModel, Field, ValidationError


class ConfigurationError(RuntimeError):
    """The environment does not configure the function: the message names the variable."""


def resource_name(variable: str) -> str:
    """The name of a resource that template.yaml passes in ``variable`` (``CLAIMS_TABLE_NAME``)."""
    value = os.environ.get(variable, "").strip()
    if not value:
        raise ConfigurationError(f"environment variable {variable} is not set (template.yaml sets it)")
    return value


class Settings(BaseModel):
    """The tunables of ingest and matching, with the service's defaults."""

    max_article_bytes: int = Field(default=2_000_000, gt=0)
    max_claims_per_article: int = Field(default=200, gt=0)
    # Claims are read from at most this many characters of an article (a long news article is 30,000):
    # it bounds the work of one article, whatever its size, so that one upload cannot hold up a batch.
    max_read_chars: int = Field(default=300_000, gt=0)
    # Articles one outlet may publish a day; more are rejected with the reason (a flood of near-copies
    # would otherwise crowd every other outlet out of the candidate index).
    outlet_articles_per_day: int = Field(default=500, gt=0)
    # The ingest function starts a message only with this much of its time left; later messages of the
    # batch fail alone and come back (the batch never times out as a whole).
    ingest_record_budget_seconds: int = Field(default=20, ge=0)
    match_window_days: int = Field(default=2, ge=0, le=14)
    # Matching's bounds (matching.py): index entries read per blocking key, candidates the relation
    # model compares, of which at most so many from one outlet, the first pass's floor (0-100), and
    # the merely related pairs kept per claim.
    candidates_per_key: int = Field(default=100, gt=0)
    candidates_per_claim: int = Field(default=16, gt=0)
    candidates_per_outlet: int = Field(default=6, gt=0)
    shortlist_floor: float = Field(default=30.0, ge=0.0, le=100.0)
    related_per_claim: int = Field(default=0, ge=0)


@lru_cache(maxsize=1)
def settings() -> Settings:
    """Read the settings from the environment (cached: environment variables don't change in a sandbox)."""
    env = {name: os.environ[name.upper()] for name in Settings.model_fields if name.upper() in os.environ}
    try:
        return Settings.model_validate(env)
    except ValidationError as error:
        problems = "; ".join(
            f"{str(problem['loc'][0]).upper()}={env.get(str(problem['loc'][0]))!r}: {problem['msg']}"
            for problem in error.errors()
        )
        raise ConfigurationError(f"invalid environment variable: {problems}") from None
