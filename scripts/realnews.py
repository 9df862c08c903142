"""The real-news development set: BASIL articles, span references and the labelled pairs and checks.

The repository keeps only ids, offsets, short edits and labels (``tests/realnews/*.jsonl``); the text
is read from ``<data>/basil/basil_articles.jsonl`` when evaluating, because the data's terms forbid
copying it in. An article is referred to as ``<first 8 hex of the event uuid>:<outlet>``; its text is
what ingest builds from the JSON upload (title, blank line, paragraphs joined by blank lines,
normalised), so offsets are offsets into ``Article.text``. A span carries the first 8 hex of the
SHA-1 of its text, so that a drift in normalisation is caught instead of silently misread.

    .venv/bin/python -m scripts.realnews mine --data ../shared/data > candidates.jsonl
    .venv/bin/python -m scripts.realnews render --data ../shared/data tests/realnews/pairs.jsonl
    .venv/bin/python -m scripts.realnews show --data ../shared/data 2b95d2cf:nyt
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from claimdiff.documents import parse_document
from claimdiff.extract import extract_claims
from claimdiff.match import compare
from claimdiff.models import Claim

REPO = Path(__file__).resolve().parent.parent
SET_DIR = REPO / "tests" / "realnews"
PAIRS_FILE = SET_DIR / "pairs.jsonl"
CHECKS_FILE = SET_DIR / "checks.jsonl"
BASIL_FILE = Path("basil") / "basil_articles.jsonl"
MAX_BYTES = 5_000_000
# Events whose uuid's first hex digit is below this go to the fitting part; the rest are reported.
FIT_DIGITS = frozenset("01234567")
PAIR_LABELS = ("equivalent", "contradiction", "related", "unrelated")
CHECK_LABELS = ("supports", "contradicts", "discusses", "unrelated")


def digest(text: str) -> str:
    """The short fingerprint a span reference carries (not the text itself)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def split_of(event: str) -> str:
    """``fit`` or ``report``: a whole event sits on one side (hash of the event uuid)."""
    return "fit" if event[0] in FIT_DIGITS else "report"


@dataclass(frozen=True)
class RealArticle:
    """One BASIL article as claimdiff ingests it."""

    ref: str
    event: str
    outlet: str
    title: str
    date: str
    text: str

    @cached_property
    def claims(self) -> list[Claim]:
        """The article's claims by the current extractor."""
        return extract_claims(
            self.text,
            article_id=self.ref,
            outlet=self.outlet,
            title=self.title,
            published_on=dt.date.fromisoformat(self.date),
        )

    def span(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def claim_at(self, start: int, end: int) -> Claim | None:
        """The extracted claim that best covers ``[start, end)`` (most overlap), if any overlaps."""
        best, best_overlap = None, 0
        for claim in self.claims:
            overlap = min(end, claim.end) - max(start, claim.start)
            if overlap > best_overlap:
                best, best_overlap = claim, overlap
        return best


def load_articles(data: Path) -> dict[str, RealArticle] | None:
    """Every BASIL article by reference, or None when the data are absent."""
    path = data / BASIL_FILE
    if not path.exists():
        return None
    articles: dict[str, RealArticle] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            outlet = row["source"].lower()
            ref = f"{row['triplet_uuid'][:8]}:{outlet}"
            body = {
                "title": row["title"],
                "body": "\n\n".join(row["paragraphs"]),
                "published_at": row["date"],
            }
            document = parse_document(
                json.dumps(body).encode(), f"articles/{outlet}/x.json", max_bytes=MAX_BYTES
            )
            articles[ref] = RealArticle(
                ref=ref,
                event=row["triplet_uuid"],
                outlet=outlet,
                title=row["title"],
                date=row["date"],
                text=document.text,
            )
    return articles


def span_ref(article: RealArticle, start: int, end: int) -> dict[str, Any]:
    """A reference to a span of an article: what the repository stores instead of the text."""
    return {"article": article.ref, "start": start, "end": end, "sha": digest(article.span(start, end))}


class SpanDriftError(ValueError):
    """A stored span no longer matches the article's text (normalisation changed)."""


def resolve(ref: dict[str, Any], articles: dict[str, RealArticle]) -> tuple[RealArticle, str]:
    """The article and the text a span reference points at; raises SpanDriftError when it drifted."""
    article = articles[ref["article"]]
    text = article.span(ref["start"], ref["end"])
    if digest(text) != ref["sha"]:
        raise SpanDriftError(
            f"{ref['article']}[{ref['start']}:{ref['end']}] no longer matches its fingerprint"
        )
    return article, text


def apply_edits(text: str, edits: Sequence[dict[str, Any]]) -> str:
    """A written claim: the span's text with short replacements (offsets into the span), right to left."""
    for edit in sorted(edits, key=lambda e: e["start"], reverse=True):
        text = text[: edit["start"]] + edit["replace"] + text[edit["end"] :]
    return text


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# ---------------------------------------------------------------- mining candidate pairs

_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|none|nothing|neither|nor)\b|n't\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“]([^\"”]{20,})[\"”]")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if len(w) > 3}


