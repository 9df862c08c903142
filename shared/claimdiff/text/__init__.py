"""Text normalisation and sentence segmentation (pure Python).

Public API (a contract):

- ``normalise(raw: str) -> str``: the article text every offset refers to (NFKC, newlines unified,
  zero-width and bidi controls removed).
- ``matching_key(text: str) -> str``: lower-cased, punctuation-light form for fuzzy scoring.

PLACEHOLDER implementation; issue 3 replaces it.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_NON_WORD = re.compile(r"[^\w%$.]+")


def normalise(raw: str) -> str:
    """Return the canonical text of an article: offsets everywhere refer to this string."""
    text = unicodedata.normalize("NFKC", raw).replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text)


def matching_key(text: str) -> str:
    """Return a lower-cased, punctuation-light form of ``text`` for fuzzy scoring."""
    return _NON_WORD.sub(" ", normalise(text).lower()).strip()
