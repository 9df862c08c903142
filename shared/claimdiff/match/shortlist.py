"""The first pass of matching: one vectorised rapidfuzz call over every candidate's matching key keeps
the few worth the relation model.

Candidates come from the blocking index, hundreds of them for a claim on a busy day; the relation model
costs about a millisecond a pair in Python, the first pass a few microseconds. The shortlist is capped
per new claim and shared fairly between outlets: the best-scoring candidates, at most ``per_outlet`` of
any one outlet, so that one outlet filing many near-copies cannot crowd the others out, and at most
``PER_TEXT`` with one same matching key (a wire story reprinted by ten outlets is one text: two of its
copies say what the relation model would say of all of them, and the other slots go to other texts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz, process

# The scorer of the first pass: word sets, so that a claim found whole inside a longer one scores high
# (outlets add clauses), and word order does not matter (passive and active voice).
SCORER = fuzz.token_set_ratio
PER_TEXT = 2


def shortlist(
    query: str,
    keys: Sequence[str],
    outlets: Sequence[str],
    *,
    limit: int,
    per_outlet: int,
    floor: float,
) -> list[int]:
    """The indexes of the candidates kept for the relation model, best first.

    ``query`` and ``keys`` are matching keys (``claimdiff.text.matching_key``); ``outlets[i]`` is the
    outlet of ``keys[i]``. A candidate scoring under ``floor`` (0-100) is never kept; ties keep the
    input order.
    """
    if not keys or limit <= 0:
        return []
    scored = process.extract(query, keys, scorer=SCORER, limit=None, score_cutoff=floor)
    scored.sort(key=lambda hit: (-hit[1], hit[2]))
    kept: list[int] = []
    taken: Counter[str] = Counter()
    copies: Counter[str] = Counter()
    for _, _, index in scored:
        outlet, key = outlets[index], keys[index]
        if taken[outlet] >= per_outlet or copies[key] >= PER_TEXT:
            continue
        taken[outlet] += 1
        copies[key] += 1
        kept.append(index)
        if len(kept) == limit:
            break
    return kept
