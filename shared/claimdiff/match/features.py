"""Pair features: rapidfuzz scores, overlaps and the typed mismatches that make a contradiction.

``view(claim)`` reads a claim once (tokens, clauses and their subjects, negation scopes, quantities,
entities, antonym senses, who says it); ``findings(a, b)`` lists the typed differences between two
views with their evidence spans; ``pair_features(a, b, fuzzy, found)`` turns both into the named
numbers the fitted heads weigh, some on the whole claims, some (``clause_*``, ``subject_*``) on the
clauses that hold the differences only.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from itertools import pairwise, product

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq

from claimdiff.extract.claims import PRONOUN_SPEAKER
from claimdiff.extract.entities import PARTICLES
from claimdiff.extract.quantities import TALLY, tally_counts
from claimdiff.extract.timeexpr import time_kind
from claimdiff.match import signals
from claimdiff.match.lexicon import (
    ANTONYMS,
    AUXILIARIES,
    DECISIVE_CONCEPTS,
    IRREGULAR_PAST,
    NEAR_COMPLETION,
    NEGATION_WORDS,
    OPPOSITE_PARTICLES,
    PREPOSITIONS,
    SPEECH_VERBS,
    STOP_WORDS,
    antonym_senses,
    word_stem,
)
from claimdiff.match.model import Idf, default_model
from claimdiff.match.quotes import quoted_passages
from claimdiff.models import Claim, Days, Evidence, Proposition, Quantity, ReasonCode
from claimdiff.text import matching_key
from claimdiff.text.verbs import FRAME_WORDS

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
    "len_diff_words",
    "idf_cosine",
    "idf_cover_min",
    "idf_cover_max",
    "idf_unmatched_log",
    "char3_dice",
    "ngram2_min",
    "ngram2_max",
    "ngram3_min",
    "ngram3_max",
    "ngram4_min",
    "ngram4_max",
    "lcs_content_min",
    "lcs_content_max",
    "numbers_both",
    "numbers_shared",
    "numbers_unshared",
    "entity_jaccard",
    "entity_unmatched",
    "negation_mismatch",
    "negation_any",
    "negation_scope_cover",
    "negation_head_match",
    "negation_existential",
    "antonym",
    "antonym_decisive",
    "quantity_conflict",
    "modality",
    "hedge_mismatch",
    "speaker_same",
    "speaker_differ",
    "time_conflict",
    "subject_cover",
    "clause_cover",
    "clause_content_cover_min",
    "clause_content_cover_max",
    "clause_idf_cover_min",
    "clause_idf_cover_max",
    "negation_x_subject",
    "antonym_x_subject",
    "negated_extra",
    "asserted_extra",
    "subject_same",
    "subject_differ",
    "antonym_in_subject",
    "negation_modifier",
    "align_idf_min",
    "align_idf_max",
    "align_idf_hmean",
    "align_unmatched_idf",
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
# Exact figures are read as rounded to their last digit, but never looser than this share of the value.
_MAX_ROUNDING = 0.15
# Two figures within this share of each other are not worth a contradiction ($38.28 and $38.30).
_CLOSE_FIGURES = 0.02
# Speaker names this close are one person; quotes this close (speaker left out) are the same words.
_SAME_NAME = 85
_SAME_QUOTE = 85
_SAME_QUOTED_WORDS = 90
_TITLES_OF_ADDRESS = frozenset({"mr", "mrs", "ms", "dr"})
_MIN_PARTIAL_QUOTE_WORDS = 12  # a shorter shared phrase may be a slogan both people repeat
_MIN_QUOTED = 12  # characters: a shorter quoted passage is a phrase, a title, a nickname
# How far a negation cue reaches (in words) inside its clause.
_SCOPE_WINDOW = 25
# Nouns that deny the action they name ("her refusal to participate", "its failure to act").
_NEGATING_NOUNS = frozenset(["refusal", "failure", "inability", "lack", "absence"])
# Frame words that pass a negation on to the verb they govern: "has not fulfilled its promise to
# separate" denies the separating, "did not keep its pledge to", "did not manage to leave" the leaving.
_FRAME_STEMS = frozenset(word_stem(w) for w in FRAME_WORDS)
_PARTICLE_CONCEPT = "particle:"  # antonym senses of one verb's particles: "particle:<verb stem>"
# What separates clauses: punctuation between two words, or a word that opens a subordinate clause.
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()\[\]\u2014\u2013!?]|\s-\s")
_SUBORDINATORS = frozenset(
    ["but", "while", "although", "though", "whereas", "because", "which", "who", "whose", "whom", "where"]
)
# Cues that deny the existence of the subject ("nobody is typing", "there is no man ...").
_EXISTENTIAL_CUES = frozenset(["no", "nobody", "none", "nothing", "neither", "noone"])
_THERE_IS = frozenset(["is", "are", "was", "were", "there's", "theres"])
_PREFIX_NEGATIONS = ("un",)
# Two words whose stems differ still meet when they share this many first letters (a derivation the
# light stemmer leaves apart: "Syria"/"Syrian", "election"/"elected") or are spelt this alike
# (a variant spelling or a typo); such a near match counts a little less than the same stem.
_SHARED_PREFIX = 5
_NEAR_SPELLING = 0.8
_NEAR_MATCH = 0.9
# A word whose best match in the other claim scores below this is left unmatched.
_UNMATCHED = 0.5
_MIN_PREFIXED_BASE = 4


@dataclass(frozen=True, slots=True)
class NegationCue:
    """A negation cue of a claim and the content words it bears on (token indexes, in order)."""

    start: int
    end: int
    scope: tuple[int, ...]
    existential: bool
    modifier: bool = False  # "a man with no shirt": describes a thing, denies no statement


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
    clauses: tuple[int, ...] = ()
    cues: tuple[NegationCue, ...] = ()
    negated_stems: frozenset[str] = frozenset()
    asserted: dict[str, signals.Token] = field(default_factory=dict)
    stems: tuple[str, ...] = ()
    char3: Counter[str] = field(default_factory=Counter)
    senses: dict[str, dict[int, signals.Token]] = field(default_factory=dict)
    near: list[tuple[int, int, str]] = field(default_factory=list)
    entity_spans: tuple[tuple[int, int, str], ...] = ()
    attribution: tuple[tuple[int, int], ...] = ()
    subjects: dict[int, tuple[int, ...]] = field(default_factory=dict)

    @property
    def hedged(self) -> bool:
        """Whether the claim is hedged (extraction's flag, or a hedging cue in its text)."""
        return self.claim.hedged or bool(self.hedges)

    @property
    def content_set(self) -> frozenset[str]:
        """The distinct content stems."""
        return frozenset(self.content)


def _is_content(token: signals.Token) -> bool:
    return token.lower not in STOP_WORDS and token.lower not in NEGATION_WORDS


def _clause_indexes(text: str, toks: Sequence[signals.Token]) -> tuple[int, ...]:
    """The clause number of every token: punctuation and subordinating words open a new clause, and
    so does "and" between two statements ("no clown is singing and people are not dancing"), but
    not "and" inside a subject or between two verbs ("a man and a woman are", "is singing and
    dancing").
    """
    clause, found = 0, []
    has_verb = False
    for index, token in enumerate(toks):
        if index > 0 and (
            _CLAUSE_PUNCTUATION.search(text[toks[index - 1].end : token.start])
            or token.lower in _SUBORDINATORS
            or (token.lower == "and" and has_verb and _opens_statement(toks, index + 1))
        ):
            clause += 1
            has_verb = False
        has_verb = has_verb or token.lower in AUXILIARIES or token.lower in _VERB_NEGATIONS
        found.append(clause)
    return tuple(found)


_STATEMENT_REACH = 5


def _opens_statement(toks: Sequence[signals.Token], start: int) -> bool:
    """Whether the words from ``start`` are a subject followed by its auxiliary ("people are ...")."""
    subject = False
    for token in toks[start : start + _STATEMENT_REACH]:
        if token.lower in AUXILIARIES or token.lower in _VERB_NEGATIONS:
            return subject
        if token.lower in ("and", "or"):
            return False
        subject = subject or _is_content(token) or token.lower in _EXISTENTIAL_CUES or token.lower == "there"
    return False


def _cue_tokens(text: str, toks: Sequence[signals.Token]) -> list[tuple[int, int]]:
    """(first, last) token indexes of each negation cue.

    Extraction's cues ("not", "never", "failed to", "n't") plus the spelling without an apostrophe
    ("havent"). A cue inside a hyphenated word ("no-confidence vote") modifies a noun and negates
    nothing, so it is left out.
    """
    spans = list(signals.negation_spans(text))
    found: list[tuple[int, int]] = []
    for start, end in spans:
        inside = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
        if not inside or any("-" in toks[i].text for i in inside):
            continue
        found.append((inside[0], inside[-1]))
    covered = {i for first, last in found for i in range(first, last + 1)}
    for index, token in enumerate(toks):
        if index in covered or "-" in token.text:
            continue
        if token.lower in NEGATION_WORDS or token.lower in _NEGATING_NOUNS:
            found.append((index, index))
    return sorted(set(found))


def _negation_cues(
    text: str, toks: Sequence[signals.Token], clauses: Sequence[int]
) -> tuple[NegationCue, ...]:
    """Each cue with its scope: the content words after it in its clause, up to the next cue.

    A cue that ends its clause ("played by nobody") bears on the content word before it.
    """
    cue_spans = _cue_tokens(text, toks)
    cue_indexes = {i for first, last in cue_spans for i in range(first, last + 1)}
    cues = []
    for first, last in cue_spans:
        scope: list[int] = []
        for index in range(last + 1, min(len(toks), last + 1 + _SCOPE_WINDOW)):
            if clauses[index] != clauses[last] or index in cue_indexes:
                break
            if _is_content(toks[index]) and toks[index].stem not in _FRAME_STEMS:
                scope.append(index)
        if not scope:
            before = [i for i in range(first) if clauses[i] == clauses[first] and _is_content(toks[i])]
            scope = before[-1:]
        word = toks[first].lower
        opening = first == 0 or clauses[first - 1] != clauses[first]
        after_there = first >= 1 and (
            toks[first - 1].lower in ("there's", "theres")
            or (first >= 2 and toks[first - 1].lower in _THERE_IS and toks[first - 2].lower == "there")
        )
        existential = word in _EXISTENTIAL_CUES and (opening or after_there)
        modifier = (
            first >= 1 and toks[first - 1].lower in PREPOSITIONS and clauses[first - 1] == clauses[first]
        )
        cues.append(NegationCue(toks[first].start, toks[last].end, tuple(scope), existential, modifier))
    return tuple(cues)


def _char_ngrams(key: str, n: int = 3) -> Counter[str]:
    return Counter(key[i : i + n] for i in range(len(key) - n + 1))


def view(claim: Claim) -> ClaimView:
    """Read a claim for matching."""
    text = claim.text
    toks = signals.tokens(text)
    content = [t.stem for t in toks if _is_content(t)]
    plain = [t.stem for t in toks if t.lower not in NEGATION_WORDS]
    senses: dict[str, dict[int, signals.Token]] = {}
    for index, token in enumerate(toks):
        for concept, side in antonym_senses(token.lower):
            senses.setdefault(concept, {}).setdefault(side, token)
        if token.lower in OPPOSITE_PARTICLES and index > 0 and toks[index - 1].lower not in STOP_WORDS:
            # "turning on" / "turning off", "voted for" / "voted against": one verb, opposite particles.
            verb = toks[index - 1]
            phrase = signals.Token(f"{verb.text} {token.text}", "", "", verb.start, token.end)
            side = OPPOSITE_PARTICLES[token.lower]
            senses.setdefault(_PARTICLE_CONCEPT + verb.stem, {}).setdefault(side, phrase)
    near = [
        (m.start(), m.end(), word_stem((m.group("ing") or m.group("verb")).lower()))
        for m in NEAR_COMPLETION.finditer(text)
    ]
    clauses = _clause_indexes(text, toks)
    cues = _negation_cues(text, toks, clauses)
    in_scope = {i for cue in cues for i in cue.scope}
    cue_chars = [(cue.start, cue.end) for cue in cues]
    asserted: dict[str, signals.Token] = {}
    for index, token in enumerate(toks):
        if index in in_scope or not _is_content(token):
            continue
        if any(start < token.end and token.start < end for start, end in cue_chars):
            continue
        asserted.setdefault(token.stem, token)
    key = matching_key(text)
    attribution = _attribution_spans(claim)
    entities = signals.claim_entities(claim)
    entity_ids = frozenset(e.id.lower() for e in entities)
    return ClaimView(
        claim=claim,
        key=key,
        tokens=toks,
        content=content,
        bigrams=frozenset(pairwise(plain)),
        negation=tuple((cue.start, cue.end) for cue in cues),
        hedges=signals.hedge_spans(text),
        quantities=signals.claim_quantities(claim),
        entity_ids=entity_ids,
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(text)),
        clauses=clauses,
        cues=cues,
        negated_stems=frozenset(toks[i].stem for i in in_scope),
        asserted=asserted,
        stems=tuple(t.stem for t in toks),
        char3=_char_ngrams(key),
        senses=senses,
        near=near,
        # Named entities only: a capitalised common noun that opens a sentence ("Men are ...") may be
        # read as an entity of kind "other" and is better compared by its stem.
        entity_spans=tuple((e.start, e.end, e.id.lower()) for e in entities if e.kind != "other"),
        attribution=attribution,
        subjects=_subjects(toks, clauses, attribution),
    )


