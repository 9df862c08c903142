"""The domain's data: articles, claims and what claimdiff says about pairs of them.

Plain pydantic models with no AWS in sight. They are the contract between extraction,
matching, storage, the API and the batch commands; item mapping lives in ``store/``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Model(BaseModel):
    # Stored items are read with these models: a field a newer release added is ignored, not an error,
    # so that a reader of the previous release keeps working during a deploy or after a rollback.
    model_config = ConfigDict(extra="ignore", frozen=False)


SpeakerKind = Literal["person", "group", "organization", "outlet"]
EntityKind = Literal["person", "organization", "place", "group", "other"]
QuoteKind = Literal["direct", "reported", "none"]


class Span(_Model):
    """A piece of text and where it sits: ``source[start:end] == text``."""

    text: str
    start: int
    end: int


class Speaker(_Model):
    """Who makes a claim. ``kind == "outlet"`` when the outlet asserts it in its own voice."""

    name: str
    id: str = Field(description="canonical id, shared by every alias of one real-world speaker")
    kind: SpeakerKind
    role: str | None = Field(
        default=None, description="title stripped from the name, e.g. Secretary of State"
    )
    resolved_from: str | None = Field(default=None, description="the pronoun this speaker was resolved from")


class Quantity(Span):
    """A number in a claim; approximations are intervals ``[low, high]``."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None


class Entity(Span):
    """A named entity with a canonical id (aliases such as US / U.S. / Washington share one id)."""

    id: str
    kind: EntityKind = "other"


# The first and last day a time may mean.
Days = tuple[dt.date, dt.date]


def calendar_day(when: dt.datetime | dt.date) -> dt.date:
    """The day of a date or of a datetime (as written: no time zone conversion)."""
    return when.date() if isinstance(when, dt.datetime) else when


class TimeRef(Span):
    """A time expression; ``date`` is resolved against the article's date when it is known.

    A time that names a span ("last week", "this month", "two weeks ago") keeps its first day in
    ``date`` and its last in ``until``: two times conflict only when their spans do not overlap.
    """

    date: dt.date | None = None
    until: dt.date | None = Field(default=None, description="the span's last day; None: the one day `date`")

    @property
    def days(self) -> Days | None:
        """The first and last day the time may mean, when it is resolved."""
        if self.date is None:
            return None
        return self.date, self.until or self.date


Modality = Literal["done", "planned", "close", "possible", "denied", "questioned"]
TimeAnchor = Literal["event", "statement", "deadline", "expiry", "start", "other"]
Role = Literal["agent", "patient"]
Polarity = Literal["positive", "negative"]


class Predicate(Span):
    """The claim's main verb as written, its lemma, polarity and modality."""

    lemma: str
    polarity: Polarity = "positive"
    modality: Modality = "done"
    negation: str | None = Field(default=None, description="the negation cue, when the predicate is denied")


class Argument(Span):
    """A participant of the predicate, in the active voice's role ("A beat B": A agent, B patient)."""

    role: Role
    key: str = Field(description="what it is compared by: an entity id, or its head word")


class AnchoredTime(TimeRef):
    """A time expression and what it dates: the event, a statement about it, a deadline, an expiry, a
    start, or another thing (``other``: "the Monday session", "after talks ended Friday")."""

    anchor: TimeAnchor = "event"
    key: str | None = Field(
        default=None, description="the time by name, for times without a date: weekday:monday"
    )


class Proposition(_Model):
    """What a claim asserts, read once at extraction; matching compares these slots."""

    predicate: Predicate | None = None
    arguments: list[Argument] = Field(default_factory=list)
    asserted: bool = Field(
        default=True,
        description="the outlet asserts it as fact: its own voice, not hedged, conditional or asked",
    )
    opinion: bool = Field(default=False, description="evaluative or prescriptive wording")
    times: list[AnchoredTime] = Field(default_factory=list)
    start: int = Field(default=0, ge=0, description="where the clause starts in the claim's text")
    end: int = Field(default=0, ge=0, description="where the clause ends in the claim's text")


class Claim(_Model):
    """One check-worthy assertion of an article, with exact offsets into the article's normalised text."""

    id: str
    article_id: str
    outlet: str
    index: int = Field(ge=0, description="position of the claim in its article")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: Speaker | None = None
    cue: str | None = Field(
        default=None, description="the attribution verb or phrase: said, told, according to"
    )
    quote: QuoteKind = "none"
    negated: bool = False
    hedged: bool = False
    conditional: bool = False
    quantities: list[Quantity] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    time: TimeRef | None = None
    checkworthiness: float = Field(default=0.5, ge=0.0, le=1.0)
    published_on: dt.date | None = Field(default=None, description="the article's date, for time windows")
    blocking_keys: list[str] = Field(default_factory=list, description="keys of the candidate index")
    propositions: list[Proposition] = Field(
        default_factory=list, description="what the claim asserts, clause by clause, main clause first"
    )

    processing_version: str | None = Field(
        default=None,
        description="the code and data that made it (claimdiff.versions): x<extractor>.e<engine>.m<model>",
    )

    @property
    def proposition(self) -> Proposition | None:
        """The main clause's proposition (None for claims stored before propositions were read)."""
        return self.propositions[0] if self.propositions else None


