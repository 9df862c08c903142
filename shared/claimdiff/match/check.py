"""check: does an article support, contradict, discuss or ignore a claim?

The article's sentences are scored against the claim in one vectorised pass; the most relevant ones
(the headline and the lead weigh more) are read for stance by the fitted stance head: hedged,
questioned or attributed reporting is ``discusses``; a typed contradiction is ``contradicts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from claimdiff.extract import analyse_sentence, extract_claims
from claimdiff.extract.quantities import TALLY
from claimdiff.match.engine import SAME_QUOTE_SURENESS, decide
from claimdiff.match.features import ClaimView, features_many, quantities_compatible, unit_key, view
from claimdiff.match.figures import misreported_figure
from claimdiff.match.lexicon import HEARSAY_WORDS, REFUTING_WORDS, REPORTING_WORDS
from claimdiff.match.model import Model, default_model
from claimdiff.match.propositions import asserted_by, names_its_voice, quote_given_to_another, speaks_as
from claimdiff.match.signals import content_stems
from claimdiff.models import CheckEvidence, Claim, Comparison, RelationKind, Verdict, VerdictKind
from claimdiff.text import matching_key
from claimdiff.text import sentences as split_sentences

_HEADLINE_WEIGHT = 1.5
_LEAD_WEIGHT = 1.2
_LEAD_SENTENCES = 3
_MAX_EVIDENCE = 3
# Sentences given the full comparison: the headline and the ones most like the claim.
_MAX_COMPARED = 4
# ... plus the ones sharing its rarest words, and the ones giving a figure of the same unit: another
# outlet's wording of one fact may share few words in order with the claim.
_MAX_BY_RARE_WORDS = 2
_MAX_BY_FIGURES = 2
_HEADLINE_ONLY = 2  # sentences: a headline with a standfirst is no body to read a topic from
# The sentences read together for how much of the claim an article states (the share they must hold
# is the model's ``check_covered``).
_COVERING = 2
# Share of a claim figure's context words an article's figure must sit among to be the same thing.
_FIGURE_CONTEXT = 0.3
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
    same_voice: bool = True  # the sentence asserts what it says in the claim's voice (not someone's quote)
    misattributed: bool = False  # the sentence gives the claim's quote to another named person


@dataclass(frozen=True, slots=True)
class Reading:
    """An article read against a claim: its most relevant sentences and how much of the claim's topic
    the whole article covers."""

    reads: list[Read]
    topical: float
    body: bool = True  # an article with a body, not a lone headline: its topic can be read from it
    # The article's sentence giving otherwise a figure of the claim (figures.misreported_figure), with
    # the share of the figure's context words it holds and whether the figure is a vote's tally.
    misreported: tuple[Sentence, float, bool] | None = None
    # The IDF-weighted share of the claim's words that its two best-covering sentences hold, which
    # sentences those are, and whether the claim is a fact one can find stated (not a quote whose
    # speaker is unknown, nor "he said").
    covered: float = 0.0
    covering: tuple[int, ...] = ()
    checkable: bool = True
    # The share of the claim's named participants (people, organisations, places) the article names.
    named: float = 1.0


def topical_overlap(query: ClaimView, article_words: frozenset[str], model: Model) -> float:
    """The IDF-weighted share of the claim's content words that the whole article uses (0..1).

    Relatedness comes from the article's body, not from its best sentence: a claim about another event
    shares few rare words with any part of it.
    """
    return _idf_share(frozenset(query.content), article_words, model)


class _Article:
    """An article read once, whatever number of claims is checked against it; a sentence's view is
    made the first time a claim needs it (most claims need four or five of an article's sentences)."""

    def __init__(self, parts: Sequence[tuple[Sentence, Claim]]) -> None:
        self.sentences = tuple(part for part, _ in parts)
        self.keys = tuple(matching_key(part.text) for part in self.sentences)
        self.stems = tuple(frozenset(content_stems(part.text)) for part in self.sentences)
        # The article's words are its sentences' words: the text is tokenised once.
        words = frozenset().union(*self.stems)
        self.units = tuple(frozenset(unit_key(q) for q in claim.quantities) for _, claim in parts)
        self.figures = tuple(q for _, claim in parts for q in claim.quantities if q.value is not None)
        self.words = words
        self._claims = tuple(claim for _, claim in parts)
        self._views: dict[int, ClaimView] = {}

    def view(self, index: int) -> ClaimView:
        """The sentence's view for matching."""
        if index not in self._views:
            self._views[index] = view(self._claims[index])
        return self._views[index]


# Articles kept read: a batch checks many claims against few articles (FNC-1: about 15 per body).
_ARTICLES_KEPT = 256


@lru_cache(maxsize=_ARTICLES_KEPT)
def _read_once(article_text: str) -> _Article:
    """The article's sentences as claims (extraction in context, speakers carried across sentences;
    each sentence alone for a single line, a headline) and the article's words."""
    claims = (
        extract_claims(article_text, article_id="article", outlet="article")
        if "\n" in article_text.strip()
        else []
    )
    if claims:
        parts = [(Sentence(c.text, c.start, c.end), c) for c in claims]
    else:
        parts = [(part, analyse_sentence(part.text, outlet="article")) for part in sentences(article_text)]
    return _Article(parts)


def forget_articles() -> None:
    """Drop the articles read so far (the next check reads its article anew)."""
    _read_once.cache_clear()


def read_article(claim: str, article_text: str, model: Model) -> Reading:
    """The article's sentences most like the claim, each compared with it (relation, stance features).

    A cheap fuzzy score over every sentence keeps the few worth the full comparison.
    """
    article = _read_once(article_text) if claim.strip() else None
    if article is None or not article.sentences:
        return Reading([], 0.0)
    query = view(analyse_sentence(claim, outlet="claim"))
    scores = [fuzz.token_set_ratio(query.key, key) for key in article.keys]
    kept = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:_MAX_COMPARED]
    # Another outlet words the same fact differently ("Flynn pleaded guilty on Friday for lying to the
    # FBI"): the sentences sharing the claim's rarest words are compared as well.
    claim_words = frozenset(query.content)
    rare = [_idf_share(claim_words, stems, model) for stems in article.stems]
    kept += sorted(range(len(rare)), key=lambda i: (-rare[i], i))[:_MAX_BY_RARE_WORDS]
    # A figure is checked against the article's figures of its unit: "won, 124 to 73" against "by a
    # vote of 134 to 63", wherever the article gives it.
    units = {unit_key(q) for q in query.quantities}
    counted = [i for i, found in enumerate(article.units) if units & found and rare[i] > 0]
    kept += sorted(counted, key=lambda i: (-rare[i], i))[:_MAX_BY_FIGURES]
    kept = sorted(set(kept) | {0})
    views = [article.view(i) for i in kept]
    reads: list[Read] = []
    for index, other, (values, found) in zip(
        kept, views, features_many(query, views, model.idf), strict=True
    ):
        comparison = decide(query, other, values, found, model)
        # A sentence that shares no content word and no entity with the claim is not about it.
        shares = values["content_jaccard"] > 0 or bool(query.entity_ids & other.entity_ids)
        relevance = model.heads["similarity"].probability(values) if shares else 0.0
        weight = _HEADLINE_WEIGHT if index == 0 else _LEAD_WEIGHT if index < _LEAD_SENTENCES else 1.0
        # The sentence asserts it (not hedged, asked or someone's opinion) in the claim's voice or its own.
        same_voice = asserted_by(other) in (speaks_as(query), "outlet")
        stance = stance_features(query, other, values, relevance, comparison)
        misattributed = quote_given_to_another(query, other)
        reads.append(
            Read(article.sentences[index], weight, relevance, comparison, stance, same_voice, misattributed)
        )
    body = len(article.sentences) > _HEADLINE_ONLY
    topical = topical_overlap(query, article.words, model)
    misreported = _misreported(query, article, units, [share > 0 for share in rare], model)
    covering = tuple(sorted(range(len(rare)), key=lambda i: (-rare[i], i))[:_COVERING])
    covered = _idf_share(claim_words, frozenset().union(*(article.stems[i] for i in covering)), model)
    return Reading(
        reads,
        topical,
        body=body,
        misreported=misreported,
        covered=covered,
        covering=tuple(kept.index(i) for i in covering),
        checkable=names_its_voice(query) and _figures_given(query, article),
        named=_named_share(query.claim, article.words),
    )


