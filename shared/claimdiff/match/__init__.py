"""Matching and contradiction engine (pure Python + rapidfuzz).

Public API (a contract used by the match use case, the API and the batch commands):

- ``blocking_keys(claim: Claim) -> list[str]``: a few short keys; two claims that may be related
  share at least one. Used for the ``KEY#<key>#<day>`` index (bounded: at most MAX_KEYS; lower-case,
  no ``#``).
- ``compare(a: Claim, b: Claim) -> Comparison``: ``equivalent``, ``contradiction`` (reasons
  ``negation``, ``antonym``, ``quantity``, ``modality``, ``attribution``, ``time`` with evidence spans
  on both sides), ``related`` or ``unrelated``; ``confidence`` grows with how closely the claims match.
- ``compare_many(claim: Claim, candidates: Sequence[Claim]) -> list[Comparison]`` (vectorised, same order)
- ``told_from(comparison, a, b) -> Comparison``: a comparison of (b, a) told from a's side (evidence
  sides swapped, explanation re-told): the other direction of a stored relation
- ``relate_articles(claims_a, claims_b) -> list[(Claim, Claim, Comparison)]``: two articles' related,
  equivalent and contradicting pairs (only pairs that share a blocking key or read alike are compared)
- ``check(claim: str, article_text: str) -> Verdict``
- ``pairs_record(id, a, b) -> dict`` and ``check_record(id, claim, article) -> dict``: one output line
  of ``claimdiff pairs`` / ``claimdiff check`` (formats in DESIGN.md).

How it decides: rapidfuzz scores, overlaps and typed mismatches (features.py) are weighed by small
linear heads fitted offline by scripts/fit_matcher.py and shipped in weights.json (model.py): a
paraphrase head, a contradiction head, a similarity head and a stance head for ``check``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from claimdiff.match.keys import MAX_KEYS, blocking_keys

if TYPE_CHECKING:
    from claimdiff.match.articles import relate_articles
    from claimdiff.match.check import check
    from claimdiff.match.engine import compare, compare_many, told_from

# Loaded on first use (PEP 562): ingest needs only the blocking keys, and every module loaded at import
# is cold-start time of the function that imports the package.
_LAZY = {
    "relate_articles": "claimdiff.match.articles",
    "check": "claimdiff.match.check",
    "compare": "claimdiff.match.engine",
    "compare_many": "claimdiff.match.engine",
    "told_from": "claimdiff.match.engine",
}

__all__ = [
    "MAX_KEYS",
    "blocking_keys",
    "check",
    "check_record",
    "compare",
    "compare_many",
    "pairs_record",
    "relate_articles",
    "told_from",
]


def __getattr__(name: str) -> Any:
    """The public functions above, imported from their modules on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def pairs_record(record_id: Any, a: str, b: str) -> dict[str, Any]:
    """One output line of ``claimdiff pairs``: ``{"id", "relation", "confidence", "reasons"}``.

    ``a`` and ``b`` are raw sentences; each is read as one claim by extraction.
    """
    from claimdiff.extract import analyse_sentence  # noqa: PLC0415
    from claimdiff.match.engine import compare  # noqa: PLC0415

    comparison = compare(analyse_sentence(a, outlet="a"), analyse_sentence(b, outlet="b"))
    return {
        "id": record_id,
        "relation": comparison.relation,
        "confidence": comparison.confidence,
        "reasons": list(comparison.reasons),
    }


def check_record(record_id: Any, claim: str, article: str) -> dict[str, Any]:
    """One output line of ``claimdiff check``: ``{"id", "verdict", "confidence", "evidence"}``."""
    from claimdiff.match.check import check  # noqa: PLC0415

    verdict = check(claim, article)
    return {
        "id": record_id,
        "verdict": verdict.verdict,
        "confidence": verdict.confidence,
        "evidence": [
            {"text": e.text, "start": e.start, "end": e.end, "relation": e.relation} for e in verdict.evidence
        ],
    }
