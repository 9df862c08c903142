"""Near-copy sketches: resemblance estimated from bottom-k MinHash sketches of word trigrams."""

from __future__ import annotations

from claimdiff.text.sketch import MARKS, NEAR_DUPLICATE, SKETCH_SIZE, marks, resemblance, sketch

TEXT = " ".join(f"word{n} of sentence {n // 12} in the report." for n in range(400))


def test_a_sketch_is_the_smallest_trigram_hashes_ascending_and_ignores_case_and_punctuation() -> None:
    drawn = sketch(TEXT)
    assert len(drawn) == SKETCH_SIZE and list(drawn) == sorted(drawn)
    assert sketch(TEXT.upper().replace(".", " ;")) == drawn
    assert marks(drawn) == list(drawn[:MARKS])
    assert sketch("two words") == ()


def test_resemblance_is_one_for_copies_zero_for_strangers_and_between_for_edits() -> None:
    assert resemblance(sketch(TEXT), sketch(TEXT)) == 1.0
    stranger = " ".join(f"other{n} text altogether {n}" for n in range(400))
    assert resemblance(sketch(TEXT), sketch(stranger)) == 0.0
    assert resemblance(sketch(TEXT), ()) == resemblance((), ()) == 0.0
    words = TEXT.split()
    edited = " ".join("changed" if n % 20 == 7 else w for n, w in enumerate(words))
    assert NEAR_DUPLICATE < resemblance(sketch(TEXT), sketch(edited)) < 1.0


def test_a_short_text_has_a_short_sketch_that_still_compares() -> None:
    short = "Talks in Geneva ended without a deal on Friday"
    assert 0 < len(sketch(short)) < SKETCH_SIZE
    assert resemblance(sketch(short), sketch(short + " evening")) > NEAR_DUPLICATE
