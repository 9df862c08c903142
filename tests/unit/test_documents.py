"""Uploaded bytes -> documents, and the reasons for rejecting what can never be an article."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from claimdiff.documents import parse_document, read_date, read_url
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


def test_json_nested_too_deeply_is_rejected_not_a_crash() -> None:
    with pytest.raises(RejectedInputError, match="nested too deeply"):
        parse_document(b"[" * 100_000 + b"]" * 100_000, "a.json", max_bytes=10**6)


@pytest.mark.parametrize("field", ["title", "body"])
def test_json_with_an_unpaired_surrogate_is_rejected(field: str) -> None:
    article = {"title": "t", "body": "Both sides signed."}
    raw = json.dumps(article).replace(article[field], article[field] + "\\ud800")
    with pytest.raises(RejectedInputError, match="unpaired surrogate"):
        parse_document(raw.encode(), "a.json", max_bytes=CAP)


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("0001-01-01T00:00:00+05:00", "not between 1900"),
        ("9999-12-31T23:59:59-05:00", "not between 1900"),
        ("9999-12-31", "not between 1900"),
        ("1899-12-31", "not between 1900"),
        ("Friday", "not an ISO date"),
        (1700000000, "not an ISO date string"),
    ],
)
def test_unusable_dates_are_left_out_with_a_note(value: object, note: str) -> None:
    when, why = read_date(value)
    assert when is None
    assert why is not None and note in why
    assert read_date("2016-08-26") == (dt.date(2016, 8, 26), None)
    assert read_date(None) == (None, None)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,x", "ftp://x.test/a", "https://x.test/\x07", "https://", 42],
)
def test_only_http_urls_are_kept(url: object) -> None:
    assert read_url(url)[0] is None
    assert "url ignored" in (read_url(url)[1] or "")
    assert read_url("https://x.test/a?b=1") == ("https://x.test/a?b=1", None)


def test_json_notes_say_what_was_left_out() -> None:
    body = {"body": "Both sides signed.", "url": "javascript:x", "published_at": "9999-01-01"}
    document = parse_document(json.dumps(body).encode(), "a.json", max_bytes=CAP)
    assert (document.url, document.published_at) == (None, None)
    assert [note.split(":")[0] for note in document.notes] == ["published_at ignored", "url ignored"]


def test_html_hidden_elements_are_not_text() -> None:
    html = b"""<html><body><article><p>Kerry said a deal was near.</p>
    <p style="color: red; display : none">Hidden one.</p><div hidden><p>Hidden two.</p></div>
    <p aria-hidden="true">Hidden three.</p><p style="visibility:hidden">Hidden four.</p>
    <p style="font-size: 0px">Hidden five.</p><p style="font-size: 0.9em">Lavrov agreed.</p></article></body></html>"""
    document = parse_document(html, "a.html", max_bytes=CAP)
    assert "Hidden" not in document.text
    assert "Kerry said a deal was near." in document.text and "Lavrov agreed." in document.text


PAGE = """<html><head>{head}</head><body><article><h1>Talks in Geneva</h1>{time}
<p>The talks in Geneva ended without a deal on Friday, officials said.</p></article></body></html>"""


@pytest.mark.parametrize(
    ("head", "time", "expected"),
    [
        (
            '<meta property="article:published_time" content="2016-08-26T09:30:00Z">',
            "",
            "2016-08-26 09:30:00+00:00",
        ),
        ('<meta itemprop="datePublished" content="2016-08-26">', "", "2016-08-26"),
        ('<meta name="DC.date.issued" content="2016-08-26">', "", "2016-08-26"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2016-08-26"}</script>',
            "",
            "2016-08-26",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
            '{"@type": "NewsArticle", "datePublished": "2016-08-27T10:00:00-04:00"}]}</script>',
            "",
            "2016-08-27 10:00:00-04:00",
        ),
        ("", '<time datetime="2016-08-25">Thursday</time>', "2016-08-25"),
        # The explicit meta tag wins over a <time> in the text.
        (
            '<meta property="article:published_time" content="2016-08-26">',
            '<time datetime="2016-01-01">x</time>',
            "2016-08-26",
        ),
    ],
)
def test_an_html_page_states_its_own_publication_date(head: str, time: str, expected: str) -> None:
    document = parse_document(PAGE.format(head=head, time=time).encode(), "page.html", max_bytes=CAP)
    assert str(document.published_at) == expected
    assert document.notes == ()
    assert "Talks in Geneva" in document.text and "datePublished" not in document.text


def test_an_html_pages_unusable_date_and_url_are_left_out_with_a_note() -> None:
    head = (
        '<meta property="article:published_time" content="Friday, August 26">'
        '<script type="application/ld+json">{"datePublished": "9999-01-01"</script>'
        '<link rel="canonical" href="javascript:alert(1)">'
    )
    document = parse_document(PAGE.format(head=head, time="").encode(), "page.html", max_bytes=CAP)
    assert document.published_at is None and document.url is None
    assert any("page's date ignored" in note for note in document.notes)
    assert any(note.startswith("url ignored") for note in document.notes)


def test_an_html_pages_canonical_url_is_its_url() -> None:
    head = '<link rel="canonical" href="https://news.example/geneva-talks">'
    document = parse_document(PAGE.format(head=head, time="").encode(), "page.html", max_bytes=CAP)
    assert document.url == "https://news.example/geneva-talks"
