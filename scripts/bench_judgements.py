"""Speed of the judgement layer: ``pairs`` per second, ``check`` per second, ``compare`` of two articles.

    .venv/bin/python scripts/bench_judgements.py --data ../shared/data

CPU time of this process (time.process_time), after a warm-up, on one core:
- pairs: MSRP val and STS headlines sentence pairs through ``pairs_record`` (what ``claimdiff pairs``
  does per line: extraction of both sentences, features, decision);
- check: the real-news check items (tests/realnews/checks.jsonl) through ``check_record``; each article
  is read once per process and reused, as in a batch that checks several claims against one article;
- compare: BASIL article pairs of one event (about 650 words each) through ``claimdiff compare``'s path
  (both articles' extraction and ``relate_articles``), median CPU ms per pair.
Targets (issue 7): pairs >= 1,000/s, check >= 200/s, compare <= 200 ms. Skips what needs absent data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimdiff.extract import extract_claims
from claimdiff.match import check_record, pairs_record, relate_articles
from claimdiff.match.check import forget_articles
from claimdiff.match.keys import blocking_keys

from scripts.eval_realnews import claim_text
from scripts.fit_matcher import load_msrp, load_sts
from scripts.realnews import CHECKS_FILE, RealArticle, load_articles, read_jsonl

TARGETS = {"pairs_per_second": 1000.0, "checks_per_second": 200.0, "compare_ms": 200.0}
WARM_UP = 20


def _cpu(work: Callable[[], Any]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def bench_pairs(data: Path, limit: int) -> float | None:
    """Sentence pairs per CPU second."""
    if not (data / "msrp").is_dir():
        return None
    pairs = [(p.a, p.b) for p in load_msrp(data, "val")]
    if (data / "sts_headlines").is_dir():
        pairs += [(p.a, p.b) for p in load_sts(data)]
    pairs = pairs[:limit]
    for a, b in pairs[:WARM_UP]:
        pairs_record(0, a, b)
    seconds = _cpu(lambda: [pairs_record(i, a, b) for i, (a, b) in enumerate(pairs)])
    return len(pairs) / seconds


def bench_checks(articles: dict[str, RealArticle]) -> tuple[float, float]:
    """Checks per CPU second on the real-news check items: each article new to the process (its
    extraction included), then again with every article already read (a batch that checks several
    claims against one article, as FNC-1's headlines against their bodies)."""
    items = [(claim_text(r["claim"], articles), articles[r["article"]].text) for r in read_jsonl(CHECKS_FILE)]
    forget_articles()
    cold = _cpu(lambda: [check_record(i, claim, text) for i, (claim, text) in enumerate(items)])
    warm = _cpu(lambda: [check_record(i, claim, text) for i, (claim, text) in enumerate(items)])
    return len(items) / cold, len(items) / warm


def _claims(article: RealArticle) -> list[Any]:
    claims = extract_claims(
        article.text,
        article_id=article.ref,
        outlet=article.outlet,
        title=article.title,
        published_on=dt.date.fromisoformat(article.date),
    )
    return [c.model_copy(update={"blocking_keys": blocking_keys(c)}) for c in claims]


def bench_compare(articles: dict[str, RealArticle], events: int) -> tuple[float, int]:
    """Median CPU ms to compare two articles of one event (extraction of both included), and words."""
    by_event: dict[str, list[RealArticle]] = {}
    for article in articles.values():
        by_event.setdefault(article.event, []).append(article)
    pairs = [sorted(group, key=lambda a: a.outlet)[:2] for group in by_event.values() if len(group) >= 2]
    pairs = pairs[:events]
    times = [1000 * _cpu(lambda a=a, b=b: relate_articles(_claims(a), _claims(b))) for a, b in pairs]
    words = statistics.median(len(a.text.split()) for pair in pairs for a in pair)
    return statistics.median(times), int(words)


def _line(name: str, value: float | None, unit: str, target: float, higher_is_better: bool) -> str:
    if value is None:
        return f"{name:22s} skipped (no data)"
    met = value >= target if higher_is_better else value <= target
    return f"{name:22s} {value:10.1f} {unit:10s} target {'>=' if higher_is_better else '<='} {target:g}  {'ok' if met else 'MISSED'}"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the three speed figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--pairs", type=int, default=2000, help="sentence pairs to time (default 2000)")
    parser.add_argument("--events", type=int, default=30, help="article pairs to time (default 30)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    figures: dict[str, float | None] = {"pairs_per_second": bench_pairs(args.data, args.pairs)}
    articles = load_articles(args.data)
    words = 0
    if articles is None:
        figures["checks_per_second"] = figures["checks_per_second_article_read"] = figures["compare_ms"] = (
            None
        )
    else:
        figures["checks_per_second"], figures["checks_per_second_article_read"] = bench_checks(articles)
        figures["compare_ms"], words = bench_compare(articles, args.events)
    if args.json:
        print(json.dumps(figures))
        return 0
    print(_line("pairs", figures["pairs_per_second"], "pairs/s", TARGETS["pairs_per_second"], True))
    print(_line("check", figures["checks_per_second"], "checks/s", TARGETS["checks_per_second"], True))
    print(
        _line(
            "check, article read",
            figures["checks_per_second_article_read"],
            "checks/s",
            TARGETS["checks_per_second"],
            True,
        )
    )
    print(_line("compare two articles", figures["compare_ms"], "CPU ms", TARGETS["compare_ms"], False))
    if words:
        print(
            f"(compare: median of {args.events} BASIL event pairs, {words} words per article, extraction included)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
