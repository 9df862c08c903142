"""Normalisation and sentence segmentation (claimdiff.text)."""

from __future__ import annotations

import time

import pytest
from claimdiff.text import lower_view, matching_key, normalise, sentences, visible_view
from claimdiff.text.segmentation import MAX_SENTENCE_CHARS


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def test_normalise_applies_nfkc_unifies_newlines_and_drops_invisible_characters() -> None:
    raw = "ﬁve\u00a0people\r\nsaid \u200bno\u202e\ufeff.\rEnd"
    assert normalise(raw) == "five people\nsaid no.\nEnd"


def test_normalise_keeps_curly_quotes_as_written() -> None:
    assert normalise("“Yes,” he said") == "“Yes,” he said"


def test_matching_key_folds_case_quotes_and_acronym_dots_but_keeps_decimals() -> None:
    assert matching_key("The U.S. said 1.8 million won’t") == "the us said 1.8 million won't"
    assert matching_key("Ker\u200bry") == "kerry"


def test_visible_view_maps_offsets_back_to_the_original() -> None:
    text = "ab\u200bcd"
    view, offsets = visible_view(text)
    assert view == "abcd"
    assert offsets is not None
    assert [text[offsets[i]] for i in range(len(view))] == list("abcd")
    assert visible_view("plain") == ("plain", None)


def test_lower_view_keeps_offsets_and_collects_the_lower_case_words() -> None:
    view = lower_view("Kerry WON'T sign, U.S. said")
    assert view.text == "kerry won't sign, u.s. said"
    assert view.words == {"kerry", "won", "t", "sign", "u", "s", "said"}
    # "İ" lower-cases to two characters: it is kept as it is so that offsets never move.
    text = "İstanbul Said"
    view = lower_view(text)
    assert len(view.text) == len(text) and view.text.endswith("stanbul said") and "said" in view.words


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and the U.N. agreed on a plan.",
        "Sen. John McCain and Gov. Jerry Brown met on Jan. 5 in St. Louis.",
        "John F. Kennedy was shot in 1963.",
        "Harold T. Banks Jr. wrote the opinion for the court.",
        "The deal ranks No. 2 in the list.",
        "Inflation rose 2.5 percent in the quarter.",
        "The deal will allow the U.S.to step up its attacks.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text: str) -> None:
    assert split(text) == [text]


def test_a_sentence_after_an_ambiguous_abbreviation_starts_when_an_opener_follows() -> None:
    text = "The money came from the U.S. The rest came from Europe."
    assert split(text) == ["The money came from the U.S.", "The rest came from Europe."]


def test_quotes_spanning_sentences_are_split_per_sentence_without_fragment_tails() -> None:
    text = "“We are close. We will sign soon,” Kerry said. “It is done.” Lavrov said. He left."
    assert split(text) == [
        "“We are close.",
        "We will sign soon,” Kerry said.",
        "“It is done.” Lavrov said.",
        "He left.",
    ]


def test_paragraphs_headings_and_bullets_are_separate_segments() -> None:
    text = (
        "# Results\n\nThe count ended on Friday. Turnout was high.\n\n"
        "Results by district:\n- North went to Smith.\n* South went to Jones.\n\nShare"
    )
    segments = sentences(text)
    assert [text[s.start : s.end] for s in segments] == [
        "Results",
        "The count ended on Friday.",
        "Turnout was high.",
        "Results by district:",
        "North went to Smith.",
        "South went to Jones.",
        "Share",
    ]
    assert segments[0].kind == "heading"
    assert segments[4].kind == "bullet"
    assert segments[1].paragraph == segments[2].paragraph != segments[0].paragraph


def test_hard_wrapped_lines_join_into_one_sentence() -> None:
    text = "The council approved the budget on\nTuesday after a long debate.\nIt takes effect in July."
    assert split(text) == [
        "The council approved the budget on\nTuesday after a long debate.",
        "It takes effect in July.",
    ]


def test_offsets_are_exact_and_stripped() -> None:
    text = "  First one here.   Second one here!  \n\n Third?  "
    for segment in sentences(text):
        piece = text[segment.start : segment.end]
        assert piece == piece.strip() and piece


def test_one_megabyte_without_punctuation_is_linear() -> None:
    text = ("word " * 200_000).strip()  # 1 MB, no punctuation, no newline
    started = time.perf_counter()
    segments = sentences(text)
    elapsed = time.perf_counter() - started
    assert segments[0].start == 0 and segments[-1].end == len(text)
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in segments)
    assert elapsed < 10.0  # generous: a quadratic scan would take minutes