def _attribution_spans(claim: Claim) -> tuple[tuple[int, int], ...]:
    """Where the claim names who says it: the speaker's name and the reporting verb.

    Who says it ("Lavrov acknowledged") is compared apart (speaker features, the ``attribution``
    reason), so these words are left out when measuring what two claims say.
    """
    speaker = claim.speaker
    if speaker is None or speaker.kind == "outlet":
        return ()
    spans: list[tuple[int, int]] = []
    name = _find_speaker(claim)
    if name is not None:
        spans.append(name)
    if claim.cue:
        cue = re.search(rf"\b{re.escape(claim.cue)}\b", claim.text, re.IGNORECASE)
        if cue is not None:
            spans.append((cue.start(), cue.end()))
    return tuple(spans)


# Negation words that deny a verb; the others ("no", "none", "without") sit inside a noun phrase.
_VERB_NEGATIONS = NEGATION_WORDS - frozenset(["no", "none", "nobody", "nothing", "neither", "nor", "without"])
_MIN_VERB_LENGTH = 5
# How many of a subject there are is not who the subject is ("two men", "several women").
_COUNT_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "some",
        "many",
        "few",
        "all",
        "both",
        "most",
        "each",
    ]
)
# Subjects that name nobody in particular: they neither match nor differ from a named subject.
_GENERIC_SUBJECTS = frozenset(["person", "people", "someone", "somebody", "anyone", "anybody", "one"])


