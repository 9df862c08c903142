"""Stories: the articles of one event across outlets, and what they agree on, contest, or say alone.

A story is read from the stored relations when it is asked for, so an article moves to another story
as soon as new relations link it there. It grows from one article: every article that one of its
claims agrees with or contradicts (or shares at least ``RELATED_LINKS`` merely related claims with)
joins, then theirs, up to ``MAX_STORY_ARTICLES``. Its id is its first article's (published first,
then by id); any member's id finds it.

Inside a story, claims that agree (``equivalent``, across outlets or within one) form a claim group:
one fact, every outlet that states it with its own wording and offsets. A group stated by two
outlets or more is *agreed*, with the number of independent origins among them (copies of one wire
report count once: ``claimdiff.origins``); a contradiction between two outlets' claims is *contested*;
a group of one outlet that nobody contradicts is *unique*.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimdiff.api_models import (
    ArticleSummary,
    ClaimGroup,
    Contest,
    StoryClaim,
    StoryDetail,
    StoryPage,
    StorySummary,
)
from claimdiff.concurrency import map_io
from claimdiff.errors import NotFoundError
from claimdiff.models import Article, ArticleStatus, Claim, Relation
from claimdiff.origins import origins
from claimdiff.store.ports import ClaimStore

MAX_STORY_ARTICLES = 25
RELATED_LINKS = 2  # merely related claims two articles must share to be one story
MAX_LISTED = 50  # groups, contests and unique claims shown per section of a story
_PAGE_READS = 5  # article pages read at most to fill one page of stories


@dataclass
class _Story:
    """The articles of a story with their claims and the relations among those claims."""

    articles: dict[str, Article] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    @property
    def members(self) -> list[Article]:
        """The articles, first published first."""
        return sorted(self.articles.values(), key=_published_order)

    @property
    def id(self) -> str:
        return self.members[0].id


def get_story(store: ClaimStore, article_id: str) -> StoryDetail:
    """The story an article belongs to: its outlets and articles, the agreed claim groups, the
    contested claims and the claims only one outlet makes."""
    article = store.get_article(article_id)
    if article is None or article.status is not ArticleStatus.PROCESSED:
        raise NotFoundError(f"no story holds article {article_id!r}")
    return _detail(_grow(store, article))


def list_stories(
    store: ClaimStore,
    *,
    outlet: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    cursor: str | None,
) -> StoryPage:
    """One page of stories, newest first (by their latest article), optionally with an article of one
    outlet, or one published between ``since`` and ``until`` (inclusive days).

    The articles are read newest first; a story is listed where its newest article that passes the
    filters comes, so it is listed once across pages.
    """
    items: list[StorySummary] = []
    grown: dict[str, _Story] = {}  # by member article: a page often holds several articles of one story
    for _ in range(_PAGE_READS):
        page = store.list_articles(outlet=outlet, limit=limit - len(items), cursor=cursor)
        for article in page.items:
            if article.status is not ArticleStatus.PROCESSED or not _within(article, since, until):
                continue
            story = grown.get(article.id) or _grow(store, article)
            grown.update(dict.fromkeys(story.articles, story))
            listed = [a for a in story.members if _passes(a, outlet, since, until)]
            if listed and listed[-1].id == article.id:
                items.append(_summary(story))
        cursor = page.next_cursor
        if len(items) >= limit or cursor is None or _before(page.items, since):
            break
    return StoryPage(items=items, next_cursor=None if _before(page.items, since) else cursor)


def _grow(store: ClaimStore, first: Article) -> _Story:
    """The story grown from one article, breadth first."""
    story = _Story(articles={first.id: first})
    frontier = [first]
    while frontier:
        linked: set[str] = set()
        for article in frontier:
            claims = store.list_claims(article.id)
            story.claims.update((c.id, c) for c in claims)
            relations = [r for stored in map_io(store.list_relations, [c.id for c in claims]) for r in stored]
            story.relations.extend(relations)
            linked |= _linked_articles(relations)
        room = MAX_STORY_ARTICLES - len(story.articles)
        new_ids = sorted(linked - story.articles.keys())[: max(room, 0)]
        frontier = [
            a
            for a in map_io(store.get_article, new_ids)
            if a is not None and a.status is ArticleStatus.PROCESSED
        ]
        story.articles.update((a.id, a) for a in frontier)
    # Relations reaching beyond the story (past the cap, or to a deleted article) are not its.
    story.relations = [
        r for r in story.relations if r.other.article_id in story.articles and r.other.id in story.claims
    ]
    return story


def _linked_articles(relations: Sequence[Relation]) -> set[str]:
    """The other articles these relations link to: by one agreement or contradiction, or by
    ``RELATED_LINKS`` merely related claims."""
    strong = {r.other.article_id for r in relations if r.relation in ("equivalent", "contradiction")}
    related = Counter(r.other.article_id for r in relations if r.relation == "related")
    return strong | {article_id for article_id, count in related.items() if count >= RELATED_LINKS}


def _groups(story: _Story) -> list[list[Claim]]:
    """The story's claims joined by agreement, each group in reading order, groups in story order."""
    parent = {claim_id: claim_id for claim_id in story.claims}

    def root(claim_id: str) -> str:
        while parent[claim_id] != claim_id:
            parent[claim_id] = parent[parent[claim_id]]
            claim_id = parent[claim_id]
        return claim_id

    for relation in story.relations:
        if relation.relation == "equivalent":
            a, b = root(relation.claim.id), root(relation.other.id)
            if a != b:
                parent[max(a, b)] = min(a, b)
    order = {article.id: number for number, article in enumerate(story.members)}
    grouped: dict[str, list[Claim]] = {}
    for claim in sorted(story.claims.values(), key=lambda c: (order[c.article_id], c.index)):
        grouped.setdefault(root(claim.id), []).append(claim)
    return list(grouped.values())


