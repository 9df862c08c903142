"""Matching and contradiction engine (pure Python + rapidfuzz).

Public API (a contract used by the match use case, the API and the batch commands):

- ``blocking_keys(claim: Claim) -> list[str]``: a few short keys; two claims that may be related
  share at least one. Used for the ``KEY#<key>#<day>`` index (bounded: at most MAX_KEYS).
- ``compare(a: Claim, b: Claim) -> Comparison``
- ``compare_many(claim: Claim, candidates: Sequence[Claim]) -> list[Comparison]`` (vectorised, same order)
- ``check(claim: str, article_text: str) -> Verdict``

PLACEHOLDER implementation; issue 4 replaces it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from claimdiff.models import Claim, Comparison, Verdict
from claimdiff.text import matching_key

MAX_KEYS = 6
_STOP = frozenset("the a an of to in on and or for with by at from that this is are was were be has have".split())


def blocking_keys(claim: Claim) -> list[str]:
    """Return the claim's blocking keys: its rarest-looking content words."""
    words = [w for w in matching_key(claim.text).split() if w not in _STOP and len(w) > 3]
    ranked = sorted(set(words), key=lambda w: (-len(w), w))
    return ranked[:MAX_KEYS]


def compare(a: Claim, b: Claim) -> Comparison:
    """Say how two claims relate."""
    score = fuzz.token_set_ratio(matching_key(a.text), matching_key(b.text)) / 100.0
    if score >= 0.6 and a.negated != b.negated:
        return Comparison(relation="contradiction", confidence=score, reasons=["negation"])
    if score >= 0.85:
        return Comparison(relation="equivalent", confidence=score, reasons=["paraphrase"])
    if score >= 0.5:
        return Comparison(relation="related", confidence=score, reasons=["lexical"])
    return Comparison(relation="unrelated", confidence=1.0 - score)


def compare_many(claim: Claim, candidates: Sequence[Claim]) -> list[Comparison]:
    """Compare one claim with many candidates, in order."""
    return [compare(claim, other) for other in candidates]


def check(claim: str, article_text: str) -> Verdict:
    """Say whether an article supports, contradicts, discusses or ignores a claim."""
    score = fuzz.partial_token_set_ratio(matching_key(claim), matching_key(article_text)) / 100.0
    return Verdict(verdict="discusses" if score > 0.6 else "unrelated", confidence=score)
