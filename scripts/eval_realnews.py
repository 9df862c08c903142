"""Judgements on real news: the labelled BASIL pairs and checks (tests/realnews), by split.

    .venv/bin/python -m scripts.eval_realnews --data ../shared/data [--split report|fit|all]

Pairs: each side is an extracted claim of a real article (a written edit, when there is one, is
applied to the article's text before extraction, so the claim is read in its context). Prints
contradiction and equivalent precision and recall, the confusion table, a calibration table of
contradiction confidence and the flags themselves (ids, kind and reasons: never the text). Checks:
accuracy and macro-F1 of ``check`` (the claim against the article's whole text). Targets are those
of issue 7; the figures that count are the ``report`` split's (the ``fit`` split is tuned on).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from claimdiff.extract import extract_claims
from claimdiff.match import check, compare
from claimdiff.models import Claim, Comparison

from scripts.realnews import (
    CHECKS_FILE,
    PAIRS_FILE,
    RealArticle,
    apply_edits,
    load_articles,
    read_jsonl,
    resolve,
)

TARGETS = {
    "contradiction_precision": 0.85,
    "contradiction_recall": 0.5,
    "equivalent_precision": 0.9,
    "equivalent_recall": 0.6,
    "check_accuracy": 0.8,
    "check_macro_f1": 0.7,
}
PAIR_LABELS = ("equivalent", "contradiction", "related", "unrelated")
CHECK_LABELS = ("supports", "contradicts", "discusses", "unrelated")
CALIBRATION_BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def claim_of(side: dict[str, Any], articles: dict[str, RealArticle]) -> Claim | None:
    """The claim a side refers to: the article's extracted claim, with its written edits applied."""
    article, text = resolve(side, articles)
    edits = side.get("edits") or []
    if not edits:
        return article.claim_at(side["start"], side["end"])
    edited = apply_edits(text, edits)
    full = article.text[: side["start"]] + edited + article.text[side["end"] :]
    claims = extract_claims(
        full,
        article_id=article.ref,
        outlet=article.outlet,
        title=article.title,
        published_on=dt.date.fromisoformat(article.date),
    )
    end = side["start"] + len(edited)
    best = max(claims, key=lambda c: min(end, c.end) - max(side["start"], c.start), default=None)
    return best


def claim_text(side: dict[str, Any], articles: dict[str, RealArticle]) -> str:
    """The text a side stands for (a span, with its edits applied)."""
    _, text = resolve(side, articles)
    return apply_edits(text, side.get("edits") or [])


@dataclass
class Outcome:
    """One labelled pair and what claimdiff said of it."""

    record: dict[str, Any]
    comparison: Comparison | None


