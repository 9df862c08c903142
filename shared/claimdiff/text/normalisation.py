"""Unicode normalisation: the canonical article text, and the form used for fuzzy matching."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Characters a reader never sees: every format character (Unicode category Cf: zero-width, bidi controls,
# the BOM, TAG characters), C0 and C1 controls other than tab and newline, variation selectors and the
# blank fillers (Hangul, braille) used to hide text. They break words for matching and smuggle text past a
# reader, so they are removed before anything reads the text. (A unit test checks the Cf list against
# ``unicodedata``; a table here costs nothing at cold start.)
_INVISIBLE_CHARACTERS = (
    "\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef"
)
INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")
# Terminal escape sequences (colours, cursor moves, titles): removed whole, not just their ESC.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_QUOTE_FOLD = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'",
     "\u201a": "'", "\u2032": "'", "\u2013": "-", "\u2014": "-", "\u2212": "-"}
)  # fmt: skip
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_DECIMAL_OR_WORD = re.compile(r"[$€£%]|\d+(?:[.,]\d+)*|[^\W_]+(?:'[^\W_]+)*")


def normalise(raw: str) -> str:
    """Return the canonical text of an article: offsets everywhere refer to this string.

    NFKC (ligatures, full-width forms and non-breaking spaces become plain characters), newlines
    unified to ``\\n``, terminal escape sequences and invisible characters (zero-width, bidi, TAG and
    control characters) removed.
    """
    text = unicodedata.normalize("NFKC", raw)
    text = _NEWLINES.sub("\n", text)
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return INVISIBLE.sub("", text)


def fold_quotes(text: str) -> str:
    """Curly quotes, primes and dashes as their ASCII forms (same length: offsets are unchanged)."""
    return text.translate(_QUOTE_FOLD)


def matching_key(text: str) -> str:
    """Return a lower-cased, punctuation-light form of ``text`` for fuzzy scoring.

    "The U.S. said 1.8 million won’t" -> "the us said 1.8 million won't".
    """
    folded = fold_quotes(normalise(text))
    folded = _ACRONYM.sub(lambda m: m.group().replace(".", ""), folded)
    return " ".join(_DECIMAL_OR_WORD.findall(folded.lower()))


def visible_view(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters, and for each kept character its offset in ``text``.

    The map has one extra final entry (``len(text)``) so that an end offset maps too. When nothing is
    invisible, returns ``(text, None)``: the common case costs one regex search.
    """
    if INVISIBLE.search(text) is None:
        return text, None
    kept: list[int] = []
    pieces: list[str] = []
    for index, char in enumerate(text):
        if not INVISIBLE.match(char):
            kept.append(index)
            pieces.append(char)
    kept.append(len(text))
    return "".join(pieces), kept


_LOWER_WORD = re.compile(r"[a-z]+")


class LowerView(NamedTuple):
    """A sentence read once for the detectors: lower-cased text and its set of lower-case words.

    ``text`` has the length of the original, so a match in it has the same offsets as in the original;
    detectors match literal cue words in it without ``re.IGNORECASE`` (several times faster), and test
    ``words`` before running any regex at all.
    """

    text: str
    words: frozenset[str]  # the runs of ASCII letters of ``text``: "Won't" -> {"won", "t"}


def lower_view(text: str) -> LowerView:
    """The :class:`LowerView` of ``text``: compute it once per sentence and pass it to every detector."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # A character whose lower case is longer ("İ" -> "i̇") is kept as it is: offsets must not move.
        lowered = "".join(char if len(low := char.lower()) != 1 else low for char in text)
    return LowerView(lowered, frozenset(_LOWER_WORD.findall(lowered)))
