"""Sentence segmentation for news text, in one linear pass.

Blocks first: paragraphs (blank lines), bullets and headings are their own blocks, and a line that
breaks mid-sentence (hard wrap) joins the next. Then, inside a block, every run of terminal punctuation
followed by whitespace is a candidate boundary, accepted unless what precedes it is an abbreviation
or an initial, or what follows cannot start a sentence (a lower-case word, a comma) or is only the
attribution of the quote that just closed ("... close.” Kerry said."; but "... accept.” The ministry said it
would appeal." is two sentences). After an abbreviation that can end a sentence ("U.S.", "a.m.", "Maple St.")
the next token decides: an opener, a possessive name or a name followed by a verb starts a sentence; a word
that continues a name or a time ("U.K. Treasury", "a.m. Eastern", "U.S. Sen.") does not.

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
# (One character class first: the regex engine then skips every other character without trying a match.
# A match starts only where a run of punctuation starts and never gives back what it took: 2 MB of dots is
# one attempt, not one per dot, each scanning to the end of the run.)
_CANDIDATE = re.compile(r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019)\]]*+(?=\s)")
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
# After "St." or "Dr." following a name, the abbreviation is a street ("Maple St.", "Ocean Dr.").
_STREET_OR_TITLE = frozenset({"st", "dr"})
# Capitalised words that continue a name or a time after an abbreviation: "the U.K. Treasury", "U.S. Sen. Roe",
# "the U.N. Security Council", "6 a.m. Eastern", "the U.S. Children's Fund".
_NAME_CONTINUATIONS = frozenset(
    words(
        """army navy air marine marines coast guard forces force military treasury senate house
        congress capitol supreme district circuit court courts attorney attorney's attorneys
        secretary president vice ambassador embassy envoy consul consulate department justice
        state security general assembly council mission open steel postal census border customs
        immigration agency central federal national special trade commerce energy defense
        defence health homeland government parliament foreign home office ministry prime
        minister chancellor premier eastern western northern southern pacific atlantic mountain
        standard daylight time local bank news soccer olympic olympics team chamber intelligence
        command forest fish geological patent mint met human refugee high children's women's
        men's world food development environment environmental drug marshal marshals magistrate
        district judge representative rep sen gov gen lt col sgt capt adm maj cmdr mr mrs ms dr
        prof sen. rep. gov. gen. lt. col. sgt. capt. adm. maj. dr. prof. mr. mrs. ms. senator
        governor congressman congresswoman delegation delegate navy's army's jan feb mar apr may
        jun jul aug sep sept oct nov dec january february march april june july august september
        october november december monday tuesday wednesday thursday friday saturday sunday
        et est edt ct cst cdt pt pst pdt gmt utc bst cet labor labour highway route interstate
        constitution secret citizenship agriculture interior education transportation veterans
        space conference institute naval academy permanent rights peacekeeping virgin supremacy
        census bureau postal visitor"""
    )
)
# Abbreviations that can end a sentence before a name ("flew in from the U.K. Kenya's delegation ...", "at
# 2 p.m. Jackson will ..."). Other dotted words are more often initials or titles before one ("O.J. Simpson",
# "D.A. Ralph Martin", "Roe v. Wade"), so only a usual opener ends a sentence after them.
_ENDS_BEFORE_NAMES = frozenset(
    words("u.s u.k u.n e.u d.c f.b.i c.i.a u.s.a n.y n.j l.a a.m p.m etc st dr ave blvd rd")
)
# Finite verbs (and auxiliaries) that show a clause has begun after a subject.
_FINITE_VERBS = frozenset(
    words(
        """is are was were has have had will would could should can may might must did does do
        said says told tells added adds arrived rose fell went came took made gave held met ran won
        lost left began became saw sent spent paid stood sat led kept let put set struck fled shot
        hit broke drove flew grew knew thought found brought bought sold built fought caught wrote
        say tell think believe warned warns wants want needs need plans plan remain remains"""
    )
)
_NOT_VERBS_IN_ED = frozenset(words("armed united based limited red bed need speed seed feed"))
_SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|replied|replies|noted|notes|stated|states|explained|"
    "insisted|insists|argued|argues|warned|warns|wrote|writes|tweeted|declared|announced|continued|"
    "recalled|acknowledged|admitted|claimed|claims|conceded|countered|responded|observed|remarked|"
    "stressed|emphasised|emphasized|suggested|concluded|answered|cautioned|contended|maintained|"
    "reported|confirmed|denied|vowed|promised|predicted|shouted|whispered|joked|quipped"
)
# "... close.” Kerry said." / "... close,” said Lavrov, Russian FM." - an attribution tail, not a sentence.
_ATTRIBUTION_TAIL = re.compile(
    r"\s+(?:(?:[A-Z][\w.'\u2019-]*|de|al|von|van|the|a|an|of|[a-z]+)\s+){0,5}?(?P<verb>"
    + _SPEECH_VERBS
    + r")\b"
    r"(?P<rest>[^.!?\"\u201c\u201d]{0,80})[.!?]",
)
# After the verb of an attribution tail comes its end, a comma, a time or place ("on Friday", "in a statement"),
# or the verb's object ("told reporters"); a clause after it ("The ministry said it would appeal.") makes
# the words after the closing quote a sentence of their own.
_CLAUSE_AFTER_VERB = frozenset(
    words(
        """that it he she they we i you there this these those his her its their our my the a an
        no not neither none nobody all some many most every any if whether"""
    )
)
_CLAUSE_AFTER_OBJECT = frozenset(words("that it he she they we i there you"))
_OBJECT_VERBS = frozenset(words("told tells asked asks"))
_WEEKDAYS = frozenset(words("monday tuesday wednesday thursday friday saturday sunday"))
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
    # [start, end, start of its last line] of a block that may still grow by hard-wrapped lines. Only the last
    # line is tested for a sentence end: the tests are anchored at its end, and re-reading the whole block
    # for each joined line is quadratic in a hard-wrapped text without punctuation.
    current: list[int] | None = None
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
            previous_line = text[current[2] : current[1]]
            if not _TERMINAL_END.search(previous_line) and (
                _LOWER_START.match(stripped) or _CONTINUES.search(previous_line)
            ):
                current[1:] = [end, start]
                continue
            blocks.append((current[0], current[1], paragraph, "sentence"))
        current = [start, end, start]
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
    if closes_quote:
        tail = _ATTRIBUTION_TAIL.match(text, punct_end, block_end)
        if tail is not None and _is_attribution_tail(tail.group("verb"), tail.group("rest")):
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
    if bare in _STREET_OR_TITLE and _after_a_name(text, punct_start - len(word) + 1):
        # "412 Maple St. A masked man ...": after a name, "St." and "Dr." are Street and Drive, not titles.
        return _starts_new_sentence(text, bare, next_word, following.end(), block_end)
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
        # U.S., U.N., Inc., Jan., a.m.: a new sentence only if what follows opens one.
        return _starts_new_sentence(text, bare, next_word, following.end(), block_end)
    return True


def _is_attribution_tail(verb: str, rest: str) -> bool:
    """Whether the words after a closing quote ("Kerry said on Friday.") only attribute the quote, given the
    speech verb and what follows it up to the sentence end."""
    rest_words = rest.split()
    if not rest_words or rest.lstrip()[:1] in ",;:(\u2013\u2014-":
        return True
    first = rest_words[0].lower().rstrip(",")
    if verb in _OBJECT_VERBS:
        # "Kerry told reporters." / "Fox told Jane Roe in an interview.": an object, then the end or a phrase;
        # "Kerry told the council that ..." / "... told reporters he would ..." go on with a clause.
        return _CLAUSE_AFTER_OBJECT.isdisjoint(w.lower() for w in rest_words[1:])
    if first in _CLAUSE_AFTER_VERB:
        return False  # "The ministry said it would appeal."
    if rest_words[0][:1].isupper():
        return first in _WEEKDAYS  # "Kerry said Friday." - but "Kerry said Russia would ..." is a sentence
    return True  # "on Friday", "in a statement", "later", "again"


def _after_a_name(text: str, word_start: int) -> bool:
    """Whether the word before ``word_start`` is a capitalised name word ("Maple" in "Maple St.")."""
    before = _WORD_BEFORE.search(text, max(0, word_start - 40), word_start)
    previous = before.group(1) if before else ""
    return previous[:1].isupper() and previous.replace("-", "").isalpha()


def _starts_new_sentence(text: str, abbreviation: str, next_word: str, next_end: int, block_end: int) -> bool:
    """After an abbreviation that may end a sentence ("U.S.", "a.m.", "St."): whether ``next_word`` (ending at
    ``next_end``) opens a new one. Yes for a usual opener ("The", "He", "Officials") or an opening quote; a
    capitalised word that continues a name or a time ("U.K. Treasury", "U.S. Sen.", "a.m. Eastern") says no;
    any other capitalised word says yes when it is a possessive ("U.K. Kenya's delegation"), ends a
    clause-opening name with a comma, or is followed (after at most two more name words) by a verb
    ("a.m. Officers arrived", "U.S. Markets rallied", "U.K. Jane Roe said")."""
    core = next_word.strip("\"'\u201c\u2018\u201d\u2019()[],;:")
    core_lower = core.lower()
    if core_lower.rstrip(".") in _OPENERS or next_word[0] in '"\u201c\u2018':
        return True
    if abbreviation not in _ENDS_BEFORE_NAMES or not core[:1].isupper():
        return False
    possessive = core_lower.endswith(("'s", "\u2019s"))
    stem = core_lower[:-2] if possessive else core_lower.rstrip(".")
    if stem in _NAME_CONTINUATIONS or core_lower in _NAME_CONTINUATIONS:
        return False
    if "." in stem or (core.isupper() and len(core) > 1) or not stem.replace("-", "").isalpha():
        return False  # another abbreviation or an acronym ("U.S. FDA"): a name goes on
    if possessive:
        return True
    position = next_end
    word = next_word
    for _ in range(3):
        if word[-1:] in ".!?,;:)]":
            return False  # the name ends a clause of its own ("D.C. Jane Roe."): no verb follows it
        following = _NEXT.match(text, position, block_end)
        if following is None:
            return False
        word = following.group(1)
        bare_word = word.rstrip(",.;:")
        if word[:1].isupper() and bare_word.isalpha() and bare_word.lower() not in _NAME_CONTINUATIONS:
            position = following.end()  # a name goes on: "Jane Roe said"
            continue
        return _looks_like_a_verb(bare_word)
    return False


def _looks_like_a_verb(word: str) -> bool:
    """A lower-case word that is most likely the finite verb of a clause ("said", "arrived", "has")."""
    return word.islower() and (
        word in _FINITE_VERBS or (len(word) > 4 and word.endswith("ed") and word not in _NOT_VERBS_IN_ED)
    )


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