def judge_pairs(records: Sequence[dict[str, Any]], articles: dict[str, RealArticle]) -> list[Outcome]:
    """compare() on every pair; a side whose claim extraction no longer finds is judged unrelated."""
    outcomes = []
    for record in records:
        a, b = claim_of(record["a"], articles), claim_of(record["b"], articles)
        outcomes.append(Outcome(record, compare(a, b) if a is not None and b is not None else None))
    return outcomes


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def pair_figures(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Precision and recall of contradiction and equivalent."""
    figures: dict[str, float] = {}
    for label in ("contradiction", "equivalent"):
        predicted = [o for o in outcomes if o.comparison and o.comparison.relation == label]
        gold = [o for o in outcomes if o.record["label"] == label]
        hits = [o for o in predicted if o.record["label"] == label]
        figures[f"{label}_precision"] = _ratio(len(hits), len(predicted))
        figures[f"{label}_recall"] = _ratio(len(hits), len(gold))
        figures[f"{label}_flagged"] = len(predicted)
        figures[f"{label}_gold"] = len(gold)
    return figures


def print_pairs(name: str, outcomes: Sequence[Outcome], *, show_flags: bool) -> dict[str, float]:
    """Print one split's pair figures, confusion table and calibration; return the figures."""
    figures = pair_figures(outcomes)
    print(f"### pairs, {name} split: {len(outcomes)} labelled pairs\n")
    print("| figure | value | target |")
    print("| --- | --- | --- |")
    for label in ("contradiction", "equivalent"):
        for measure in ("precision", "recall"):
            key = f"{label}_{measure}"
            print(f"| {label} {measure} | {figures[key]:.3f} | {TARGETS[key]} |")
        print(
            f"| {label}: flagged / gold | {figures[label + '_flagged']:.0f} / {figures[label + '_gold']:.0f} | |"
        )
    confusion = Counter(
        (o.record["label"], o.comparison.relation if o.comparison else "unrelated") for o in outcomes
    )
    print("\ngold \\ predicted | " + " | ".join(PAIR_LABELS))
    print("--- | " + " | ".join("---" for _ in PAIR_LABELS))
    for gold in PAIR_LABELS:
        print(f"{gold} | " + " | ".join(str(confusion[(gold, p)]) for p in PAIR_LABELS))
    print("\ncontradiction confidence | flagged | right")
    print("--- | --- | ---")
    flagged = [o for o in outcomes if o.comparison and o.comparison.relation == "contradiction"]
    for low, high in pairwise(CALIBRATION_BINS):
        inside = [o for o in flagged if o.comparison and low <= o.comparison.confidence < high]
        right = sum(o.record["label"] == "contradiction" for o in inside)
        share = f"{right}/{len(inside)}" if inside else "-"
        print(f"{low:.1f}-{min(high, 1.0):.1f} | {len(inside)} | {share}")
    low_flags = [o for o in flagged if o.comparison and o.comparison.confidence < CALIBRATION_BINS[0]]
    if low_flags:
        print(
            f"below 0.5 | {len(low_flags)} | {sum(o.record['label'] == 'contradiction' for o in low_flags)}"
        )
    opposite = [
        o
        for o in outcomes
        if o.record["label"] == "contradiction" and o.comparison and o.comparison.relation == "equivalent"
    ]
    print(f"\ncontradictions called equivalent: {len(opposite)}")
    if show_flags:
        print("\nflags (id: gold label/kind <- predicted reasons, confidence):")
        for o in flagged:
            assert o.comparison is not None
            mark = "ok " if o.record["label"] == "contradiction" else "BAD"
            print(
                f"  {mark} {o.record['id']}: {o.record['label']}/{o.record['kind']} <- "
                f"{','.join(o.comparison.reasons)} {o.comparison.confidence:.2f}"
            )
    print()
    return figures


def judge_checks(
    records: Sequence[dict[str, Any]], articles: dict[str, RealArticle]
) -> list[tuple[str, str]]:
    """(gold, predicted) verdicts of every check item."""
    results = []
    for record in records:
        claim = claim_text(record["claim"], articles)
        verdict = check(claim, articles[record["article"]].text)
        results.append((record["label"], verdict.verdict))
    return results


def print_checks(name: str, results: Sequence[tuple[str, str]]) -> dict[str, float]:
    """Accuracy, macro-F1 and per-verdict figures of one split."""
    accuracy = _ratio(sum(g == p for g, p in results), len(results))
    f1s = []
    print(f"### checks, {name} split: {len(results)} items\n")
    print("| verdict | gold | predicted | precision | recall | F1 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label in CHECK_LABELS:
        tp = sum(g == p == label for g, p in results)
        predicted = sum(p == label for _, p in results)
        gold = sum(g == label for g, _ in results)
        precision, recall = _ratio(tp, predicted), _ratio(tp, gold)
        f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
        if gold:
            f1s.append(f1)
        print(f"| {label} | {gold} | {predicted} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    print(
        f"\naccuracy {accuracy:.3f} (target {TARGETS['check_accuracy']}), macro-F1 {macro:.3f} "
        f"(target {TARGETS['check_macro_f1']})\n"
    )
    return {"check_accuracy": accuracy, "check_macro_f1": macro}


def main(argv: list[str] | None = None) -> int:
    """Evaluate on the real-news set; exit 0 with a message when the data are absent."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--split", choices=("report", "fit", "all"), default="all")
    parser.add_argument("--flags", action="store_true", help="list every contradiction flag (ids only)")
    args = parser.parse_args(argv)
    articles = load_articles(args.data)
    if articles is None:
        print(f"skipped: no BASIL articles under {args.data}")
        return 0
    splits = ("fit", "report") if args.split == "all" else (args.split,)
    pairs = read_jsonl(PAIRS_FILE)
    checks = read_jsonl(CHECKS_FILE) if CHECKS_FILE.exists() else []
    missed: list[str] = []
    for split in splits:
        outcomes = judge_pairs([r for r in pairs if r["split"] == split], articles)
        figures = print_pairs(split, outcomes, show_flags=args.flags)
        if checks:
            figures.update(
                print_checks(split, judge_checks([r for r in checks if r["split"] == split], articles))
            )
        if split == "report":
            missed = [k for k, target in TARGETS.items() if k in figures and figures[k] < target]
    if missed:
        print("report split below target: " + ", ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
