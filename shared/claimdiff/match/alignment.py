"""Minimal pairs: two renderings of one sentence that differ in a few words, and what those words change.

Outlets often carry the same sentence (a wire text, a quote) with small edits. Aligned word by word
(rapidfuzz's Indel opcodes over the two token lists), the blocks that differ say exactly what
changed: a "not" added, a figure, a day, an opposite word, the speaker's name. Such a block is a
conflicting slot with the strongest possible alignment: everything else is the same words.
Blocks that change nothing a reader checks (a title, an article, punctuation, a trimmed clause at
either end) are benign; any other change (a different phrase) makes the pair no minimal pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from claimdiff.extract.timeexpr import TIME_NAMES
from claimdiff.match.features import (
    ClaimView,
    Finding,
    evidence_at,
    quantities_compatible,
    same_person,
    spans_overlap,
)
from claimdiff.match.lexicon import (
    INTENSIFIERS,
    NEGATION_WORDS,
    antonym_senses,
    opposite_by_prefix,
    word_stem,
)
from claimdiff.match.quotes import quoted_passages
from claimdiff.match.signals import Token
from claimdiff.models import Days, ReasonCode, TimeRef
from claimdiff.text.lexicon import words
from claimdiff.text.verbs import BE_FORMS, lemma

# Share of the shorter claim's words that must align for two claims to be one sentence rendered twice.
MIN_ALIGNED = 0.7
_MAX_BLOCK = 4  # words on either side of one differing block
_BENIGN = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "mr",
            "mrs",
            "ms",
            "dr",
            "sen",
            "rep",
            "gov",
            "pres",
            "president",
            "senator",
            "representative",
            "said",
            "says",
            "also",
            "just",
            "and",
            "but",
            "that",
            "which",
            "who",
            "his",
            "her",
            "their",
            "its",
            "our",
        ]
    )
    | INTENSIFIERS
)
_TITLES_OF_PEOPLE = frozenset(["mr", "mrs", "ms", "dr"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its"])
_NEGATORS = NEGATION_WORDS | frozenset(["n't", "didn't", "doesn't", "don't", "isn't", "wasn't", "won't"])
_AUXILIARIES = frozenset(
    ["do", "does", "did", "has", "have", "had", "is", "are", "was", "were", "will", "would"]
)
_NUMBER = re.compile(r"^\$?\d[\d,.]*(?:[-\u2013]\d[\d,.]*)?(?:%|st|nd|rd|th|s)?$")  # "97-1" is a vote
_ORDINALS = frozenset(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)
_TIME_WORDS = TIME_NAMES
# Words that make an act planned or near rather than done, in a block of a minimal pair ("received" /
# "expect to receive"); narrower than extraction's PLANNING_WORDS ("going", "wants", "hopes").
_MODALITY = frozenset(
    words(
        "expect expects expected plans plan planned set poised likely close near nearing about will would could may might"
    )
)


@dataclass(frozen=True, slots=True)
class Block:
    """One differing block: token ranges on each side."""

    a: tuple[Token, ...]
    b: tuple[Token, ...]
    at_a: int  # where the block starts in each token list (an empty side: where the other side's words go)
    at_b: int


def _split_contractions(tokens: Sequence[Token]) -> list[Token]:
    """ "We're" and "We’re" align: a word with an apostrophe counts as its parts (same offsets); a
    negated auxiliary stays one word ("don’t", which the tokeniser splits at the curly apostrophe,
    is "don't")."""
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if (
            token.lower == "t"
            and previous is not None
            and previous.end + 1 == token.start
            and previous.lower.endswith("n")
        ):
            joined = previous.lower + "'t"
            out[-1] = Token(previous.text + "\u2019t", joined, joined, previous.start, token.end)
            continue
        lower = token.lower.replace("\u2019", "'")
        if "'" in lower.strip("'") and not lower.endswith("n't"):
            for part in filter(None, lower.split("'")):
                out.append(Token(token.text, part, part, token.start, token.end))
        else:
            out.append(token)
    return out


def _blocks(a: Sequence[Token], b: Sequence[Token]) -> tuple[list[Block], int]:
    """The differing blocks of the two token lists and how many tokens align."""
    words_a = [t.lower for t in a]
    words_b = [t.lower for t in b]
    blocks: list[Block] = []
    aligned = 0
    pending_a: list[Token] = []
    pending_b: list[Token] = []
    start_a = start_b = 0
    for op in Indel.opcodes(words_a, words_b):
        if op.tag == "equal":
            if pending_a or pending_b:
                blocks.append(Block(tuple(pending_a), tuple(pending_b), start_a, start_b))
                pending_a, pending_b = [], []
            aligned += op.src_end - op.src_start
            start_a, start_b = op.src_end, op.dest_end
        else:
            pending_a += a[op.src_start : op.src_end]
            pending_b += b[op.dest_start : op.dest_end]
    if pending_a or pending_b:
        blocks.append(Block(tuple(pending_a), tuple(pending_b), start_a, start_b))
    return blocks, aligned


def _words(tokens: Sequence[Token]) -> list[str]:
    return [t.lower.strip(".'\u2019\"") for t in tokens if any(c.isalnum() for c in t.lower)]


def _kind(
    block: Block, at_edge: bool, speakers: tuple[bool, bool] = (False, False), same_speaker: bool = False
) -> ReasonCode | str | None:
    """What a differing block changes: a reason code, ``benign``, or None (some other change).

    ``speakers``: whether each side's words sit in its claim's attribution ("the attorney said" /
    "Mr. Goelman added"); ``same_speaker``: whether extraction resolved both to one person.
    """
    left, right = _words(block.a), _words(block.b)
    if not left and not right:
        return "benign"  # punctuation only
    if all(speakers):
        # Two names, two people; a description ("the attorney") may be either of them.
        named = _names_someone(block.a) and _names_someone(block.b)
        return "attribution" if named and not same_speaker else "benign"
    if at_edge and (not left or not right):
        return "benign"  # one rendering trims the sentence at an end
    if set(left) <= _BENIGN and set(right) <= _BENIGN:
        titles_a = {w for w in left if w in _TITLES_OF_PEOPLE}
        titles_b = {w for w in right if w in _TITLES_OF_PEOPLE}
        if titles_a and titles_b and titles_a != titles_b:
            return "attribution"  # "Mr. Clinton" / "Mrs. Clinton": another person
        return "benign"
    if len(left) > _MAX_BLOCK or len(right) > _MAX_BLOCK:
        return None
    negators_a = [w for w in left if w in _NEGATORS or w.endswith("n't")]
    negators_b = [w for w in right if w in _NEGATORS or w.endswith("n't")]
    rest_a = {word_stem(w) for w in left if _states(w)}
    rest_b = {word_stem(w) for w in right if _states(w)}
    if bool(negators_a) != bool(negators_b) and rest_a == rest_b:
        return "negation"  # "passed" / "did not pass", "is" / "is not"
    if _voice_reversed(left, right) or _voice_reversed(right, left):
        return "roles"  # "is going to beat the US" / "is going to be beaten by the US"
    if any(opposite_by_prefix(x, y) for x in left for y in right) and len(left) <= 2 and len(right) <= 2:
        return "antonym"  # "consistent" / "inconsistent", "agree" / "disagree"
    for wa in left:
        senses = dict(antonym_senses(wa))
        for wb in right:
            if any(concept in senses and senses[concept] != side for concept, side in antonym_senses(wb)):
                # "did not refuse" / "agreed": the negation cancels the opposite word.
                return "benign" if bool(negators_a) != bool(negators_b) else "antonym"
    numbers_a = [w for w in left if _NUMBER.match(w) or w in _ORDINALS]
    numbers_b = [w for w in right if _NUMBER.match(w) or w in _ORDINALS]
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return "time" if all(map(_is_year, numbers_a + numbers_b)) else "quantity"
    if {w for w in left if w in _TIME_WORDS} and {w for w in right if w in _TIME_WORDS} and left != right:
        return "time"
    if ({w for w in left if w in _MODALITY}) != ({w for w in right if w in _MODALITY}) and rest_a != rest_b:
        return "modality" if _completion_against_plan(left, right) else None
    return None


def _states(word: str) -> bool:
    """Whether a word of a differing block says what is stated, not only its polarity: not a
    negation, an auxiliary, or the "yes" a "no" answers ("said yes" / "said no" is a negation)."""
    return word not in _NEGATORS and word not in _AUXILIARIES and word != "yes" and not word.endswith("n't")


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _voice_reversed(active: Sequence[str], passive: Sequence[str]) -> bool:
    """Whether one verb stands active on one side and passive with its agent on the other ("beat" /
    "be beaten by"): with the words around aligned, the participants have changed places."""
    if len(active) != 1 or len(passive) != 3 or passive[0] not in BE_FORMS or passive[2] != "by":
        return False
    return word_stem(lemma(active[0])) == word_stem(lemma(passive[1]))


def _names_someone(tokens: Sequence[Token]) -> bool:
    """Whether the words hold a proper name, not only a title or a description ("the attorney")."""
    return any(
        t.text[:1].isupper() and t.lower.strip(".") not in _TITLES_OF_PEOPLE | _DETERMINERS for t in tokens
    )


def _completion_against_plan(left: Sequence[str], right: Sequence[str]) -> bool:
    planned_a = any(w in _MODALITY for w in left)
    planned_b = any(w in _MODALITY for w in right)
    plain = right if planned_a else left
    return planned_a != planned_b and any(w.endswith("ed") or w in ("won", "lost", "made") for w in plain)


def _in_attribution(tokens: Sequence[Token], view: ClaimView) -> bool:
    """Whether the tokens sit in the claim's attribution: from the speaker's name to the cue, with a
    determiner or title before it ("the attorney said", "Mr. Goelman added")."""
    if not tokens or not view.attribution:
        return False
    start = min(s for s, _ in view.attribution)
    end = max(e for _, e in view.attribution)
    lead = view.claim.text[max(0, start - 5) : start].lower()
    if lead.rstrip().endswith(("the", "mr.", "ms.", "mrs.", "dr.")):
        start = max(0, start - 5)
    return start <= tokens[0].start and tokens[-1].end <= end


def _same_speaker(a: ClaimView, b: ClaimView) -> bool:
    sa, sb = a.claim.speaker, b.claim.speaker
    return sa is not None and sb is not None and (sa.id == sb.id or same_person(sa.name, sb.name))


def _inside(span_start: int, span_end: int, tokens: Sequence[Token]) -> bool:
    return bool(tokens) and span_start < tokens[-1].end and tokens[0].start < span_end


def _compatible(reason: str, block: Block, a: ClaimView, b: ClaimView) -> bool:
    """Figures that agree within rounding, or two writings of one date, as extraction read them."""
    if reason == "quantity":
        in_a = [q for q in a.quantities if _inside(q.start, q.end, block.a)]
        in_b = [q for q in b.quantities if _inside(q.start, q.end, block.b)]
        return bool(in_a and in_b) and all(quantities_compatible(x, y) for x in in_a for y in in_b)
    return any(spans_overlap(x, y) for x in _spans(a, block.a) for y in _spans(b, block.b))


def _counts_on_both_sides(block: Block, a: ClaimView, b: ClaimView) -> bool:
    """Whether a short block is a figure on each side as extraction read it, whatever its words."""
    if max(len(block.a), len(block.b)) > _MAX_BLOCK:
        return False
    return all(
        any(_inside(q.start, q.end, tokens) for q in view.quantities)
        for view, tokens in ((a, block.a), (b, block.b))
    )


def _dates_a_statement(block: Block, a: ClaimView, b: ClaimView) -> bool:
    """Whether a differing time dates the statement on either side, as extraction anchored it."""
    return any(
        t.anchor == "statement" and _inside(t.start, t.end, tokens)
        for view, tokens in ((a, block.a), (b, block.b))
        for p in view.claim.propositions
        for t in p.times
    )


def _spans(view: ClaimView, tokens: Sequence[Token]) -> list[Days]:
    """The spans of days the times inside ``tokens`` mean."""
    times: list[TimeRef] = [t for p in view.claim.propositions for t in p.times] or (
        [view.claim.time] if view.claim.time else []
    )
    return [days for t in times if (days := t.days) is not None and _inside(t.start, t.end, tokens)]


def minimal_difference(a: ClaimView, b: ClaimView) -> Finding | None:
    """The one conflicting slot between two renderings of one sentence, or None.

    None when the claims are not one sentence rendered twice (too few aligned words, or a change
    that is neither benign nor a typed conflict), or when nothing but benign blocks differ.
    """
    if len(set(a.stems) & set(b.stems)) < MIN_ALIGNED * min(len(set(a.stems)), len(set(b.stems))):
        return None  # too few words in common to be one sentence: no alignment needed to say so
    return _one_conflict(a, b, _split_contractions(a.tokens), _split_contractions(b.tokens), quoted=False)


def quoted_difference(a: ClaimView, b: ClaimView) -> Finding | None:
    """The one conflicting slot inside a quote both claims carry, or None.

    Outlets trim a quote and attribute it in their own words ("..., he said to applause" / "Mr.
    Trump said"): aligned over the quoted words only, the passage is one sentence rendered twice,
    and a word changed inside it ("rather do it much faster" / "much slower") is what the outlets
    disagree on.
    """
    tokens_a, tokens_b = _quoted_tokens(a), _quoted_tokens(b)
    if min(len(tokens_a), len(tokens_b)) < _MIN_QUOTED_TOKENS:
        return None
    return _one_conflict(a, b, tokens_a, tokens_b, quoted=True)


_MIN_QUOTED_TOKENS = 5


def _quoted_tokens(view: ClaimView) -> list[Token]:
    passages = quoted_passages(view.claim.text)
    inside = [t for t in view.tokens if any(start <= t.start < end for start, end in passages)]
    return _split_contractions(inside)


def _at_edge(block: Block, tokens_a: Sequence[Token], tokens_b: Sequence[Token]) -> bool:
    """Whether a block starts or ends both renderings (a trimmed end, not a changed middle)."""
    return (block.at_a == 0 and block.at_b == 0) or (
        block.at_a + len(block.a) == len(tokens_a) and block.at_b + len(block.b) == len(tokens_b)
    )


def _one_conflict(
    a: ClaimView, b: ClaimView, tokens_a: list[Token], tokens_b: list[Token], *, quoted: bool
) -> Finding | None:
    shorter = min(len(tokens_a), len(tokens_b))
    if shorter < 3:
        return None
    blocks, aligned = _blocks(tokens_a, tokens_b)
    if aligned / shorter < MIN_ALIGNED:
        return None
    conflicts: list[tuple[ReasonCode, Block]] = []
    same_speaker = _same_speaker(a, b)
    for block in blocks:
        speakers = (False, False) if quoted else (_in_attribution(block.a, a), _in_attribution(block.b, b))
        kind = _kind(block, _at_edge(block, tokens_a, tokens_b), speakers, same_speaker)
        if kind == "time" and _dates_a_statement(block, a, b):
            # "said Friday" / "said on Saturday": when it was said, not what happened.
            kind = "benign"
        if kind is None and _counts_on_both_sides(block, a, b):
            kind = "quantity"  # "thousands of lawsuits" / "dozens of lawsuits": figures extraction read
        if kind is None:
            return None
        if kind != "benign":
            conflicts.append((kind, block))  # type: ignore[arg-type]
    if len(conflicts) != 1:
        return None
    reason, block = conflicts[0]
    if reason in ("quantity", "time") and _compatible(reason, block, a, b):
        return None
    evidence = []
    for side, view, differing, at in (("a", a, block.a, block.at_a), ("b", b, block.b, block.at_b)):
        # Nothing on this side where the other has words ("is" / "is not"): the word it bears on.
        own = tokens_a if side == "a" else tokens_b
        span = differing or tuple(own[max(0, at - 1) : at] or own[at : at + 1])
        evidence.append(evidence_at(side, view, span[0].start, span[-1].end, reason))
    return Finding(reason, tuple(evidence), strength={"decisive": 1.0, "minimal": 1.0})


# Changes that leave a sentence rendered twice the same claim: a title, punctuation, a trimmed end.
_SAME_CLAIM_KINDS = frozenset(["benign"])
# Changes that state the opposite wherever they sit; a plan against a completion ("will impose" /
# "imposed") is left to ``minimal_difference``: beside other edits it was a paraphrase in MSRP.
_OPPOSING_KINDS = frozenset(["negation", "antonym", "roles"])


def changed_statement(a: ClaimView, b: ClaimView) -> bool:
    """Whether two renderings of one sentence differ in what they state, however many places differ:
    a typed conflict (a "not", a figure, a year, an opposite word) beside other edits ("according to
    the Times, said he had" / "told the Times he"). ``minimal_difference`` names a conflict only when it
    is the one change; this only says that the two are not the same claim.

    Words swapped for others that no lexicon types ("nuclear bomb" / "nuclear arms", "gonna" /
    "going to") are not read as a change: on the BASIL fitting split they were transcriptions of one
    quote far more often than changed facts.
    """
    if len(set(a.stems) & set(b.stems)) < MIN_ALIGNED * min(len(set(a.stems)), len(set(b.stems))):
        return False
    tokens_a, tokens_b = _split_contractions(a.tokens), _split_contractions(b.tokens)
    if min(len(tokens_a), len(tokens_b)) < 3:
        return False
    blocks, aligned = _blocks(tokens_a, tokens_b)
    if aligned / min(len(tokens_a), len(tokens_b)) < MIN_ALIGNED:
        return False
    same_speaker = _same_speaker(a, b)
    for block in blocks:
        speakers = (_in_attribution(block.a, a), _in_attribution(block.b, b))
        if any(speakers):
            continue  # who said it is the speakers' comparison, not the statement's
        kind = _kind(block, _at_edge(block, tokens_a, tokens_b), speakers, same_speaker)
        if kind in _SAME_CLAIM_KINDS:
            continue
        if kind == "time" and _dates_a_statement(block, a, b):
            continue
        if kind in _OPPOSING_KINDS or (kind in ("quantity", "time") and _read_apart(kind, block, a, b)):
            return True
    return False


def _read_apart(reason: str, block: Block, a: ClaimView, b: ClaimView) -> bool:
    """Whether the block gives two years, or extraction read a figure (or a dated span) inside it on
    both sides, and they disagree: "Thursday's" / "tomorrow's" with no date to resolve them against
    may be one day."""
    sides = ((a, block.a), (b, block.b))
    if reason == "quantity":
        read = all(any(_inside(q.start, q.end, tokens) for q in view.quantities) for view, tokens in sides)
    elif all(any(map(_is_year, _words(tokens))) for _, tokens in sides):
        return True  # "at a 2008 event" / "at the 2004 event": a year is no relative day
    else:
        read = all(_spans(view, tokens) for view, tokens in sides)
    return read and not _compatible(reason, block, a, b)