def _looks_like_verb(toks: Sequence[signals.Token], index: int, clause_end: int) -> bool:
    """Whether a word reads as a finite or participle verb: "-ing"/"-ed" or irregular past, followed
    by a function word or the end of its clause ("riding a horse", "paid the fine"; not "a bearded man").
    """
    word = toks[index].lower
    form = (len(word) >= _MIN_VERB_LENGTH and word.endswith(("ing", "ed"))) or word in IRREGULAR_PAST
    return form and (index + 1 >= clause_end or toks[index + 1].lower in STOP_WORDS)


def _subjects(
    toks: Sequence[signals.Token], clauses: Sequence[int], attribution: Sequence[tuple[int, int]]
) -> dict[int, tuple[int, ...]]:
    """The subject of each clause that has one: its content words before the verb (token indexes).

    The subject ends at the first auxiliary, verb negation or verb form; "there is no" opens an
    existential clause whose subject follows it; who says it ("Lavrov acknowledged that") starts the
    reading again, so that the subject of the reported statement is kept. A clause where no verb
    closes the subject (a lead-in such as "In a surprise move on Tuesday") has none.
    """
    bounds: dict[int, list[int]] = {}
    for index, clause in enumerate(clauses):
        bounds.setdefault(clause, []).append(index)
    found: dict[int, tuple[int, ...]] = {}
    for clause, indexes in bounds.items():
        end = indexes[-1] + 1
        collected: list[int] = []
        closed = False
        skip_next = False
        for index in indexes:
            token = toks[index]
            if skip_next:
                skip_next = False
                continue
            if token.lower in ("there's", "theres"):
                continue
            if token.lower == "there" and index + 1 < end and toks[index + 1].lower in AUXILIARIES:
                skip_next = True
                continue
            if token.lower in SPEECH_VERBS or any(s < token.end and token.start < e for s, e in attribution):
                collected = []
                continue
            if token.lower in AUXILIARIES or token.lower in _VERB_NEGATIONS:
                closed = True
                break
            if collected and _looks_like_verb(toks, index, end):
                closed = True
                break
            if _is_content(token) and not token.lower[:1].isdigit() and token.lower not in _COUNT_WORDS:
                collected.append(index)
        if closed and collected:
            found[clause] = tuple(collected) + _passive_agent(toks, indexes, index)
    return found


def _passive_agent(toks: Sequence[signals.Token], indexes: Sequence[int], verb: int) -> tuple[int, ...]:
    """The agent of a passive verb ("the potato is being peeled by a woman": woman), if any.

    In the passive the grammatical subject is what the action is done to; the doer, named after
    "by", is the subject of the active sentence another outlet may have written.
    """
    end = indexes[-1] + 1
    cursor = verb
    while cursor < end and (
        toks[cursor].lower in AUXILIARIES or toks[cursor].lower in ("being", "been", "not")
    ):
        cursor += 1
    if cursor >= end or not (toks[cursor].lower.endswith("ed") or toks[cursor].lower in IRREGULAR_PAST):
        return ()
    for index in range(cursor + 1, end):
        if toks[index].lower == "by":
            agent: list[int] = []
            for after in range(index + 1, end):
                if toks[after].lower in STOP_WORDS and agent:
                    break
                if _is_content(toks[after]):
                    agent.append(after)
            return tuple(agent)
    return ()


# ---------------------------------------------------------------- typed mismatches


@dataclass(frozen=True, slots=True)
class Finding:
    """One typed difference between two claims, with its evidence on both sides.

    ``masked`` are the spans that differ (left out when measuring the shared subject); by default
    the evidence. A negation's evidence includes the negated word, which both sides share.
    """

    reason: ReasonCode
    evidence: tuple[Evidence, ...]
    side: str | None = None  # for a negation: the side that negates
    masked: tuple[Evidence, ...] | None = None
    strength: Mapping[str, float] = field(default_factory=dict)

    @property
    def differing(self) -> tuple[Evidence, ...]:
        """The spans that differ between the two claims."""
        return self.evidence if self.masked is None else self.masked


def evidence_at(side: str, v: ClaimView, start: int, end: int, reason: ReasonCode) -> Evidence:
    """A span of one side's claim text as evidence for a reason."""
    return Evidence(
        side="a" if side == "a" else "b", text=v.claim.text[start:end], start=start, end=end, reason=reason
    )


def _negated_heads(v: ClaimView) -> dict[str, tuple[int, int]]:
    """The first word each negation cue bears on, with the span from the cue to that word."""
    heads: dict[str, tuple[int, int]] = {}
    for cue in v.cues:
        if cue.scope:
            head = v.tokens[cue.scope[0]]
            heads.setdefault(head.stem, (min(cue.start, head.start), max(cue.end, head.end)))
    return heads


