"""Quantities: numbers with their unit and the interval an approximation stands for.

Public API (also used by the matching engine):

- ``find_quantities(text) -> list[Quantity]``: every quantity in ``text`` with offsets into ``text``
  (``text[q.start:q.end] == q.text``), e.g. "1.8 million people" (value 1.8e6, unit "people"),
  "more than two hours" (low 2, high None, unit "hour"), "five-year" (5, "year"), "about 40%"
  (36..44, "%"), "$2.5 billion" (2.5e9, "USD"), "between 10 and 20" (10..20).

Units that follow the number are kept: "25 basis points" (unit "basis point"), "a 34-year-old" (unit "age"),
"two cable news networks" (adjectives and noun modifiers up to the counted noun). Fractions of a whole are
percentages: "roughly one quarter" (25 +- 10%), "three-quarters", "half of" ("the second half" is no share).

Approximations become intervals: "about/around/roughly/some X" is X +- 10%, "nearly/almost/close to X"
is [0.9X, X], "more than/over/at least X" has no upper bound, "fewer than/up to/under X" no lower bound.
Years ("in 2016"), days of the month ("Jan. 5"), clock times and identifiers ("F-16", "Resolution 2254",
"No. 3") are not quantities. Bare word numbers ("the two shook hands") need a unit, a scale or a modifier
to count; digits always count.
"""

from __future__ import annotations

import re

from claimdiff.models import Quantity
from claimdiff.text import LowerView, lower_view
from claimdiff.text.lexicon import words

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12,
}  # fmt: skip
_VAGUE = {  # plural scale words used as numbers: (low, high)
    "dozens": (24.0, 99.0), "scores": (40.0, 99.0), "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0), "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0), "millions": (2e6, 999999999.0),
    "billions": (2e9, 999999999999.0),
}  # fmt: skip
_CURRENCIES = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD", "a$": "AUD", "nz$": "NZD",
    "hk$": "HKD", "s$": "SGD", "₹": "INR", "₩": "KRW", "₽": "RUB",
}  # fmt: skip
# ISO codes written before an amount ("EUR 40 million", "CHF 300"): only in capitals, so that "try 5" is no lira.
_CURRENCY_CODES = frozenset(
    words("usd eur gbp chf jpy cny cad aud nzd hkd sgd inr krw rub sek nok dkk pln czk huf brl mxn zar try")
)
_CURRENCY_CODE = "|".join(sorted(_CURRENCY_CODES))
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yuan": "CNY",
    "rubles": "RUB", "roubles": "RUB", "yen": "JPY",
}  # fmt: skip

# (modifier, kind): how the modifier turns a number into an interval.
_MODIFIERS = {
    "more than": "above", "over": "above", "above": "above", "in excess of": "above", "upwards of": "above",
    "exceeding": "above", "at least": "above", "a minimum of": "above", "no fewer than": "above",
    "no less than": "above", "just over": "just_above", "slightly more than": "just_above",
    "less than": "below", "fewer than": "below", "under": "below", "below": "below", "up to": "below",
    "at most": "below", "no more than": "below", "as many as": "below", "as much as": "below",
    "a maximum of": "below", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "just shy of": "nearly", "about": "about", "around": "about",
    "roughly": "about", "approximately": "about", "approx.": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "within": "below",
    "between": "range", "from": "range",
}  # fmt: skip

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(k for k in _SMALL if _SMALL[k] < 10) + r"))?"
    r"|"
    + "|".join(sorted(_SMALL, key=len, reverse=True))
    + r"|a\s+dozen|a(?=\s+(?:hundred|thousand|million|billion)\b))"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_LONG_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_SHORT_SCALE = r"(?:bn|mn|tn|m|k)"
_MODIFIER = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(_MODIFIERS, key=len, reverse=True))
_VAGUE_RE = r"(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|billions)(?=\s+of\b)"

