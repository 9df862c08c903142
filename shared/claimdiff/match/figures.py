"""Figures of one thing: two claims' numbers paired by what they count, not by the clause they sit in.

Outlets put one figure in different sentences: "closed a five-day conservative conference" and "the
closing speaker of a three-day conservative conference"; "the effective federal tax rate for 2014 was
30.7 percent" and "paid an effective federal tax rate of 35.7 percent"; "Lieberman, 68," and "Mr.
Lieberman, 75,". The clauses do not align (different predicates), but each figure's frame does: the
content words right around it (what it counts, whose it is). A figure conflicts with another when
the two frames share a nearest word and at least three words in all, the units agree, neither claim
has another figure of that unit (which figure answers which would be a guess), and nothing dates
the claims apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from claimdiff.extract.quantities import AGE, TALLY
from claimdiff.match.features import ClaimView, Finding, evidence_at, quantities_compatible, unit_key
from claimdiff.match.lexicon import STOP_WORDS
from claimdiff.models import Quantity, ReasonCode, Span

_REACH = 3  # content words on each side of a figure that say what it counts
_MIN_SHARED = 3
# A frame stops at what ends a phrase: a clause's punctuation, a parenthesis, a quotation mark. Not a
# period: inside one claim it ends an abbreviation ("T.P.S. protection", "Gov. Kell"), not a phrase.
_FRAME_BREAK = re.compile(r"[;:()\[\]\u2014\u2013\"\u201c\u201d]")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A figure, the content stems around it, and the nearest one on each side.
_Figure = tuple[Quantity, frozenset[str], frozenset[str]]


def _frame(view: ClaimView, figure: Span) -> tuple[frozenset[str], frozenset[str]]:
    """The content stems around a figure (up to ``_REACH`` each side) and its nearest ones."""
    text, tokens = view.claim.text, view.tokens
    before = [t for t in tokens if t.end <= figure.start]
    after = [t for t in tokens if t.start >= figure.end]
    words: list[str] = []
    nearest: list[str] = []
    for side, edge in ((reversed(before), figure.start), (iter(after), figure.end)):
        taken, last = 0, edge
        for token in side:
            gap = text[min(last, token.end) : max(last, token.start)]
            if _FRAME_BREAK.search(gap):
                break
            last = token.start if token.end <= edge else token.end
            if token.lower in STOP_WORDS or not token.lower[:1].isalpha():
                continue
            if taken == 0:
                nearest.append(token.stem)
            words.append(token.stem)
            taken += 1
            if taken == _REACH:
                break
    return frozenset(words), frozenset(nearest)


def _figures(view: ClaimView) -> list[_Figure]:
    """The claim's figures with their frames (years are dates, compared as times, not here)."""
    found = []
    for figure in view.quantities:
        if figure.value is None or (figure.unit is None and _YEAR.fullmatch(figure.text.strip())):
            continue
        words, nearest = _frame(view, figure)
        found.append((figure, words, nearest))
    return found


def _same_thing(x: _Figure, y: _Figure) -> bool:
    (qx, words_x, near_x), (qy, words_y, near_y) = x, y
    if qx.unit == qy.unit == AGE:
        return bool(near_x & near_y)  # an age beside one name is that person's: nothing else to share
    return unit_key(qx) == unit_key(qy) and bool(near_x & near_y) and len(words_x & words_y) >= _MIN_SHARED


def _years(view: ClaimView) -> frozenset[str]:
    return frozenset(_YEAR.findall(view.claim.text))


def distinct_periods(a: ClaimView, b: ClaimView) -> bool:
    """Whether two claims name different years: "the rate for 2014" and "from 2007 through 2014",
    "earned $141 million from 2007 to 2014" and "$20 million between 2011 and 2014" count two periods,
    so their figures are two figures."""
    years_a, years_b = _years(a), _years(b)
    return bool(years_a and years_b and years_a != years_b)


def figure_conflict(a: ClaimView, b: ClaimView) -> Finding | None:
    """Two figures of one thing that cannot both be true, paired by their frames (None if none)."""
    if not a.quantities or not b.quantities or distinct_periods(a, b):
        return None
    figures_a, figures_b = _figures(a), _figures(b)
    for x in figures_a:
        partners = [y for y in figures_b if _same_thing(x, y)]
        if len(partners) != 1 or quantities_compatible(x[0], partners[0][0]):
            continue
        y = partners[0]
        if any(
            unit_key(other[0]) == unit_key(x[0]) for other in (*figures_a, *figures_b) if other not in (x, y)
        ):
            # Two rates, two counts in one claim ("35.7 percent ... over 10 percent"): which figure
            # answers which is guesswork, and a wrong guess is a false flag.
            continue
        return Finding(
            "quantity",
            (
                evidence_at("a", a, x[0].start, x[0].end, "quantity"),
                evidence_at("b", b, y[0].start, y[0].end, "quantity"),
            ),
        )
    return None


