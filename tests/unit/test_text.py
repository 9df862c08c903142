"""Normalisation and sentence segmentation (claimdiff.text)."""

from __future__ import annotations

import time
import unicodedata

import pytest
from claimdiff.text import lower_view, matching_key, normalise, sentences, visible_view
from claimdiff.text.segmentation import MAX_SENTENCE_CHARS


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def test_normalise_applies_nfkc_unifies_newlines_and_drops_invisible_characters() -> None:
    raw = "ﬁve\u00a0people\r\nsaid \u200bno\u202e\ufeff.\rEnd"
    assert normalise(raw) == "five people\nsaid no.\nEnd"


def test_normalise_removes_every_format_character_controls_and_escape_sequences() -> None:
    format_characters = "".join(
        chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf"
    )
    assert normalise(f"a{format_characters}b") == "ab"
    assert normalise("a\x00\x07\x1f\x7f\x9bb\tc") == "ab\tc"
    assert normalise("\x1b[1;31mred\x1b[0m and \x1b]0;title\x07plain") == "red and plain"
    assert normalise("hid\U000e0041\U000e0042den \u3164\u2800x") == "hidden x"


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


# Abbreviations that end a sentence: the next token decides (an opener, a possessive, a name and its verb).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The trade envoy flew in from the U.K. Kenya's delegation landed an hour later.",
            ["The trade envoy flew in from the U.K.", "Kenya's delegation landed an hour later."],
        ),
        (
            "The fire broke out at about 6 a.m. Officers arrived within minutes.",
            ["The fire broke out at about 6 a.m.", "Officers arrived within minutes."],
        ),
        (
            "The shop is at 412 Maple St. A masked man walked in with a bag.",
            ["The shop is at 412 Maple St.", "A masked man walked in with a bag."],
        ),
        (
            "The summit was held in the U.S. The president spoke first.",
            ["The summit was held in the U.S.", "The president spoke first."],
        ),
        (
            "The march ended at 9 p.m. Police reopened the bridge.",
            ["The march ended at 9 p.m.", "Police reopened the bridge."],
        ),
        (
            "The company moved its head office to the U.S. Investors cheered the decision.",
            ["The company moved its head office to the U.S.", "Investors cheered the decision."],
        ),
        (
            "He works near Ocean Dr. His neighbours said he was quiet.",
            ["He works near Ocean Dr.", "His neighbours said he was quiet."],
        ),
        (
            "The hearing was moved to 2 p.m. Harmon will testify first.",
            ["The hearing was moved to 2 p.m.", "Harmon will testify first."],
        ),
        (
            "The couple lived in Washington, D.C. Maria Ortez said they left in May.",
            ["The couple lived in Washington, D.C.", "Maria Ortez said they left in May."],
        ),
    ],
)
def test_an_abbreviation_ends_a_sentence_when_a_new_one_starts(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She met U.S. Sen. Jane Roe in the capital on Monday.",
        "The family moved to St. Louis last year.",
        "Polls open at 6 a.m. Eastern on Tuesday.",
        "Officials at the U.K. Treasury declined to comment.",
        "The deadline is Jan. 5 for every filing.",
        "The U.S. Army said the drill would go ahead.",
        "The envoy met the U.N. Security Council on Friday.",
        "The coach said J.R. Tolliver played well.",
        "Lawyers cited Roe v. Wade in the brief.",
        "A ruling under the U.S. Constitution was expected.",
        "The talks at the U.N. Children's Fund ended early.",
        "Doors open at 7 p.m. Friday at the old theatre.",
    ],
)
def test_an_abbreviation_before_a_name_or_a_time_does_not_end_a_sentence(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The envoy said: "We cannot accept." The ministry said it would appeal.',
            ['The envoy said: "We cannot accept."', "The ministry said it would appeal."],
        ),
        (
            "The envoy said: \u201cWe cannot accept.\u201d The ministry said it would appeal.",
            ["The envoy said: \u201cWe cannot accept.\u201d", "The ministry said it would appeal."],
        ),
        (
            "\u201cThe vote was rigged!\u201d Critics said that the count should be repeated.",
            ["\u201cThe vote was rigged!\u201d", "Critics said that the count should be repeated."],
        ),
        (
            '"We will win." Harmon told the rally that the polls were wrong.',
            ['"We will win."', "Harmon told the rally that the polls were wrong."],
        ),
    ],
)
def test_a_closing_quote_followed_by_a_new_sentence_splits(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"We will win." Harmon said.',
        "\u201cWe will win.\u201d Harmon said on Friday.",
        '"We will win." Harmon told reporters in the lobby.',
        "\u201cWe will win.\u201d Harmon said, adding that the polls were wrong.",
        '"We will win." The senator said in a statement.',
    ],
)
def test_an_attribution_after_a_closing_quote_stays_with_the_quote(text: str) -> None:
    assert split(text) == [text]