_PARTICIPANTS = frozenset(["person", "organization", "place"])


def _named_share(claim: Claim, article_stems: frozenset[str]) -> float:
    """The share of the claim's named participants whose name (its last word) the article uses, read
    as the article's words are (``content_stems``); 1.0 for a claim that names none."""
    names = [
        stems[-1] for e in claim.entities if e.kind in _PARTICIPANTS and (stems := content_stems(e.text))
    ]
    return sum(name in article_stems for name in names) / len(names) if names else 1.0


def _misreported(
    query: ClaimView, article: _Article, units: set[str | None], sharing: Sequence[bool], model: Model
) -> tuple[Sentence, float, bool] | None:
    """The article's sentence that gives one of the claim's figures otherwise, if any, with the share of
    the figure's context words it holds and whether the figure is a vote's tally.

    Named days are not read so: on other outlets' articles of the same events, a weekday among the
    same names was another act's day in every one of 21 flags (the deadline, the statement, the
    announcement); a day conflict needs aligned clauses (``compare``).
    """
    # Only sentences sharing a content word with the claim can hold its figure's context.
    chosen = [i for i, found in enumerate(article.units) if units & found and sharing[i]]
    found = misreported_figure(query, [article.view(i) for i in chosen], model.idf.weight) if chosen else None
    if found is None:
        return None
    index, share, finding = found
    tally = any(q.unit == TALLY for q in query.quantities if q.start == finding.evidence[0].start)
    return article.sentences[chosen[index]], share, tally


