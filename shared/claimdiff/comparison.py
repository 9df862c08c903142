"""Read-side use cases behind the REST API: listings, one article's comparison, text comparisons.

Each function takes the ``ClaimStore`` port (or nothing, for the stateless comparisons), raises
``NotFoundError`` for unknown ids and lets the store raise ``InvalidRequestError`` for bad cursors.
The HTTP mapping of those errors lives in ``functions/api/app.py`` only.
"""

from __future__ import annotations

from claimdiff import claimreview
from claimdiff.api_models import (
    MAX_LINKS_PER_KIND,
    MAX_RELATIONS,
    ArticleComparison,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    CheckResponse,
    ClaimComparison,
    ClaimList,
    ClaimWithRelations,
    CompareResponse,
    ComparisonSummary,
    ContradictionPage,
    Link,
    MatchingProgress,
)
from claimdiff.claimreview import ClaimReviewPage
from claimdiff.concurrency import map_io
from claimdiff.errors import NotFoundError
from claimdiff.models import Article, ArticleStatus, Relation
from claimdiff.origins import origins
from claimdiff.store.ports import ClaimStore


def list_articles(store: ClaimStore, *, outlet: str | None, limit: int, cursor: str | None) -> ArticlePage:
    """One page of articles, newest first, optionally of one outlet."""
    page = store.list_articles(outlet=outlet, limit=limit, cursor=cursor)
    return ArticlePage(items=[ArticleSummary.of(a) for a in page.items], next_cursor=page.next_cursor)


def get_article(store: ClaimStore, article_id: str) -> ArticleDetail:
    """An article's metadata: status, rejection reason, claim count, where it came from, and how far
    the matching of its claims has come."""
    article = _require_article(store, article_id)
    detail = ArticleDetail.of(article)
    if article.status is ArticleStatus.PROCESSED:
        matched, claims = store.matching_progress(article_id)
        detail.matching = MatchingProgress(claims=claims, matched=matched, complete=matched == claims)
    return detail


def list_article_claims(store: ClaimStore, article_id: str) -> ClaimList:
    """An article's claims in reading order (empty for a rejected article)."""
    _require_article(store, article_id)
    return ClaimList(items=store.list_claims(article_id))


def get_claim(store: ClaimStore, claim_id: str) -> ClaimWithRelations:
    """A claim and its relations with other outlets' claims."""
    claim = store.get_claim(claim_id)
    if claim is None:
        raise NotFoundError(f"claim {claim_id!r} does not exist")
    relations = _by_confidence(store.list_relations(claim_id))
    return ClaimWithRelations(
        **claim.model_dump(),
        relations=relations[:MAX_RELATIONS],
        relations_omitted=max(0, len(relations) - MAX_RELATIONS),
    )


def list_contradictions(
    store: ClaimStore, *, outlet: str | None, limit: int, cursor: str | None
) -> ContradictionPage:
    """One page of contradictions, newest first, each pair once, optionally involving one outlet."""
    page = store.list_contradictions(outlet=outlet, limit=limit, cursor=cursor)
    return ContradictionPage(items=page.items, next_cursor=page.next_cursor)


def contradiction_reviews(
    store: ClaimStore, *, outlet: str | None, limit: int, cursor: str | None, site: str
) -> ClaimReviewPage:
    """The same page as ``list_contradictions``, each contradiction as a schema.org ClaimReview of
    its first claim; ``site`` is the API's absolute base URL (the reviews link to its pages)."""
    page = store.list_contradictions(outlet=outlet, limit=limit, cursor=cursor)
    claims = {c.id: c for c in store.get_claims([r.claim.id for r in page.items])}
    article_ids = sorted({r.claim.article_id for r in page.items} | {r.other.article_id for r in page.items})
    articles = dict(zip(article_ids, map_io(store.get_article, article_ids), strict=True))
    reviews = [
        claimreview.review(
            relation,
            claims[relation.claim.id],
            articles[relation.claim.article_id],
            articles[relation.other.article_id],
            site=site,
        )
        for relation in page.items
        if relation.claim.id in claims  # a claim deleted since the listing was read has no review
    ]
    return ClaimReviewPage(items=reviews, next_cursor=page.next_cursor)


