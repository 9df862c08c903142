"""Polarity and modality cues: negation, hedging and conditionals.

Public API (also used by the matching engine):

- ``negation_spans(text) -> list[tuple[int, int]]``: character spans of the negation cues in ``text``
  (not, n't, never, no, none, nobody, nothing, neither, nor, yet to, failed to, refused to, denied, ...).
  Idioms that only look negative ("not only", "no doubt", "whether or not") are left out; "neither ... nor"
  gives two spans but counts as one negation in :func:`is_negated`.
- ``hedge_spans(text) -> list[tuple[int, int]]``: spans of hedges (near, close to, may, might, reportedly,
  expected to, plans to, likely, ...). Spatial "near"/"close to" (near the border) is not a hedge.
- ``conditional_spans(text) -> list[tuple[int, int]]``: spans of conditional markers (if, unless, ...).
- ``is_negated(text) -> bool``: whether the assertion is negated, clause by clause, so that a double
  negation inside one clause ("not impossible", "never failed to") cancels out.

Every regex here is linear: alternations of literals behind word boundaries, no nested quantifiers.
The regexes run on the lower-cased view of the text (``claimdiff.text.lower_view``, same offsets), so they
need no ``re.IGNORECASE`` and match literal cues fast; each function first tests the view's word set and
skips its regexes when no cue word is there. Callers that run several detectors on one sentence pass the
view they computed once (``view=``).
"""

from __future__ import annotations

import re

from claimdiff.text import LowerView, lower_view
from claimdiff.text.lexicon import words

_APOS = "['\u2019]"
# Contractions written without their apostrophe ("dont", "isnt", "havent"): common in quotes and transcripts.
_BARE_CONTRACTIONS = (
    "dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|hadnt|wont|wouldnt|cant|couldnt|shouldnt"
    "|mustnt|neednt|aint|mightnt|shant"
)

# Negation cues. "no" is only a cue when it is not the abbreviation "No." (number) and not part of "no doubt".
_NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|none|nobody|nothing|nowhere|cannot|no(?!\.\s*\d)(?![-\s]+doubt\b)"
    r"|no\s+longer|yet\s+to|failed\s+to|fails\s+to|fail\s+to|refused\s+to|refuses\s+to|refuse\s+to"
    r"|declined\s+to|declines\s+to|den(?:y|ies|ied|ying)"
    rf"|{_BARE_CONTRACTIONS})\b"
    rf"|(?<=[A-Za-z])n{_APOS}t\b"
)
# Things that contain a negation word but do not negate the assertion.
_NOT_NEGATION = re.compile(
    r"\bnot\s+only\b|\bwhether\s+or\s+not\b|\bif\s+not\b|\bno\s+sooner\b|\bnothing\s+but\b"
    r"|\bnot\s+just\b|\bnone\s+other\b"
)
# Words whose negation is morphological: only counted right after an explicit cue ("not impossible").
_MORPHOLOGICAL_NEGATIVE = re.compile(
    r"\s+(?:un|im|in|ir|il|dis|non)-?[a-z]{3,}(?:able|ible|ely|ful|ing|ed|e|t|y|ly|al|ent|ant|ous)?\b"
)
_MORPHOLOGICAL_WORDS = frozenset(
    words(
        """unlikely impossible unusual uncommon unreasonable unimportant unaware unclear untrue
        unfair unknown unhappy unwilling unable uncertain unimaginable insignificant irrelevant
        improbable illegal inaccurate incorrect invalid incapable insufficient inconsistent
        disagree disagreed dislike unprecedented undeniable unsuccessful unconcerned impractical"""
    )
)
# Where a clause's coordinated parts meet ("... and is not ...", "... or deny").
_CONJUNCTION = re.compile(r"\s(?:and|or)\s")

_HEDGE = re.compile(
    r"\b(?:may|might|could|possibly|probably|likely|unlikely|perhaps|reportedly|allegedly|apparently"
    r"|purportedly|supposedly|presumably|seemingly|potentially"
    r"|expects?\s+to|expected\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|aims?\s+to"
    r"|hopes?\s+to|appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to|is\s+said\s+to|are\s+said\s+to"
    r"|believed\s+to|thought\s+to|suggests?|suggested|estimated|an\s+estimated|roughly|approximately"
    r"|nearly|almost|about\s+to|on\s+the\s+verge\s+of|poised\s+to|set\s+to)\b"
)
# Gates: a sentence whose words include none of these cannot match ``_HEDGE``. Cues of two or more words
# whose first word is common ("said", "set", "about") also need "to" (or "of" for "on the verge of").
_HEDGE_WORDS = frozenset(
    words(
        """may might could possibly probably likely unlikely perhaps reportedly allegedly apparently
        purportedly supposedly presumably seemingly potentially suggest suggests suggested estimated
        roughly approximately nearly almost verge"""
    )
)
_HEDGE_WORDS_BEFORE_TO = frozenset(
    words(
        """expect expects expected plan plans planned planning intend intends aim aims hope hopes
        appear appears appeared seem seems seemed said believed thought about poised set"""
    )
)
# "near" and "close to" are hedges when they qualify an outcome ("near accord", "close to reaching",
# "a solution is very near"), not a place ("near where they were operating", "close to the border").
_NEAR = re.compile(r"\b(?:near(?:ly)?|close\s+to)\b")
_NEAR_HEDGE_AFTER = re.compile(
    r"\s+(?:[a-z]+ing\b|(?:an?\s+|the\s+)?(?:accord|agreement|deal|settlement|truce|ceasefire|cease-fire"
    r"|breakthrough|completion|collapse|record|consensus|compromise|resolution|victory|defeat|end|finish"
    r"|final|conclusion|solution|\d))"
    r"|\s*(?:[.,;:!?\"'\u201d\u2019)]|$)"
)
_NEAR_HEDGE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|very|so|too|getting|come|came|comes|coming|draw|drew|edging|"
    r"inching|moving|remain|remains|seem|seems|say|says|said)\s+)$"
)

