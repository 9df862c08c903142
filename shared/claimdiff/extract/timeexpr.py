"""Time expressions ("Friday", "on Thursday", "yesterday", "last week", "Jan. 5") resolved to dates, and
what each one anchors in a claim (the event, a statement about it, a deadline, an expiry, a start)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from claimdiff.models import AnchoredTime, Days, TimeAnchor, TimeRef
from claimdiff.text import LowerView, lower_view
from claimdiff.text.lexicon import words

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_RE = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sep(?:tember|t\.|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
# The prepositions that make a year on its own a date ("left the FBI in 2006").
_YEAR_PREPOSITIONS = r"(?:in|since|until|by|before|after)"
# Words that may follow a year that dates something ("in 2010 and", "in 2006 when"): any other word
# makes the year a count ("in 2006 cases").
_AFTER_A_YEAR = (
    r"(?:and|or|but|when|while|after|before|as|to|for|at|on|in|of|from|with|by|that|because|until|the|a)\b"
)
# Matched against the lower-cased view of the text (same offsets): no re.IGNORECASE needed.
_TIME = re.compile(
    r"\b(?:"
    rf"(?P<mdate>{_MONTH_RE}\s+(?P<mday>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<myear>\d{{4}}))?)"
    rf"|(?P<dmonth>(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(?P<dyear>\d{{4}}))?)"
    r"|(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
    r"|(?:(?P<wdq>last|next|this|on|late\s+on|early\s+on|late|early)\s+)?"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?P<relday>yesterday|today|tomorrow|tonight)"
    r"|(?P<relq>last|this|next|past)\s+(?P<relunit>week|month|year|weekend)"
    r"|(?P<ago>(?P<agon>\d+|a|one|two|three|four|five|six|seven|ten)\s+(?P<agou>days?|weeks?|months?|years?)\s+ago)"
    r"|(?:in|by|until|since|before|after|early|late|mid|next|last)[\s-]+(?P<monthonly>january|february|march|april"
    r"|may|june|july|august|september|october|november|december)(?![\s,]+\d)"
    # A year on its own, after the preposition that makes it a date ("left the FBI in 2006"), not a
    # count ("in 2006 cases") or a range ("in 2006-07").
    rf"|{_YEAR_PREPOSITIONS}\s+(?P<yearonly>(?:19|20)\d\d)(?![\d,.]*\s*(?:%|percent)|-\d|\s+(?!{_AFTER_A_YEAR})[a-z])"
    r")\b"
)
_LETTERS = re.compile(r"[a-z]{3,}")
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365, "weekend": 7}


def _month_date(year: int, month: int, day: int, published_on: dt.date | None) -> dt.date | None:
    try:
        resolved = dt.date(year, month, day)
    except ValueError:
        return None
    if published_on is not None and resolved > published_on + dt.timedelta(days=60):
        # "Dec. 30" in an article of Jan. 2: last year's.
        try:
            return dt.date(year - 1, month, day)
        except ValueError:
            return None
    return resolved


def _resolve(match: re.Match[str], published_on: dt.date | None) -> Days | None:
    """The first and last day a time expression may mean (one day for a date or a weekday)."""
    if match.group("monthonly") or match.group("yearonly"):
        return None  # a month or a year names no day; matching compares it by name
    day = _resolve_day(match, published_on)
    if day is not None:
        return day, day
    if published_on is None:
        return None
    if match.group("relq"):
        return _relative_span(match.group("relq").lower(), match.group("relunit").lower(), published_on)
    if match.group("ago"):
        amount_text = match.group("agon").lower()
        amount = int(amount_text) if amount_text.isdigit() else _SMALL.get(amount_text, 1)
        unit = match.group("agou").lower().rstrip("s")
        centre = published_on - dt.timedelta(days=amount * _DAYS_PER_UNIT[unit])
        # "Two weeks ago" is a round figure: half a unit either way (a day is a day).
        slack = dt.timedelta(days=_DAYS_PER_UNIT[unit] // 2)
        return centre - slack, centre + slack
    return None


def _resolve_day(match: re.Match[str], published_on: dt.date | None) -> dt.date | None:
    """The day a date, a weekday or "yesterday" names."""
    if match.group("iso"):
        try:
            return dt.date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        except ValueError:
            return None
    if match.group("mdate") or match.group("dmonth"):
        month_word = match.group("mdate") or match.group("dmonth")
        month = next((_MONTHS[w[:3]] for w in _LETTERS.findall(month_word.lower()) if w[:3] in _MONTHS), 0)
        day = int(match.group("mday") or match.group("dday"))
        year_text = match.group("myear") or match.group("dyear")
        if year_text:
            return _month_date(int(year_text), month, day, None)
        if published_on is None or not month:
            return None
        return _month_date(published_on.year, month, day, published_on)
    if published_on is None:
        return None
    if match.group("weekday"):
        target = WEEKDAYS.index(match.group("weekday").lower())
        qualifier = (match.group("wdq") or "").lower()
        delta = (published_on.weekday() - target) % 7
        if qualifier == "next":
            return published_on + dt.timedelta(days=(target - published_on.weekday()) % 7 or 7)
        if qualifier == "last" and delta == 0:
            delta = 7
        return published_on - dt.timedelta(days=delta)  # news reports the past: the latest such day
    if match.group("relday"):
        word = match.group("relday").lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return published_on + dt.timedelta(days=offset)
    return None


def _relative_span(qualifier: str, unit: str, published_on: dt.date) -> Days:
    """The calendar span "last week", "this month", "next year" or "the past month" names.

    "Last week" runs from the Monday of the week before up to the day before publication (writers use
    it for both): a span too wide misses a conflict, one too narrow invents one.
    """
    if qualifier == "past":
        return published_on - dt.timedelta(days=_DAYS_PER_UNIT[unit]), published_on - dt.timedelta(days=1)
    step = {"last": -1, "this": 0, "next": 1}[qualifier]
    if unit in ("week", "weekend"):
        monday = published_on - dt.timedelta(days=published_on.weekday()) + dt.timedelta(weeks=step)
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        last = monday + dt.timedelta(days=6)
        return monday, max(last, published_on - dt.timedelta(days=1)) if step < 0 else last
    if unit == "month":
        month_index = published_on.year * 12 + published_on.month - 1 + step
        first = dt.date(month_index // 12, month_index % 12 + 1, 1)
        following = dt.date((month_index + 1) // 12, (month_index + 1) % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    year = published_on.year + step
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# Gates: ``_TIME`` cannot match a sentence without one of these words (or a digit with a month or "-").
_TIME_WORDS = frozenset(
    (
        *WEEKDAYS,
        *(m for m in _MONTHS if len(m) > 3),
        "may",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "week",
        "month",
        "year",
        "weekend",
        "ago",
    )
)
_MONTH_WORDS = frozenset(_MONTHS)
# Every word that names a day or a month ("sept", "monday"): the one list other modules read.
TIME_NAMES = frozenset(WEEKDAYS) | _MONTH_WORDS | frozenset(["yesterday", "today", "tomorrow", "tonight"])
_HAS_DIGIT = re.compile(r"\d")


_YEAR_ON_ITS_OWN = re.compile(rf"\b{_YEAR_PREPOSITIONS}\s+(?:19|20)\d\d\b")


def _may_contain_time(text: str, view: LowerView) -> bool:
    """A cheap test that skips the full scan for most sentences without a time expression."""
    if not _TIME_WORDS.isdisjoint(view.words):
        return True
    if _HAS_DIGIT.search(text) is None:
        return False
    return (
        "-" in text
        or not _MONTH_WORDS.isdisjoint(view.words)
        or _YEAR_ON_ITS_OWN.search(view.text) is not None
    )


def find_times(
    text: str, published_on: dt.date | None = None, *, view: LowerView | None = None
) -> list[TimeRef]:
    """Every time expression in ``text`` (offsets into ``text``), dated against ``published_on``."""
    found: list[TimeRef] = []
    view = view or lower_view(text)
    if not _may_contain_time(text, view):
        return found
    for match in _TIME.finditer(view.text):
        start, end = match.span()
        surface = text[start:end]
        if match.group("weekday") is None and surface.isupper() and len(surface) < 4:
            continue
        if match.group("mdate") and surface.startswith("May") and not match.group("mday"):
            continue
        days = _resolve(match, published_on)
        first, last = days or (None, None)
        found.append(
            TimeRef(text=surface, start=start, end=end, date=first, until=last if last != first else None)
        )
    return found


def find_time(
    text: str, published_on: dt.date | None = None, *, view: LowerView | None = None
) -> TimeRef | None:
    """The first time expression of ``text``, or None."""
    times = find_times(text, published_on, view=view)
    return times[0] if times else None


# ---------------------------------------------------------------- what a time anchors

_DEADLINE = re.compile(r"\b(?:by|until|till|before|no later than|deadline\w*(?:\s+of)?)\s*$", re.IGNORECASE)
_EXPIRY = re.compile(r"\b(?:expir\w*|runs? out|ends?|lapses?)\b", re.IGNORECASE)
_START = re.compile(r"\b(?:takes? effect|effective|goes? into effect|begins?|starts?)\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)
# A time that names a thing rather than dating the clause's act: "the Monday session", "Thursday
# night's meeting" (a determiner before it and a noun after it, or a possessive).
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"^\s+([a-z]+)")
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
# A time inside a subordinate clause dates that clause's act: "called for it after indictments were
# announced Friday" (the subordinator, then at least two words, no comma, up to the time).
_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|when|while|once)\s+[^\s,;]+(?:\s+[^\s,;]+)+\s+$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_STATEMENT_REACH = 30  # characters between a speech cue and a time that dates the statement
# Words that open what was said: a time after them dates the reported event ("said he pleaded guilty
# on Wednesday"), not the statement ("said on Wednesday", "told reporters Wednesday").
_OPENS_CONTENT = re.compile(r"\b(?:that|he|she|they|it|we|i|you)\b", re.IGNORECASE)


_WEEKDAY = re.compile("|".join(WEEKDAYS), re.IGNORECASE)
_MONTH_NAME = re.compile(
    r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?",
    re.IGNORECASE,
)


def time_kind(key: str) -> str:
    """The kind of a time key: "weekday:monday" -> "weekday" (times of one kind compare by value)."""
    return key.split(":", 1)[0]


def time_key(text: str) -> str | None:
    """A time expression by name, for comparing times that have no resolved date ("weekday:monday")."""
    weekday = _WEEKDAY.search(text)
    if weekday:
        return f"weekday:{weekday.group().lower()}"
    month = _MONTH_NAME.search(text)
    if month:
        day = re.search(r"\d{1,2}", text)
        name = month.group().lower()[:3]
        return f"date:{name}-{day.group()}" if day else f"month:{name}"
    year = _YEAR.search(text)
    return f"year:{year.group()}" if year else None


def _dates_the_statement(text: str, time: TimeRef, cue_at: int | None, cue: str | None) -> bool:
    """Whether a time dates the speech cue's statement: right before the cue ("Friday said"), or
    shortly after it and before what was said begins ("said on Friday that", "told reporters Friday")."""
    if cue_at is None or not cue:
        return False
    cue_end = cue_at + len(cue)
    after = 0 <= time.start - cue_end <= _STATEMENT_REACH and not _OPENS_CONTENT.search(
        text[cue_end : time.start]
    )
    return after or 0 <= cue_at - time.end <= 3


def _names_a_thing(text: str, time: TimeRef, before: str) -> bool:
    """Whether a time modifies a noun ("the Monday session", "Thursday night's meeting") instead of
    dating the clause's act."""
    after = text[time.end : time.end + 30]
    if _POSSESSIVE_AFTER.search(after):
        return True
    word = _WORD_AFTER.search(after)
    return bool(_DETERMINER_BEFORE.search(before) and word and word.group(1) not in _NOT_A_NOUN_AFTER)


