"""Two articles' claims against each other: the pairs worth comparing, then ``compare`` on those.

Every claim of one article against every claim of the other is mostly noise and costs a full
comparison per pair; as in the service's candidate index, only pairs that share a blocking key or
read alike (a cheap rapidfuzz score) get the full comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from claimdiff.match.engine import compare
from claimdiff.match.keys import blocking_keys
from claimdiff.models import Claim, Comparison
from claimdiff.text import matching_key

# token_set_ratio (0-100) from which two claims that share no blocking key are still compared.
ALIKE = 60.0


def candidate_pairs(claims_a: Sequence[Claim], claims_b: Sequence[Claim]) -> list[tuple[int, int]]:
    """(index in a, index in b) of the pairs worth a full comparison, in reading order."""
    keys_a = [set(c.blocking_keys or blocking_keys(c)) for c in claims_a]
    keys_b = [set(c.blocking_keys or blocking_keys(c)) for c in claims_b]
    texts_b = [matching_key(c.text) for c in claims_b]
    pairs = []
    for i, claim in enumerate(claims_a):
        text = matching_key(claim.text)
        for j, other in enumerate(texts_b):
            if keys_a[i] & keys_b[j] or fuzz.token_set_ratio(text, other, score_cutoff=ALIKE):
                pairs.append((i, j))
    return pairs


def relate_articles(
    claims_a: Sequence[Claim], claims_b: Sequence[Claim]
) -> list[tuple[Claim, Claim, Comparison]]:
    """The related, equivalent and contradicting pairs of two articles' claims, in reading order."""
    related = []
    for i, j in candidate_pairs(claims_a, claims_b):
        comparison = compare(claims_a[i], claims_b[j])
        if comparison.relation != "unrelated":
            related.append((claims_a[i], claims_b[j], comparison))
    return related
