"""Written claims for matching tests: each sentence extracted as the last claim of a one-outlet
article published on Friday 6 May 2022, and a pair judged as two outlets' claims."""

from __future__ import annotations

import datetime as dt

from claimdiff.extract import extract_claims
from claimdiff.match import compare
from claimdiff.models import Claim

DAY = dt.date(2022, 5, 6)  # a Friday


def claims(text: str, outlet: str) -> list[Claim]:
    """Every claim of ``text`` as ``outlet``'s article of ``DAY``."""
    return extract_claims(text, article_id=f"{outlet}-1", outlet=outlet, published_on=DAY)


def last_claim(text: str, outlet: str) -> Claim:
    """The last claim of ``text`` (earlier sentences are its context)."""
    return claims(text, outlet)[-1]


def relation(first: str, second: str) -> tuple[str, list[str]]:
    """How the last claims of two outlets' texts relate, and why."""
    comparison = compare(last_claim(first, "gazette"), last_claim(second, "herald"))
    return comparison.relation, list(comparison.reasons)