def _negation(a: ClaimView, b: ClaimView) -> Finding | None:
    """Words negated on one side and asserted on the other ("has not separated" / "has separated").

    Read cue by cue through each cue's scope (the rest of its clause) rather than from the claims'
    overall polarity: "no boy ... and no man ..." negates twice without cancelling, and "has not
    fulfilled its promise to separate" denies the separating. A word negated on both sides is no
    difference; a cue whose words the other side never mentions ("declined to elaborate") is none.
    The strongest cue wins: the largest share of its scope asserted on the other side.
    """
    best: tuple[float, Finding] | None = None
    for side, negated, plain in (("a", a, b), ("b", b, a)):
        other = "b" if side == "a" else "a"
        for cue in negated.cues:
            if not cue.scope:
                continue
            matched = [
                i
                for i in cue.scope
                if negated.tokens[i].stem in plain.asserted
                and negated.tokens[i].stem not in plain.negated_stems
            ]
            if not matched:
                continue
            cover = len(matched) / len(cue.scope)
            head_match = float(matched[0] == cue.scope[0])
            first = negated.tokens[matched[0]]
            answer = plain.asserted[first.stem]
            start, end = min(cue.start, first.start), max(cue.end, first.end)
            evidence = (
                evidence_at(side, negated, start, end, "negation"),
                evidence_at(other, plain, answer.start, answer.end, "negation"),
            )
            # The cue and the frame words that pass it on ("not fulfilled its promise to") are
            # the difference; the negated word itself is shared by both sides.
            frame_end = max(
                [cue.end]
                + [
                    t.end
                    for t in negated.tokens
                    if cue.end <= t.start < first.start and t.stem in _FRAME_STEMS
                ]
            )
            finding = Finding(
                "negation",
                tuple(sorted(evidence, key=lambda e: e.side)),
                side,
                masked=(evidence_at(side, negated, cue.start, frame_end, "negation"),),
                strength={
                    "cover": cover,
                    "head": head_match,
                    "existential": float(cue.existential),
                    "modifier": float(cue.modifier),
                },
            )
            score = cover + head_match
            if best is None or score > best[0]:
                best = (score, finding)
    return best[1] if best else None


def _prefix_antonyms(a: ClaimView, b: ClaimView) -> list[tuple[signals.Token, signals.Token]]:
    """Words that one side negates by prefix ("unfolding" against "folding")."""
    pairs = []
    for first, second in ((a, b), (b, a)):
        plain = {t.stem: t for t in second.tokens if _is_content(t)}
        mine = {t.stem for t in first.tokens}
        for token in first.tokens:
            for prefix in _PREFIX_NEGATIONS:
                base = token.stem[len(prefix) :]
                if (
                    token.stem.startswith(prefix)
                    and len(base) >= _MIN_PREFIXED_BASE
                    and base in plain
                    and base not in mine
                    and token.stem not in {t.stem for t in second.tokens}
                ):
                    pairs.append((token, plain[base]) if first is a else (plain[base], token))
    return pairs


def _antonyms(a: ClaimView, b: ClaimView) -> Finding | None:
    evidence: dict[tuple[str, int], Evidence] = {}
    decisive = particle = False
    for concept, a_sides in a.senses.items():
        b_sides = b.senses.get(concept)
        if not b_sides or len(a_sides) != 1 or len(b_sides) != 1 or a_sides.keys() == b_sides.keys():
            continue
        ta, tb = next(iter(a_sides.values())), next(iter(b_sides.values()))
        evidence[("a", ta.start)] = evidence_at("a", a, ta.start, ta.end, "antonym")
        evidence[("b", tb.start)] = evidence_at("b", b, tb.start, tb.end, "antonym")
        # One verb with opposite particles ("voted for" / "voted against") is as plain as a concept.
        particle = particle or concept.startswith(_PARTICLE_CONCEPT)
        decisive = decisive or concept in DECISIVE_CONCEPTS or particle
    for ta, tb in _prefix_antonyms(a, b):
        evidence[("a", ta.start)] = evidence_at("a", a, ta.start, ta.end, "antonym")
        evidence[("b", tb.start)] = evidence_at("b", b, tb.start, tb.end, "antonym")
    if not evidence:
        return None
    strength = {"decisive": float(decisive), **({"particle": 1.0} if particle else {})}
    return Finding("antonym", tuple(evidence.values()), strength=strength)


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
    # Figures this close are the same figure reported at another moment or rounded another way.
    slack = max(_rounding(quantity), _CLOSE_FIGURES * abs(quantity.value or 0.0))
    return low - slack, high + slack


def unit_key(quantity: Quantity) -> str | None:
    """A figure's unit as one comparable stem (None when it has none)."""
    if not quantity.unit:
        return None
    unit = quantity.unit.lower().strip()
    return signals.tokens(unit)[0].stem if signals.tokens(unit) else unit


def quantities_compatible(x: Quantity, y: Quantity) -> bool:
    """Whether two figures of one unit can both be true (intervals overlap, with rounding; a tally's
    counts all equal)."""
    if x.unit == y.unit == TALLY:
        return sorted(tally_counts(x)) == sorted(tally_counts(y))
    x_low, x_high = _interval(x)
    y_low, y_high = _interval(y)
    if any(math.isnan(v) for v in (x_low, x_high, y_low, y_high)):
        return True
    return x_low <= y_high and y_low <= x_high


def _quantity(a: ClaimView, b: ClaimView) -> Finding | None:
    evidence: list[Evidence] = []
    units = {unit_key(q) for q in a.quantities} & {unit_key(q) for q in b.quantities}
    for unit in sorted(u for u in units if u):
        in_a = [q for q in a.quantities if unit_key(q) == unit]
        in_b = [q for q in b.quantities if unit_key(q) == unit]
        if len(in_a) > 1 or len(in_b) > 1:
            continue  # several figures of one unit: which one answers which is guesswork
        if quantities_compatible(in_a[0], in_b[0]):
            continue
        evidence.append(evidence_at("a", a, in_a[0].start, in_a[0].end, "quantity"))
        evidence.append(evidence_at("b", b, in_b[0].start, in_b[0].end, "quantity"))
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
                                evidence_at(sides[0], first, start, end, "modality"),
                                evidence_at(sides[1], second, done.start, done.end, "modality"),
                            ),
                            key=lambda e: e.side,
                        )
                    ),
                )
    return None


def _completed(word: str) -> bool:
    """Whether a verb form reports a completed event ("reached", "won", not "reaching")."""
    return word.endswith("ed") or word in IRREGULAR_PAST


def _find_speaker(claim: Claim) -> tuple[int, int] | None:
    """Where the claim names its speaker (the full name or the last name), if it does: outside the
    quoted words, which may name anyone ("... Agent Strzok's views," he added)."""
    speaker = claim.speaker
    if speaker is None:
        return None
    quoted = quoted_passages(claim.text)
    for name in (speaker.name, speaker.name.split()[-1] if speaker.name.split() else ""):
        if not name:
            continue
        for found in re.finditer(re.escape(name), claim.text):
            if not any(s <= found.start() < e for s, e in quoted):
                return found.span()
    return None


