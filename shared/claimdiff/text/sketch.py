"""Near-duplicate detection: bottom-k MinHash sketches of a text's word shingles (Broder, 1997).

A sketch is the ``SKETCH_SIZE`` smallest hashes of the text's word trigrams (of its ``matching_key``
form, so case, quotes and punctuation do not count). Two sketches estimate the resemblance (Jaccard
similarity of the shingle sets) of their texts without the texts; the few smallest hashes (``marks``)
serve as lookup keys, since two near-duplicates share their smallest hash with a probability equal to
their resemblance. Linear in the text's length: one hash per word.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Sequence

from claimdiff.text.normalisation import matching_key

SHINGLE_WORDS = 3
SKETCH_SIZE = 64
MARKS = 8
# Word trigrams: one changed word in a 25-word sentence changes 3 of its 23 shingles. Two copies of one
# article, each with a word changed in every sentence and its figures altered, keep 0.44-0.7 of them
# (median 0.56); on BASIL, two articles of one outlet share at most 0.05, two outlets' reports of one
# event (quoting the same people) at most 0.27.
NEAR_DUPLICATE = 0.4


def sketch(text: str) -> tuple[str, ...]:
    """The text's sketch: its smallest word-trigram hashes, ascending, as 10-digit hex strings (40 bits: no collision among an article's shingles that matters) (empty for
    a text of fewer than ``SHINGLE_WORDS`` words)."""
    words = matching_key(text).split()
    hashes = {
        hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=5).hexdigest()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    return tuple(heapq.nsmallest(SKETCH_SIZE, hashes))


def marks(text_sketch: Sequence[str]) -> list[str]:
    """The lookup keys of a sketch: its ``MARKS`` smallest hashes."""
    return list(text_sketch[:MARKS])


def resemblance(first: Sequence[str], second: Sequence[str]) -> float:
    """Estimated Jaccard similarity of two sketched texts' shingle sets (0 when either is empty): the
    share of the union's smallest ``SKETCH_SIZE`` hashes that both sketches hold."""
    if not first or not second:
        return 0.0
    a, b = set(first), set(second)
    union = heapq.nsmallest(min(SKETCH_SIZE, len(a | b)), a | b)
    return sum(1 for value in union if value in a and value in b) / len(union)
