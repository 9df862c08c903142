"""Text handling stays linear on text built to be slow: 2 MB of each pathological family goes through the
whole ingest path (parse, segment, extract) within a few times the CPU of ordinary news of the same size.

A quadratic regex or loop makes a family hundreds of times slower than the baseline at this size (runs
of dots once took a minute for 64 KB), so the margin below separates "linear" from "not" without making
the test a benchmark.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

import pytest
from claimdiff.documents import parse_document
from claimdiff.errors import RejectedInputError
from claimdiff.ingest import article_claims
from claimdiff.models import Article

SIZE = 2_000_000
RATIO = 5.0
_VOCABULARY = (
    "the minister said on monday that the government would raise taxes by 5 percent next year after talks "
    "with unions in the capital while critics warned of strikes"
)
_WORDS = _VOCABULARY.split(" ")


def _news(size: int) -> str:
    """Sentences of news words, in paragraphs: the baseline."""
    rng = random.Random(7)
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 25))).capitalize() + ". "
        parts.append(sentence + ("\n\n" if rng.random() < 0.2 else ""))
        length += len(parts[-1])
    return "".join(parts)[:size]


def _hard_wrapped(size: int) -> str:
    words = " ".join(_WORDS[i % len(_WORDS)] for i in range(size // 5))[:size]
    return "\n".join(words[i : i + 72] for i in range(0, len(words), 72))


FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    "dots": (".txt", lambda n: "." * n),
    "bangs": (".txt", lambda n: "!" * n),
    "questions": (".txt", lambda n: "?" * n),
    "ellipses": (".txt", lambda n: "..." * (n // 3)),
    "unicode-ellipses": (".txt", lambda n: "\u2026" * n),
    "brackets": (".txt", lambda n: "[" * n),
    "brackets-markdown": (".md", lambda n: "[" * n),
    "link-openers-markdown": (".md", lambda n: "[a](" * (n // 4)),
    "parentheses": (".txt", lambda n: "(" * n),
    "asterisks": (".md", lambda n: "*" * n),
    "unpunctuated-hard-wrapped": (".txt", _hard_wrapped),
    "one-line": (".txt", lambda n: _news(n).replace("\n", " ").replace(". ", " ")),
    "quote-attribution": (".txt", lambda n: 'He said, "We will. ' * (n // 19)),
    "newlines": (".txt", lambda n: "word\n" * (n // 5)),
}


def _ingest_cpu(text: str, suffix: str) -> float:
    started = time.process_time()
    body = ("Title line\n\n" + text).encode()
    try:
        document = parse_document(body, f"articles/x/a{suffix}", max_bytes=4 * SIZE)
    except RejectedInputError:  # a rejection is an outcome too: only the time is measured here
        return time.process_time() - started
    article = Article(id="a", outlet="x", ingested_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    article_claims(article, document, max_claims=200)
    return time.process_time() - started


@pytest.fixture(scope="module")
def baseline_cpu() -> float:
    return _ingest_cpu(_news(SIZE), ".txt")


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_pathological_text_is_handled_in_linear_time(family: str, baseline_cpu: float) -> None:
    suffix, make = FAMILIES[family]
    text = make(SIZE)
    assert len(text) >= SIZE * 0.9
    assert _ingest_cpu(text, suffix) <= RATIO * baseline_cpu