# Fractions of a whole, read as percentages: "one-third", "three-quarters", "two thirds of", "a quarter of",
# "half of". Written with a space they need "of" (or the end of the clause) after them: "three quarters" alone
# may count fiscal quarters, "an hour and a half" is no share; "half" needs what it is half of.
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_SINGULAR_DENOMINATOR = r"(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_PLURAL_DENOMINATOR = r"(?:halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths)"
_NUMERATOR = r"(?:two|three|four|five|six|seven|eight|nine)"
_FRACTION_END = r"(?=\s+of\b|\s*[.,;:!?)]|\s*$)"
_FRACTION = (
    rf"one-(?:half|{_SINGULAR_DENOMINATOR})(?![\w-])"
    rf"|(?:a|one)\s+{_SINGULAR_DENOMINATOR}{_FRACTION_END}"
    r"|(?:a|one)\s+half(?=\s+of\b)"
    rf"|{_NUMERATOR}-{_PLURAL_DENOMINATOR}(?![\w-])"
    rf"|{_NUMERATOR}\s+{_PLURAL_DENOMINATOR}{_FRACTION_END}"
    r"|\bhalf(?=\s+(?:of|the|its|their|his|her|our|all|them|those|these)\b)"
)
# "the second half of the season", "the other half": a part, not a share.
_NOT_BEFORE_HALF = frozenset(
    words("first second third final last latter former other back front top bottom upper lower")
)

# Odds and shares: "one in five Americans", "a 1-in-10 chance", "three out of four voters": a share of a
# whole, read as a percentage (the five are not five Americans).
_RATIO_TERM = rf"(?:\d{{1,3}}(?![\d,.])|\b(?:{'|'.join(sorted(_SMALL, key=len, reverse=True))}|{'|'.join(_TENS)}|hundred)\b)"
_RATIO = rf"(?P<rn>{_RATIO_TERM})(?:\s+|-)(?:in|out\s+of)(?:\s+|-)(?P<rd>{_RATIO_TERM})(?![\w-])"

# Matched against the lower-cased view of the text (``claimdiff.text.lower_view``: same offsets), so it needs
# no re.IGNORECASE; every group is read case-insensitively and surfaces are sliced from the original text.
_CURRENCY_SIGN = r"(?:(?:us|c|a|nz|hk|s)\$|[$€£¥₹₩₽])"
_QUANTITY = re.compile(
    rf"(?<![\w.,$€£¥₹₩₽-])(?:(?P<mod>{_MODIFIER})\s+)?"
    r"(?:"
    rf"(?P<cur>{_CURRENCY_SIGN}\s?|(?:{_CURRENCY_CODE})\s)(?P<c1>{_DIGITS}|{_WORD_NUMBER})"
    rf"(?:(?:\s|-)?(?P<cs1>{_LONG_SCALE}|{_SHORT_SCALE})\b)?"
    rf"(?:\s?(?:-|to|and)\s?(?:{_CURRENCY_SIGN}|(?:{_CURRENCY_CODE})\s)?(?P<c2>{_DIGITS})"
    rf"(?:(?:\s|-)?(?P<cs2>{_LONG_SCALE}|{_SHORT_SCALE})\b)?)?"
    rf"|(?P<vague>{_VAGUE_RE})"
    rf"|(?P<frac>{_FRACTION})"
    rf"|(?P<ratio>{_RATIO})"
    rf"|(?P<n1>{_DIGITS}(?![\d:A-Za-z])|\b{_WORD_NUMBER}\b)(?:(?:\s+|-)(?P<s1>{_LONG_SCALE})s?\b)?"
    r"(?P<pct1>\s?%|\s+percent\b)?"
    rf"(?:(?:\s?[-\u2013]\s?|\s+(?:to|and)\s+)(?P<n2>{_DIGITS}(?![\d:])|\b{_WORD_NUMBER}\b)"
    rf"(?:\s+(?P<s2>{_LONG_SCALE})\b)?)?"
    r")"
    r"(?P<pct>\s?%|\s+percent(?:age\s+points?)?\b|\s+per\s+cent\b)?"
    r"(?P<bound>\s+or\s+(?:less|fewer|more|greater|higher|lower|above|below))?"
    r"(?:(?P<sep>-|\s+)(?P<unit>[A-Za-z]+(?:-[a-z]+)?))?"
)

