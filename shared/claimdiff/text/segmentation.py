"""Sentence segmentation for news text, in one linear pass.

Blocks first: paragraphs (blank lines), bullets and headings are their own blocks, and a line that
breaks mid-sentence (hard wrap) joins the next. Then, inside a block, every run of terminal punctuation
followed by whitespace is a candidate boundary, accepted unless what precedes it is an abbreviation
or an initial, or what follows cannot start a sentence (a lower-case word, a comma) or is only the
attribution of the quote that just closed ("... close.” Kerry said.").

A sentence longer than ``MAX_SENTENCE_CHARS`` (text without punctuation) is cut at a space.

Every regex is anchored or bounded: no nested quantifiers, so a megabyte without punctuation is one
linear scan.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from claimdiff.text.lexicon import words

SegmentKind = Literal["sentence", "heading", "bullet"]

# Longer sentences are cut at a space: a claim is stored as one bounded item.
MAX_SENTENCE_CHARS = 2000


class Segment(NamedTuple):
    """A sentence span: ``text[start:end]`` is the sentence, without surrounding whitespace."""

    start: int
    end: int
    paragraph: int
    kind: SegmentKind


_LINE = re.compile(r"[^\n]*")
_BULLET = re.compile(
    r"[ \t]*(?:[-*\u2022\u2023\u25e6\u25aa\u25cf\u2013\u2014>]|\d{1,3}[.)]|\(?[a-z][.)])[ \t]+(?=\S)"
)
_MARKDOWN_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+")
_TERMINAL_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*\s*$|[\"'\u201d\u2019]\s*$")
_CONTINUES = re.compile(r"[,\u2013\u2014-]\s*$|\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at|that)\s*$")

# A candidate boundary: terminal punctuation, closing quotes or brackets, then whitespace.
# (One character class first: the regex engine then skips every other character without trying a match.)
_CANDIDATE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
# Everything up to the last separator of a window: what follows it is the word before the punctuation.
_UP_TO_WORD = re.compile(r"(?:.*[\s\"'\u201c\u2018(\[])?", re.DOTALL)
_NEXT = re.compile(r"\s+(\S+)")

# Abbreviations that never end a sentence when followed by a name or a number.
_TITLES = frozenset(
    words(
        """mr mrs ms mx dr prof sen sens rep reps gov govs gen lt col sgt capt cpt adm maj cmdr cdr
        rev fr st mt ft hon pres supt insp det messrs mme mlle sr. sra srta atty amb brig cpl pvt
        ens gens"""
    )
)
# Abbreviations that end a sentence only when the next word is a usual sentence opener.
_AMBIGUOUS = frozenset(
    words(
        """inc co corp ltd llc plc bros jr sr etc jan feb mar apr jun jul aug sep sept oct nov dec
        mon tue tues wed thu thur thurs fri sat sun no nos vs v approx est dept univ ave blvd rd
        hwy fig al op ed vol pp ch sec art ibid e.g i.e cf viz a.m p.m"""
    )
)
# Suffixes that close a name ("Voltra Mobility Inc.", "Harold T. Banks Jr."): the name is over, so a capitalised
# word after them opens a new sentence unless it continues a title or a place ("Inc. Chief Executive Ana Ruiz",
# "King Jr. Day").
_NAME_SUFFIXES = frozenset(words("inc co corp ltd llc plc bros cos jr sr"))
_AFTER_SUFFIX_IN_SENTENCE = frozenset(
    words(
        """ceo cfo coo chief chairman chairwoman chair president vice executive director managing
        senior spokesman spokeswoman spokesperson founder board shares stock ltd inc llc plc corp co
        gmbh ag sa nv day high boulevard blvd avenue ave street st drive dr road rd hall center
        centre park school elementary middle memorial award prize foundation bridge highway
        airport stadium arena library hospital university college institute"""
    )
)
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_NUMBER_ABBREVIATIONS = frozenset(
    {
        "no",
        "nos",
        "art",
        "fig",
        "vol",
        "pp",
        "ch",
        "sec",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
# Words that commonly open a sentence: after an ambiguous abbreviation they mean a new sentence.
_OPENERS = frozenset(
    words(
        """the a an this that these those it its he she they we i you his her their our my there
        here but and or so yet however meanwhile still also in on at for after before during when
        while if although though as since because according asked some many most several both all
        no not one two three four five six seven eight nine ten officials mr mrs ms dr president
        secretary earlier later then now today yesterday last next on separately instead despite
        under over among critics analysts experts"""
    )
)
_SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|replied|replies|noted|notes|stated|states|explained|"
    "insisted|insists|argued|argues|warned|warns|wrote|writes|tweeted|declared|announced|continued|"
    "recalled|acknowledged|admitted|claimed|claims|conceded|countered|responded|observed|remarked|"
    "stressed|emphasised|emphasized|suggested|concluded|answered|cautioned|contended|maintained|"
    "reported|confirmed|denied|vowed|promised|predicted|shouted|whispered|joked|quipped"
)
# "... close.” Kerry said." / "... close,” said Lavrov, Russian FM." - an attribution tail, not a sentence.
_ATTRIBUTION_TAIL = re.compile(
    r"\s+(?:(?:[A-Z][\w.'\u2019-]*|de|al|von|van|the|a|an|of|[a-z]+)\s+){0,5}?(?:" + _SPEECH_VERBS + r")\b"
    r"[^.!?\"\u201c\u201d]{0,80}[.!?]",
)
_LOWER_START = re.compile(r"[\"'\u201c\u2018(\[]*[a-z]")


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        if newline < 0:
            newline = length
        spans.append((position, newline))
        position = newline + 1
    return spans


def _blocks(text: str) -> list[tuple[int, int, int, SegmentKind]]:
    """Paragraph-level blocks: (start, end, paragraph index, kind)."""
    blocks: list[tuple[int, int, int, SegmentKind]] = []
    paragraph = 0
    previous_blank = True
    current: list[int] | None = None  # [start, end] of a block that may still grow by hard-wrapped lines
    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            if current is not None:
                blocks.append((current[0], current[1], paragraph, "sentence"))
                current = None
            if not previous_blank:
                paragraph += 1
            previous_blank = True
            continue
        previous_blank = False
        bullet = _BULLET.match(line)
        heading = _MARKDOWN_HEADING.match(line)
        if bullet or heading:
            if current is not None:
                blocks.append((current[0], current[1], paragraph, "sentence"))
                current = None
            marker_end = start + (bullet or heading).end()  # type: ignore[union-attr]
            blocks.append((marker_end, end, paragraph, "bullet" if bullet else "heading"))
            continue
        if current is not None:
            previous_line = text[current[0] : current[1]]
            if not _TERMINAL_END.search(previous_line) and (
                _LOWER_START.match(stripped) or _CONTINUES.search(previous_line)
            ):
                current[1] = end
                continue
            blocks.append((current[0], current[1], paragraph, "sentence"))
        current = [start, end]
    if current is not None:
        blocks.append((current[0], current[1], paragraph, "sentence"))
    return blocks


def _is_boundary(text: str, punct_start: int, punct_end: int, block_end: int) -> bool:
    """Decide whether the punctuation at ``text[punct_start:punct_end]`` ends a sentence."""
    following = _NEXT.match(text, punct_end, block_end)
    if following is None:
        return False
    next_word = following.group(1)
    first = next_word[0]
    if first.islower() or first in ",;:)]-\u2013\u2014%":
        return False
    punctuation = text[punct_start:punct_end]
    closes_quote = punctuation[-1] in "\"'\u201d\u2019"
    if closes_quote and _ATTRIBUTION_TAIL.match(text, punct_end, block_end):
        return False
    if punctuation[0] != "." or punctuation.startswith(".."):
        return True
    if closes_quote or punctuation[-1] in ")]":
        return True
    up_to_word = _UP_TO_WORD.match(text, max(0, punct_start - 40), punct_start + 1)
    word = text[up_to_word.end() if up_to_word else punct_start + 1 : punct_start + 1]
    bare = word[:-1].lower()  # without the final dot
    if not bare:
        return True
    next_lower = next_word.strip("\"'\u201c\u2018(").lower().rstrip(".,;:")
    if bare in _TITLES:
        return False
    if len(bare) == 1 and bare.isalpha():
        # An initial ("John F. Kennedy") - unless a sentence opener follows ("... Plan B. The ...").
        return word[0].islower() and next_lower in _OPENERS
    if bare in _NUMBER_ABBREVIATIONS and next_word[0].isdigit():
        return False
    if bare in _NAME_SUFFIXES and next_word[0].isupper() and next_lower not in _AFTER_SUFFIX_IN_SENTENCE:
        # "... sold to Harlow Ltd. Workers were told": a suffix after a name ends it. "Co." is a company only
        # after a name ("Boeing Co."), not a county ("in Co. Cork").
        before = _WORD_BEFORE.search(text, max(0, punct_start - len(word) - 40), punct_start - len(word) + 1)
        previous_word = before.group(1) if before else ""
        if previous_word[:1].isupper() or previous_word in ("&", "and") or bare != "co":
            return True
    if bare in _AMBIGUOUS or "." in bare:
        # U.S., U.N., Inc., Jan., a.m.: a new sentence only if an opener or an opening quote follows.
        return next_lower in _OPENERS or next_word[0] in '"\u201c\u2018'
    return True


def sentences(text: str) -> list[Segment]:
    """Split ``text`` into sentence spans (stripped, in order, never overlapping)."""
    segments: list[Segment] = []
    for block_start, block_end, paragraph, kind in _blocks(text):
        if kind == "heading":
            _append(text, segments, block_start, block_end, paragraph=paragraph, kind="heading")
            continue
        sentence_start = block_start
        for candidate in _CANDIDATE.finditer(text, block_start, block_end):
            punct_start, punct_end = candidate.span()
            if _is_boundary(text, punct_start, punct_end, block_end):
                _append(text, segments, sentence_start, punct_end, paragraph=paragraph, kind=kind)
                sentence_start = punct_end
        _append(text, segments, sentence_start, block_end, paragraph=paragraph, kind=kind)
    return segments


def _append(
    text: str, out: list[Segment], start: int, end: int, *, paragraph: int, kind: SegmentKind
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        # A run-on "sentence" (no punctuation at all): cut at the last space before the cap so that a claim
        # stays a bounded item. Linear: each cut moves ``start`` forward by up to the cap.
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        _append(text, out, start, cut, paragraph=paragraph, kind=kind)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Segment(start, end, paragraph, kind))
