"""The REST API's request and response bodies (the OpenAPI schema is generated from these).

Domain models (``claimdiff.models``) are reused where the API shows them as they are (claims,
relations, evidence); the views here add what a reader of one endpoint needs and leave out what
it must not see (an article's S3 body, internals of an error).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from claimdiff.models import (
    Article,
    ArticleStatus,
    CheckEvidence,
    Claim,
    ClaimRef,
    ClaimSnapshot,
    DateSource,
    Evidence,
    ReasonCode,
    Relation,
    RelationKind,
    VerdictKind,
)

MAX_SENTENCE_CHARS = 5000
MAX_CHECK_ARTICLE_CHARS = 100_000
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must contain some text, not only whitespace")
    if _CONTROL.search(value):
        # Offsets in the answer point into the text as sent, so it is refused rather than cleaned.
        raise ValueError("must not contain control characters (other than tab and line breaks)")
    return value


Sentence = Annotated[
    str,
    Field(min_length=1, max_length=MAX_SENTENCE_CHARS, description="a claim or sentence"),
    AfterValidator(_not_blank),
]


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(_View):
    """The API is up."""

    status: Literal["ok"] = "ok"
    version: str


class ErrorDetail(_View):
    """One thing wrong with a request."""

    location: str = Field(description="where: e.g. query.limit, body.a, path.article_id, cursor")
    message: str
    type: str = Field(description="a stable machine-readable code, e.g. less_than_equal, missing")


class ErrorResponse(_View):
    """Every error answer has this body."""

    status: int = Field(description="the HTTP status code, repeated")
    error: str = Field(description="not_found, invalid_request, validation_error or internal_error")
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)
    request_id: str | None = Field(default=None, description="quote it when reporting a problem")


class ArticleSummary(_View):
    """An article as listings show it."""

    id: str
    outlet: str
    title: str | None = None
    url: str | None = None
    published_at: dt.datetime | dt.date | None = None
    status: ArticleStatus
    reason: str | None = Field(default=None, description="why the article was rejected, when it was")
    claim_count: int
    duplicate_of: str | None = Field(
        default=None,
        description="a near-copy of this outlet's earlier article: its claims are that article's, counted once",
    )
    s3_key: str | None = None

    @classmethod
    def of(cls, article: Article) -> Self:
        """This view of a stored article: its fields, taken from the article."""
        return cls.model_validate(article.model_dump(include=set(cls.model_fields)))


class MatchingProgress(_View):
    """How far the matching of an article's claims against other outlets has come."""

    claims: int
    matched: int
    complete: bool = Field(
        description="every claim matched: the comparison will not change until new articles arrive"
    )


class ArticleDetail(ArticleSummary):
    """An article's metadata (its body stays in S3)."""

    matching: MatchingProgress | None = Field(default=None, description="for a processed article")
    published_at_source: DateSource | None = Field(
        default=None,
        description="where published_at came from: document, object_metadata, or ingest_time (none given)",
    )

    notes: list[str] = Field(
        default_factory=list,
        description="what was left out of an accepted article (a bad url or date), and why",
    )
    s3_bucket: str | None = None
    s3_version: str | None = None
    etag: str | None = None
    content_hash: str | None = None
    ingested_at: dt.datetime | None = None
    processing_version: str | None = Field(
        default=None, description="the code and data that extracted its claims (see claimdiff reprocess)"
    )


class ArticlePage(_View):
    """One page of articles; pass ``next_cursor`` back as ``cursor`` for the next (null: the end)."""

    items: list[ArticleSummary]
    next_cursor: str | None = None


class ClaimList(_View):
    """An article's claims in reading order."""

    items: list[Claim]


# Links a response carries per claim and kind, relations per claim: the most confident; the rest are
# counted. A flood of near-copies must not grow a response past what a client (or Lambda) can carry.
MAX_LINKS_PER_KIND = 25
MAX_RELATIONS = 100


class ClaimWithRelations(Claim):
    """A claim and its stored relations with other outlets' claims, seen from this claim."""

    relations: list[Relation] = Field(
        default_factory=list, description=f"the {MAX_RELATIONS} most confident, most confident first"
    )
    relations_omitted: int = Field(default=0, description="less confident relations left out")


class ContradictionPage(_View):
    """One page of contradictions, newest first, each pair once."""

    items: list[Relation]
    next_cursor: str | None = None


class Link(_View):
    """Another outlet's claim related to the claim being compared; evidence side "a" is that claim."""

    other: ClaimRef
    relation: RelationKind
    confidence: float
    reasons: list[ReasonCode] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: str | None = None
    detected_at: dt.datetime | None = None
    processing_version: str | None = Field(default=None, description="the code and data that judged the pair")
    origin: str | None = Field(
        default=None,
        description="where the other claim's article comes from: wire:<service> for a wire's copy (and "
        "near-copies of it), else the first article id of its group of near-copies (claimdiff.origins)",
    )

    @classmethod
    def of(cls, relation: Relation) -> Link:
        """The link a relation draws from its claim to the other claim."""
        return cls.model_validate(relation.model_dump(exclude={"claim"}))


