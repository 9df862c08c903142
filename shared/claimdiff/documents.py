"""Uploaded objects -> article documents: title, normalised text, url, date.

Supported: ``.json`` (``title``, ``body``, ``url``, ``published_at``), ``.txt`` and ``.md`` (the first
non-empty line that is not boilerplate is the title) and ``.html``/``.htm`` (scripts, styles and page
chrome and hidden elements dropped). Anything that can never become an article raises
``RejectedInputError`` with a reason a person understands; the caller records it and does not retry. A
field that is unusable but not essential (a ``javascript:`` url, a date in year 9999) is left out, and
the document's ``notes`` say why.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from claimdiff.errors import RejectedInputError
from claimdiff.models import calendar_day
from claimdiff.text import normalise

SUPPORTED_SUFFIXES = (".json", ".txt", ".md", ".markdown", ".html", ".htm")
# Lines that open many pages but are never a headline.
_BOILERPLATE = re.compile(
    r"^(share|advertisement|read more|sign up|subscribe|menu|skip to (main )?content|close|home)\W*$", re.I
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
# Link text and target hold no bracket of their own kind: each attempt then stops at the next bracket, so a
# run of "[" or "](" is read in linear time.
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+", re.M)
_HTML_DROP = (
    "script, style, noscript, nav, header, footer, aside, form, iframe, svg, figure figcaption, template"
)
# Elements a reader of the page never sees: their text is no claim of the page.
_HTML_HIDDEN = '[hidden], [aria-hidden="true" i], [style]'
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])", re.I)
_HTML_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre"
# Where pages state their own publication date, most explicit first: Open Graph / schema.org / Dublin
# Core meta tags, then JSON-LD's datePublished, then a <time datetime> element.
_HTML_DATE_META = (
    'meta[property="article:published_time"], meta[name="article:published_time"], '
    'meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"], meta[name="dc.date.issued" i]'
)
_HTML_URL = 'link[rel="canonical"], meta[property="og:url"]'
# JSON-LD is read only this far: a page's metadata block is small, a huge one is no metadata.
_MAX_JSON_LD_CHARS = 100_000
# A first line longer than this is a paragraph, not a headline (and would bloat the article's item).
MAX_TITLE_CHARS = 300
MAX_URL_CHARS = 2048
# Share of C0 control characters (other than whitespace) above which a body is binary, not text.
_MAX_CONTROL_SHARE = 0.01
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Publication dates outside these years are errors (or attacks on the matching window), not dates.
EARLIEST_YEAR = 1900
_LATEST_AHEAD = dt.timedelta(days=366)


@dataclass(frozen=True)
class Document:
    """A parsed upload: ``text`` is normalised and starts with the title line when there is a title."""

    title: str | None
    text: str
    url: str | None = None
    published_at: dt.datetime | dt.date | None = None
    notes: tuple[str, ...] = ()


def parse_document(body: bytes, key: str, *, max_bytes: int) -> Document:
    """Turn an uploaded object's bytes into a document, or raise ``RejectedInputError``."""
    suffix = PurePosixPath(key).suffix.lower()
    if not body:
        raise RejectedInputError("empty object")
    if len(body) > max_bytes:
        raise RejectedInputError(f"too large: {len(body)} bytes, the limit is {max_bytes}")
    if suffix not in SUPPORTED_SUFFIXES:
        raise RejectedInputError(
            f"unsupported file type {suffix or '(none)'}: use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    raw = _decode(body)
    if suffix == ".json":
        document = _parse_json(raw)
    elif suffix in (".html", ".htm"):
        document = _parse_html(raw)
    else:
        document = _parse_plain(raw, markdown=suffix in (".md", ".markdown"))
    if not document.text.strip() or not re.search(r"\w{2,}", document.text):
        raise RejectedInputError("no extractable text")
    title = document.title if document.title and len(document.title) <= MAX_TITLE_CHARS else None
    return Document(
        title=title,
        text=document.text,
        url=document.url,
        published_at=document.published_at,
        notes=document.notes,
    )


def read_url(value: object) -> tuple[str | None, str | None]:
    """An article's url if it is a usable http(s) address, else None and why it was left out."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str) or _LONE_SURROGATE.search(value):
        return None, "url ignored: not a string of text"
    if len(value) > MAX_URL_CHARS:
        return None, f"url ignored: longer than {MAX_URL_CHARS} characters"
    parts = urlsplit(value.strip())
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or re.search(r"[\s\x00-\x1f]", value)
    ):
        return None, "url ignored: not an http(s) address"
    return value.strip(), None


def _decode(body: bytes) -> str:
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, name = "utf-16", "UTF-16"
    else:
        encoding, name = "utf-8-sig", "UTF-8"
        if b"\x00" in body:
            raise RejectedInputError("binary content (NUL bytes): upload text, JSON, Markdown or HTML")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        raise RejectedInputError(f"not valid {name} text (byte {error.start})") from None
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise RejectedInputError("binary content (control characters): upload text, JSON, Markdown or HTML")
    return text


def _parse_json(raw: str) -> Document:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise RejectedInputError(f"invalid JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        raise RejectedInputError("invalid JSON article: nested too deeply") from None
    if not isinstance(data, dict):
        raise RejectedInputError("invalid JSON article: expected an object with 'title' and 'body'")
    body, title, url = data.get("body"), data.get("title"), data.get("url")
    if not isinstance(body, str) or not body.strip():
        raise RejectedInputError("JSON article has no 'body' text")
    if title is not None and not isinstance(title, str):
        raise RejectedInputError("JSON article's 'title' must be a string")
    for name, value in (("title", title), ("body", body)):
        if value and _LONE_SURROGATE.search(value):
            # JSON may escape half of a UTF-16 pair ("\\ud800"): no text can be stored or shown with it.
            raise RejectedInputError(f"JSON article's '{name}' holds an unpaired surrogate (\\ud800-\\udfff)")
    title = normalise(title).strip() if title else None
    text = normalise(f"{title}\n\n{body}" if title else body).strip()
    published_at, date_note = read_date(data.get("published_at"))
    url, url_note = read_url(url)
    return Document(
        title=title or None,
        text=text,
        url=url,
        published_at=published_at,
        notes=tuple(note for note in (date_note, url_note) if note),
    )


def _parse_plain(raw: str, *, markdown: bool) -> Document:
    if markdown:
        raw = _MD_LINK.sub(r"\1", raw)
        raw = _MD_HEADING.sub("", raw)
        raw = _MD_BULLET.sub("", raw)
        raw = _MD_EMPHASIS.sub("", raw)
    text = normalise(raw).strip()
    title = next(
        (line.strip() for line in text.split("\n") if line.strip() and not _BOILERPLATE.match(line.strip())),
        None,
    )
    return Document(title=title, text=text)


def _parse_html(raw: str) -> Document:
    # Imported here: only HTML uploads pay selectolax's import.
    from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415

    tree = LexborHTMLParser(raw)
    # Read before the scripts (JSON-LD) and the head are dropped.
    published_at, url, notes = _html_metadata(tree)
    for node in tree.css(_HTML_DROP):
        node.decompose()
    for node in tree.css(_HTML_HIDDEN):
        style = node.attributes.get("style")
        if style is None or _HIDING_STYLE.search(style):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    # The page's <h1> is the headline; <title> often carries the site's name as well.
    title_node = (root.css_first("h1") if root else None) or tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node else None
    title = normalise(title) if title else None
    if root is None:
        return Document(title=title, text="", url=url, published_at=published_at, notes=notes)
    blocks = [" ".join(node.text(separator=" ").split()) for node in root.css(_HTML_BLOCKS)]
    if not blocks:
        blocks = [line.strip() for line in root.text(separator="\n").split("\n")]
    paragraphs = [block for block in blocks if block]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return Document(
        title=title or None,
        text=normalise("\n\n".join(paragraphs)),
        url=url,
        published_at=published_at,
        notes=notes,
    )


def _html_metadata(tree: Any) -> tuple[dt.datetime | dt.date | None, str | None, tuple[str, ...]]:
    """A page's own publication date and canonical url, and notes on what was found but unusable."""
    stated = [node.attributes.get("content") for node in tree.css(_HTML_DATE_META)]
    for script in tree.css('script[type="application/ld+json"]'):
        stated += _json_ld_dates(script.text()[:_MAX_JSON_LD_CHARS])
    stated += [node.attributes.get("datetime") for node in tree.css("time[datetime]")][:1]
    notes: list[str] = []
    published_at = None
    for value in stated:
        published_at, note = read_date(value)
        if published_at is not None:
            notes = []
            break
        if note and not notes:
            notes.append(f"the page's date {note.removeprefix('published_at ')}")
    link = next((node for node in tree.css(_HTML_URL)), None)
    url, url_note = (
        read_url(link.attributes.get("href") or link.attributes.get("content")) if link else (None, None)
    )
    return published_at, url, (*notes, *([url_note] if url_note else []))


def _json_ld_dates(raw: str) -> list[object]:
    """The ``datePublished`` values of a JSON-LD block (an object, a list of them, or an ``@graph``)."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return []
    nodes = data if isinstance(data, list) else [data]
    nodes += [node for item in list(nodes) if isinstance(item, dict) for node in item.get("@graph", []) or []]
    return [node["datePublished"] for node in nodes if isinstance(node, dict) and "datePublished" in node]


def parse_date(value: object) -> dt.datetime | dt.date | None:
    """Read an ISO date or datetime (``Z`` allowed); anything else, or a date out of range, is None."""
    return read_date(value)[0]


def read_date(value: object) -> tuple[dt.datetime | dt.date | None, str | None]:
    """An ISO publication date or datetime (``Z`` allowed) in the years 1900 to a year from now, else None
    and why it was left out (None too when there was no date to read)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, "published_at ignored: not an ISO date string"
    text = value.strip().replace("Z", "+00:00")
    try:
        when = dt.datetime.fromisoformat(text) if "T" in text or " " in text else dt.date.fromisoformat(text)
    except ValueError:
        return None, f"published_at ignored: {value[:40]!r} is not an ISO date"
    day = calendar_day(when)
    latest = dt.date.today() + _LATEST_AHEAD
    if not dt.date(EARLIEST_YEAR, 1, 1) <= day <= latest:
        return (
            None,
            f"published_at ignored: {day.isoformat()} is not between {EARLIEST_YEAR} and {latest.year}",
        )
    return when, None