def names_speaker(claim: Claim) -> bool:
    """Whether the claim's own words name its speaker (outside the quotes), not only the paragraph."""
    return _find_speaker(claim) is not None


def same_person(name_a: str, name_b: str) -> bool:
    """Whether two speaker names may be one person ("Bennett" and "Carolyn Greene Bennett")."""
    words_a, words_b = set(name_a.lower().split()), set(name_b.lower().split())
    if words_a & words_b or fuzz.token_set_ratio(name_a, name_b) >= _SAME_NAME:
        return True
    # A misspelt surname ("Tump") is still the person: never claim two people on a typo.
    surnames = name_a.split()[-1:], name_b.split()[-1:]
    return bool(surnames[0] and surnames[1]) and fuzz.ratio(surnames[0][0], surnames[1][0]) >= _SAME_NAME


def proper_name(name: str) -> bool:
    """Whether a speaker is named ("Donald Trump", "Charles de Gaulle"), not described ("the judge",
    "Republican nominee": a capital adjective before a role is no name)."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() or w.lower() in PARTICLES for w in words)


def _named_person(v: ClaimView) -> bool:
    """Whether the claim's speaker is a person known by a proper name (not "the judge"; "he" only once
    extraction has resolved it to a name)."""
    speaker = v.claim.speaker
    return (
        speaker is not None
        and speaker.kind == "person"
        and not speaker.id.startswith(PRONOUN_SPEAKER)
        and proper_name(speaker.name)
    )


def _speaker_mention(claim: Claim) -> tuple[int, int] | None:
    """Where the claim points at its speaker: the name, or the description the name was resolved from
    ("the president said" after "President Obama"), outside the quoted words. Never "he said": a
    pronoun resolved to the wrong person is the likeliest false attribution flag (BASIL fit split)."""
    named = _find_speaker(claim)
    speaker = claim.speaker
    if named is not None or speaker is None or speaker.resolved_from is not None:
        return named
    role = speaker.role
    if not role or role.rstrip(".").lower() in _TITLES_OF_ADDRESS:
        return None
    quoted = quoted_passages(claim.text)
    for found in re.finditer(rf"\b{re.escape(role)}\b", claim.text, re.IGNORECASE):
        if not any(s <= found.start() < e for s, e in quoted):
            return found.span()
    return None


_WHOLLY_QUOTED = 0.8
_MIN_RUN_QUOTE_WORDS = 10


def _quote_of_named_run(claim: Claim) -> tuple[int, int] | None:
    """The quoted passage of a claim that is all quote, its speaker named around it in the article
    (a quote run: '..." Mulvaney said. "It's not as if ...'), not in the claim and not through a
    pronoun: the passage stands where the attribution would."""
    speaker = claim.speaker
    if speaker is None or speaker.resolved_from is not None or _find_speaker(claim) is not None:
        return None
    passages = quoted_passages(claim.text)
    inside = sum(end - start for start, end in passages)
    if not passages or inside < _WHOLLY_QUOTED * len(claim.text.strip()):
        return None
    # Attributed by its neighbours only, a short quote may be a phrase two people used ("We will
    # not back down"): only a passage long enough to be one statement stands for its speaker.
    start, end = passages[0]
    return (start, end) if len(claim.text[start:end].split()) >= _MIN_RUN_QUOTE_WORDS else None


def _quoted(v: ClaimView) -> str:
    """The claim's quoted words, when it quotes someone directly (the head of a quote continued from
    the sentence before included)."""
    return " ".join(_passages(v))


def _passages(v: ClaimView) -> list[str]:
    text = v.claim.text
    return [text[start:end] for start, end in quoted_passages(text) if end - start >= _MIN_QUOTED]


def _same_quoted_words(quote_a: str, quote_b: str) -> bool:
    """Whether two quotes are one passage: nearly the same words, or one long enough to be more than
    a slogan found whole in the other."""
    key_a, key_b = matching_key(quote_a), matching_key(quote_b)
    # Word by word as well: a title added inside the quote ("with Representative Fredette's") moves
    # many characters and one word.
    words_alike = fuzz.ratio(key_a.split(), key_b.split()) >= _SAME_QUOTED_WORDS
    return (
        words_alike
        or fuzz.ratio(key_a, key_b) >= _SAME_QUOTED_WORDS
        or (
            min(len(key_a.split()), len(key_b.split())) >= _MIN_PARTIAL_QUOTE_WORDS
            and fuzz.partial_ratio(key_a, key_b) >= _SAME_QUOTED_WORDS
        )
    )


def _attribution(a: ClaimView, b: ClaimView) -> Finding | None:
    """The same words given to two different people."""
    sa, sb = a.claim.speaker, b.claim.speaker
    if sa is None or sb is None or sa.id == sb.id or not _named_person(a) or not _named_person(b):
        return None  # groups, organisations and pronouns are too loosely named to tell apart
    if same_person(sa.name, sb.name):
        return None
    spans = {
        side: _speaker_mention(v.claim) or _quote_of_named_run(v.claim) for side, v in (("a", a), ("b", b))
    }
    if spans["a"] is None or spans["b"] is None:
        return None
    if _find_speaker(a.claim) is None and _find_speaker(b.claim) is None:
        return None  # "the president said" on both sides: at least one outlet must name the speaker

    def without_speaker(v: ClaimView, span: tuple[int, int]) -> str:
        return matching_key(v.claim.text[: span[0]] + " " + v.claim.text[span[1] :])

    quote_a, quote_b = _quoted(a), _quoted(b)
    if quote_a and quote_b:
        # All the quoted words, or one passage of each ('God help us," said Bloomberg, who added
        # that "the richest thing ..."' against '"Truth be told, the richest thing ...," Kaine said').
        same = any(
            _same_quoted_words(x, y) for x, y in [(quote_a, quote_b), *product(_passages(a), _passages(b))]
        )
    else:
        same = (
            fuzz.token_sort_ratio(without_speaker(a, spans["a"]), without_speaker(b, spans["b"]))
            >= _SAME_QUOTE
        )
    if not same:
        return None  # not the same words: two people saying different things
    return Finding(
        "attribution",
        (
            evidence_at("a", a, spans["a"][0], spans["a"][1], "attribution"),
            evidence_at("b", b, spans["b"][0], spans["b"][1], "attribution"),
        ),
    )


def event_times(*clauses: Proposition) -> tuple[set[Days], set[str]]:
    """The spans of days and the named times the clauses date their events by (not a statement's
    day, a deadline or an expiry)."""
    events = [t for clause in clauses for t in clause.times if t.anchor == "event"]
    spans = {days for clause in clauses for days in _finest_spans(clause)}
    return spans, {t.key for t in events if t.key and t.date is None}


def _finest_spans(clause: Proposition) -> set[Days]:
    """The clause's event spans that hold no other: "on Friday ... early this year" dates the act by
    the Friday, the year being its setting."""
    spans = {days for t in clause.times if t.anchor == "event" and (days := t.days) is not None}
    return {x for x in spans if not any(y != x and x[0] <= y[0] and y[1] <= x[1] for y in spans)}


def times_differ(pa: Proposition, pb: Proposition) -> bool:
    """Whether two clauses date their events apart (days, or named times of one kind: weekdays)."""
    return dated_apart(event_times(pa), event_times(pb))


def spans_overlap(x: Days, y: Days) -> bool:
    """Whether two spans of days share a day ("last week" and "earlier this month" may)."""
    return x[0] <= y[1] and y[0] <= x[1]


def dated_apart(a: tuple[set[Days], set[str]], b: tuple[set[Days], set[str]]) -> bool:
    """Whether two sets of event times (``event_times``) share no day, or no named time of a kind
    both give."""
    (days_a, keys_a), (days_b, keys_b) = a, b
    if days_a and days_b:
        return not any(spans_overlap(x, y) for x in days_a for y in days_b)
    kinds = {time_kind(k) for k in keys_a} & {time_kind(k) for k in keys_b}
    return any(
        not {k for k in keys_a if time_kind(k) == kind} & {k for k in keys_b if time_kind(k) == kind}
        for kind in kinds
    )


def _legacy_time(a: ClaimView, b: ClaimView) -> Finding | None:
    """Claims stored before propositions were read: their first dates, compared as they were."""
    ta, tb = a.claim.time, b.claim.time
    days_a, days_b = (ta.days if ta else None), (tb.days if tb else None)
    if days_a is None or days_b is None or spans_overlap(days_a, days_b):
        return None
    evidence = []
    for side, v, t in (("a", a, ta), ("b", b, tb)):
        where = signals.locate(v.claim, t)
        if where is not None:
            evidence.append(evidence_at(side, v, where[0], where[1], "time"))
    return Finding("time", tuple(evidence))


def _time(a: ClaimView, b: ClaimView) -> Finding | None:
    """Two times for one event: clauses with the same predicate, each dating the event itself."""
    if not a.claim.propositions or not b.claim.propositions:
        return _legacy_time(a, b)
    for pa in a.claim.propositions:
        for pb in b.claim.propositions:
            if pa.predicate is None or pb.predicate is None:
                continue
            if word_stem(pa.predicate.lemma) != word_stem(pb.predicate.lemma) or not times_differ(pa, pb):
                continue
            evidence = [
                evidence_at(side, v, t.start, t.end, "time")
                for side, v, p in (("a", a, pa), ("b", b, pb))
                for t in p.times[:1]
                if t.anchor == "event"
            ]
            return Finding("time", tuple(evidence))
    return None


def _antonym_negated(antonym: Finding, a: ClaimView, b: ClaimView) -> bool:
    """Whether one side negates its own antonym word (a double negative)."""
    for side, v in (("a", a), ("b", b)):
        negated = _negated_heads(v)
        if any(word_stem(e.text.lower()) in negated for e in antonym.evidence if e.side == side):
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
    """Content stems outside the differing spans, numbers and antonym words: what the claim is about."""
    kept: set[str] = set()
    for token in v.tokens:
        if not _is_content(token) or token.lower in ANTONYMS:
            continue
        if token.lower[:1].isdigit() or any(e.start < token.end and token.start < e.end for e in spans):
            continue
        kept.add(token.stem)
    return kept


def _touched_clauses(v: ClaimView, spans: Sequence[Evidence]) -> set[int] | None:
    touched = {
        v.clauses[i]
        for i, t in enumerate(v.tokens)
        if any(e.start < t.end and t.start < e.end for e in spans)
    }
    return touched or None


def _subject_parts(a: ClaimView, b: ClaimView, found: Sequence[Finding]) -> tuple[int, int, float]:
    """(subject words of a, of b, shared words with shared entities counting half)."""
    spans = [e for f in found for e in f.differing]
    ca = _masked_content(a, [e for e in spans if e.side == "a"])
    cb = _masked_content(b, [e for e in spans if e.side == "b"])
    return len(ca), len(cb), len(ca & cb) + 0.5 * len(a.entity_ids & b.entity_ids)


def subject_cover(a: ClaimView, b: ClaimView, found: Sequence[Finding] = ()) -> float:
    """How much of the shorter claim's subject the other shares, differing spans left out (0..1)."""
    size_a, size_b, shared = _subject_parts(a, b, found)
    if not size_a or not size_b:
        return 0.0
    return min(1.0, shared / min(size_a, size_b))


