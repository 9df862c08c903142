"""compare and compare_many: features -> fitted heads -> typed relation with reasons and evidence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimdiff.match.features import (
    FUZZY_SCORERS,
    ClaimView,
    Finding,
    features_many,
    findings,
    pair_features,
    view,
)
from claimdiff.match.model import Model, default_model
from claimdiff.models import Claim, Comparison, Evidence, ReasonCode, RelationKind

# Reasons that the contradiction head learned from data; the others are rules gated on the subject.
_LEARNED_REASONS: frozenset[ReasonCode] = frozenset({"negation", "antonym"})
_REASON_WORDS: dict[ReasonCode, str] = {
    "negation": "negation",
    "antonym": "opposite words",
    "quantity": "incompatible figures",
    "modality": "done versus not yet done",
    "attribution": "same words, different speaker",
    "time": "different dates",
}
_EXCERPT = 70


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


def decide(
    a: ClaimView, b: ClaimView, values: dict[str, float], found: Sequence[Finding], model: Model
) -> Comparison:
    """Turn a pair's features and findings into a relation (the single place where thresholds apply).

    A contradiction needs both claims to be about the same event and subject: a negation or a
    scene antonym is weighed by the contradiction head, which reads only the clauses that hold the
    difference (a long sentence's tail changes nothing), on a shared subject; the other typed
    differences (figures, dates, speakers, completion, decisive antonyms such as agreed/refused)
    count when the clauses that hold them share their subject and the claims are similar overall.
    """
    heads, limits = model.heads, model.thresholds
    similarity = heads["similarity"].probability(values)
    subject = max(values["subject_cover"], values["clause_cover"])

    contradicting: dict[ReasonCode, Finding] = {}
    p_contradiction = heads["contradiction"].probability(values)
    learned = [f for f in found if f.reason in _LEARNED_REASONS]
    if learned and p_contradiction >= heads["contradiction"].threshold and learned_eligible(values, limits):
        contradicting.update((f.reason, f) for f in learned)
    if subject >= limits["rule_subject"] and similarity >= limits["rule_similarity"]:
        for finding in found:
            if finding.reason not in _LEARNED_REASONS or finding.strength.get("decisive"):
                contradicting.setdefault(finding.reason, finding)
    if contradicting:
        chosen = [f for f in found if f.reason in contradicting]
        confidence = max(p_contradiction, similarity) if any(f in learned for f in chosen) else similarity
        return _comparison(a, b, "contradiction", confidence, chosen)

    p_paraphrase = heads["paraphrase"].probability(values)
    if p_paraphrase >= heads["paraphrase"].threshold:
        return _comparison(a, b, "equivalent", similarity, [], paraphrase=True)
    shared_entities = bool(a.entity_ids & b.entity_ids)
    if similarity >= limits["related"] or (shared_entities and subject >= limits["related_subject"]):
        return _comparison(a, b, "related", similarity, found)
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


def explain(a: Claim, b: Claim, comparison: Comparison) -> str:
    """One line a reader understands: who says what, and why claimdiff relates them so."""
    spans_a = [e for e in comparison.evidence if e.side == "a"]
    spans_b = [e for e in comparison.evidence if e.side == "b"]
    left = f'{_who(a, "a")} "{_excerpt(a, spans_a)}"'
    right = f'{_who(b, "b")} "{_excerpt(b, spans_b)}"'
    if comparison.relation == "contradiction":
        differing = "; ".join(
            f"{_REASON_WORDS.get(r, r)} ({' vs '.join(dict.fromkeys(e.text for e in comparison.evidence if e.reason == r))})"
            for r in comparison.reasons
        )
        return f"{left}; {right}: {differing}"
    if comparison.relation == "equivalent":
        return f"{left}; {right}: the same claim"
    if comparison.relation == "related":
        return f"{left}; {right}: same subject, different claims"
    return f"{left}; {right}: unrelated"


def compare(a: Claim, b: Claim, *, model: Model | None = None) -> Comparison:
    """Say how two claims relate: equivalent, contradiction (with reasons), related or unrelated."""
    va, vb = view(a), view(b)
    chosen = model or default_model()
    fuzzy = {name: scorer(va.key, vb.key) / 100.0 for name, scorer in FUZZY_SCORERS.items()}
    found = findings(va, vb)
    return decide(va, vb, pair_features(va, vb, fuzzy, found, chosen.idf), found, chosen)


def compare_many(
    claim: Claim, candidates: Sequence[Claim], *, model: Model | None = None
) -> list[Comparison]:
    """Compare one claim with many candidates (rapidfuzz scores in one vectorised call), same order."""
    query = view(claim)
    views = [view(c) for c in candidates]
    chosen = model or default_model()
    return [
        decide(query, other, values, found, chosen)
        for other, (values, found) in zip(views, features_many(query, views, chosen.idf), strict=True)
    ]