def _sections(story: _Story) -> tuple[list[ClaimGroup], list[Contest], list[list[Claim]]]:
    """The agreed groups, the contests (each pair once) and the unique groups of a story."""
    origin = origins(story.members)
    contested: set[str] = set()
    contests: list[Contest] = []
    for relation in sorted(story.relations, key=lambda r: (-r.confidence, r.claim.id, r.other.id)):
        if relation.relation != "contradiction" or relation.claim.outlet == relation.other.outlet:
            continue
        contested |= {relation.claim.id, relation.other.id}
        if relation.claim.id < relation.other.id:
            contests.append(
                Contest(
                    a=_story_claim(story, story.claims[relation.claim.id]),
                    b=_story_claim(story, story.claims[relation.other.id]),
                    confidence=relation.confidence,
                    reasons=relation.reasons,
                    evidence=relation.evidence,
                )
            )
    agreed: list[ClaimGroup] = []
    unique: list[list[Claim]] = []
    for group in _groups(story):
        outlets = sorted({c.outlet for c in group})
        if len(outlets) > 1:
            first = min(group, key=lambda c: _published_order(story.articles[c.article_id]))
            agreed.append(
                ClaimGroup(
                    claims=[_story_claim(story, c) for c in group],
                    outlets=outlets,
                    origins=len({origin[c.article_id] for c in group}),
                    first=_story_claim(story, first),
                )
            )
        elif not contested & {c.id for c in group}:
            unique.append(group)
    agreed.sort(key=lambda g: (-len(g.outlets), -g.origins))
    return agreed, contests, unique


def _detail(story: _Story) -> StoryDetail:
    agreed, contests, unique = _sections(story)
    return StoryDetail(
        id=story.id,
        title=story.members[0].title,
        outlets=sorted({a.outlet for a in story.members}),
        articles=[ArticleSummary.of(a) for a in story.members],
        agreed=agreed[:MAX_LISTED],
        contested=contests[:MAX_LISTED],
        unique=[_story_claim(story, group[0]) for group in unique[:MAX_LISTED]],
        omitted=sum(max(0, len(kept) - MAX_LISTED) for kept in (agreed, contests, unique)),
    )


def _summary(story: _Story) -> StorySummary:
    agreed, contests, unique = _sections(story)
    members = story.members
    return StorySummary(
        id=story.id,
        title=members[0].title,
        outlets=sorted({a.outlet for a in members}),
        articles=len(members),
        first_published_at=members[0].published_at,
        last_published_at=members[-1].published_at,
        agreed=len(agreed),
        contested=len(contests),
        unique=len(unique),
    )


def _story_claim(story: _Story, claim: Claim) -> StoryClaim:
    article = story.articles[claim.article_id]
    return StoryClaim(
        id=claim.id,
        article_id=claim.article_id,
        outlet=claim.outlet,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        speaker=claim.speaker.name if claim.speaker else None,
        published_at=article.published_at,
    )


def _published_order(article: Article) -> tuple[str, str]:
    """Earliest first; an undated article after the dated ones; the id breaks ties."""
    when = article.published_at
    return (when.isoformat() if when is not None else "~", article.id)


def _day(article: Article) -> dt.date | None:
    when = article.published_at
    return when.date() if isinstance(when, dt.datetime) else when


def _within(article: Article, since: dt.date | None, until: dt.date | None) -> bool:
    day = _day(article)
    if since is None and until is None:
        return True
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def _passes(article: Article, outlet: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    return (outlet is None or article.outlet == outlet) and _within(article, since, until)


def _before(articles: Sequence[Article], since: dt.date | None) -> bool:
    """Whether the listing has gone past ``since`` (articles come newest first)."""
    days = [d for a in articles if (d := _day(a)) is not None]
    return since is not None and bool(days) and min(days) < since