# Words after a time that show it names no thing ("the Monday after the election", "Friday night").
_NOT_A_NOUN_AFTER = frozenset(
    words(
        "after before and or but to at in on of for with by from that which who as when while than is was "
        "were are be been will would night morning afternoon evening"
    )
)


def anchor_times(
    text: str, times: Sequence[TimeRef], cue_at: int | None, cue: str | None
) -> list[AnchoredTime]:
    """What each time expression dates: the event, the statement about it, a deadline, an expiry, a start."""
    anchored = []
    for time in times:
        before = text[max(0, time.start - 40) : time.start]
        anchor: TimeAnchor = "event"
        if _names_a_thing(text, time, before):
            anchor = "other"
        elif _dates_the_statement(text, time, cue_at, cue):
            anchor = "statement"
        elif _DEADLINE.search(before) or time.text.lower().startswith(("until", "by ", "before")):
            anchor = "deadline"
        elif _SINCE.search(before) or time.text.lower().startswith("since"):
            anchor = "start"
        elif _EXPIRY.search(before[-20:]):
            anchor = "expiry"
        elif _START.search(before[-20:]):
            anchor = "start"
        elif _SUBORDINATE_BEFORE.search(before):
            anchor = "other"
        anchored.append(AnchoredTime(**time.model_dump(), anchor=anchor, key=time_key(time.text)))
    return anchored