_KNOWN_UNITS = frozenset(
    words(
        """people person persons men women children civilians soldiers troops fighters residents
        refugees percent km kilometres kilometers kilometre kilometer miles mile metres meters
        metre meter feet foot inches tons tonnes tonne kg kilograms pounds lbs barrels bpd mph
        kph degrees points votes seats jobs years year months month weeks week days day hours
        hour minutes minute seconds second dollars euros yuan rubles roubles yen police staff bps
        personnel cattle sheep fish aircraft times cases deaths dead injured wounded killed homes
        houses acres hectares"""
    )
)
_NOT_UNITS = frozenset(
    words(
        """is was has this its his hers ours yours theirs as us yes less unless across always
        perhaps news thus plus whereas besides towards afterwards sometimes says gets makes goes
        does takes comes seems means remains includes involves shows adds puts sets lets runs
        tells asks turns keeps gives lives stands alas bus gas chaos lens status bias focus
        census virus bonus campus thesis crisis basis analysis series species corps ones others"""
    )
)
# Nouns among them that modify a following noun ("two cable news networks", "25 basis points", "five gas
# stations"): not a unit themselves, but the counted noun may follow them.
_NOUN_MODIFIERS_IN_S = frozenset(
    words(
        """news bus gas chaos lens status bias focus census virus bonus campus thesis crisis basis
        analysis series species corps"""
    )
)
AGE = "age"  # the unit of "Hunter, 41," and "a 34-year-old"
# "a 34-year-old man": an age; "a six-month-old baby": a measure in months.
_AGE_UNITS = {"year-old": AGE, "month-old": "month", "week-old": "week", "day-old": "day"}
_MONTHS = frozenset(
    words(
        """jan jan. january feb feb. february mar mar. march apr apr. april may jun jun. june jul
        jul. july aug aug. august sep sep. sept sept. september oct oct. october nov nov.
        november dec dec. december"""
    )
)
_SCORE = re.compile(r"\d{1,3}[-\u2013]\d{1,3}")
_PREVIOUS_TOKEN = re.compile(r"(\S+)\s*$")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m\.?|GMT|UTC|EST|EDT|ET|BST|CET)\b|:\d", re.IGNORECASE)
_UNIT_SINGULAR = {"people": "people", "persons": "person", "men": "man", "women": "woman", "children": "child",
                  "feet": "foot", "police": "police", "staff": "staff", "personnel": "personnel",
                  "bps": "basis point", "bp": "basis point"}  # fmt: skip


TALLY = "tally"  # the unit of "134 to 63": two counts of one vote or game


def tally_counts(quantity: Quantity) -> tuple[float, ...]:
    """The counts of a tally ("134 to 63" -> (134.0, 63.0)); empty for other quantities."""
    if quantity.unit != TALLY:
        return ()
    return tuple(float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", quantity.text))


def _number(token: str) -> float | None:
    """The value of a digit string or an English number word ("1,800", "2.5", "twenty-five", "a dozen")."""
    cleaned = token.replace(",", "").lower()
    try:
        return float(cleaned)
    except ValueError:
        pass
    cleaned = " ".join(cleaned.split())
    if cleaned in ("a dozen",):
        return 12.0
    if cleaned == "a":
        return 1.0
    if "-" in cleaned:
        tens, _, unit = cleaned.partition("-")
        return float(_TENS.get(tens, 0) + _SMALL.get(unit, 0))
    if cleaned in _SMALL:
        return float(_SMALL[cleaned])
    if cleaned in _TENS:
        return float(_TENS[cleaned])
    return None


def _scaled(value: float | None, scale: str | None) -> float | None:
    if value is None or not scale:
        return value
    return value * _SCALES.get(scale.lower().rstrip("s") if len(scale) > 2 else scale.lower(), 1.0)


def _unit_ok(word: str, separator: str) -> bool:
    lower = word.lower()
    if separator == "-":
        if lower in _AGE_UNITS:
            return True
        return len(lower) >= 2 and lower.isalpha() and lower not in {"to", "and", "or", "the", "a"}
    if lower in _KNOWN_UNITS or lower in _CURRENCY_WORDS:
        return True
    if lower in _NOT_UNITS or len(lower) < 4:
        return False
    if lower.endswith("men") and len(lower) > 4:
        return True  # fishermen, servicemen
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))


