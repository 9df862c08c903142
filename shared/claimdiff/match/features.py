"""Pair features: rapidfuzz scores, overlaps and the typed mismatches that make a contradiction.

``view(claim)`` reads a claim once (tokens, polarity, quantities, entities, antonym senses);
``findings(a, b)`` lists the typed differences between two views with their evidence spans;
``pair_features(a, b, fuzzy)`` turns both into the named numbers the fitted heads weigh.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from claimdiff.match import signals
from claimdiff.match.lexicon import (
    ANTONYMS,
    IRREGULAR_PAST,
    NEAR_COMPLETION,
    NEGATION_WORDS,
    STOP_WORDS,
    stem,
)
from claimdiff.models import Claim, Evidence, Quantity, ReasonCode
from claimdiff.text import matching_key

FUZZY_SCORERS = {
    "ratio": fuzz.ratio,
    "partial_ratio": fuzz.partial_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
}

FEATURES: tuple[str, ...] = (
    *FUZZY_SCORERS,
    "word_edit_sim",
    "content_jaccard",
    "content_cover_min",
    "content_cover_max",
    "bigram_dice",
    "unmatched_log",
    "len_ratio",
    "len_diff_log",
    "numbers_both",
    "numbers_shared",
    "numbers_unshared",
    "entity_jaccard",
    "entity_unmatched",
    "negation_mismatch",
    "negation_any",
    "antonym",
    "quantity_conflict",
    "modality",
    "hedge_mismatch",
    "speaker_same",
    "speaker_differ",
    "time_conflict",
    "subject_cover",
    "negation_x_subject",
    "antonym_x_subject",
    "negated_extra",
    "asserted_extra",
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
# Exact figures are read as rounded to their last digit, but never looser than this share of the value.
_MAX_ROUNDING = 0.15
# Speaker names this close are one person; quotes this close (speaker left out) are the same words.
_SAME_NAME = 85
_SAME_QUOTE = 85
# How far after a negation cue its head word may sit (in words).
_HEAD_WINDOW = 4
_PARTICLES = {"on": 1, "off": -1}


@dataclass(slots=True)
class ClaimView:
    """A claim read once for matching: every offset is into ``claim.text``."""

    claim: Claim
    key: str
    tokens: tuple[signals.Token, ...]
    content: list[str]
    bigrams: frozenset[tuple[str, str]]
    negation: tuple[tuple[int, int], ...]
    hedges: tuple[tuple[int, int], ...]
    quantities: list[Quantity]
    entity_ids: frozenset[str]
    numbers: frozenset[str]
    senses: dict[str, dict[int, signals.Token]] = field(default_factory=dict)
    near: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def hedged(self) -> bool:
        """Whether the claim is hedged (extraction's flag, or a hedging cue in its text)."""
        return self.claim.hedged or bool(self.hedges)

    @property
    def content_set(self) -> frozenset[str]:
        """The distinct content stems."""
        return frozenset(self.content)


def view(claim: Claim) -> ClaimView:
    """Read a claim for matching."""
    text = claim.text
    toks = signals.tokens(text)
    content = [t.stem for t in toks if t.lower not in STOP_WORDS and t.lower not in NEGATION_WORDS]
    plain = [t.stem for t in toks if t.lower not in NEGATION_WORDS]
    senses: dict[str, dict[int, signals.Token]] = {}
    for index, token in enumerate(toks):
        for concept, side in ANTONYMS.get(token.lower, ()):
            senses.setdefault(concept, {}).setdefault(side, token)
        if token.lower in _PARTICLES and index > 0 and toks[index - 1].lower not in STOP_WORDS:
            # "turning on" against "turning off": the same verb with opposite particles.
            verb = toks[index - 1]
            phrase = signals.Token(f"{verb.text} {token.text}", "", "", verb.start, token.end)
            senses.setdefault("particle:" + verb.stem, {}).setdefault(_PARTICLES[token.lower], phrase)
    near = [
        (m.start(), m.end(), stem((m.group("ing") or m.group("verb")).lower()))
        for m in NEAR_COMPLETION.finditer(text)
    ]
    entity_ids = frozenset(e.id.lower() for e in signals.claim_entities(claim))
    return ClaimView(
        claim=claim,
        key=matching_key(text),
        tokens=toks,
        content=content,
        bigrams=frozenset(pairwise(plain)),
        negation=signals.negation_spans(text),
        hedges=signals.hedge_spans(text),
        quantities=signals.claim_quantities(claim),
        entity_ids=entity_ids,
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
        senses=senses,
        near=near,
    )


# ---------------------------------------------------------------- typed mismatches


@dataclass(frozen=True, slots=True)
class Finding:
    """One typed difference between two claims, with its evidence on both sides."""

    reason: ReasonCode
    evidence: tuple[Evidence, ...]
    side: str | None = None  # for a negation: the side that negates


def _evidence(side: str, v: ClaimView, start: int, end: int, reason: ReasonCode) -> Evidence:
    return Evidence(
        side="a" if side == "a" else "b", text=v.claim.text[start:end], start=start, end=end, reason=reason
    )


def _negated_heads(v: ClaimView) -> dict[str, tuple[int, int]]:
    """The words each negation cue bears on, with the span from the cue to the word.

    The first content word after the cue ("not separated" -> separat; "nobody is rinsing" -> rins),
    or, when the cue ends its clause ("played by nobody"), the content word before it.
    """
    heads: dict[str, tuple[int, int]] = {}
    for start, end in v.negation:
        after = [t for t in v.tokens if t.start >= end][:_HEAD_WINDOW]
        content = [t for t in after if t.lower not in STOP_WORDS and t.lower not in NEGATION_WORDS][:1]
        if not content:
            before = [t for t in v.tokens if t.end <= start and t.lower not in STOP_WORDS]
            content = before[-1:]
        for head in content:
            heads.setdefault(head.stem, (min(start, head.start), max(end, head.end)))
    return heads


def _negation(a: ClaimView, b: ClaimView) -> Finding | None:
    """A word negated on one side and asserted on the other ("has not separated" / "has separated").

    Read clause by clause through the cues' head words rather than from the claims' overall
    polarity: "no boy ... and no man ..." negates twice without cancelling. The negated word must
    be asserted on the other side: "declined to elaborate" says nothing against a claim that never
    mentions elaborating; and if both sides negate it, only the clause structure differs.
    """
    heads = {"a": _negated_heads(a), "b": _negated_heads(b)}
    for side, negated, plain in (("a", a, b), ("b", b, a)):
        other = "b" if side == "a" else "a"
        plain_stems = {t.stem: t for t in plain.tokens}
        for head, (start, end) in heads[side].items():
            if head in heads[other] or head not in plain_stems:
                continue
            match = plain_stems[head]
            evidence = (
                _evidence(side, negated, start, end, "negation"),
                _evidence(other, plain, match.start, match.end, "negation"),
            )
            return Finding("negation", tuple(sorted(evidence, key=lambda e: e.side)), side)
    return None


def _antonyms(a: ClaimView, b: ClaimView) -> Finding | None:
    evidence: dict[tuple[str, int], Evidence] = {}
    for concept, a_sides in a.senses.items():
        b_sides = b.senses.get(concept)
        if not b_sides or len(a_sides) != 1 or len(b_sides) != 1 or a_sides.keys() == b_sides.keys():
            continue
        ta, tb = next(iter(a_sides.values())), next(iter(b_sides.values()))
        evidence[("a", ta.start)] = _evidence("a", a, ta.start, ta.end, "antonym")
        evidence[("b", tb.start)] = _evidence("b", b, tb.start, tb.end, "antonym")
    return Finding("antonym", tuple(evidence.values())) if evidence else None


def _rounding(quantity: Quantity) -> float:
    """Half a unit of the figure's last written digit ("1.8 million" -> 50,000), capped."""
    value = abs(quantity.value or 0.0)
    literal = _NUMBER.search(quantity.text)
    if literal is None:
        return min(0.5, _MAX_ROUNDING * value) if value else 0.5
    digits = literal.group().replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = 1.0
    for word, factor in _SCALE_WORDS.items():
        if re.search(rf"\b{word}\b", quantity.text, re.IGNORECASE):
            scale = factor
            break
    half_unit = 0.5 * scale / 10**decimals
    return float(min(half_unit, _MAX_ROUNDING * value)) if value else float(half_unit)


def _interval(quantity: Quantity) -> tuple[float, float]:
    value = quantity.value if quantity.value is not None else math.nan
    if quantity.low is None and quantity.high is None:
        low = high = value
    else:
        # One open end: "more than two hours" is [2, inf), "under 30" is (-inf, 30].
        low = quantity.low if quantity.low is not None else -math.inf
        high = quantity.high if quantity.high is not None else math.inf
    slack = _rounding(quantity)
    return low - slack, high + slack


def _unit(quantity: Quantity) -> str | None:
    if not quantity.unit:
        return None
    unit = quantity.unit.lower().strip()
    return signals.tokens(unit)[0].stem if signals.tokens(unit) else unit


def quantities_compatible(x: Quantity, y: Quantity) -> bool:
    """Whether two figures of one unit can both be true (intervals overlap, with rounding)."""
    x_low, x_high = _interval(x)
    y_low, y_high = _interval(y)
    if any(math.isnan(v) for v in (x_low, x_high, y_low, y_high)):
        return True
    return x_low <= y_high and y_low <= x_high


def _quantity(a: ClaimView, b: ClaimView) -> Finding | None:
    evidence: list[Evidence] = []
    units = {_unit(q) for q in a.quantities} & {_unit(q) for q in b.quantities}
    for unit in sorted(u for u in units if u):
        in_a = [q for q in a.quantities if _unit(q) == unit]
        in_b = [q for q in b.quantities if _unit(q) == unit]
        if len(in_a) > 1 or len(in_b) > 1:
            continue  # several figures of one unit: which one answers which is guesswork
        if quantities_compatible(in_a[0], in_b[0]):
            continue
        evidence.append(_evidence("a", a, in_a[0].start, in_a[0].end, "quantity"))
        evidence.append(_evidence("b", b, in_b[0].start, in_b[0].end, "quantity"))
    return Finding("quantity", tuple(evidence)) if evidence else None


def _modality(a: ClaimView, b: ClaimView) -> Finding | None:
    for first, second, sides in ((a, b, ("a", "b")), (b, a, ("b", "a"))):
        near_verbs = {verb for _, _, verb in second.near}
        for start, end, verb in first.near:
            if verb in near_verbs or second.claim.negated:
                continue
            done = next((t for t in second.tokens if t.stem == verb and _completed(t.lower)), None)
            if done is not None:
                return Finding(
                    "modality",
                    tuple(
                        sorted(
                            (
                                _evidence(sides[0], first, start, end, "modality"),
                                _evidence(sides[1], second, done.start, done.end, "modality"),
                            ),
                            key=lambda e: e.side,
                        )
                    ),
                )
    return None


def _completed(word: str) -> bool:
    """Whether a verb form reports a completed event ("reached", "won", not "reaching")."""
    return word.endswith("ed") or word in IRREGULAR_PAST


def _speaker_span(v: ClaimView) -> tuple[int, int] | None:
    speaker = v.claim.speaker
    if speaker is None:
        return None
    for name in (speaker.name, speaker.name.split()[-1] if speaker.name.split() else ""):
        found = v.claim.text.find(name) if name else -1
        if found >= 0:
            return found, found + len(name)
    return None


def _same_person(name_a: str, name_b: str) -> bool:
    """Whether two speaker names may be one person ("Bennett" and "Carolyn Greene Bennett")."""
    words_a, words_b = set(name_a.lower().split()), set(name_b.lower().split())
    return bool(words_a & words_b) or fuzz.token_set_ratio(name_a, name_b) >= _SAME_NAME


def _attribution(a: ClaimView, b: ClaimView) -> Finding | None:
    sa, sb = a.claim.speaker, b.claim.speaker
    if sa is None or sb is None or sa.id == sb.id or sa.kind != "person" or sb.kind != "person":
        return None  # groups, organisations and pronouns are too loosely named to tell apart
    if sa.resolved_from or sb.resolved_from or _same_person(sa.name, sb.name):
        return None
    spans = {side: _speaker_span(v) for side, v in (("a", a), ("b", b))}
    if spans["a"] is None or spans["b"] is None:
        return None

    def without_speaker(v: ClaimView, span: tuple[int, int]) -> str:
        return matching_key(v.claim.text[: span[0]] + " " + v.claim.text[span[1] :])

    if fuzz.token_sort_ratio(without_speaker(a, spans["a"]), without_speaker(b, spans["b"])) < _SAME_QUOTE:
        return None  # not the same words: two people saying different things
    return Finding(
        "attribution",
        (
            _evidence("a", a, spans["a"][0], spans["a"][1], "attribution"),
            _evidence("b", b, spans["b"][0], spans["b"][1], "attribution"),
        ),
    )


def _time(a: ClaimView, b: ClaimView) -> Finding | None:
    ta, tb = a.claim.time, b.claim.time
    if ta is None or tb is None or ta.date is None or tb.date is None or ta.date == tb.date:
        return None
    evidence = []
    for side, v, t in (("a", a, ta), ("b", b, tb)):
        where = signals.locate(v.claim, t)
        if where is not None:
            evidence.append(_evidence(side, v, where[0], where[1], "time"))
    return Finding("time", tuple(evidence))


def _antonym_negated(antonym: Finding, a: ClaimView, b: ClaimView) -> bool:
    """Whether one side negates its own antonym word (a double negative)."""
    for side, v in (("a", a), ("b", b)):
        negated = _negated_heads(v)
        if any(stem(e.text.lower()) in negated for e in antonym.evidence if e.side == side):
            return True
    return False


def findings(a: ClaimView, b: ClaimView) -> list[Finding]:
    """The typed differences between two claims (not yet weighed: same subject is decided later)."""
    negation, antonym = _negation(a, b), _antonyms(a, b)
    if antonym is not None and _antonym_negated(antonym, a, b):
        # "did not refuse" against "agreed": the negation and the antonym cancel out.
        negation = antonym = None
    found = [negation, antonym, _quantity(a, b), _modality(a, b), _attribution(a, b), _time(a, b)]
    return [f for f in found if f is not None]


# ---------------------------------------------------------------- subject and features


def _masked_content(v: ClaimView, spans: Sequence[Evidence]) -> set[str]:
    """Content stems outside the evidence spans, numbers and antonym words: what the claim is about."""
    kept: set[str] = set()
    for token in v.tokens:
        if token.lower in STOP_WORDS or token.lower in NEGATION_WORDS or token.lower in ANTONYMS:
            continue
        if token.lower[:1].isdigit() or any(e.start < token.end and token.start < e.end for e in spans):
            continue
        kept.add(token.stem)
    return kept


def subject_cover(a: ClaimView, b: ClaimView, found: Sequence[Finding] = ()) -> float:
    """How much of the shorter claim's subject the other shares, differing spans left out (0..1)."""
    spans = [e for f in found for e in f.evidence]
    ca = _masked_content(a, [e for e in spans if e.side == "a"])
    cb = _masked_content(b, [e for e in spans if e.side == "b"])
    if not ca or not cb:
        return 0.0
    shared = len(ca & cb) + 0.5 * len(a.entity_ids & b.entity_ids)
    return min(1.0, shared / min(len(ca), len(cb)))


def fuzzy_scores(query: str, choices: Sequence[str]) -> dict[str, list[float]]:
    """The rapidfuzz scores (0..1) of one normalised text against many, one scorer at a time.

    ``process.cdist`` scores all candidates in one native call; it returns a numpy array, so
    where numpy is not installed (the Lambda layer) ``process.extract`` does the same work natively.
    """
    if find_spec("numpy") is None:
        scores: dict[str, list[float]] = {}
        for name, scorer in FUZZY_SCORERS.items():
            row = [0.0] * len(choices)
            for _, score, index in process.extract(query, list(choices), scorer=scorer, limit=None):
                row[index] = score / 100.0
            scores[name] = row
        return scores
    return {
        name: [float(s) / 100.0 for s in process.cdist([query], list(choices), scorer=scorer, workers=1)[0]]
        for name, scorer in FUZZY_SCORERS.items()
    }


def pair_features(
    a: ClaimView, b: ClaimView, fuzzy: dict[str, float], found: Sequence[Finding]
) -> dict[str, float]:
    """The named features of one pair; ``fuzzy`` holds the four rapidfuzz scores (0..1)."""
    ca, cb = a.content_set, b.content_set
    shared = len(ca & cb)
    union = len(ca | cb) or 1
    cover_a = shared / len(ca) if ca else 0.0
    cover_b = shared / len(cb) if cb else 0.0
    bigram_total = len(a.bigrams) + len(b.bigrams)
    len_a, len_b = max(len(a.tokens), 1), max(len(b.tokens), 1)
    reasons = {f.reason for f in found}
    subject = subject_cover(a, b, found)
    sa, sb = a.claim.speaker, b.claim.speaker
    both_speakers = sa is not None and sb is not None
    entities_union = len(a.entity_ids | b.entity_ids)
    features = {
        **fuzzy,
        "word_edit_sim": Indel.normalized_similarity([t.stem for t in a.tokens], [t.stem for t in b.tokens]),
        "content_jaccard": shared / union,
        "content_cover_min": min(cover_a, cover_b),
        "content_cover_max": max(cover_a, cover_b),
        "bigram_dice": 2 * len(a.bigrams & b.bigrams) / bigram_total if bigram_total else 0.0,
        "unmatched_log": math.log1p(len(ca ^ cb)),
        "len_ratio": min(len_a, len_b) / max(len_a, len_b),
        "len_diff_log": abs(math.log(len_a / len_b)),
        "numbers_both": float(bool(a.numbers) and bool(b.numbers)),
        "numbers_shared": float(bool(a.numbers & b.numbers)),
        "numbers_unshared": float(bool(a.numbers ^ b.numbers)),
        "entity_jaccard": len(a.entity_ids & b.entity_ids) / entities_union if entities_union else 0.0,
        "entity_unmatched": math.log1p(len(a.entity_ids ^ b.entity_ids)),
        "negation_mismatch": float("negation" in reasons),
        "negation_any": float(a.claim.negated or b.claim.negated),
        "antonym": float("antonym" in reasons),
        "quantity_conflict": float("quantity" in reasons),
        "modality": float("modality" in reasons),
        "hedge_mismatch": float(a.hedged != b.hedged),
        "speaker_same": float(both_speakers and sa is not None and sb is not None and sa.id == sb.id),
        "speaker_differ": float("attribution" in reasons),
        "time_conflict": float("time" in reasons),
        "subject_cover": subject,
    }
    # Denying a more specific statement ("no girl playing a grand piano on stage") does not deny
    # the general one ("a girl is playing the piano"): what each side says beyond the other.
    negation = next((f for f in found if f.reason == "negation"), None)
    extra_a = 1.0 - cover_a if ca else 0.0
    extra_b = 1.0 - cover_b if cb else 0.0
    if negation is not None:
        features["negated_extra"] = extra_a if negation.side == "a" else extra_b
        features["asserted_extra"] = extra_b if negation.side == "a" else extra_a
    else:
        features["negated_extra"] = features["asserted_extra"] = 0.0
    features["negation_x_subject"] = features["negation_mismatch"] * subject
    features["antonym_x_subject"] = features["antonym"] * subject
    return features


def features_many(
    query: ClaimView, candidates: Sequence[ClaimView]
) -> list[tuple[dict[str, float], list[Finding]]]:
    """Features and findings of one claim against many (fuzzy scores computed in one call per scorer)."""
    if not candidates:
        return []
    scores = fuzzy_scores(query.key, [c.key for c in candidates])
    result = []
    for index, candidate in enumerate(candidates):
        found = findings(query, candidate)
        fuzzy = {name: row[index] for name, row in scores.items()}
        result.append((pair_features(query, candidate, fuzzy, found), found))
    return result
