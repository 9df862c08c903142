"""Blocking keys: the few index keys under which a claim is filed and looked up.

Two claims about the same thing should share at least one key: canonical entity ids first (aliases
share them: "US", "U.S.", "Washington"), then the claim's rarest-looking content-word stems. A key is
lower-case, short and free of ``#`` so that it fits ``KEY#<key>#<yyyy-mm-dd>``.
"""

from __future__ import annotations

import re

from claimdiff.match import signals
from claimdiff.match.lexicon import ANTONYMS, NEGATION_WORDS, STOP_WORDS
from claimdiff.models import Claim

MAX_KEYS = 6
MAX_KEY_LENGTH = 40
_MAX_ENTITY_KEYS = 3
_UNSAFE = re.compile(r"[^a-z0-9_\-]+")
# Words in almost every news claim: as keys they would gather unrelated claims into one partition.
_COMMON_NEWS_WORDS = frozenset(
    [
        "people",
        "year",
        "years",
        "time",
        "times",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "official",
        "officials",
        "government",
        "state",
        "states",
        "country",
        "countries",
        "percent",
        "number",
        "group",
        "report",
        "reported",
        "reporting",
        "statement",
        "thing",
        "things",
        "part",
        "way",
        "news",
        "today",
        "yesterday",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "would",
        "could",
        "also",
        "still",
        "new",
        "first",
        "last",
        "many",
        "much",
        "well",
        "make",
        "made",
        "take",
        "took",
        "talk",
        "talks",
        "meet",
        "meeting",
        "according",
        "added",
        "told",
        "spokesman",
        "spokeswoman",
    ]
)


def _safe(raw: str) -> str:
    return _UNSAFE.sub("-", raw.lower()).strip("-")[:MAX_KEY_LENGTH]


def blocking_keys(claim: Claim) -> list[str]:
    """Return at most MAX_KEYS keys: entity ids ("e-" prefix), then rare content stems (longest first)."""
    keys: list[str] = []
    for entity in signals.claim_entities(claim):
        key = _safe("e-" + entity.id)
        if len(key) > 2 and key not in keys:
            keys.append(key)
        if len(keys) >= _MAX_ENTITY_KEYS:
            break
    words = {
        token.stem
        for token in signals.tokens(claim.text)
        if token.lower not in STOP_WORDS
        and token.lower not in NEGATION_WORDS
        and token.lower not in ANTONYMS  # opposite words must not split contradicting claims apart
        and token.lower not in _COMMON_NEWS_WORDS
        and token.stem not in _COMMON_NEWS_WORDS
        and len(token.stem) > 3
        and token.lower.isalpha()
    }
    for word in sorted(words, key=lambda w: (-len(w), w)):
        if len(keys) >= MAX_KEYS:
            break
        key = _safe(word)
        if key and key not in keys:
            keys.append(key)
    return keys
