"""compare and compare_many: features -> fitted heads -> typed relation with reasons and evidence."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from claimdiff.match.alignment import changed_statement, minimal_difference, quoted_difference
from claimdiff.match.features import (
    FUZZY_SCORERS,
    ClaimView,
    Finding,
    features_many,
    findings,
    pair_features,
    view,
)
from claimdiff.match.figures import figure_conflict
from claimdiff.match.model import Model, default_model
from claimdiff.match.propositions import (
    comparable,
    equivalence_blocked,
    may_contradict,
    quoted_alike,
    slot_findings,
)
from claimdiff.models import CONFLICT_WORDS, Claim, Comparison, Evidence, ReasonCode, RelationKind

# Reasons that the contradiction head learned from data; the others are rules gated on the subject.
_LEARNED_REASONS: frozenset[ReasonCode] = frozenset({"negation", "antonym"})
_EXCERPT = 70
# How sure a contradiction is when the alignment itself leaves no doubt about what is compared.
_MINIMAL_PAIR_SURENESS = 0.95
SAME_QUOTE_SURENESS = 0.85


def learned_eligible(values: Mapping[str, float], thresholds: Mapping[str, float]) -> bool:
    """Whether the contradiction head may speak on a pair (the fitting script uses the same rule).

    A negation or an antonym was found, the claims share what they are about, and the clauses that
    differ do not speak of two different subjects ("there is no man riding a horse" says nothing of
    "a woman is riding a horse").
    """
    return (
        bool(values["negation_mismatch"] or values["antonym"])
        and max(values["subject_cover"], values["clause_cover"]) >= thresholds["learned_subject"]
        and not values.get("subject_differ", 0.0)
    )


@dataclass(frozen=True, slots=True)
class _Judged:
    """What the contradiction side of a decision sees of a pair."""

    similarity: float
    subject: float
    p_contradiction: float
    slots: list[Finding]
    minimal: Finding | None
    comparable: bool


def _weighed(
    a: ClaimView,
    b: ClaimView,
    values: Mapping[str, float],
    found: Sequence[Finding],
    *,
    model: Model,
    pair: _Judged,
) -> dict[ReasonCode, tuple[Finding, float]]:
    """Each conflict that may make the pair a contradiction, with how sure claimdiff is of it.

    The sureness follows how well the two claims are aligned: one sentence rendered twice with one
    slot changed (a minimal pair) or the same quote given to two people is near certain; a slot of two
    aligned clauses is as sure as the claims are similar, from 0.5 up; a difference found in the
    words is as sure as the contradiction head or the similarity says.
    """
    heads, limits = model.heads, model.thresholds
    weighed: dict[ReasonCode, tuple[Finding, float]] = {}
    # The contradiction head learned its negations and antonyms on one-clause captions (SICK): it speaks
    # only where both claims are one clause; in longer reporting a word-level negation cannot be tied to
    # the clause it denies, and only an aligned slot (below) can say so.
    one_clause = len(a.claim.propositions) <= 1 and len(b.claim.propositions) <= 1
    if pair.comparable:
        if (
            one_clause
            and pair.p_contradiction >= heads["contradiction"].threshold
            and learned_eligible(values, limits)
        ):
            sure = max(pair.p_contradiction, pair.similarity)
            weighed.update((f.reason, (f, sure)) for f in found if f.reason in _LEARNED_REASONS)
        if pair.subject >= limits["rule_subject"] and pair.similarity >= limits["rule_similarity"]:
            for finding in found:
                if finding.reason not in _LEARNED_REASONS or finding.strength.get("decisive"):
                    weighed.setdefault(finding.reason, (finding, pair.similarity))
    aligned = 0.5 + 0.5 * pair.similarity
    weighed.update(
        (f.reason, (f, aligned))
        for f in pair.slots
        if pair.similarity >= limits["rule_similarity"] or f.strength.get("named")
    )
    if a.claim.propositions and b.claim.propositions and pair.subject >= limits["rule_subject"]:
        # Two dates for one event are read from aligned clauses (the same predicate): a slot too.
        weighed.update((f.reason, (f, aligned)) for f in found if f.reason == "time")
    # The same quoted words given to two named people: the quote itself establishes the subject.
    weighed.update(
        (f.reason, (f, max(SAME_QUOTE_SURENESS, pair.similarity))) for f in found if f.reason == "attribution"
    )
    if pair.minimal is not None:
        weighed[pair.minimal.reason] = (pair.minimal, max(_MINIMAL_PAIR_SURENESS, pair.similarity))
    return {
        reason: (finding, sure)
        for reason, (finding, sure) in weighed.items()
        if may_contradict(a, b, finding, same_sentence=finding is pair.minimal)
    }


def decide(
    a: ClaimView, b: ClaimView, values: dict[str, float], found: Sequence[Finding], model: Model
) -> Comparison:
    """Turn a pair's features and findings into a relation (the single place where thresholds apply).

    A contradiction needs both claims to be about the same event and subject, asserted by the same
    voice (``may_contradict``): a conflicting slot of two aligned clauses (``slot_findings``), one
    sentence rendered twice with one slot changed (``minimal_difference``), or a difference found
    in the words between claims whose clauses can be compared (``comparable``), weighed by the
    contradiction head (negations, scene antonyms) or by the rules (figures, dates, speakers,
    completion, decisive antonyms); and it must be sure enough (``contradiction_floor``). One
    claim is never the equal of its opposite: any such difference leaves the pair ``related`` at most.
    """
    heads, limits = model.heads, model.thresholds
    similarity = heads["similarity"].probability(values)
    subject = max(values["subject_cover"], values["clause_cover"])
    slots = slot_findings(a, b)
    if not any(f.reason == "quantity" for f in slots):
        # Two figures of one thing, whatever clauses they sit in: a slot as well.
        slots.extend(f for f in (figure_conflict(a, b),) if f is not None)
    minimal = minimal_difference(a, b) or quoted_difference(a, b)
    if minimal is not None:
        # The words' own finding of that kind, when there is one, has the fuller evidence spans.
        minimal = next((f for f in found if f.reason == minimal.reason), minimal)
        slots = [minimal, *(f for f in slots if f.reason != minimal.reason)]
    pair = _Judged(
        similarity, subject, heads["contradiction"].probability(values), slots, minimal, comparable(a, b)
    )
    weighed = _weighed(a, b, values, found, model=model, pair=pair)
    sure = max((s for _, s in weighed.values()), default=0.0)
    if weighed and sure >= limits.get("contradiction_floor", 0.0):
        return _comparison(a, b, "contradiction", sure, [f for f, _ in weighed.values()])

    conflicts = [*found, *(f for f in slots if f.reason not in {g.reason for g in found})]
    # One verb with opposite particles ("urged members to vote for" / "encouraged lawmakers to vote
    # against") opposes the claims whatever their main verbs.
    opposite_particles = any(f.strength.get("particle") for f in found)
    blocked = (
        bool(slots)
        or (bool(found) and pair.comparable)
        or opposite_particles
        or equivalence_blocked(a, b)
        or changed_statement(a, b)
    )
    paraphrase = heads["paraphrase"].probability(values) >= heads["paraphrase"].threshold
    if paraphrase and not blocked:
        return _comparison(a, b, "equivalent", similarity, [], paraphrase=True)
    if not slots and quoted_alike(a, b):
        # One passage quoted by both (one may trim it): the words found to differ lie outside it.
        return _comparison(a, b, "equivalent", max(similarity, SAME_QUOTE_SURENESS), [], paraphrase=True)
    shared_entities = bool(a.entity_ids & b.entity_ids)
    if (
        paraphrase
        or similarity >= limits["related"]
        or (shared_entities and subject >= limits["related_subject"])
    ):
        return _comparison(a, b, "related", similarity, conflicts)
    return _comparison(a, b, "unrelated", similarity, [])


def _comparison(
    a: ClaimView,
    b: ClaimView,
    relation: RelationKind,
    confidence: float,
    found: Sequence[Finding],
    *,
    paraphrase: bool = False,
) -> Comparison:
    reasons: list[ReasonCode] = []
    evidence: list[Evidence] = []
    for finding in found:
        if finding.reason not in reasons:
            reasons.append(finding.reason)
        evidence.extend(e for e in finding.evidence if e not in evidence)
    if relation == "equivalent" and paraphrase:
        reasons.append("paraphrase")
    elif relation == "related" and not reasons:
        reasons.append("same_subject" if a.entity_ids & b.entity_ids else "lexical")
    comparison = Comparison(
        relation=relation,
        confidence=round(min(1.0, max(0.0, confidence)), 4),
        reasons=reasons,
        evidence=evidence,
    )
    comparison.explanation = explain(a.claim, b.claim, comparison)
    return comparison


def _who(claim: Claim, fallback: str) -> str:
    outlet = claim.outlet or fallback
    speaker = claim.speaker
    if speaker is not None and speaker.kind != "outlet":
        if claim.quote == "reported":
            return f"{outlet} reports that {speaker.name} said"
        return f"{outlet} quotes {speaker.name}:"
    return f"{outlet} says"


def _excerpt(claim: Claim, spans: Sequence[Evidence]) -> str:
    """A short piece of the claim around its first evidence span, cut at word boundaries."""
    text = claim.text.strip()
    if len(text) <= _EXCERPT:
        return text
    start = min((e.start for e in spans), default=0)
    lo = max(0, min(start - 20, len(text) - _EXCERPT))
    hi = lo + _EXCERPT
    # Whole words only: a reader should never see half of one.
    if lo > 0 and not text[lo - 1].isspace():
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < start else lo
    if hi < len(text) and not text[hi].isspace():
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    piece = text[lo:hi].strip()
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")


def _by_side(evidence: Sequence[Evidence]) -> list[Evidence]:
    """Evidence with side a's spans first (a stable sort: the order within a side is kept)."""
    return sorted(evidence, key=lambda e: e.side)


