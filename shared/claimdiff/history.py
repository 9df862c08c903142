"""An article's history: what each kept version added, removed or corrected.

Ingest keeps every processed version of an article (``ArticleVersion``: its claims' words and
offsets), while an overwrite replaces the claims themselves. Versions are compared by the claims'
words, not their ids (an id changes with the claim's offsets when an earlier paragraph moves): a
claim of the later version whose words are new is added, one of the earlier version whose words are
gone is removed, and a removed and an added claim that keep most of their words are one claim
stated otherwise (a correction, or a rewording).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from claimdiff.api_models import ArticleHistory, ArticleSummary, Correction, VersionChanges
from claimdiff.errors import NotFoundError
from claimdiff.models import ArticleVersion, ClaimSnapshot
from claimdiff.store.ports import ClaimStore
from claimdiff.text import matching_key

# Two claims of consecutive versions with this share of their words in common are one claim changed.
SAME_CLAIM = 70.0


def article_history(store: ClaimStore, article_id: str) -> ArticleHistory:
    """The article's kept versions, oldest first, each with its changes against the one before."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFoundError(f"article {article_id!r} does not exist")
    versions = store.list_versions(article_id)
    changes = [
        _changes(number, version, versions[number - 2].claims if number > 1 else [])
        for number, version in enumerate(versions, start=1)
    ]
    return ArticleHistory(article=ArticleSummary.of(article), versions=changes)


def _changes(number: int, version: ArticleVersion, before: list[ClaimSnapshot]) -> VersionChanges:
    earlier = {matching_key(c.text) for c in before}
    later = {matching_key(c.text) for c in version.claims}
    added = [c for c in version.claims if matching_key(c.text) not in earlier]
    removed = [c for c in before if matching_key(c.text) not in later]
    changed: list[Correction] = []
    for old in list(removed):
        scored = [
            (fuzz.token_sort_ratio(matching_key(old.text), matching_key(new.text)), new) for new in added
        ]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= SAME_CLAIM:
            changed.append(Correction(before=old, after=best[1]))
            removed.remove(old)
            added.remove(best[1])
    return VersionChanges(
        number=number,
        ingested_at=version.ingested_at,
        s3_version=version.s3_version,
        processing_version=version.processing_version,
        claims=len(version.claims),
        added=added,
        removed=removed,
        changed=changed,
    )
