"""Property tests: extraction never crashes and its offsets are always exact."""

from __future__ import annotations

from claimdiff.extract import analyse_sentence, extract_claims
from claimdiff.text import normalise, sentences
from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyz ABCDEFGJKLMNRSTUVW0123456789.,;:!?-'\"$%&()\n",
        *["“", "”", "‘", "’", "\u200b", "\u202e", "\ufeff", "é", "ß", "İ", "\u2013", "\n\n"],
        *[" said ", " not ", "U.S.", "Mr. ", "Kerry", " million ", " percent", " about ", " Friday"],
        *[" he said.", " according to "],
    ]
)  # fmt: skip
NEWSY = st.lists(PIECES, max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_extract_claims_never_crashes_and_offsets_are_exact(text: str) -> None:
    for candidate in (text, normalise(text)):
        for claim in extract_claims(candidate, article_id="p", outlet="o", title=candidate[:20] or None):
            assert candidate[claim.start : claim.end] == claim.text
            assert 0.0 <= claim.checkworthiness <= 1.0
            for span in [*claim.quantities, *claim.entities, *([claim.time] if claim.time else [])]:
                assert claim.text[span.start : span.end] == span.text


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=200), NEWSY))
def test_sentences_and_analyse_sentence_never_crash(text: str) -> None:
    previous_end = 0
    for segment in sentences(text):
        assert previous_end <= segment.start < segment.end <= len(text)
        assert text[segment.start : segment.end] == text[segment.start : segment.end].strip()
        previous_end = segment.end
    claim = analyse_sentence(text)
    assert claim.text == text and claim.end == len(text)