def explain(a: Claim, b: Claim, comparison: Comparison) -> str:
    """One line a reader understands: who says what, and why claimdiff relates them so."""
    spans_a = [e for e in comparison.evidence if e.side == "a"]
    spans_b = [e for e in comparison.evidence if e.side == "b"]
    left = f'{_who(a, "a")} "{_excerpt(a, spans_a)}"'
    right = f'{_who(b, "b")} "{_excerpt(b, spans_b)}"'
    if comparison.relation == "contradiction":
        differing = "; ".join(
            f"{CONFLICT_WORDS.get(r, r)} ({' vs '.join(dict.fromkeys(e.text for e in _by_side(comparison.evidence) if e.reason == r))})"
            for r in comparison.reasons
        )
        return f"{left}; {right}: {differing}"
    if comparison.relation == "equivalent":
        return f"{left}; {right}: the same claim"
    if comparison.relation == "related":
        return f"{left}; {right}: same subject, different claims"
    return f"{left}; {right}: unrelated"


def _first(a: Claim, b: Claim) -> bool:
    """Whether ``a`` goes first in the canonical order of a pair (its text, then its id)."""
    return (a.text, a.id, a.outlet) <= (b.text, b.id, b.outlet)


def told_from(comparison: Comparison, a: Claim, b: Claim) -> Comparison:
    """A comparison made as (b, a), told from a's side: evidence sides swapped, explanation re-told."""
    evidence = [e.model_copy(update={"side": "b" if e.side == "a" else "a"}) for e in comparison.evidence]
    turned = comparison.model_copy(update={"evidence": evidence})
    turned.explanation = explain(a, b, turned)
    return turned