def _clause_terms(v: ClaimView, differing: Sequence[Evidence], clauses: set[int] | None) -> set[str]:
    """What the given clauses of a claim state: content stems, a named entity as one term.

    Left out: the differing spans, figures, antonym words, and who says it (speaker and reporting
    verb). An entity counts as its identifier, so "Al-Nusra Front" and "the Nusra Front" match.
    """
    terms: set[str] = set()
    for index, token in enumerate(v.tokens):
        if clauses is not None and v.clauses[index] not in clauses:
            continue
        if not _is_content(token) or token.lower in ANTONYMS or token.lower[:1].isdigit():
            continue
        if _overlaps(token, ((e.start, e.end) for e in differing)) or _overlaps(token, v.attribution):
            continue
        terms.add(_term(v, token))
    return terms


def _term(v: ClaimView, token: signals.Token) -> str:
    """A word as compared across claims: its entity's identifier inside a named entity, else its stem."""
    entity = next(
        (eid for start, end, eid in v.entity_spans if start < token.end and token.start < end), None
    )
    return "entity:" + entity if entity is not None else token.stem


def clause_subject(v: ClaimView, spans: Sequence[Evidence]) -> frozenset[str] | None:
    """The subject terms of the first clause holding ``spans`` (of the first clause without spans).

    A clause without a subject of its own ("..., is not playing") takes the nearest one before it.
    None when no clause up to there has a readable subject.
    """
    touched = _touched_clauses(v, spans)
    first = min(touched) if touched else min(v.subjects, default=0)
    for clause in range(first, -1, -1):
        if clause in v.subjects:
            words = [v.tokens[i] for i in v.subjects[clause]]
            if all(t.lower in _GENERIC_SUBJECTS for t in words):
                return None
            return frozenset(_term(v, t) for t in words)
    return None


def _overlaps(token: signals.Token, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < token.end and token.start < end for start, end in spans)