def frames_apart(a: ClaimView, b: ClaimView, finding: Finding) -> bool:
    """Whether a quantity finding's two figures count different things: no content word right beside
    one figure is right beside the other ("buying a $43,000 Rolex watch" against "use of $750,000 in
    campaign money": one item against the total), the test ``figure_conflict`` pairs figures by."""
    at = {e.side: e for e in finding.evidence}
    if "a" not in at or "b" not in at:
        return False
    if any(q.unit == TALLY and q.start == at["a"].start for q in a.quantities):
        return False  # a vote's tally counts the vote, whatever words sit beside it
    _, near_a = _frame(a, Span(text=at["a"].text, start=at["a"].start, end=at["a"].end))
    _, near_b = _frame(b, Span(text=at["b"].text, start=at["b"].start, end=at["b"].end))
    return bool(near_a and near_b) and not near_a & near_b


# A check's finding: the article's sentence (index), the share of the claim slot's frame words it
# holds, and the conflict's evidence.
Misgiven = tuple[int, float, Finding]


def misreported_figure(
    claim: ClaimView, sentences: Sequence[ClaimView], weight: Callable[[str], float]
) -> Misgiven | None:
    """The claim's figure that an article gives otherwise, as check asks it, or None.

    The article reports the thing in its own sentence ("It passed in a 296-9 vote" / "the House
    voted 396-9 on a bill"): the claim's figure (with a unit: a bare number could count anything) is
    misreported when the article never gives it, yet gives a figure of that unit; the one whose frame
    holds the most of the claim figure's context words (IDF-weighted share) is returned.
    """
    years = _years(claim)
    given = [
        (index, figure)
        for index, sentence in enumerate(sentences)
        # "the rate for 2014" and "from 2007 through 2014": two periods, two figures (figure_conflict)
        if not (years and _years(sentence) and _years(sentence) != years)
        for figure in _figures(sentence)
    ]
    best: Misgiven | None = None
    for x in _figures(claim):
        if x[0].unit is None:
            continue
        if x[0].unit == AGE:
            # A person's age is the person's: "Hunter, 51," against "Mr. Hunter, 41," beside the name.
            aged = [(index, y) for index, y in given if y[0].unit == AGE and x[2] & y[2]]
            if aged and not any(quantities_compatible(x[0], y[0]) for _, y in aged):
                index, y = aged[0]
                evidence = (
                    evidence_at("a", claim, x[0].start, x[0].end, "quantity"),
                    evidence_at("b", sentences[index], y[0].start, y[0].end, "quantity"),
                )
                return index, 1.0, Finding("quantity", evidence)
        same_unit = [(index, y[0], y[1]) for index, y in given if unit_key(y[0]) == unit_key(x[0])]
        if same_unit and not any(quantities_compatible(x[0], y) for _, y, _ in same_unit):
            best = _better(
                best,
                _nearest(claim, x[0], x[1], same_unit, sentences=sentences, weight=weight, reason="quantity"),
            )
    return best


def _nearest(
    claim: ClaimView,
    slot: Span,
    words: frozenset[str],
    candidates: Sequence[tuple[int, Span, frozenset[str]]],
    *,
    sentences: Sequence[ClaimView],
    weight: Callable[[str], float],
    reason: ReasonCode,
) -> Misgiven | None:
    total = sum(weight(w) for w in words)
    if not total:
        return None
    share, index, found = max(
        ((sum(weight(w) for w in words & other) / total, index, span) for index, span, other in candidates),
        key=lambda scored: (scored[0], -scored[1]),
    )
    evidence = (
        evidence_at("a", claim, slot.start, slot.end, reason),
        evidence_at("b", sentences[index], found.start, found.end, reason),
    )
    return index, share, Finding(reason, evidence)


def _better(best: Misgiven | None, found: Misgiven | None) -> Misgiven | None:
    if found is None or (best is not None and best[1] >= found[1]):
        return best
    return found
