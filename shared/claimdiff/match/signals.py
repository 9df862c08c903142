"""What the matcher reads from a claim: tokens, polarity spans, quantities, entities.

Extraction owns negation, hedging, quantities and entities (``claimdiff.extract``); this module only
adapts its output to the matcher (offsets into the claim's own text) and caches per text, because
one claim is compared with many candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimdiff.extract import polarity
from claimdiff.extract.entities import find_entities
from claimdiff.extract.quantities import find_quantities
from claimdiff.match.lexicon import NEGATION_WORDS, STOP_WORDS, word_stem
from claimdiff.models import Claim, Entity, Quantity, TimeRef

_TOKEN = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a claim with its offsets into the claim's text."""

    text: str
    lower: str
    stem: str
    start: int
    end: int


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Token, ...]:
    """Split ``text`` into words with offsets ("isn't" and "U.S." stay whole)."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        lower = word.lower().replace("\u2019", "'")
        found.append(Token(word, lower, word_stem(lower.replace(".", "")), match.start(), match.end()))
    return tuple(found)


def content_stems(text: str) -> list[str]:
    """The stems of the words that carry content: no stop words, no negation words."""
    return [t.stem for t in tokens(text) if t.lower not in STOP_WORDS and t.lower not in NEGATION_WORDS]


def _offsets(span: Any) -> tuple[int, int]:
    """(start, end) of a span given as a pair or as an object with ``start`` and ``end``."""
    if isinstance(span, tuple):
        return int(span[0]), int(span[1])
    return int(span.start), int(span.end)


@lru_cache(maxsize=8192)
def negation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the negation cues of ``text`` (extraction's reading of scope)."""
    return tuple(_offsets(span) for span in polarity.negation_spans(text))


@lru_cache(maxsize=8192)
def hedge_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the hedging cues of ``text`` (may, reportedly, expected to, ...)."""
    return tuple(_offsets(span) for span in polarity.hedge_spans(text))


def locate(claim: Claim, span: Quantity | Entity | TimeRef | None) -> tuple[int, int] | None:
    """Offsets of an extracted span inside ``claim.text``.

    Extraction may give offsets into the article (claims of an article) or into the sentence (one
    sentence read as a claim): accept both, and fall back to the first occurrence of the text.
    """
    if span is None or not span.text:
        return None
    text = claim.text
    for shift in (0, claim.start):
        start, end = span.start - shift, span.end - shift
        if 0 <= start < end <= len(text) and text[start:end] == span.text:
            return start, end
    found = text.find(span.text)
    return (found, found + len(span.text)) if found >= 0 else None


@lru_cache(maxsize=8192)
def _found_quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(find_quantities(text))


@lru_cache(maxsize=8192)
def _found_entities(text: str) -> tuple[Entity, ...]:
    return tuple(find_entities(text))


def claim_quantities(claim: Claim) -> list[Quantity]:
    """The claim's quantities, re-based on the claim's text (extracted when the claim has none)."""
    source = claim.quantities or list(_found_quantities(claim.text))
    rebased: list[Quantity] = []
    for quantity in source:
        where = locate(claim, quantity)
        if where is not None:
            rebased.append(quantity.model_copy(update={"start": where[0], "end": where[1]}))
    return rebased


def claim_entities(claim: Claim) -> list[Entity]:
    """The claim's entities, re-based on the claim's text (extracted when the claim has none)."""
    source = claim.entities or list(_found_entities(claim.text))
    rebased: list[Entity] = []
    for entity in source:
        where = locate(claim, entity)
        if where is not None:
            rebased.append(entity.model_copy(update={"start": where[0], "end": where[1]}))
    return rebased
