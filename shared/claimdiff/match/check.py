"""check: does an article support, contradict, discuss or ignore a claim?

The article's sentences are scored against the claim in one vectorised pass; the most relevant ones
(the headline and the lead weigh more) are read for stance by the fitted stance head: hedged,
questioned or attributed reporting is ``discusses``; a typed contradiction is ``contradicts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimdiff.extract import analyse_sentence
from claimdiff.match.engine import decide
from claimdiff.match.features import ClaimView, features_many, view
from claimdiff.match.lexicon import REFUTING_WORDS, REPORTING_WORDS
from claimdiff.match.model import Model, default_model
from claimdiff.models import CheckEvidence, Comparison, Verdict, VerdictKind
from claimdiff.text import sentences as split_sentences

_HEADLINE_WEIGHT = 1.5
_LEAD_WEIGHT = 1.2
_LEAD_SENTENCES = 3
_MAX_EVIDENCE = 3
VERDICTS: tuple[VerdictKind, ...] = ("supports", "contradicts", "discusses")

STANCE_FEATURES: tuple[str, ...] = (
    "relevance",
    "token_set_ratio",
    "content_cover_min",
    "negation_mismatch",
    "antonym",
    "quantity_conflict",
    "modality",
    "contradiction",
    "sentence_negated",
    "sentence_hedged",
    "hedge_count",
    "reporting_words",
    "refuting_words",
    "question",
    "attributed",
    "claim_hedged",
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article with its offsets."""

    text: str
    start: int
    end: int


def sentences(article_text: str) -> list[Sentence]:
    """Split an article into sentences (the first line, a headline, stands alone)."""
    return [
        Sentence(article_text[segment.start : segment.end], segment.start, segment.end)
        for segment in split_sentences(article_text)
    ]


def stance_features(
    claim: ClaimView, sentence: ClaimView, values: dict[str, float], relevance: float, comparison: Comparison
) -> dict[str, float]:
    """What the stance head weighs: how the sentence relates to the claim, and how it asserts."""
    words = [t.lower for t in sentence.tokens]
    speaker = sentence.claim.speaker
    return {
        "relevance": relevance,
        "token_set_ratio": values["token_set_ratio"],
        "content_cover_min": values["content_cover_min"],
        "negation_mismatch": values["negation_mismatch"],
        "antonym": values["antonym"],
        "quantity_conflict": values["quantity_conflict"],
        "modality": values["modality"],
        "contradiction": float(comparison.relation == "contradiction"),
        "sentence_negated": float(sentence.claim.negated),
        "sentence_hedged": float(sentence.hedged),
        "hedge_count": float(len(sentence.hedges)),
        "reporting_words": float(sum(w in REPORTING_WORDS for w in words)),
        "refuting_words": float(sum(w in REFUTING_WORDS for w in words)),
        "question": float("?" in sentence.claim.text),
        "attributed": float(speaker is not None and speaker.kind != "outlet"),
        "claim_hedged": float(claim.hedged),
    }


@dataclass(frozen=True, slots=True)
class Read:
    """One sentence of an article read against a claim."""

    sentence: Sentence
    weight: float
    relevance: float
    comparison: Comparison
    stance: dict[str, float]


def read_article(claim: str, article_text: str, model: Model) -> list[Read]:
    """Every sentence of the article read against the claim (relevance, relation, stance features)."""
    parts = sentences(article_text)
    if not parts or not claim.strip():
        return []
    query = view(analyse_sentence(claim))
    views = [view(analyse_sentence(part.text)) for part in parts]
    reads: list[Read] = []
    for index, (part, other, (values, found)) in enumerate(
        zip(parts, views, features_many(query, views, model.idf), strict=True)
    ):
        comparison = decide(query, other, values, found, model)
        # A sentence that shares no content word and no entity with the claim is not about it.
        shares = values["content_jaccard"] > 0 or bool(query.entity_ids & other.entity_ids)
        relevance = model.heads["similarity"].probability(values) if shares else 0.0
        weight = _HEADLINE_WEIGHT if index == 0 else _LEAD_WEIGHT if index < _LEAD_SENTENCES else 1.0
        reads.append(
            Read(
                part,
                weight,
                relevance,
                comparison,
                stance_features(query, other, values, relevance, comparison),
            )
        )
    return reads


def verdict_from_reads(reads: Sequence[Read], model: Model) -> Verdict:
    """Weigh the most relevant sentences' stances into one verdict with its evidence."""
    relevant_floor = model.thresholds["check_relevant"]
    ranked = sorted(reads, key=lambda r: r.weight * r.relevance, reverse=True)
    chosen_reads = [r for r in ranked[:_MAX_EVIDENCE] if r.relevance >= relevant_floor]
    if not chosen_reads:
        best = max((r.relevance for r in reads), default=0.0)
        return Verdict(verdict="unrelated", confidence=round(1.0 - best, 4))
    head = model.heads["stance"]
    totals = dict.fromkeys(VERDICTS, 0.0)
    for read in chosen_reads:
        for label, p in head.distribution(read.stance).items():
            totals[label] += read.weight * read.relevance * p  # type: ignore[index]
    mass = sum(totals.values()) or 1.0
    verdict = max(VERDICTS, key=lambda label: totals[label])
    evidence = [
        CheckEvidence(
            text=r.sentence.text, start=r.sentence.start, end=r.sentence.end, relation=r.comparison.relation
        )
        for r in chosen_reads
    ]
    return Verdict(verdict=verdict, confidence=round(totals[verdict] / mass, 4), evidence=evidence)


def check(claim: str, article_text: str, *, model: Model | None = None) -> Verdict:
    """Say whether an article supports, contradicts, discusses or is unrelated to a claim."""
    chosen = model or default_model()
    return verdict_from_reads(read_article(claim, article_text, chosen), chosen)


def verdict_of(distribution: dict[str, float]) -> VerdictKind:
    """The most probable verdict of a stance distribution."""
    return max(VERDICTS, key=lambda label: distribution.get(label, 0.0))


def stance_rows(claim: str, article_text: str, model: Model) -> Sequence[dict[str, float]]:
    """The stance features of the article's most relevant sentence (what fitting learns from)."""
    reads = read_article(claim, article_text, model)
    if not reads:
        return []
    best = max(reads, key=lambda r: r.weight * r.relevance)
    return [best.stance]