@dataclass(frozen=True, slots=True)
class ClauseOverlap:
    """What the clauses holding the differences state on each side, and how much of it they share.

    A long news sentence often goes on after its claim (an appositive, a relative clause, a second
    statement): measured on the clauses where the claims differ, "X has not done Y, a step Z has
    demanded for months" is read as "X has not done Y", the way a short sentence would be.
    Without a typed difference, the whole claims are compared.
    """

    terms_a: frozenset[str]
    terms_b: frozenset[str]

    def cover(self, side: str) -> float:
        """The share of one side's terms that the other side states too."""
        mine = self.terms_a if side == "a" else self.terms_b
        return len(self.terms_a & self.terms_b) / len(mine) if mine else 0.0

    def idf_cover(self, side: str, idf: Idf) -> float:
        """``cover`` with every term weighed by its rarity (an entity weighs as a rare word)."""
        mine = self.terms_a if side == "a" else self.terms_b
        mass = sum(idf.weight(t) for t in mine)
        shared = sum(idf.weight(t) for t in mine if t in self.terms_a and t in self.terms_b)
        return shared / mass if mass else 0.0


def clause_overlap(a: ClaimView, b: ClaimView, found: Sequence[Finding]) -> ClauseOverlap:
    """The terms of the clauses that hold the differences of ``found`` (all clauses without any)."""
    differing = [e for f in found for e in f.differing]
    evidence = [e for f in found for e in f.evidence]
    sides = []
    for side, v in (("a", a), ("b", b)):
        clauses = _touched_clauses(v, [e for e in evidence if e.side == side]) if found else None
        sides.append(frozenset(_clause_terms(v, [e for e in differing if e.side == side], clauses)))
    return ClauseOverlap(sides[0], sides[1])


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


def _idf_features(a: ClaimView, b: ClaimView, idf: Idf) -> dict[str, float]:
    """Overlap weighted by how rare each word is (rare shared words say more than "the")."""
    count_a, count_b = Counter(a.stems), Counter(b.stems)
    weight = idf.weight
    dot = sum(weight(w) ** 2 * min(n, count_b[w]) for w, n in count_a.items() if w in count_b)
    norm_a = math.sqrt(sum((weight(w) * n) ** 2 for w, n in count_a.items()))
    norm_b = math.sqrt(sum((weight(w) * n) ** 2 for w, n in count_b.items()))
    set_a, set_b = set(count_a), set(count_b)
    mass_a, mass_b = sum(map(weight, set_a)), sum(map(weight, set_b))
    shared = sum(map(weight, set_a & set_b))
    cover_a = shared / mass_a if mass_a else 0.0
    cover_b = shared / mass_b if mass_b else 0.0
    return {
        "idf_cosine": dot / (norm_a * norm_b) if norm_a and norm_b else 0.0,
        "idf_cover_min": min(cover_a, cover_b),
        "idf_cover_max": max(cover_a, cover_b),
        "idf_unmatched_log": math.log1p(sum(map(weight, set_a ^ set_b))),
    }


def _best_match(token: signals.Token, spellings: Sequence[str]) -> float:
    """How well some word of the other claim (none with this word's stem; figures left out) stands
    for this one: 0.9 for a shared five-letter prefix ("Syrian" / "Syria"), else the best spelling
    similarity of at least 0.8 ("Gadhafi" / "Qaddafi"), else 0. Figures match only by stem. The
    spelling scores are computed in one rapidfuzz call."""
    word = token.lower
    if word[:1].isdigit() or not spellings:
        return 0.0
    prefix = word[:_SHARED_PREFIX] if len(word) >= _SHARED_PREFIX else None
    shared = [
        o for o in spellings if prefix is not None and len(o) >= _SHARED_PREFIX and o.startswith(prefix)
    ]
    # A shared prefix scores _NEAR_MATCH whatever its spelling; the other words by their spelling.
    floor = _NEAR_MATCH if shared else 0.0
    rest = [o for o in spellings if o not in shared] if shared else spellings
    # The cutoff a hair below the threshold: rapidfuzz's cutoff is applied to the distance, and a
    # score of exactly 0.8 must pass.
    found = process.extractOne(
        word, rest, scorer=Indel.normalized_similarity, score_cutoff=_NEAR_SPELLING - 1e-6
    )
    score = float(found[1]) if found is not None else 0.0
    return max(floor, score if score >= _NEAR_SPELLING else 0.0)


def _alignment_features(a: ClaimView, b: ClaimView, idf: Idf) -> dict[str, float]:
    """Each content word aligned to its best match in the other claim, weighed by its rarity.

    Unlike the exact overlaps, a derived or variant form still counts ("Syrian rebels" and
    "rebels in Syria"); the harmonic mean of both directions falls when either claim says much
    that the other does not, which is what a graded similarity asks for.
    """
    words_a = {t.stem: t for t in a.tokens if _is_content(t)}
    words_b = {t.stem: t for t in b.tokens if _is_content(t)}

    def aligned(mine: Mapping[str, signals.Token], other: Mapping[str, signals.Token]) -> tuple[float, float]:
        mass = covered = unmatched = 0.0
        spellings = [o.lower for o in other.values() if not o.lower[:1].isdigit()]
        for stem, token in mine.items():
            weight = idf.weight(stem)
            best = 1.0 if stem in other else _best_match(token, spellings)
            mass += weight
            covered += weight * best
            unmatched += weight if best < _UNMATCHED else 0.0
        return (covered / mass if mass else 0.0), unmatched

    (cover_a, unmatched_a), (cover_b, unmatched_b) = aligned(words_a, words_b), aligned(words_b, words_a)
    return {
        "align_idf_min": min(cover_a, cover_b),
        "align_idf_max": max(cover_a, cover_b),
        "align_idf_hmean": 2 * cover_a * cover_b / (cover_a + cover_b) if cover_a + cover_b else 0.0,
        "align_unmatched_idf": math.log1p(unmatched_a + unmatched_b),
    }


def _ngram_features(a: ClaimView, b: ClaimView) -> dict[str, float]:
    """Shared word n-grams (stems) as a share of each side, and the longest common run of content."""
    features: dict[str, float] = {}
    for n in (2, 3, 4):
        grams_a = Counter(zip(*(a.stems[i:] for i in range(n)), strict=False))
        grams_b = Counter(zip(*(b.stems[i:] for i in range(n)), strict=False))
        shared = sum((grams_a & grams_b).values())
        share_a = shared / max(sum(grams_a.values()), 1)
        share_b = shared / max(sum(grams_b.values()), 1)
        features[f"ngram{n}_min"], features[f"ngram{n}_max"] = min(share_a, share_b), max(share_a, share_b)
    common = LCSseq.similarity(a.content, b.content)
    shorter, longer = sorted((len(a.content), len(b.content)))
    features["lcs_content_min"] = common / max(shorter, 1)
    features["lcs_content_max"] = common / max(longer, 1)
    total = sum(a.char3.values()) + sum(b.char3.values())
    features["char3_dice"] = 2 * sum((a.char3 & b.char3).values()) / total if total else 0.0
    return features