def _unit_name(word: str) -> str:
    lower = word.lower()
    if lower in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[lower]
    if lower in _UNIT_SINGULAR:
        return _UNIT_SINGULAR[lower]
    if lower in _AGE_UNITS:
        return _AGE_UNITS[lower]
    if lower in ("percent",):
        return "%"
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return lower[:-1]
    return lower


def _interval(kind: str | None, value: float) -> tuple[float | None, float | None]:
    if kind == "above":
        return value, None
    if kind == "just_above":
        return value, value * 1.1
    if kind == "below":
        return None, value
    if kind == "nearly":
        return value * 0.9, value
    if kind == "about":
        return value * 0.9, value * 1.1
    return value, value


def _is_excluded(text: str, match: re.Match[str], number: str, has_unit: bool) -> bool:
    """Years, days of the month, clock times and identifiers look like numbers but are not quantities."""
    if match.group("mod") or match.group("pct") or match.group("pct1") or match.group("s1") or has_unit:
        return False
    start = match.start("n1")
    previous = _PREVIOUS_TOKEN.search(text, max(0, start - 24), start)
    previous_token = previous.group(1) if previous else ""
    lowered_previous = previous_token.lower()
    if lowered_previous in _MONTHS or lowered_previous in ("no.", "no", "number", "#", "nos."):
        return True
    if _CLOCK_AFTER.match(text, match.end("n1")):
        return True
    if (
        not number[0].isdigit()
        and number.lower() not in ("one", "a")
        and _OF_FOLLOWS.match(text, match.end("n1"))
    ):
        return False  # "Five of the seven council members"
    digits = number.replace(",", "")
    if digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100 and "," not in number:
        return True
    if not number[0].isdigit():
        return True  # bare word numbers need a unit, a scale or a modifier
    if match.group("n2") and _SCORE.fullmatch(text, start, match.end("n2")):
        return False  # "beat Harbor City 3-2": a score after a name, not an identifier
    # "Resolution 2254", "Article 5", "Flight 17": a capitalised name right before the number.
    return bool(
        previous_token[:1].isupper()
        and previous_token.isalpha()
        and previous is not None
        and previous.start() > 0
        and text[: previous.start()].rstrip()[-1:] not in (".", "!", "?", "", "\n", '"', "\u201c")
    )


# Up to three lower-case words after a number, the last of which is the counted noun:
# "30 new jets", "24 police officers", "14 full-time workers".
_NOUN_PHRASE = re.compile(r"(?:\s+[a-z][a-z]*(?:-[a-z]+)*){1,3}")
# After a count that is no year, capitalised words too: "23 Senate Democrats", "12 House Republicans"
# (not "in 2018 Senate Democrats").
_NAMED_NOUN_PHRASE = re.compile(r"(?:\s+[A-Za-z][a-z]*(?:-[a-z]+)*){1,3}")
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
_PHRASE_STOP = frozenset(
    words(
        """the a an of to in on at for from by with and or but as than that which who whom whose
        this these those it its their his her our my your was were is are be been being had has
        have will would could should may might can do does did not no per each every more most
        less least few many much all some any other such only also just very so too about over
        under into onto up down out off then there here ago year years day days week weeks month
        months hour hours minute minutes percent shook met said went came took made gave left
        told saw held ran won lost sat stood spoke got put set cut hit let began became brought
        bought built caught fell felt fought found kept knew led meant paid sent sold struck
        thought threw wrote drove rose grew flew after before since until during against among
        between through without within behind near across around toward towards"""
    )
)
_OF_FOLLOWS = re.compile(r"\s+of\s+(?:the|them|those|these|whom|which|its|their)\b", re.IGNORECASE)


def _extend_to_noun(text: str, end: int, *, named: bool = False) -> int:
    """Extend a quantity over modifiers to its counted noun; return the new end (or ``end``).
    ``named``: capitalised modifiers and nouns may be part of it."""
    phrase = (_NAMED_NOUN_PHRASE if named else _NOUN_PHRASE).match(text, end)
    if phrase is None:
        return end
    best = end
    cursor = end
    for word_match in re.finditer(r"\s+([A-Za-z][a-z-]*)", phrase.group()):
        word = word_match.group(1).lower()
        cursor = end + word_match.end()
        if _unit_ok(word, " "):
            best = cursor
            continue
        if word in _NOUN_MODIFIERS_IN_S or word in _INCREMENTS:
            continue  # "three more years" counts years
        if word in _PHRASE_STOP or word.endswith(("ly", "ed")) or word in _NOT_UNITS:
            break
    return best


