"""Contested claims as schema.org ``ClaimReview`` JSON-LD (Google's fact-check markup).

A contradiction between two outlets is published as a review of one outlet's claim: the claim
(``claimReviewed``), who made it and where it appeared (``itemReviewed``: a ``Claim`` with its
author, its appearance and its date), the verdict (``reviewRating.alternateName``: disputed by
another outlet, with the typed reason) and the other outlet's report it is based on
(``isBasedOn``). claimdiff rates no claim true or false: the rating says that outlets disagree.

Pure: the use case (``comparison.contradiction_reviews``) reads the claims and articles and hands
them in. Every field is always filled, so the JSON carries no nulls.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from claimdiff.models import CONFLICT_WORDS, Article, Claim, Relation, calendar_day

REVIEWER = "claimdiff"
DISPUTED = "Disputed by another outlet"


class _JsonLd(BaseModel):
    # Serialised by alias: camelCase property names, "@type" and "@context".
    model_config = ConfigDict(extra="forbid", populate_by_name=True, alias_generator=to_camel)


class Organization(_JsonLd):
    """A news outlet, or claimdiff as the reviewer."""

    type_: Literal["Organization"] = Field(default="Organization", alias="@type")
    name: str


class Person(_JsonLd):
    """Someone an outlet quotes."""

    type_: Literal["Person"] = Field(default="Person", alias="@type")
    name: str


class CreativeWork(_JsonLd):
    """An article, with the passage that matters."""

    type_: Literal["CreativeWork"] = Field(default="CreativeWork", alias="@type")
    url: str
    text: str
    date_published: dt.date
    publisher: Organization


class ReviewedClaim(_JsonLd):
    """The claim as made: by whom, where, when."""

    type_: Literal["Claim"] = Field(default="Claim", alias="@type")
    author: Organization | Person
    date_published: dt.date
    appearance: list[CreativeWork]
    first_appearance: CreativeWork


class Rating(_JsonLd):
    """The verdict in words (no numeric truth scale: claimdiff finds disagreement, not truth)."""

    type_: Literal["Rating"] = Field(default="Rating", alias="@type")
    alternate_name: str
    rating_explanation: str


class ClaimReview(_JsonLd):
    """One contested claim, reviewed."""

    context: Literal["https://schema.org"] = Field(default="https://schema.org", alias="@context")
    type_: Literal["ClaimReview"] = Field(default="ClaimReview", alias="@type")
    url: str = Field(description="the page of this review: the claim with its relations")
    claim_reviewed: str
    date_published: dt.date
    author: Organization
    item_reviewed: ReviewedClaim
    review_rating: Rating
    is_based_on: CreativeWork


class ClaimReviewPage(BaseModel):
    """One page of contradictions as ClaimReview JSON-LD, newest first."""

    model_config = ConfigDict(extra="forbid")

    items: list[ClaimReview]
    next_cursor: str | None = None


def review(
    relation: Relation,
    claim: Claim,
    article: Article | None,
    other_article: Article | None,
    *,
    site: str,
) -> ClaimReview:
    """The review of ``relation.claim`` that ``relation`` (a contradiction) supports.

    ``site`` is the API's absolute base URL; an article known by no URL of its own appears at its
    page there. Dates fall back to the day the contradiction was found.
    """
    found = (relation.detected_at or dt.datetime.now(dt.UTC)).date()
    reported = CreativeWork(
        url=_article_url(article, claim.article_id, site),
        text=claim.text,
        date_published=_day(article, found),
        publisher=Organization(name=claim.outlet),
    )
    other = relation.other
    based_on = CreativeWork(
        url=_article_url(other_article, other.article_id, site),
        text=other.text,
        date_published=_day(other_article, found),
        publisher=Organization(name=other.outlet),
    )
    reasons = ", ".join(CONFLICT_WORDS.get(r, r) for r in relation.reasons) or "conflicting reports"
    return ClaimReview(
        url=f"{site}/claims/{quote(claim.id, safe='')}",
        claim_reviewed=claim.text,
        date_published=found,
        author=Organization(name=REVIEWER),
        item_reviewed=ReviewedClaim(
            author=_author(claim),
            date_published=reported.date_published,
            appearance=[reported],
            first_appearance=reported,
        ),
        review_rating=Rating(
            alternate_name=f"{DISPUTED} ({other.outlet}: {reasons})",
            rating_explanation=relation.explanation or f"{other.outlet} reports otherwise: {other.text}",
        ),
        is_based_on=based_on,
    )


def _author(claim: Claim) -> Organization | Person:
    """Who makes the claim: the person quoted, else the organisation or outlet that asserts it."""
    speaker = claim.speaker
    if speaker is None or speaker.kind == "outlet":
        return Organization(name=claim.outlet)
    if speaker.kind == "person":
        return Person(name=speaker.name)
    return Organization(name=speaker.name)


def _article_url(article: Article | None, article_id: str, site: str) -> str:
    if article is not None and article.url:
        return article.url
    return f"{site}/articles/{quote(article_id, safe='')}"


def _day(article: Article | None, fallback: dt.date) -> dt.date:
    when = article.published_at if article is not None else None
    if when is None:
        return fallback
    return calendar_day(when)
