"""Claim extraction: article text -> claims with speakers, entities, quantities, polarity, time.

Public API (a contract used by ingest, matching, the CLI and the API):

- ``extract_claims(text, *, article_id, outlet, title=None, published_on=None) -> list[Claim]``
  ``text`` is the article's *normalised* text (``claimdiff.text.normalise``); every claim satisfies
  ``text[claim.start:claim.end] == claim.text``.
- ``analyse_sentence(text, *, outlet="", published_on=None) -> Claim``: one sentence read as one
  claim (for ``pairs``, ``compare`` and ``check``), offsets into ``text``.

PLACEHOLDER implementation: one claim per sentence, naive negation. Issue 3 replaces it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from claimdiff.models import Claim

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|yet to|failed to|refused to|denied)\b|n't\b", re.I)
_MIN_WORDS = 5


def claim_id(article_id: str, start: int, end: int, text: str) -> str:
    """Content-derived claim id: the same article text always yields the same ids."""
    digest = hashlib.sha1(f"{article_id}|{start}|{end}|{text}".encode(), usedforsecurity=False)
    return "c-" + digest.hexdigest()[:20]


def analyse_sentence(text: str, *, outlet: str = "", published_on: date | None = None) -> Claim:
    """Read one sentence as a claim."""
    return Claim(
        id=claim_id("", 0, len(text), text),
        article_id="",
        outlet=outlet,
        index=0,
        text=text,
        start=0,
        end=len(text),
        negated=bool(_NEGATION.search(text)),
        published_on=published_on,
    )


def extract_claims(
    text: str,
    *,
    article_id: str,
    outlet: str,
    title: str | None = None,
    published_on: date | None = None,
) -> list[Claim]:
    """Extract the claims of an article's normalised text."""
    claims: list[Claim] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if len(sentence.split()) < _MIN_WORDS:
            continue
        start = match.start() + match.group().index(sentence)
        end = start + len(sentence)
        claims.append(
            Claim(
                id=claim_id(article_id, start, end, sentence),
                article_id=article_id,
                outlet=outlet,
                index=len(claims),
                text=sentence,
                start=start,
                end=end,
                negated=bool(_NEGATION.search(sentence)),
                published_on=published_on,
            )
        )
    return claims