_INCREMENTS = frozenset(["more", "additional", "extra", "further"])
_HAS_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    [
        *_SMALL,
        *_TENS,
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        *_FRACTIONS,
    ]
)


def _may_contain_quantity(text: str, view: LowerView) -> bool:
    """A cheap test: every quantity has a digit or a number word."""
    return not _NUMBER_WORDS.isdisjoint(view.words) or _HAS_DIGIT.search(text) is not None


def find_quantities(text: str, *, view: LowerView | None = None) -> list[Quantity]:
    """Find the quantities in ``text``; offsets are into ``text`` (``view``: its ``lower_view``, if known)."""
    found: list[Quantity] = []
    view = view or lower_view(text)
    if not _may_contain_quantity(text, view):
        return found
    for match in _QUANTITY.finditer(view.text):
        quantity = _read(text, view.text, match)
        if quantity is not None:
            found.append(quantity)
    return found


def _read(text: str, lowered: str, match: re.Match[str]) -> Quantity | None:
    """The quantity of a ``_QUANTITY`` match in ``lowered`` (the lower-cased ``text``), or None."""
    modifier = match.group("mod")
    kind = _MODIFIERS.get(" ".join(modifier.lower().split())) if modifier else None
    end = match.end()
    unit: str | None = None
    unit_word = match.group("unit")
    if unit_word is not None:
        if _unit_ok(unit_word, match.group("sep")):
            unit = _unit_name(unit_word)
        else:
            end = match.start("sep")
    if match.group("bound"):
        end = match.end("bound")
        bound = match.group("bound").split()[-1].lower()
        kind = "below" if bound in ("less", "fewer", "lower", "below") else "above"
        if unit_word is not None:
            unit_word = None
            unit = None
    if match.group("pct") or match.group("pct1"):
        unit = "%"
        if unit_word is not None:
            end = max(
                match.end(name)
                for name in ("n1", "s1", "pct1", "n2", "s2", "pct", "bound")
                if match.group(name)
            )
    low: float | None
    high: float | None
    value: float | None
    if match.group("cur"):
        currency = match.group("cur").strip()
        if currency.isalpha():
            if not text[match.start("cur") : match.start("cur") + len(currency)].isupper():
                return _read_from(text, lowered, match.start("c1"))  # "try 5 times": a word, not a code
            unit = currency.upper()
        else:
            unit = _CURRENCIES.get(currency, "USD")
        value = _scaled(_number(match.group("c1")), match.group("cs1"))
        second = (
            _scaled(_number(match.group("c2")), match.group("cs2") or match.group("cs1"))
            if match.group("c2")
            else None
        )
        if match.group("unit") is not None and match.group("sep") != "-":
            end = (
                match.end("cs2")
                if match.group("cs2")
                else match.end("c2")
                if match.group("c2")
                else (match.end("cs1") if match.group("cs1") else match.end("c1"))
            )
    elif match.group("frac"):
        return _fraction(text, lowered, match, kind)
    elif match.group("ratio"):
        return _ratio(text, match, kind)
    elif match.group("vague"):
        low, high = _VAGUE[" ".join(match.group("vague").lower().split())]
        end = match.end("vague")
        return Quantity(
            text=text[match.start() : end],
            start=match.start(),
            end=end,
            value=None,
            low=low,
            high=high,
            unit=None,
        )
    else:
        number = match.group("n1")
        if modifier and kind == "range" and not match.group("n2"):
            # "from 5" or "between 5" alone: the modifier is not part of the quantity.
            return _read_without_modifier(text, lowered, match)
        if (unit is None and not match.group("pct1")) or (
            unit_word is not None and unit_word.lower() in _KNOWN_UNITS
        ):
            extended = _extend_to_noun(
                text, end if unit is None else match.start("sep"), named=not _YEAR_LIKE.fullmatch(number)
            )
            if extended > end:
                end = extended
                counted = lowered[match.start() : end].rsplit(maxsplit=2)
                unit = "basis point" if counted[-2:] == ["basis", "points"] else _unit_name(counted[-1])
        if _is_excluded(text, match, number, unit is not None):
            return None
        value = _scaled(_number(number), match.group("s1") or match.group("s2"))
        second = (
            _scaled(_number(match.group("n2")), match.group("s2") or match.group("s1"))
            if match.group("n2")
            else None
        )
        if number.lower() in ("one", "a") and not (unit or match.group("s1") or modifier):
            return None
    if value is None:
        return None
    if second is not None and second >= value:
        low, high = value, second
        value = (value + second) / 2
    elif unit is None and second is None and not modifier and _appositive_age(text, match.start(), end):
        unit = AGE
        low, high = _interval(kind, value)
    elif second is not None and unit is None and kind != "range":
        # "by a vote of 134 to 63", "passed 97-1": a tally, compared number by number.
        unit = TALLY
        low = high = value
    else:
        low, high = _interval(kind, value)
    start = match.start()
    if modifier and kind == "range" and second is None:
        start = match.start("cur") if match.group("cur") else match.start("n1")
    quantity_text = text[start:end].rstrip()
    return Quantity(
        text=quantity_text,
        start=start,
        end=start + len(quantity_text),
        value=value,
        low=low,
        high=high,
        unit=unit,
    )


