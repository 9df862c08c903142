"""Independent origins: copies of one wire report are one source, however many outlets print them.

Five outlets reprinting one Associated Press story are not five corroborations. Two articles share an
origin when they credit the same wire service (a dateline "(AP)", a byline or a credit line naming
it) or when one nearly copies the other (their word-trigram sketches resemble as near-copies do,
``text.sketch.NEAR_DUPLICATE``: two outlets' own reports of one event, quoting the same people, stay
far below it). Pure functions over stored articles: the wire is read at ingest, the sketch too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimdiff.models import Article
from claimdiff.text.sketch import NEAR_DUPLICATE, resemblance

# Wire services and how their copy is credited (as data): the name in a dateline's brackets, a
# byline or a credit line.
WIRE_SERVICES: dict[str, tuple[str, ...]] = {
    "ap": ("Associated Press", "AP"),
    "reuters": ("Reuters",),
    "afp": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "upi": ("United Press International", "UPI"),
}
_NAMES = sorted(
    ((name, wire) for wire, names in WIRE_SERVICES.items() for name in names), key=lambda p: -len(p[0])
)
_NAME = "|".join(re.escape(name) for name, _ in _NAMES)
_WIRE_OF = {name.lower(): wire for name, wire in _NAMES}
# "BEIRUT (AP) —", "WASHINGTON (Reuters) -": a dateline near the start.
_DATELINE = re.compile(rf"\(\s*({_NAME})\s*\)")
# A short paragraph naming the service: "By The Associated Press", "The Associated Press contributed
# to this report.", "— Reuters".
_CREDIT = re.compile(rf"\b({_NAME})\b(?!\s*(?:Photo|/))")  # "AP Photo", "Reuters/Jane Doe": a picture's
_DATELINE_CHARS = 300
_CREDIT_WORDS = 12
_CREDIT_PARAGRAPHS = 2  # at either end of the article


def wire_service(text: str) -> str | None:
    """The wire service an article credits for its copy (``WIRE_SERVICES`` key), or None.

    Only where credits are given: a dateline in the opening characters, or a short paragraph among the
    first and last few; a body that mentions "Reuters reported" credits nothing.
    """
    dateline = _DATELINE.search(text[:_DATELINE_CHARS])
    if dateline is not None:
        return _WIRE_OF[dateline.group(1).lower()]
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    ends = paragraphs[:_CREDIT_PARAGRAPHS] + paragraphs[-_CREDIT_PARAGRAPHS:]
    for paragraph in ends:
        if len(paragraph.split()) > _CREDIT_WORDS:
            continue
        credit = _CREDIT.search(paragraph)
        if credit is not None:
            return _WIRE_OF[credit.group(1).lower()]
    return None


def origins(articles: Sequence[Article]) -> dict[str, str]:
    """Each article's origin, by article id: ``wire:<service>`` for the articles of one wire service and
    the near-copies of them, else the earliest id of a group of near-copies (an article alone is its
    own origin)."""
    parent = {article.id: article.id for article in articles}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_wire: dict[str, str] = {}
    for article in articles:
        if article.wire:
            join(article.id, by_wire.setdefault(article.wire, article.id))
    for number, first in enumerate(articles):
        for second in articles[number + 1 :]:
            if first.sketch and second.sketch and resemblance(first.sketch, second.sketch) >= NEAR_DUPLICATE:
                join(first.id, second.id)
    wires = {root(article.id): f"wire:{article.wire}" for article in articles if article.wire}
    return {article.id: wires.get(root(article.id), root(article.id)) for article in articles}