def _figures_given(query: ClaimView, article: _Article) -> bool:
    """Whether the article gives every figure of the claim (whatever it calls the counted thing):
    an article that never says "by half" does not state a cut by half."""
    return all(
        any(quantities_compatible(figure, given) for given in article.figures)
        for figure in query.quantities
        if figure.value is not None and figure.unit != TALLY
    )


def _idf_share(words: frozenset[str], found: frozenset[str], model: Model) -> float:
    """The IDF-weighted share of `words` that `found` contains (0..1): rare words count most."""
    total = sum(model.idf.weight(w) for w in words)
    return sum(model.idf.weight(w) for w in words & found) / total if total else 0.0


def verdict_from_reads(reading: Reading, model: Model) -> Verdict:
    """One verdict with its evidence; the verdict and the evidence's relations never disagree.

    - a sentence the article asserts that conflicts with the claim (``compare``: contradiction) ->
      ``contradicts``;
    - a sentence that states the claim in the claim's voice -> ``supports``; the claim only as
      someone's statement -> ``discusses``;
    - a figure of the claim that the article gives otherwise (``figures.misreported_figure``) ->
      ``contradicts``;
    - otherwise, in an article with a body, how much of the claim its best sentences state
      (``_covered_verdict``: supports or discusses); in a lone headline, the stance head, whose
      ``contradicts`` needs words that call the claim false;
    - no relevant sentence: ``discusses`` when the article covers the claim's topic, else ``unrelated``.
    """
    limits = model.thresholds
    reads = reading.reads
    other_event = reading.named < limits.get("check_named", 0.0) and reading.topical < limits.get(
        "check_named_topical", 0.0
    )
    if reading.body and (reading.topical < limits.get("check_topical", 0.0) or other_event):
        best = max((r.relevance for r in reads), default=0.0)
        return Verdict(verdict="unrelated", confidence=round(1.0 - max(best, reading.topical), 4))
    ranked = sorted(reads, key=lambda r: r.weight * r.relevance, reverse=True)
    relevant = [r for r in ranked if r.relevance >= limits["check_relevant"]]
    # A conflict is its own proof of relevance: compare found the same act of the same participant.
    conflicting = [r for r in ranked if r.comparison.relation == "contradiction"]
    if conflicting:
        return _verdict("contradicts", max(r.comparison.confidence for r in conflicting), conflicting)
    # The claim's quote, word for word, in another named person's mouth: the claim names the wrong speaker.
    misattributed = [r for r in ranked if r.misattributed]
    if misattributed:
        return _verdict("contradicts", SAME_QUOTE_SURENESS, misattributed, relation="contradiction")
    if reading.misreported is not None:
        sentence, share, tally = reading.misreported
        # A vote's tally is distinctive enough on its own; another figure must sit among the same words.
        if tally or share >= limits.get("check_figure_context", _FIGURE_CONTEXT):
            evidence = CheckEvidence(
                text=sentence.text, start=sentence.start, end=sentence.end, relation="contradiction"
            )
            return Verdict(verdict="contradicts", confidence=round(0.5 + 0.5 * share, 4), evidence=[evidence])
    equal = [r for r in relevant if r.comparison.relation == "equivalent"]
    if equal:
        plain = [r for r in equal if r.same_voice]
        if plain:
            return _verdict("supports", max(r.comparison.confidence for r in plain), plain)
        return _verdict("discusses", max(r.comparison.confidence for r in equal), equal)
    chosen = relevant[:_MAX_EVIDENCE]
    if not chosen:
        return _verdict("discusses", reading.topical, [])  # the article is on the topic, not on the claim
    if reading.body:
        # A body contradicts a claim only through a sentence that conflicts with it (above): words that
        # call something false ("denied", "rejected") abound in reporting, and were wrong 10 times in 10
        # on other outlets' articles of the same events.
        return _covered_verdict(reading, chosen, limits["check_covered"])
    head = model.heads["stance"]
    totals = dict.fromkeys(VERDICTS, 0.0)
    for read in chosen:
        for label, p in head.distribution(read.stance).items():
            totals[label] += read.weight * read.relevance * p  # type: ignore[index]
    # In a headline, a negation answering the claim is its stance.
    refuting = [r for r in chosen if REFUTING_WORDS.intersection(r.sentence.text.lower().split())]
    if not refuting:
        totals["contradicts"] = 0.0  # no sentence conflicts with or refutes the claim
    mass = sum(totals.values()) or 1.0
    verdict = max(VERDICTS, key=lambda label: totals[label])
    if verdict == "contradicts":
        # The sentences that refute the claim ("a hoax", "denied") are the evidence, and say so.
        return _verdict(verdict, totals[verdict] / mass, refuting, relation="contradiction")
    return _verdict(verdict, totals[verdict] / mass, chosen)


