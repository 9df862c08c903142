"""The same quote in two outlets: one passage, word for word, whatever each outlet trims or adds.

Outlets quote one statement differently: one keeps the whole passage, another its second half; one
names the speaker, another writes "he said" or leaves the attribution to the sentence before. The
paraphrase head, fitted on sentence pairs, reads the trimmed words and the different attributions as
differences. Here the quoted words are aligned instead: the shorter quote must sit in the longer one
(rapidfuzz's partial alignment), differ from the aligned passage by at most a spelling, and carry the
same negations and figures there, so that a written edit inside a quote ("should not be", "34
percent") is never the same quote.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from claimdiff.extract.attribution import quoted_spans
from claimdiff.match.lexicon import NEGATION_WORDS, antonym_senses
from claimdiff.text import matching_key

_MIN_WORDS = 4  # "It's always been bipartisan": a shorter quote is a phrase many people use
_MIN_SHARE = 0.5  # the shorter quote is at least half the longer: a trimmed quote, not a cited phrase
_ALIGNED = 95.0
_MAX_SPELLINGS = 1  # words that may differ in the aligned passage ("Gadhafi" / "Qaddafi")
_SPELLING = 70
_QUOTE_MARKS = '\u201c\u201d"'
_CLOSING = "\u201d"


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """Where the claim quotes: its quoted passages, and the head of a quote continued from the
    sentence before ('I wish I did not have to do it," he said')."""
    first_mark = next((i for i, c in enumerate(text) if c in _QUOTE_MARKS), -1)
    # A first mark right after the sentence's punctuation closes a quote opened in an earlier sentence.
    if first_mark > 0 and (text[first_mark] == _CLOSING or text[first_mark - 1] in ".,!?"):
        offset = first_mark + 1
        rest = quoted_spans(text[offset:])
        return [(0, first_mark), *((offset + start, offset + end) for start, end in rest)]
    return quoted_spans(text)


def quoted_words(text: str) -> str:
    """The claim's quoted words (``quoted_passages``) as one matching key."""
    return matching_key(" ".join(text[start:end] for start, end in quoted_passages(text)))


def _critical(words: list[str]) -> set[str]:
    return {w for w in words if w in NEGATION_WORDS or w.endswith("n't") or any(c.isdigit() for c in w)}


def same_quote(text_a: str, text_b: str) -> bool:
    """Whether two claims quote one passage word for word (one may quote only part of it)."""
    key_a, key_b = quoted_words(text_a), quoted_words(text_b)
    short, long = sorted((key_a, key_b), key=len)
    short_words, long_words = short.split(), long.split()
    if len(short_words) < _MIN_WORDS or len(short_words) < _MIN_SHARE * len(long_words):
        return False
    alignment = fuzz.partial_ratio_alignment(short, long)
    if alignment is None or alignment.score < _ALIGNED:
        return False
    # The alignment is on characters: widen it to whole words of the longer quote.
    start = long.rfind(" ", 0, alignment.dest_start) + 1
    end = long.find(" ", alignment.dest_end)
    passage = long[start : end if end >= 0 else len(long)].split()
    only_short, only_passage = set(short_words) - set(passage), set(passage) - set(short_words)
    if _critical(short_words) != _critical(passage) or len(only_short) > _MAX_SPELLINGS:
        return False
    # A word may differ only by its spelling: "rare" / "common" is another statement.
    return all(
        not antonym_senses(w) and any(fuzz.ratio(w, v) >= _SPELLING for v in only_passage) for w in only_short
    )
