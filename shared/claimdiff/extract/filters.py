"""What is not a claim (boilerplate, bylines, datelines, captions, fragments), and how check-worthy a claim is."""

from __future__ import annotations

import re

from claimdiff.text import LowerView, SegmentKind, lower_view
from claimdiff.text.lexicon import words

_BOILERPLATE = re.compile(
    r"(?:share(?:\s+this(?:\s+article|\s+story)?)?|advertisement|advertising|sponsored(?:\s+content)?|read\s+more"
    r"|read\s+next|related(?:\s+(?:articles?|stories|coverage|content))?|subscribe|sign\s+up|log\s+in|print|email"
    r"|tweet|comments?|continue\s+reading|story\s+continues(?:\s+below)?|click\s+here|listen|watch|video|photo"
    r"|photos|image|gallery|more\s+on\s+this|see\s+also|trending|most\s+read|top\s+stories|recommended"
    r"|follow\s+us|supported\s+by|skip\s+advertisement|transcript|newsletter|back\s+to\s+top|loading)"
    r"(?:\b.{0,60})?",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?:by|reporting\s+by|editing\s+by|writing\s+by|additional\s+reporting\s+by|compiled\s+by|written\s+by"
    r"|story\s+by|words\s+by|photos?\s+by)\s+[A-Z\u00c0-\u024f]",
    re.IGNORECASE,
)
# "Related talks resumed on Monday.", "Video footage shows ...": a boilerplate noun opening a sentence that
# goes on with a lower-case word and ends like one is a claim ("Related: ..." and "Video" alone are not).
_NOUN_LABEL_IN_A_SENTENCE = re.compile(
    r"(?i:related|video|photos?|image|gallery|transcript|comments?|trending|recommended|newsletter)"
    r"\s+[a-z][\w'-]*\s+\S.*[.!][\"'\u201d\u2019]?"
)
_CONTRIBUTED = re.compile(r"contributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\.?$", re.IGNORECASE)
# "GENEVA (Reuters) -", "WASHINGTON —", "Sept. 9, 2016", "Updated 9:15pm", "© 2016 Reuters".
_DATELINE = re.compile(
    r"[A-Z][A-Z .,'/-]{1,40}(?:\([^)]{1,30}\))?\s*[-\u2013\u2014:]*"
    r"|(?i:(?:(?:updated|published|posted|last\s+updated)\s*:?\s*)?[\w ,.:/-]{0,40}\d{4}[\w ,.:/-]{0,20})"
    r"|(?i:(?:\u00a9|\(c\)|copyright)\s.*)",
)
_DATE_WORDS = re.compile(
    r"\b(?:\d{1,2}:\d{2}|[ap]\.?m\.?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|updated|published|posted|\d{4})",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_NAME_CONNECTORS = frozenset(
    {"and", "of", "de", "al", "van", "von", "bin", "la", "le", "the", "with", "&", "da", "du"}
)
_CLOSERS = "\"'\u201d\u2019)]"  # what may follow the terminal punctuation of a sentence
_OPINION = re.compile(
    r"\b(?:I\s+think|I\s+feel|I\s+believe|in\s+my\s+(?:view|opinion)|we\s+hope|hopefully|amazing|awesome"
    r"|terrible|wonderful|beautiful|shocking|stunning|outrageous|disgraceful)\b",
    re.IGNORECASE,
)
_OPINION_TRIGGERS = frozenset(
    words(
        """think feel believe my hope hopefully amazing awesome terrible wonderful beautiful
        shocking stunning outrageous disgraceful"""
    )
)
MIN_WORDS = 3

# Links to other stories: "Read more: <headline>", "READ MORE", "Related: ...", "See also: ...". The label
# opens the line and is followed by a colon (or a pipe, a dash, an arrow) or by nothing at all.
_LINK_LABEL = (
    r"(?:read\s+(?:more|next|also)|also\s+read|related(?:\s+(?:articles?|stories|story|coverage|content"
    r"|links?|reading|news))?|see\s+also|more\s+on\s+this(?:\s+story)?|further\s+reading|recommended"
    r"(?:\s+reading)?|don'?t\s+miss|more\s+coverage|watch|listen)"
)
_LINK_LINE = re.compile(
    rf"^[ \t]*(?:[*_#>]+[ \t]*)?{_LINK_LABEL}[ \t]*(?:[*_]+[ \t]*)?(?P<sep>[:|>\u00bb\u2013\u2014-]|$)[^\n]*",
    re.IGNORECASE | re.MULTILINE,  # matched at a line's start only (``link_line_end``)
)
_LINK_SENTENCE = re.compile(
    rf"(?:[*_#>]+\s*)?{_LINK_LABEL}\s*(?:[*_]+\s*)?[:|>\u00bb\u2013\u2014-]", re.IGNORECASE
)
_EDITED_NOTE = re.compile(
    r"interview\s+(?:has\s+been|was|have\s+been)\s+(?:lightly\s+)?(?:edited|condensed)", re.IGNORECASE
)
_NEXT_LINE = re.compile(r"\n[ \t]*([^\n]+)")
_LINK_HEADLINE_WORDS = 20  # a headline under a bare "READ MORE" line is short


def link_line_end(text: str, line_start: int) -> int | None:
    """Where the line of ``text`` starting at ``line_start`` ends if it links to other stories ("Read more:
    <headline>", "READ MORE", "Related: ...", "See also: ..."), else None. A bare label line takes the short
    line right under it (the headline it labels) with it."""
    match = _LINK_LINE.match(text, line_start)
    if match is None:
        return None
    end = match.end()
    if not match.group("sep"):
        headline = _NEXT_LINE.match(text, end)
        if headline is not None and headline.group(1).count(" ") < _LINK_HEADLINE_WORDS:
            end = headline.end()
    return end


def is_non_claim(sentence: str, kind: SegmentKind, *, view: LowerView | None = None) -> bool:
    """Whether a segment is boilerplate, a byline, a dateline, a heading, a caption, a question or a fragment.

    ``view``: the sentence's ``lower_view`` when the caller already has it.
    """
    if kind == "heading":
        return True
    if (
        len(sentence) < 70
        and _BOILERPLATE.fullmatch(sentence)
        and not _NOUN_LABEL_IN_A_SENTENCE.match(sentence)
    ):
        return True
    if "interview" in sentence and _EDITED_NOTE.search(sentence):
        return True  # "This interview has been edited for length and clarity."
    if _LINK_SENTENCE.match(sentence):
        return True  # "Read more: <headline>", "Related: ...": a link to another story
    if len(sentence) < 120 and _BYLINE.match(sentence) and sentence.count(" ") < 15:
        return True
    if "contributed" in (view.text if view else sentence.lower()) and _CONTRIBUTED.search(sentence):
        return True
    if "|" in sentence and sentence.count(" ") < 12:
        return True  # "Mike Stone | World Affairs Editor"
    words = _WORD.findall(sentence)
    if sentence.endswith(":") and len(words) <= 8:
        return True  # "Results by district:" introduces a list
    if len(words) < MIN_WORDS:
        return True
    if sentence.rstrip(_CLOSERS).endswith("?"):
        return True  # a question asserts nothing
    if len(words) <= 12 and _DATELINE.fullmatch(sentence) and _DATE_WORDS.search(sentence):
        return True
    if len(words) <= 12 and _DATELINE.fullmatch(sentence) and sentence.isupper():
        return True
    # A caption that only names people or things: no lower-case word but connectors.
    if all(w[0].isupper() or w.lower() in _NAME_CONNECTORS for w in words):
        return True
    # A line without terminal punctuation that reads like a heading or caption (title case, short).
    if len(words) <= 15 and not _ends_like_a_sentence(sentence):
        capitalised = sum(1 for w in words if w[0].isupper())
        if capitalised * 2 >= len(words):
            return True
    return False


def _ends_like_a_sentence(sentence: str) -> bool:
    """Terminal punctuation, possibly inside closing quotes or brackets, or a closing quote."""
    return sentence.rstrip(_CLOSERS).endswith((".", "!", "?", "\u2026")) or sentence.endswith(
        ('"', "'", "\u201d", "\u2019")
    )


def checkworthiness(
    sentence: str,
    *,
    view: LowerView | None = None,
    quantities: int,
    entities: int,
    attributed: bool,
    has_time: bool,
    negated: bool,
    hedged: bool,
) -> float:
    """A 0..1 score: numbers, attributions, named entities and dates up; opinion, hedging and filler down.

    ``view``: the sentence's ``lower_view`` when the caller already has it.
    """
    score = 0.3
    score += min(quantities, 2) * 0.15
    score += min(entities, 3) * 0.07
    score += 0.12 if attributed else 0.0
    score += 0.06 if has_time else 0.0
    score += 0.04 if negated else 0.0
    score -= 0.08 if hedged else 0.0
    if not _OPINION_TRIGGERS.isdisjoint((view or lower_view(sentence)).words) and _OPINION.search(sentence):
        score -= 0.2
    words = sentence.count(" ") + 1
    if words < 8:
        score -= 0.1
    elif words > 60:
        score -= 0.05
    return round(min(1.0, max(0.0, score)), 3)
