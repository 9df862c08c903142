"""Google's fact-check markup rules for ``ClaimReview``, as a checker for tests.

From Google Search Central, "Fact check (ClaimReview) structured data": ``claimReviewed``,
``reviewRating`` (with ``alternateName``: the textual rating) and ``url`` are required; ``author``
(an Organization or Person with a name), ``datePublished`` and ``itemReviewed`` (a ``Claim`` with
its ``author``, ``datePublished`` and where it appeared: ``appearance`` or ``firstAppearance``,
each a URL or a CreativeWork with one) are recommended, and issue 10 requires them all. URLs are
absolute http(s); dates are ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlparse


def problems(review: dict[str, Any]) -> list[str]:
    """Every rule the review breaks (empty: it passes)."""
    found: list[str] = []
    if review.get("@context") not in ("https://schema.org", "http://schema.org"):
        found.append("@context is not schema.org")
    if review.get("@type") != "ClaimReview":
        found.append("@type is not ClaimReview")
    _text(review, "claimReviewed", found)
    _url(review.get("url"), "url", found)
    _date(review.get("datePublished"), "datePublished", found)
    _party(review.get("author"), "author", found)
    rating = review.get("reviewRating")
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        found.append("reviewRating is not a Rating")
    else:
        _text(rating, "alternateName", found, where="reviewRating.")
    item = review.get("itemReviewed")
    if not isinstance(item, dict) or item.get("@type") != "Claim":
        found.append("itemReviewed is not a Claim")
        return found
    _party(item.get("author"), "itemReviewed.author", found)
    _date(item.get("datePublished"), "itemReviewed.datePublished", found)
    appearances = item.get("appearance") or []
    appearances = appearances if isinstance(appearances, list) else [appearances]
    if item.get("firstAppearance"):
        appearances.append(item["firstAppearance"])
    if not appearances:
        found.append("itemReviewed has no appearance or firstAppearance")
    for number, appearance in enumerate(appearances):
        url = appearance.get("url") if isinstance(appearance, dict) else appearance
        _url(url, f"itemReviewed appearance {number}", found)
    if any(value is None for value in _values(review)):
        found.append("a property is null")
    return found


def _text(holder: dict[str, Any], name: str, found: list[str], *, where: str = "") -> None:
    value = holder.get(name)
    if not isinstance(value, str) or not value.strip():
        found.append(f"{where}{name} is missing or blank")


def _url(value: Any, name: str, found: list[str]) -> None:
    parsed = urlparse(value) if isinstance(value, str) else None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
        found.append(f"{name} is not an absolute http(s) URL: {value!r}")


def _date(value: Any, name: str, found: list[str]) -> None:
    try:
        dt.datetime.fromisoformat(value) if "T" in str(value) else dt.date.fromisoformat(str(value))
    except ValueError:
        found.append(f"{name} is not an ISO 8601 date: {value!r}")


def _party(value: Any, name: str, found: list[str]) -> None:
    if not isinstance(value, dict) or value.get("@type") not in ("Organization", "Person"):
        found.append(f"{name} is not an Organization or Person")
    elif not str(value.get("name") or "").strip():
        found.append(f"{name} has no name")


def _values(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [
            v
            for value in node.values()
            for v in (_values(value) if isinstance(value, dict | list) else [value])
        ]
    if isinstance(node, list):
        return [v for value in node for v in _values(value)]
    return [node]
