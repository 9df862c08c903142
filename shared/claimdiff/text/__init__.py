"""Text normalisation and sentence segmentation (pure Python, linear time).

Public API (a contract):

- ``normalise(raw: str) -> str``: the article text every offset refers to (NFKC, newlines unified,
  zero-width and bidi controls removed). Quotes are kept as written (curly or straight): every
  consumer handles both.
- ``matching_key(text: str) -> str``: lower-cased, punctuation-light form for fuzzy scoring
  (curly quotes folded, acronym dots dropped: "U.S." -> "us", decimals kept: "1.8").
- ``sentences(text: str) -> list[Segment]``: the sentence spans of ``text`` (a ``Segment`` is a
  ``NamedTuple`` whose first two fields are ``start`` and ``end``: ``text[start:end]`` is the sentence,
  stripped). Handles abbreviations and initials (U.S., Sen., Jan., No., St., Jr., "John F. Kennedy"),
  decimals, quotes, a missing space after an abbreviation ("U.S.to"), headings, bullets and paragraphs.
- ``lower_view(text) -> LowerView``: the lower-cased text (same length: offsets carry over) and its set of
  lower-case words, computed once per sentence and shared by the detectors of ``claimdiff.extract``.
- ``visible_view(text) -> tuple[str, list[int] | None]``: ``text`` without invisible characters and the
  map back to ``text``'s offsets (None when nothing was removed).
"""

from __future__ import annotations

from claimdiff.text.normalisation import (
    INVISIBLE,
    LowerView,
    fold_quotes,
    lower_view,
    matching_key,
    normalise,
    visible_view,
)
from claimdiff.text.segmentation import Segment, SegmentKind, sentences

__all__ = [
    "INVISIBLE",
    "LowerView",
    "Segment",
    "SegmentKind",
    "fold_quotes",
    "lower_view",
    "matching_key",
    "normalise",
    "sentences",
    "visible_view",
]