# "Lieberman, 68, who served ...", "Mr. Lieberman, 75,": a person's age in apposition to the name.
_NAME_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*[a-z]\.?,\s$")
_APPOSITION_AFTER = re.compile(r",\s")


def _appositive_age(text: str, start: int, end: int) -> bool:
    """Whether the bare number at ``text[start:end]`` is an age set off after a name by commas."""
    number = text[start:end]
    return (
        number.isdigit()
        and 0 < int(number) < 120
        and bool(_NAME_BEFORE.search(text, max(0, start - 40), start))
        and bool(_APPOSITION_AFTER.match(text, end))
    )


def _fraction(text: str, lowered: str, match: re.Match[str], kind: str | None) -> Quantity | None:
    """A fraction of a whole ("roughly one quarter", "three-quarters", "half") as a percentage."""
    fraction = match.group("frac")
    parts = fraction.replace("-", " ").split()
    previous = _PREVIOUS_TOKEN.search(lowered, max(0, match.start() - 24), match.start())
    previous_word = previous.group(1) if previous is not None else ""
    if previous_word == "and":
        return None  # "an hour and a half of it", "two and a half": part of another number
    if parts[0] == "half":
        if previous_word in _NOT_BEFORE_HALF:
            return None
        numerator, denominator = 1.0, 2
    else:
        numerator = _number(parts[0]) or 1.0
        denominator = _FRACTIONS[parts[-1]]
    return _share(text, match.start(), match.end("frac"), numerator / denominator, kind)


def _ratio(text: str, match: re.Match[str], kind: str | None) -> Quantity | None:
    """A share given as odds ("one in five", "1-in-10", "three out of four") as a percentage."""
    numerator = _number(match.group("rn")) if match.group("rn") != "hundred" else 100.0
    denominator = _number(match.group("rd")) if match.group("rd") != "hundred" else 100.0
    if not numerator or not denominator or numerator >= denominator:
        return None  # "3 in 2" is no share
    return _share(text, match.start(), match.end("ratio"), numerator / denominator, kind)


def _share(text: str, start: int, end: int, share: float, kind: str | None) -> Quantity:
    """A share of a whole written at ``start:end``, as a percentage (with its interval)."""
    value = round(100.0 * share, 2)
    low, high = _interval(kind, value)
    return Quantity(text=text[start:end], start=start, end=end, value=value, low=low, high=high, unit="%")


def _read_without_modifier(text: str, lowered: str, match: re.Match[str]) -> Quantity | None:
    """Re-read a match whose leading "from"/"between" turned out not to open a range."""
    return _read_from(text, lowered, match.start("n1"))


def _read_from(text: str, lowered: str, start: int) -> Quantity | None:
    """Re-read the quantity that starts at ``start`` without what the first match took before it."""
    again = _QUANTITY.match(lowered, start)
    if again is None or again.group("mod"):
        return None
    return _read(text, lowered, again)