def pair_features(
    a: ClaimView,
    b: ClaimView,
    fuzzy: dict[str, float],
    found: Sequence[Finding],
    idf: Idf | None = None,
) -> dict[str, float]:
    """The named features of one pair; ``fuzzy`` holds the four rapidfuzz scores (0..1)."""
    ca, cb = a.content_set, b.content_set
    shared = len(ca & cb)
    union = len(ca | cb) or 1
    cover_a = shared / len(ca) if ca else 0.0
    cover_b = shared / len(cb) if cb else 0.0
    bigram_total = len(a.bigrams) + len(b.bigrams)
    len_a, len_b = max(len(a.tokens), 1), max(len(b.tokens), 1)
    by_reason = {f.reason: f for f in found}
    subject = subject_cover(a, b, found)
    sa, sb = a.claim.speaker, b.claim.speaker
    both_speakers = sa is not None and sb is not None
    entities_union = len(a.entity_ids | b.entity_ids)
    negation = by_reason.get("negation")
    antonym = by_reason.get("antonym")
    strength = negation.strength if negation is not None else {}
    features = {
        **fuzzy,
        "word_edit_sim": Indel.normalized_similarity(list(a.stems), list(b.stems)),
        "content_jaccard": shared / union,
        "content_cover_min": min(cover_a, cover_b),
        "content_cover_max": max(cover_a, cover_b),
        "bigram_dice": 2 * len(a.bigrams & b.bigrams) / bigram_total if bigram_total else 0.0,
        "unmatched_log": math.log1p(len(ca ^ cb)),
        "len_ratio": min(len_a, len_b) / max(len_a, len_b),
        "len_diff_log": abs(math.log(len_a / len_b)),
        "len_diff_words": abs(len_a - len_b) / 10.0,
        **_idf_features(a, b, idf or default_model().idf),
        **_alignment_features(a, b, idf or default_model().idf),
        **_ngram_features(a, b),
        "numbers_both": float(bool(a.numbers) and bool(b.numbers)),
        "numbers_shared": float(bool(a.numbers & b.numbers)),
        "numbers_unshared": float(bool(a.numbers ^ b.numbers)),
        "entity_jaccard": len(a.entity_ids & b.entity_ids) / entities_union if entities_union else 0.0,
        "entity_unmatched": math.log1p(len(a.entity_ids ^ b.entity_ids)),
        "negation_mismatch": float(negation is not None),
        "negation_any": float(bool(a.cues) or bool(b.cues)),
        "negation_scope_cover": strength.get("cover", 0.0),
        "negation_head_match": strength.get("head", 0.0),
        "negation_existential": strength.get("existential", 0.0),
        "antonym": float(antonym is not None),
        "antonym_decisive": antonym.strength.get("decisive", 0.0) if antonym is not None else 0.0,
        "quantity_conflict": float("quantity" in by_reason),
        "modality": float("modality" in by_reason),
        "hedge_mismatch": float(a.hedged != b.hedged),
        "speaker_same": float(both_speakers and sa is not None and sb is not None and sa.id == sb.id),
        "speaker_differ": float("attribution" in by_reason),
        "time_conflict": float("time" in by_reason),
        "subject_cover": subject,
    }
    weights = idf or default_model().idf
    overlap = clause_overlap(a, b, found)
    covers = sorted((overlap.cover("a"), overlap.cover("b")))
    idf_covers = sorted((overlap.idf_cover("a", weights), overlap.idf_cover("b", weights)))
    features["clause_content_cover_min"], features["clause_content_cover_max"] = covers
    features["clause_idf_cover_min"], features["clause_idf_cover_max"] = idf_covers
    features["clause_cover"] = covers[1]
    # Denying a more specific statement ("no girl playing a grand piano on stage") does not deny
    # the general one ("a girl is playing the piano"): what each side says beyond the other, in
    # the clauses where they differ.
    if negation is not None:
        negating = "a" if negation.side == "a" else "b"
        asserting = "b" if negating == "a" else "a"
        features["negated_extra"] = 1.0 - overlap.cover(negating)
        features["asserted_extra"] = 1.0 - overlap.cover(asserting)
    else:
        features["negated_extra"] = features["asserted_extra"] = 0.0
    features["negation_x_subject"] = features["negation_mismatch"] * covers[1]
    features["antonym_x_subject"] = features["antonym"] * covers[1]
    features.update(_subject_features(a, b, found))
    features["negation_modifier"] = strength.get("modifier", 0.0)
    return features


def _subject_features(a: ClaimView, b: ClaimView, found: Sequence[Finding]) -> dict[str, float]:
    """Whether the clauses that differ speak of the same subject, and where an antonym stands.

    "There is no man riding a horse" does not deny "a woman is riding a horse": a negation or an
    antonym contradicts only what is said of the same subject. An antonym inside the subject ("a big
    dog" / "a small dog") tells which thing is meant, not what happens to it.
    """
    evidence = [e for f in found for e in f.evidence]
    subject_a = clause_subject(a, [e for e in evidence if e.side == "a"])
    subject_b = clause_subject(b, [e for e in evidence if e.side == "b"])
    known = subject_a is not None and subject_b is not None
    shared = bool(subject_a and subject_b and subject_a & subject_b)
    in_subject = False
    for side, v in (("a", a), ("b", b)):
        subject_tokens = [v.tokens[i] for indexes in v.subjects.values() for i in indexes]
        spans = [
            (e.start, e.end) for f in found if f.reason == "antonym" for e in f.evidence if e.side == side
        ]
        in_subject = in_subject or any(_overlaps(t, spans) for t in subject_tokens)
    return {
        "subject_same": float(known and shared),
        "subject_differ": float(known and not shared),
        "antonym_in_subject": float(in_subject),
    }


def features_many(
    query: ClaimView, candidates: Sequence[ClaimView], idf: Idf | None = None
) -> list[tuple[dict[str, float], list[Finding]]]:
    """Features and findings of one claim against many (fuzzy scores computed in one call per scorer)."""
    if not candidates:
        return []
    scores = fuzzy_scores(query.key, [c.key for c in candidates])
    result = []
    for index, candidate in enumerate(candidates):
        found = findings(query, candidate)
        fuzzy = {name: row[index] for name, row in scores.items()}
        result.append((pair_features(query, candidate, fuzzy, found, idf), found))
    return result