def _compare_ordered(va: ClaimView, vb: ClaimView, model: Model) -> Comparison:
    fuzzy = {name: scorer(va.key, vb.key) / 100.0 for name, scorer in FUZZY_SCORERS.items()}
    found = findings(va, vb)
    return decide(va, vb, pair_features(va, vb, fuzzy, found, model.idf), found, model)


def compare(a: Claim, b: Claim, *, model: Model | None = None) -> Comparison:
    """Say how two claims relate: equivalent, contradiction (with reasons), related or unrelated.

    Symmetric: the pair is judged in one canonical order, so ``compare(b, a)`` gives the same relation,
    confidence and reasons (with the evidence sides swapped).
    """
    chosen = model or default_model()
    if _first(a, b):
        return _compare_ordered(view(a), view(b), chosen)
    return told_from(_compare_ordered(view(b), view(a), chosen), a, b)


def compare_many(
    claim: Claim,
    candidates: Sequence[Claim],
    *,
    model: Model | None = None,
    read: Callable[[Claim], ClaimView] = view,
) -> list[Comparison]:
    """Compare one claim with many candidates, same order; each pair as ``compare`` judges it.

    The pairs in which the claim goes first share one vectorised rapidfuzz call; the others are
    judged in their canonical order one by one. ``read`` makes a candidate's view (a caller that
    meets the same stored claims again may keep them).
    """
    query = view(claim)
    chosen = model or default_model()
    views = {index: read(c) for index, c in enumerate(candidates)}
    leading = [index for index, c in enumerate(candidates) if _first(claim, c)]
    results: dict[int, Comparison] = {}
    scored = features_many(query, [views[i] for i in leading], chosen.idf)
    for index, (values, found) in zip(leading, scored, strict=True):
        results[index] = decide(query, views[index], values, found, chosen)
    for index, other in enumerate(candidates):
        if index not in results:
            results[index] = told_from(_compare_ordered(views[index], query, chosen), claim, other)
    return [results[index] for index in range(len(candidates))]