def _covered_verdict(reading: Reading, chosen: Sequence[Read], enough: float) -> Verdict:
    """An article's body states the claim when two of its sentences hold most of the claim's rare
    words (``enough`` of them, IDF-weighted); it only touches the topic otherwise. A quote whose
    speaker the claim does not name can be found stated only word for word (an equivalent sentence,
    which ``verdict_from_reads`` reads first)."""
    covering = [reading.reads[i] for i in reading.covering]
    if reading.checkable and reading.named > 0.0 and reading.covered >= enough and not _hearsay(covering[0]):
        return _verdict("supports", reading.covered, covering)
    return _verdict("discusses", 1.0 - reading.covered, chosen)


def _hearsay(read: Read) -> bool:
    """Whether a sentence passes its statement on without vouching for it: asked, or hearsay
    ("reportedly", "may have", "according to unconfirmed reports")."""
    words = read.sentence.text.lower().split()
    return bool(read.stance["question"]) or not HEARSAY_WORDS.isdisjoint(words)


def _verdict(
    verdict: VerdictKind, confidence: float, reads: Sequence[Read], *, relation: RelationKind | None = None
) -> Verdict:
    evidence = [
        CheckEvidence(
            text=r.sentence.text,
            start=r.sentence.start,
            end=r.sentence.end,
            relation=relation or _shown_relation(verdict, r.comparison.relation),
        )
        for r in reads[:_MAX_EVIDENCE]
    ]
    return Verdict(verdict=verdict, confidence=round(min(1.0, max(0.0, confidence)), 4), evidence=evidence)


def _shown_relation(verdict: VerdictKind, relation: RelationKind) -> RelationKind:
    """A sentence's relation as evidence: never a contradiction under a verdict that is not one."""
    return "related" if relation == "contradiction" and verdict != "contradicts" else relation


def check(claim: str, article_text: str, *, model: Model | None = None) -> Verdict:
    """Say whether an article supports, contradicts, discusses or is unrelated to a claim."""
    chosen = model or default_model()
    return verdict_from_reads(read_article(claim, article_text, chosen), chosen)


def stance_rows(claim: str, article_text: str, model: Model) -> Sequence[dict[str, float]]:
    """The stance features of the article's most relevant sentence (what fitting learns from)."""
    reads = read_article(claim, article_text, model).reads
    if not reads:
        return []
    best = max(reads, key=lambda r: r.weight * r.relevance)
    return [best.stance]