# S3 sequencers are hexadecimal strings of varying length, ordered per key once left-padded with zeros.
_SEQUENCER_WIDTH = 40


def sequencer_order(sequencer: str | None) -> str:
    """A form of an S3 event sequencer that sorts as the events happened (no sequencer sorts first)."""
    return (sequencer or "").upper().rjust(_SEQUENCER_WIDTH, "0")


class ArticleStatus(StrEnum):
    """Where an article is in its life."""

    PROCESSED = "PROCESSED"
    REJECTED = "REJECTED"


DateSource = Literal["document", "object_metadata", "ingest_time"]


class Article(_Model):
    """An article's metadata and normalised text (the body itself stays in S3)."""

    id: str
    outlet: str
    title: str | None = None
    url: str | None = None
    published_at: dt.datetime | dt.date | None = None
    published_at_source: DateSource | None = Field(
        default=None,
        description="where the date came from: the document itself (HTML meta or JSON-LD, a <time>, a "
        "JSON published_at), the S3 object's metadata, or none given (ingest_time: claims are dated by "
        "the upload)",
    )
    text: str = ""
    s3_bucket: str | None = None
    s3_key: str | None = None
    s3_version: str | None = None
    etag: str | None = None
    content_hash: str | None = None
    sequencer: str | None = Field(
        default=None,
        description="S3's sequencer of the object change this state was reconciled for, zero-padded to sort",
    )
    status: ArticleStatus = ArticleStatus.PROCESSED
    reason: str | None = None
    notes: list[str] = Field(
        default_factory=list, description="what ingest left out of an accepted article, and why"
    )
    claim_count: int = 0
    duplicate_of: str | None = Field(
        default=None,
        description="the same outlet's earlier article this one nearly copies: its claims count once, there",
    )
    sketch: list[str] = Field(
        default_factory=list,
        description="MinHash sketch of the text (claimdiff.text.sketch), for near-copies",
    )
    claims_digest: str | None = Field(
        default=None, description="fingerprint of the stored claims' ids (ingest checks the store against it)"
    )
    wire: str | None = Field(
        default=None,
        description="the wire service the article credits for its copy (ap, reuters, afp, upi): its origin",
    )
    ingested_at: dt.datetime | None = None
    processing_version: str | None = Field(
        default=None,
        description="the code and data that made it (claimdiff.versions): x<extractor>.e<engine>.m<model>",
    )


RelationKind = Literal["equivalent", "contradiction", "related", "unrelated"]
ReasonCode = Literal[
    "negation",
    "antonym",
    "quantity",
    "modality",
    "attribution",
    "time",
    "paraphrase",
    "same_subject",
    "lexical",
    "roles",
]
# How a contradiction's reason reads in a sentence (explanations, ClaimReview ratings).
CONFLICT_WORDS: dict[ReasonCode, str] = {
    "negation": "negation",
    "antonym": "opposite words",
    "quantity": "incompatible figures",
    "modality": "done versus not yet done",
    "attribution": "same words, different speaker",
    "time": "different dates",
    "roles": "roles swapped",
}
VerdictKind = Literal["supports", "contradicts", "discusses", "unrelated"]


class Evidence(_Model):
    """A differing (or matching) span on one side of a comparison; offsets are into that claim's text."""

    side: Literal["a", "b"]
    text: str
    start: int
    end: int
    reason: ReasonCode | None = None


class Comparison(_Model):
    """What claimdiff says about two claims."""

    relation: RelationKind
    confidence: float = Field(ge=0.0, le=1.0)
    reasons: list[ReasonCode] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: str | None = Field(default=None, description="one line a reader understands")


class ClaimSnapshot(Span):
    """A claim as one version of its article stated it: its id, words and offsets."""

    id: str


class ArticleVersion(_Model):
    """One processed version of an article, kept when a later upload overwrites it."""

    article_id: str
    order: str = Field(description="what orders the versions: the S3 event's sequencer, else the ingest time")
    ingested_at: dt.datetime
    s3_version: str | None = None
    content_hash: str | None = None
    processing_version: str | None = None
    claims: list[ClaimSnapshot] = Field(default_factory=list)


class ClaimRef(_Model):
    """A snapshot of a claim carried by a relation, so that listings need no extra reads."""

    id: str
    article_id: str
    outlet: str
    text: str
    speaker: str | None = None
    negated: bool = False
    hedged: bool = False


class Relation(_Model):
    """A stored comparison of a claim with another outlet's claim (kept in both directions)."""

    claim: ClaimRef
    other: ClaimRef
    relation: RelationKind
    confidence: float
    reasons: list[ReasonCode] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: str | None = None
    detected_at: dt.datetime | None = None
    processing_version: str | None = Field(
        default=None,
        description="the code and data that made it (claimdiff.versions): x<extractor>.e<engine>.m<model>",
    )


class CheckEvidence(_Model):
    """A sentence of the article weighed against a claim: offsets into the article text."""

    text: str
    start: int
    end: int
    relation: RelationKind


class Verdict(_Model):
    """What an article does with a claim: supports, contradicts, discusses, or is unrelated to it."""

    verdict: VerdictKind
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[CheckEvidence] = Field(default_factory=list)


class Page(BaseModel, Generic[T]):
    """One page of a listing; pass ``next_cursor`` back to get the next one (None: the end)."""

    items: list[T]
    next_cursor: str | None = None