def _shares_quote(a: str, b: str) -> bool:
    quotes_a = [q.lower() for q in _QUOTED.findall(a)]
    quotes_b = [q.lower() for q in _QUOTED.findall(b)]
    return any(qa[:25] in qb or qb[:25] in qa for qa in quotes_a for qb in quotes_b)


def _hard_kinds(a: Claim, b: Claim, overlap: float) -> list[str]:
    kinds = []
    numbers_a, numbers_b = set(_NUMBER.findall(a.text)), set(_NUMBER.findall(b.text))
    if numbers_a and numbers_b and numbers_a != numbers_b and overlap >= 0.2:
        kinds.append("number")
    days_a = {d.lower() for d in _WEEKDAY.findall(a.text)}
    days_b = {d.lower() for d in _WEEKDAY.findall(b.text)}
    if days_a and days_b and days_a != days_b and overlap >= 0.15:
        kinds.append("date")
    if bool(_NEGATION.search(a.text)) != bool(_NEGATION.search(b.text)) and overlap >= 0.3:
        kinds.append("negation")
    if _shares_quote(a.text, b.text):
        kinds.append("quote")
    if overlap >= 0.5:
        kinds.append("overlap")
    return kinds


def mine(articles: dict[str, RealArticle], *, seed: int = 7, per_event: int = 11) -> Iterator[dict[str, Any]]:
    """Cross-outlet claim pairs of each event: the matcher's candidates plus mined hard cases."""
    rng = random.Random(seed)
    events: dict[str, list[RealArticle]] = {}
    for article in articles.values():
        events.setdefault(article.event, []).append(article)
    for event in sorted(events):
        outlets = sorted(events[event], key=lambda a: a.outlet)
        pool: list[tuple[float, str, Claim, Claim, RealArticle, RealArticle]] = []
        for i, left in enumerate(outlets):
            for right in outlets[i + 1 :]:
                if left.outlet == right.outlet:
                    continue
                for a in left.claims:
                    words_a = _words(a.text)
                    for b in right.claims:
                        words_b = _words(b.text)
                        overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
                        hard = _hard_kinds(a, b, overlap)
                        candidate = bool(set(a.blocking_keys) & set(b.blocking_keys))
                        if not hard and not candidate:
                            continue
                        relation = compare(a, b).relation if (hard or overlap >= 0.25) else "unrelated"
                        tags = hard + (["candidate"] if candidate else []) + [f"engine:{relation}"]
                        priority = (
                            rng.random() + 2 * (relation in ("equivalent", "contradiction")) + len(hard)
                        )
                        pool.append((priority, ",".join(tags), a, b, left, right))
        pool.sort(key=lambda item: -item[0])
        taken: list[tuple[str, Claim, Claim, RealArticle, RealArticle]] = []
        kinds_taken: dict[str, int] = {}
        for _, tags, a, b, left, right in pool:
            main = tags.split(",")[0]
            if kinds_taken.get(main, 0) >= 3:
                continue
            kinds_taken[main] = kinds_taken.get(main, 0) + 1
            taken.append((tags, a, b, left, right))
            if len(taken) >= per_event:
                break
        # A few plain candidates the engine calls related or unrelated: what most real pairs look like.
        plain = [
            p
            for p in pool
            if "candidate" in p[1] and all(p[2] is not t[1] or p[3] is not t[2] for t in taken)
        ]
        for _, tags, a, b, left, right in rng.sample(plain, min(2, len(plain))):
            taken.append((tags, a, b, left, right))
        for tags, a, b, left, right in taken:
            yield {
                "id": f"{event[:8]}-{digest(a.id + b.id)}",
                "event": event[:8],
                "split": split_of(event),
                "mined": tags,
                "a": span_ref(left, a.start, a.end),
                "b": span_ref(right, b.start, b.end),
            }


# ---------------------------------------------------------------- rendering for annotators


def _context(article: RealArticle, start: int) -> str:
    """The sentence before a span (for who is speaking), from the article's claims."""
    before = [c for c in article.claims if c.end <= start]
    return before[-1].text if before else ""


def render_pairs(records: Iterable[dict[str, Any]], articles: dict[str, RealArticle]) -> Iterator[str]:
    """Readable blocks for annotators (printed to the terminal, never written into the repository)."""
    for record in records:
        lines = [f"=== {record['id']}  (event {record['event']})"]
        for side in ("a", "b"):
            article, text = resolve(record[side], articles)
            lines.append(f"[{side.upper()}] {article.outlet} {article.date} | title: {article.title}")
            lines.append(f"    before: {_context(article, record[side]['start'])}")
            lines.append(f"    CLAIM:  {text}")
        yield "\n".join(lines)