_DAY_AFTER = re.compile(r"\s+\d")
# "nearly $44 million", "roughly 800,000 workers", "almost two full terms": an approximator of a figure
# is the figure's own interval (claimdiff.extract.quantities reads it so), not a doubt about the claim.
_APPROXIMATORS = frozenset({"roughly", "approximately", "nearly", "almost", "estimated"})
_FIGURE_AFTER = re.compile(
    r"\s+(?:(?:an?|some)\s+)?(?:[$\u20ac\u00a3]\s?\d|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?"
    r"|millions?|billions?|dozens?|half|third|quarter|twice|double|triple)\b)"
)

_CONDITIONAL = re.compile(
    r"\b(?:if|unless|provided\s+that|providing\s+that|as\s+long\s+as|in\s+case|on\s+condition\s+that"
    r"|assuming\s+that|in\s+the\s+event\s+that)\b"
)
_NOT_CONDITIONAL = re.compile(r"\b(?:as\s+if|even\s+if|if\s+not|if\s+any|if\s+ever|what\s+if)\b")

# "If the council had not approved it, the city would ...": the condition's negation is not the claim's.
_LEADING_CONDITION = re.compile(r"^[\"'\u201c\u2018]?(?:if|unless|had|were)\b[^,;]{0,200},")

# Subordinate and relative clauses ("who was not involved", "after talks failed to", "if it did not")
# qualify the assertion; their negations are not the assertion's.
_SUBORDINATE = re.compile(
    r"\b(?:who|whom|whose|which|after|because|since|before|until|if|whenever|in\s+ways\s+that)\b[^,;:\u201c\u201d\"]*"
)

# Clause boundaries for the parity of negation: ", but", ";", " while ", ", although", ", and".
# Written as "one character of [\s;:,], then the rest of the break that this character starts" (the lookbehinds
# re-read it), the same breaks as
#   \s*[;:]\s* | ,?\s+(?:but|while|...)\s+ | ,\s+(?:and|or)\s+ | \s+[-\u2013\u2014]+\s+
# but the regex engine can skip every other character without trying a match.
_CLAUSE_WORDS = r"(?:but|while|whereas|although|though|yet(?!\s+to\b))"
_CLAUSE_BREAK = re.compile(
    r"[\s;:,](?:"
    r"(?<=\s)\s*[;:]\s*|(?<=[;:])\s*"
    rf"|(?<=,)\s+{_CLAUSE_WORDS}\s+|(?<=\s)\s*{_CLAUSE_WORDS}\s+"
    r"|(?<=,)\s+(?:and|or)\s+"
    r"|(?<=\s)\s*[\u2013\u2014-]+\s+)"
)