def compare_article(store: ClaimStore, article_id: str) -> ArticleComparison:
    """Per claim of the article: what other outlets corroborate, contradict or relate to it.

    A claim is *unique* when no other outlet has an equivalent or a contradicting claim: merely
    related claims (the same subject, neither agreeing nor disagreeing) leave it unique.
    Relations between two claims of the same outlet are ignored: agreement with oneself is no
    corroboration.
    """
    article = _require_article(store, article_id)
    claims = store.list_claims(article_id)
    related = [
        [r for r in stored if r.other.outlet != claim.outlet]
        for claim, stored in zip(claims, _relations_of(store, [c.id for c in claims]), strict=True)
    ]
    origin = _origins(store, article, related)
    compared: list[ClaimComparison] = []
    for claim, relations in zip(claims, related, strict=True):
        links = [
            Link.of(r).model_copy(update={"origin": origin.get(r.other.article_id)})
            for r in _by_confidence(relations)
        ]
        kinds = {
            kind: [link for link in links if link.relation == kind]
            for kind in ("equivalent", "contradiction", "related")
        }
        compared.append(
            ClaimComparison(
                claim=claim,
                corroborating=kinds["equivalent"][:MAX_LINKS_PER_KIND],
                contradicting=kinds["contradiction"][:MAX_LINKS_PER_KIND],
                related=kinds["related"][:MAX_LINKS_PER_KIND],
                omitted=sum(max(0, len(kept) - MAX_LINKS_PER_KIND) for kept in kinds.values()),
                origins=len({origin[article.id], *(link.origin for link in kinds["equivalent"])}),
            )
        )
    unique = [c.claim for c in compared if not c.corroborating and not c.contradicting]
    summary = ComparisonSummary(
        claims=len(compared),
        agreed=sum(1 for c in compared if c.corroborating),
        agreed_independently=sum(1 for c in compared if c.origins > 1),
        contradicted=sum(1 for c in compared if c.contradicting),
        unique=len(unique),
    )
    return ArticleComparison(
        article=ArticleSummary.of(article),
        origin=origin[article.id],
        claims=compared,
        unique=unique,
        summary=summary,
    )


def compare_texts(a: str, b: str) -> CompareResponse:
    """How two claims or sentences relate; nothing is stored."""
    # Imported here: the matcher loads its weights, which only the POST routes need (cold start).
    from claimdiff.extract import analyse_sentence  # noqa: PLC0415
    from claimdiff.match import compare  # noqa: PLC0415

    claim_a = analyse_sentence(a)
    claim_b = analyse_sentence(b)
    result = compare(claim_a, claim_b)
    return CompareResponse(**result.model_dump(), a=claim_a, b=claim_b)


def check_claim(claim: str, article: str) -> CheckResponse:
    """Whether an article supports, contradicts, discusses or ignores a claim; nothing is stored."""
    from claimdiff.match import check  # noqa: PLC0415  (see compare_texts)

    verdict = check(claim, article)
    return CheckResponse.model_validate(verdict.model_dump())


def _require_article(store: ClaimStore, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        raise NotFoundError(f"article {article_id!r} does not exist")
    return article


def _origins(store: ClaimStore, article: Article, related: list[list[Relation]]) -> dict[str, str]:
    """The origin of the article and of each article its claims are related to (``origins.origins``);
    an article deleted since its relation was stored is its own origin."""
    other_ids = sorted({r.other.article_id for relations in related for r in relations} - {article.id})
    found = [a for a in map_io(store.get_article, other_ids) if a is not None]
    origin = origins([article, *found])
    return {**{article_id: article_id for article_id in other_ids}, **origin}


def _relations_of(store: ClaimStore, claim_ids: list[str]) -> list[list[Relation]]:
    """The relations of each claim, in order; read concurrently (one query per claim, I/O bound)."""
    return map_io(store.list_relations, claim_ids)


def _by_confidence(relations: list[Relation]) -> list[Relation]:
    # Most confident first; the other claim's id breaks ties so answers are stable.
    return sorted(relations, key=lambda r: (-r.confidence, r.other.id))
