"""The one-line explanation: who says what, in whole words, and why."""

from __future__ import annotations

import re

from claimdiff.extract import analyse_sentence
from claimdiff.match import compare

LONG_A = (
    "The United States and Russia reached agreement on a nationwide ceasefire in Syria on Friday, "
    "Secretary of State John Kerry said after talks in Geneva that lasted late into the night."
)
LONG_B = (
    "The United States and Russia are close to reaching agreement on a nationwide ceasefire in Syria, "
    "Secretary of State John Kerry said on Friday, but they have yet to sign a deal in Geneva."
)


def quoted_excerpts(explanation: str) -> list[str]:
    return [piece.strip("…") for piece in re.findall(r'"([^"]*)"', explanation)]


def test_excerpts_are_whole_words_of_their_claims() -> None:
    a, b = analyse_sentence(LONG_A, outlet="radio-f"), analyse_sentence(LONG_B, outlet="wire-a")
    result = compare(a, b)
    assert result.relation == "contradiction" and result.explanation
    excerpts = quoted_excerpts(result.explanation)
    assert len(excerpts) == 2
    for excerpt, claim in zip(excerpts, (a, b), strict=True):
        assert excerpt in claim.text
        start = claim.text.index(excerpt)
        end = start + len(excerpt)
        assert start == 0 or not claim.text[start - 1].isalnum(), excerpt
        assert end == len(claim.text) or not claim.text[end].isalnum(), excerpt


def test_reported_speech_is_not_called_a_quote() -> None:
    a, b = analyse_sentence(LONG_A, outlet="radio-f"), analyse_sentence(LONG_B, outlet="wire-a")
    explanation = compare(a, b).explanation or ""
    assert a.quote == "reported"
    assert explanation.startswith("radio-f reports that John Kerry said")
    assert explanation.endswith("(reached vs close to reaching)"), "the reason names both differing spans"