def _excluded(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _inside(span: tuple[int, int], excluded: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in excluded)


_NEGATION_TRIGGERS = frozenset(
    words(
        """not never neither nor none nobody nothing nowhere cannot no yet failed fails fail refused
        refuses refuse declined declines deny denies denied denying"""
    )
    + _BARE_CONTRACTIONS.split("|")
)


_CONDITIONAL_WORDS = frozenset(words("if unless provided providing long case condition assuming event"))


def may_be_negated(text: str, *, view: LowerView | None = None) -> bool:
    """A cheap test: False means ``text`` has no negation cue at all."""
    view = view or lower_view(text)
    if "n't" in view.text or "n\u2019t" in view.text:
        return True
    return not _NEGATION_TRIGGERS.isdisjoint(view.words)


def negation_spans(text: str, *, view: LowerView | None = None) -> list[tuple[int, int]]:
    """Return the character spans of the negation cues in ``text``, in order."""
    view = view or lower_view(text)
    if not may_be_negated(text, view=view):
        return []
    return _negation_spans(view.text)


def _negation_spans(lowered: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _NEGATION.finditer(lowered)]
    if not spans:
        return spans
    excluded = _excluded(lowered, _NOT_NEGATION)
    if excluded:
        spans = [span for span in spans if not _inside(span, excluded)]
    return spans


def hedge_spans(text: str, *, view: LowerView | None = None) -> list[tuple[int, int]]:
    """Return the character spans of hedging cues (near, close to, may, reportedly, expected to, ...)."""
    view = view or lower_view(text)
    words, lowered = view.words, view.text
    spans = []
    if not words.isdisjoint(_HEDGE_WORDS) or ("to" in words and not words.isdisjoint(_HEDGE_WORDS_BEFORE_TO)):
        spans = [
            m.span()
            for m in _HEDGE.finditer(lowered)
            if not _is_month_may(text, m)
            and not _approximates_a_figure(lowered, m)
            and not _attributive(lowered, m)
        ]
    if "near" not in words and "nearly" not in words and "close" not in words:
        return spans
    for match in _NEAR.finditer(lowered):
        if match.group() == "nearly":
            continue  # already a hedge above
        start, end = match.span()
        before = lowered[max(0, start - 24) : start]
        if _NEAR_HEDGE_AFTER.match(lowered, end) or _NEAR_HEDGE_BEFORE.search(before):
            spans.append((start, end))
    spans.sort()
    return spans


# "Trump's unlikely journey", "the likely nominee": an adjective after a determiner or a possessive
# describes a thing; it does not doubt the sentence.
_ADJECTIVE_CUES = frozenset({"likely", "unlikely"})
_BEFORE_ATTRIBUTIVE = re.compile(
    r"(?:\b(?:a|an|the|his|her|its|their|our|your|my|this|that)|['\u2019]s)\s+(?:(?:most|more|less|highly|very)\s+)?$"
)


def _attributive(lowered: str, match: re.Match[str]) -> bool:
    """Whether a cue is an adjective describing a noun ("an unlikely journey"), not a hedge."""
    return match.group() in _ADJECTIVE_CUES and bool(
        _BEFORE_ATTRIBUTIVE.search(lowered, max(0, match.start() - 40), match.start())
    )


def _approximates_a_figure(lowered: str, match: re.Match[str]) -> bool:
    """Whether a cue ("nearly", "roughly", "an estimated") only qualifies the figure that follows it."""
    cue = match.group().split()[-1]
    return cue in _APPROXIMATORS and bool(_FIGURE_AFTER.match(lowered, match.end()))


def _is_month_may(text: str, match: re.Match[str]) -> bool:
    """ "May" with a capital inside a sentence, or before a day number, is the month."""
    start, end = match.span()
    if text[start:end] != "May":
        return False
    before = text[:start].rstrip()
    return (bool(before) and before[-1] not in ".!?\"'\u201c\u2018(") or bool(_DAY_AFTER.match(text, end))


def conditional_spans(text: str, *, view: LowerView | None = None) -> list[tuple[int, int]]:
    """Return the character spans of conditional markers (if, unless, provided that, ...)."""
    view = view or lower_view(text)
    if view.words.isdisjoint(_CONDITIONAL_WORDS):
        return []
    spans = [m.span() for m in _CONDITIONAL.finditer(view.text)]
    if not spans:
        return spans
    excluded = _excluded(view.text, _NOT_CONDITIONAL)
    return [span for span in spans if not _inside(span, excluded)]


def _clause_negated(clause: str) -> bool:
    spans = _negation_spans(clause)
    if not spans:
        return False
    if len(spans) == 1:
        return _parity_negated(clause, spans)
    # Coordinated parts negate on their own: "is not safe and is not compliant" is two negations side by side,
    # not a negation inside another one, so they do not cancel.
    groups: list[list[tuple[int, int]]] = [[]]
    boundaries = iter(m.start() for m in _CONJUNCTION.finditer(clause))
    boundary = next(boundaries, len(clause))
    for span in spans:
        while span[0] > boundary:
            groups.append([])
            boundary = next(boundaries, len(clause))
        groups[-1].append(span)
    return any(_parity_negated(clause, group) for group in groups if group)


def _parity_negated(clause: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the cues ``spans`` of one (coordinated part of a) clause leave it negated: odd parity."""
    cues = len(spans)
    # "nor" continues a negation ("neither ... nor", "not A nor B"): one negation, not two.
    cues -= sum(1 for index, (start, end) in enumerate(spans) if index and clause[start:end] == "nor")
    # A morphological negative right after a cue flips it back: "not impossible", "never unwilling".
    for _start, end in spans:
        following = _MORPHOLOGICAL_NEGATIVE.match(clause, end)
        if following and following.group().strip().rstrip("-") in _MORPHOLOGICAL_WORDS:
            cues += 1
    return cues % 2 == 1


def is_negated(text: str, *, view: LowerView | None = None) -> bool:
    """Whether ``text`` asserts something negated: any clause with an odd number of negations.

    Two cues in one clause cancel ("it is not true that he never paid"); cues in different clauses do not
    ("they agreed, but have yet to sign" is negated). Quoted clauses count like any other: the claim of
    "Kerry said, 'we are not going to rush'" is negated.
    """
    view = view or lower_view(text)
    if not may_be_negated(text, view=view) or not _NEGATION.search(view.text):
        return False
    lowered = _LEADING_CONDITION.sub("", view.text)
    lowered = _SUBORDINATE.sub(" ", lowered)
    return any(_clause_negated(clause) for clause in _CLAUSE_BREAK.split(lowered) if clause)
