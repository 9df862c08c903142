"""Measure claim extraction on the gold set (tests/gold/*.gold.json).

Prints sentence-boundary F1, speaker accuracy, negation accuracy, quantity F1 and claim
recall/precision; ``--verbose`` adds one row per article and lists the misses. Always exits 0.

    .venv/bin/python scripts/eval_extract.py [--gold tests/gold] [--verbose]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "shared"))

from claimdiff.extract import extract_claims  # noqa: E402
from claimdiff.extract.entities import PersonRegistry  # noqa: E402
from claimdiff.extract.filters import is_non_claim  # noqa: E402
from claimdiff.models import Claim  # noqa: E402
from claimdiff.text import normalise, sentences  # noqa: E402


@dataclass
class Tally:
    """Counts for one article (or the total)."""

    sentence_tp: int = 0
    sentence_pred: int = 0
    sentence_gold: int = 0
    speaker_ok: int = 0
    negation_ok: int = 0
    claims_found: int = 0
    claims_gold: int = 0
    claims_pred: int = 0
    claims_pred_ok: int = 0
    quantity_tp: int = 0
    quantity_pred: int = 0
    quantity_gold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))


def _f1(tp: int, pred: int, gold: int) -> float:
    if pred == 0 and gold == 0:
        return 1.0
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _article_text(gold_path: Path, gold: dict[str, object]) -> str:
    source = gold.get("source")
    path = REPO / str(source) if source else gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    return normalise(path.read_text(encoding="utf-8"))


def _title_line(text: str) -> tuple[str, int]:
    """The title (the first non-empty line that is not boilerplate such as "Share") and where the body starts."""
    offset = 0
    for line in text.split("\n"):
        if (line.strip() and not is_non_claim(line.strip(), "sentence")) or len(line.split()) > 3:
            return line.strip(), offset + len(line)
        offset += len(line) + 1
    return "", 0


def _same_speaker(predicted: Claim, gold_name: str | None) -> bool:
    speaker = predicted.speaker
    if gold_name is None:
        return speaker is None or speaker.kind == "outlet"
    if speaker is None or speaker.kind == "outlet":
        return False
    if speaker.name.casefold() == gold_name.casefold():
        return True
    return speaker.kind == "person" and PersonRegistry().resolve(gold_name).id == speaker.id


def evaluate(gold_path: Path) -> Tally:
    """Score one gold article."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = _article_text(gold_path, gold)
    title, body_start = _title_line(text)
    published = gold.get("published_on")
    published_on = dt.date.fromisoformat(published) if published else None
    tally = Tally()
    non_claims = {" ".join(s.split()) for s in gold.get("non_claims", [])}

    predicted_sentences = Counter(
        text[s.start : s.end].strip() for s in sentences(text) if s.start >= body_start
    )
    for neutral in list(predicted_sentences):
        if " ".join(neutral.split()) in non_claims:
            del predicted_sentences[neutral]
    gold_sentences = Counter(s.strip() for s in gold["sentences"])
    tally.sentence_pred = sum(predicted_sentences.values())
    tally.sentence_gold = sum(gold_sentences.values())
    tally.sentence_tp = sum((predicted_sentences & gold_sentences).values())
    for missing in gold_sentences - predicted_sentences:
        tally.misses.append(f"sentence missed: {missing[:100]!r}")

    claims = extract_claims(
        text,
        article_id=gold_path.stem,
        outlet=str(gold.get("outlet", "")),
        title=title,
        published_on=published_on,
    )
    by_text: dict[str, Claim] = {claim.text.strip(): claim for claim in claims}
    gold_texts = {c["text"].strip() for c in gold["claims"]}
    tally.claims_pred = len(claims)
    tally.claims_pred_ok = sum(1 for claim in claims if claim.text.strip() in gold_texts)
    for claim in claims:
        if claim.text.strip() not in gold_texts:
            tally.misses.append(f"extra claim: {claim.text[:100]!r}")
    for gold_claim in gold["claims"]:
        tally.claims_gold += 1
        predicted = by_text.get(gold_claim["text"].strip())
        gold_quantities = Counter(gold_claim.get("quantities", []))
        tally.quantity_gold += sum(gold_quantities.values())
        if predicted is None:
            tally.misses.append(f"claim missed: {gold_claim['text'][:100]!r}")
            continue
        tally.claims_found += 1
        if _same_speaker(predicted, gold_claim.get("speaker")):
            tally.speaker_ok += 1
        else:
            got = predicted.speaker.name if predicted.speaker else None
            tally.misses.append(f"speaker {got!r} != {gold_claim.get('speaker')!r}: {predicted.text[:80]!r}")
        if predicted.negated == bool(gold_claim.get("negated")):
            tally.negation_ok += 1
        else:
            tally.misses.append(
                f"negated {predicted.negated} != {gold_claim.get('negated')}: {predicted.text[:80]!r}"
            )
        predicted_quantities = Counter(q.text for q in predicted.quantities)
        tally.quantity_pred += sum(predicted_quantities.values())
        tally.quantity_tp += sum((predicted_quantities & gold_quantities).values())
        if predicted_quantities != gold_quantities:
            tally.misses.append(
                f"quantities {sorted(predicted_quantities)} != {sorted(gold_quantities)}: {predicted.text[:60]!r}"
            )
    return tally


def _row(name: str, tally: Tally) -> str:
    return (
        f"{name:<34} {_f1(tally.sentence_tp, tally.sentence_pred, tally.sentence_gold):>8.3f}"
        f" {_ratio(tally.speaker_ok, tally.claims_found):>8.3f} {_ratio(tally.negation_ok, tally.claims_found):>8.3f}"
        f" {_f1(tally.quantity_tp, tally.quantity_pred, tally.quantity_gold):>8.3f}"
        f" {_ratio(tally.claims_found, tally.claims_gold):>8.3f} {_ratio(tally.claims_pred_ok, tally.claims_pred):>8.3f}"
        f" {tally.claims_gold:>6}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO / "tests" / "gold")
    parser.add_argument("--verbose", action="store_true", help="per-article rows and the misses")
    args = parser.parse_args(argv)
    gold_files = sorted(args.gold.glob("*.gold.json"))
    if not gold_files:
        print(f"no gold articles under {args.gold}")
        return 0
    total = Tally()
    header = f"{'article':<34} {'sent F1':>8} {'speaker':>8} {'negation':>8} {'qty F1':>8} {'recall':>8} {'precis.':>8} {'claims':>6}"
    print(header)
    for path in gold_files:
        tally = evaluate(path)
        total.add(tally)
        if args.verbose:
            print(_row(path.name.removesuffix(".gold.json"), tally))
            for miss in tally.misses:
                print(f"    - {miss}")
    print(_row(f"ALL ({len(gold_files)} articles)", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