class ClaimComparison(_View):
    """One claim of the article and what other outlets say about it, most confident first."""

    claim: Claim
    corroborating: list[Link] = Field(description="equivalent claims of other outlets")
    contradicting: list[Link] = Field(description="incompatible claims of other outlets, with reasons")
    related: list[Link] = Field(
        description="other outlets' claims about the same thing, neither (kept only where the "
        "deployment sets RELATED_PER_CLAIM: the closest few per claim)"
    )
    omitted: int = Field(
        default=0, description=f"links left out: each kind carries its {MAX_LINKS_PER_KIND} most confident"
    )
    origins: int = Field(
        default=1,
        description="independent origins stating the claim: this article's and its corroborators' (copies of "
        "one wire report, or near-copies of one article, count once)",
    )


class ComparisonSummary(_View):
    """Counts of the article's claims."""

    claims: int
    agreed: int = Field(description="claims with at least one corroborating claim")
    agreed_independently: int = Field(
        default=0, description="claims corroborated from at least one other origin than this article's"
    )
    contradicted: int = Field(description="claims with at least one contradicting claim")
    unique: int = Field(description="claims no other outlet corroborates or contradicts")


class ArticleComparison(_View):
    """What the other outlets agree with, contradict, and do not cover in one article."""

    article: ArticleSummary
    origin: str | None = Field(
        default=None,
        description="the article's origin (see Link.origin): a link of the same origin is a copy",
    )
    claims: list[ClaimComparison]
    unique: list[Claim] = Field(description="claims no other outlet corroborates or contradicts")
    summary: ComparisonSummary


class CompareRequest(_View):
    """Two claims or sentences to compare."""

    a: Sentence
    b: Sentence


class CompareResponse(_View):
    """How two texts relate; evidence side "a" points into ``a.text``, side "b" into ``b.text``."""

    relation: RelationKind
    confidence: float
    reasons: list[ReasonCode] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: str | None = None
    a: Claim
    b: Claim


class CheckRequest(_View):
    """A claim and an article's full text."""

    claim: Sentence
    article: Annotated[
        str,
        Field(min_length=1, max_length=MAX_CHECK_ARTICLE_CHARS, description="the article's full text"),
        AfterValidator(_not_blank),
    ]


class CheckResponse(_View):
    """What the article does with the claim; evidence offsets point into the article text."""

    verdict: VerdictKind
    confidence: float
    evidence: list[CheckEvidence] = Field(default_factory=list)


class StoryClaim(_View):
    """One outlet's claim in a story: its wording and where it sits in its article's text."""

    id: str
    article_id: str
    outlet: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    published_at: dt.datetime | dt.date | None = Field(default=None, description="its article's date")


class ClaimGroup(_View):
    """One fact stated by several outlets: each outlet's claim, as worded there."""

    claims: list[StoryClaim]
    outlets: list[str]
    origins: int = Field(
        description="independent origins among the claims' articles (copies of one wire report count once)"
    )
    first: StoryClaim = Field(description="the claim of the article published first: who reported it first")


class Contest(_View):
    """Two outlets' claims that cannot both be true; evidence side "a" points into ``a.text``."""

    a: StoryClaim
    b: StoryClaim
    confidence: float
    reasons: list[ReasonCode] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class StorySummary(_View):
    """A story as the listing shows it."""

    id: str = Field(description="the id of the story's first article; any member's id finds the story")
    title: str | None = None
    outlets: list[str]
    articles: int
    first_published_at: dt.datetime | dt.date | None = None
    last_published_at: dt.datetime | dt.date | None = None
    agreed: int = Field(description="claim groups stated by two outlets or more")
    contested: int = Field(description="contradictions between two outlets' claims")
    unique: int = Field(description="claim groups only one outlet states, which nobody contradicts")


class StoryDetail(_View):
    """The articles of one event across outlets: what they agree on, contest, and say alone."""

    id: str
    title: str | None = None
    outlets: list[str]
    articles: list[ArticleSummary] = Field(description="first published first")
    agreed: list[ClaimGroup] = Field(description="most outlets first")
    contested: list[Contest] = Field(description="most confident first")
    unique: list[StoryClaim] = Field(description="claims only one outlet makes (one per claim group)")
    omitted: int = Field(default=0, description="groups, contests or unique claims left out of a long story")


class StoryPage(_View):
    """One page of stories, newest first."""

    items: list[StorySummary]
    next_cursor: str | None = None


class Correction(_View):
    """A claim one version states otherwise than the version before: a correction, or a rewording."""

    before: ClaimSnapshot
    after: ClaimSnapshot


class VersionChanges(_View):
    """What one version of an article added, removed or changed against the version before it."""

    number: int = Field(description="1 for the first version kept")
    ingested_at: dt.datetime
    s3_version: str | None = None
    processing_version: str | None = None
    claims: int = Field(description="claims the version states")
    added: list[ClaimSnapshot] = Field(description="claims the version before did not state")
    removed: list[ClaimSnapshot] = Field(description="claims of the version before that this one drops")
    changed: list[Correction] = Field(description="claims stated otherwise (most of the words kept)")


class ArticleHistory(_View):
    """An article's versions, oldest first: what each upload added, removed or corrected."""

    article: ArticleSummary
    versions: list[VersionChanges]