def show_article(article: RealArticle) -> str:
    """An article with the offsets of each extracted claim (for writing check items)."""
    lines = [f"# {article.ref} {article.date} {article.title}", ""]
    lines += [f"[{c.start}:{c.end}] {c.text}" for c in article.claims]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Mine candidates, render pairs for reading, or show an article's claims with offsets."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    sub = parser.add_subparsers(dest="command", required=True)
    mined = sub.add_parser("mine", help="print candidate pairs (JSON lines, no text)")
    mined.add_argument("--per-event", type=int, default=11)
    render = sub.add_parser("render", help="print pairs with their text, for reading")
    render.add_argument("file", type=Path)
    show = sub.add_parser("show", help="print an article's claims with offsets")
    show.add_argument("refs", nargs="+")
    new = sub.add_parser("new-check", help="print one check item (JSON line) and the claim it reads as")
    new.add_argument("--claim", required=True, help="REF:START:END, e.g. 2b95d2cf:nyt:120:245")
    new.add_argument("--article", required=True, help="the article to check against, e.g. 2b95d2cf:fox")
    new.add_argument("--replace", nargs=2, action="append", default=[], metavar=("OLD", "NEW"))
    new.add_argument("--label", required=True, choices=CHECK_LABELS)
    new.add_argument("--kind", required=True)
    new.add_argument("--reason", required=True)
    pair = sub.add_parser(
        "new-pair", help="print one written pair (JSON line) and the two claims it reads as"
    )
    pair.add_argument("--a", required=True, help="REF:START:END")
    pair.add_argument("--b", required=True, help="REF:START:END")
    pair.add_argument("--edit-a", nargs=2, action="append", default=[], metavar=("OLD", "NEW"))
    pair.add_argument("--edit-b", nargs=2, action="append", default=[], metavar=("OLD", "NEW"))
    pair.add_argument("--label", required=True, choices=PAIR_LABELS)
    pair.add_argument("--kind", required=True)
    pair.add_argument("--reason", required=True)
    args = parser.parse_args(argv)
    articles = load_articles(args.data)
    if articles is None:
        print(f"skipped: no BASIL articles under {args.data}", file=sys.stderr)
        return 0
    if args.command == "mine":
        for record in mine(articles, per_event=args.per_event):
            print(json.dumps(record))
    elif args.command == "render":
        for block in render_pairs(read_jsonl(args.file), articles):
            print(block + "\n")
    elif args.command == "show":
        for ref in args.refs:
            print(show_article(articles[ref]) + "\n")
    elif args.command == "new-pair":
        record, texts = new_pair(articles, args)
        print("\n".join(texts), file=sys.stderr, flush=True)
        print(json.dumps(record))
    else:
        record, claim_text = new_check(articles, args)
        print(claim_text, file=sys.stderr, flush=True)
        print(json.dumps(record))
    return 0


def _edited_ref(
    articles: dict[str, RealArticle], where: str, replacements: Sequence[Sequence[str]]
) -> tuple[dict[str, Any], str]:
    """A span reference with short written edits, and the text it reads as."""
    ref, start, end = where.rsplit(":", 2)
    text = articles[ref].span(int(start), int(end))
    edits = []
    for old, new in replacements:
        at = text.find(old)
        if at < 0:
            raise SystemExit(f"{old!r} is not in {where}")
        edits.append({"start": at, "end": at + len(old), "replace": new})
    return {**span_ref(articles[ref], int(start), int(end)), "edits": edits}, apply_edits(text, edits)


def new_pair(articles: dict[str, RealArticle], args: argparse.Namespace) -> tuple[dict[str, Any], list[str]]:
    """A written pair from the command line (real spans, short edits), and the two texts it stands for."""
    a, text_a = _edited_ref(articles, args.a, args.edit_a)
    b, text_b = _edited_ref(articles, args.b, args.edit_b)
    event = articles[a["article"]].event
    record = {
        "id": f"{event[:8]}-w{digest(json.dumps([a, b]))}",
        "event": event[:8],
        "split": split_of(event),
        "mined": "written",
        "a": a,
        "b": b,
        "label": args.label,
        "kind": args.kind,
        "reason": args.reason,
    }
    return record, [text_a, text_b]


def new_check(articles: dict[str, RealArticle], args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """A check item from the command line, and the claim text it stands for (shown, never stored)."""
    ref, start, end = args.claim.rsplit(":", 2)
    source = articles[ref]
    text = source.span(int(start), int(end))
    edits = []
    for old, new in args.replace:
        at = text.find(old)
        if at < 0:
            raise SystemExit(f"{old!r} is not in the claim")
        edits.append({"start": at, "end": at + len(old), "replace": new})
    target = articles[args.article]
    record = {
        "id": f"{target.event[:8]}-{digest(args.claim + json.dumps(edits) + args.article)}",
        "event": target.event[:8],
        "split": split_of(target.event),
        "claim": {**span_ref(source, int(start), int(end)), "edits": edits},
        "article": args.article,
        "label": args.label,
        "kind": args.kind,
        "reason": args.reason,
    }
    return record, apply_edits(text, edits)


if __name__ == "__main__":
    raise SystemExit(main())
