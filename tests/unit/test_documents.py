"""Uploaded bytes -> documents, and the reasons for rejecting what can never be an article."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from claimdiff.documents import parse_document
from claimdiff.errors import RejectedInputError

CAP = 10_000


def test_text_title_is_the_first_line_that_is_not_boilerplate() -> None:
    document = parse_document(
        b"Share\n\nTalks resume in Geneva\n\nThe ministers met on Friday.", "a.txt", max_bytes=CAP
    )
    assert document.title == "Talks resume in Geneva"
    assert document.text.startswith("Share")


def test_json_article_fields_and_date() -> None:
    body = {
        "title": "Deal reached",
        "body": "Both sides signed.",
        "url": "https://x.test/a",
        "published_at": "2016-08-26T18:00:00Z",
    }
    document = parse_document(json.dumps(body).encode(), "a.json", max_bytes=CAP)
    assert document.title == "Deal reached"
    assert document.text == "Deal reached\n\nBoth sides signed."
    assert document.url == "https://x.test/a"
    assert document.published_at == dt.datetime(2016, 8, 26, 18, tzinfo=dt.UTC)


def test_html_drops_scripts_styles_and_chrome() -> None:
    html = b"""<html><head><title>Ceasefire close</title><style>p{color:red}</style>
    <script>var tracking = "secret";</script></head><body><nav>Home | World</nav>
    <article><h1>Ceasefire close</h1><p>Kerry said a deal was near.</p><p>Lavrov agreed.</p></article>
    <footer>Copyright</footer></body></html>"""
    document = parse_document(html, "page.html", max_bytes=CAP)
    assert document.title == "Ceasefire close"
    assert document.text == "Ceasefire close\n\nKerry said a deal was near.\n\nLavrov agreed."
    assert "secret" not in document.text and "color" not in document.text and "Home" not in document.text


def test_markdown_headings_and_links_become_plain_text() -> None:
    document = parse_document(
        b"# Press briefing\n\nThe [minister](https://x.test) said **no**.", "t.md", max_bytes=CAP
    )
    assert document.title == "Press briefing"
    assert document.text == "Press briefing\n\nThe minister said no."


def test_unicode_is_normalised_and_invisible_controls_removed() -> None:
    document = parse_document("Kerry\u200b said \ufb01ne.\n\nIt was ﬁne.".encode(), "a.txt", max_bytes=CAP)
    assert "\u200b" not in document.text
    assert "fine" in document.text


@pytest.mark.parametrize(
    ("body", "key", "reason"),
    [
        (b"", "a.txt", "empty object"),
        (b"x" * (CAP + 1), "a.txt", "too large"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt", "binary content"),
        (b"caf\xe9 au lait and more words", "a.txt", "not valid UTF-8"),
        (b"   \n\n ... \n", "a.txt", "no extractable text"),
        (b"{not json", "a.json", "invalid JSON"),
        (b'{"title": "t"}', "a.json", "no 'body'"),
        (b"some text", "a.pdf", "unsupported file type .pdf"),
        (b"<html><script>only()</script></html>", "a.html", "no extractable text"),
    ],
)
def test_rejections_say_why(body: bytes, key: str, reason: str) -> None:
    with pytest.raises(RejectedInputError) as raised:
        parse_document(body, key, max_bytes=CAP)
    assert reason in raised.value.reason


def test_an_overlong_first_line_is_not_a_title() -> None:
    document = parse_document(b"word " * 200, "a.txt", max_bytes=CAP)
    assert document.title is None
    assert document.text.startswith("word word")
