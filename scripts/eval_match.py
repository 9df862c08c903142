"""Measure the matcher on the development data and print a table (with the lexical baseline).

    .venv/bin/python -m scripts.eval_match --data ../shared/data

- MSRP val: accuracy and F1 of ``equivalent`` (heads fitted on MSRP train);
- SICK TRIAL: precision, recall and F1 of ``contradiction`` (fitted on SICK TRAIN);
- Emergent: accuracy and per-class F1 of ``check``, 5-fold cross-validated by claim (the stance head
  is refitted on the other folds; the pair heads never saw Emergent);
- STS headlines: Pearson r of the ``pairs`` confidence against the gold score (2013 and 2014 pooled);
  the similarity head behind the confidence is fitted on SICK TRAIN and MSRP train only, so no STS
  pair is seen in any fit (the provenance is printed under the table).
Baseline: rapidfuzz ``token_set_ratio`` with a threshold tuned on the training split, plus a
negation-word rule. Exits 0 with a message when the data are absent.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimdiff.match import pairs_record
from claimdiff.match.check import STANCE_FEATURES, VERDICTS, read_article, verdict_from_reads
from claimdiff.match.model import WEIGHTS_PATH, Model, default_model
from claimdiff.text import matching_key
from rapidfuzz import fuzz

# Run as a module from the repository root (python -m scripts.eval_match), as make eval does.
from scripts.fit_matcher import (
    Pair,
    fit_stance_head,
    load_emergent,
    load_msrp,
    load_sick,
    load_sts,
    matrix,
    stance_cv_folds,
)

FLOORS = {
    "msrp_accuracy": 0.76,
    # Was 0.83 (F1 0.850). Issue 7: two figures for one count ("spent $1.71 million" / "$1.5 million") are a
    # conflicting slot, never the same claim, where MSRP's annotators often said paraphrase; F1 0.830.
    "msrp_f1": 0.82,
    "sick_contradiction_precision": 0.85,
    # Was 0.85 (F1 0.862). Precision first (issue 7): a contradiction now needs aligned clauses and
    # one voice, and a one-slot opposite ("is not carrying a black bag" / "is carrying a black bag") is
    # flagged even where SICK's annotators said NEUTRAL; F1 0.826 on TRIAL, precision still >= 0.85.
    "sick_contradiction_f1": 0.82,
    "emergent_accuracy": 0.70,
    "sts_pearson": 0.72,
}
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|none|nothing)\b|n't\b", re.IGNORECASE)


@dataclass
class Scores:
    """Binary classification counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        """Count one decision."""
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        """tp / predicted positives."""
        return self.tp / max(self.tp + self.fp, 1)

    @property
    def recall(self) -> float:
        """tp / gold positives."""
        return self.tp / max(self.tp + self.fn, 1)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """Share of correct decisions."""
        return (self.tp + self.tn) / max(self.tp + self.fp + self.fn + self.tn, 1)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation coefficient."""
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return cov / (sx * sy) if sx and sy else 0.0


# ---------------------------------------------------------------- baseline


def _tsr(pair: Pair) -> float:
    return fuzz.token_set_ratio(matching_key(pair.a), matching_key(pair.b)) / 100.0


def _negation_differs(pair: Pair) -> bool:
    return len(_NEGATION.findall(pair.a)) % 2 != len(_NEGATION.findall(pair.b)) % 2


def _tune(pairs: Sequence[Pair], decide: object, metric: str) -> float:
    grid = [t / 100 for t in range(20, 100)]
    best_t, best = 0.5, -1.0
    for t in grid:
        scores = Scores()
        for pair in pairs:
            scores.add(decide(pair, t), pair.label == 1)  # type: ignore[operator]
        value = getattr(scores, metric)
        if value > best:
            best_t, best = t, value
    return best_t


def baseline(
    msrp_train: list[Pair], msrp_val: list[Pair], sick_train: list[Pair], sick_trial: list[Pair]
) -> dict[str, float]:
    """token_set_ratio with a tuned threshold and a negation-word rule."""

    def equivalent(pair: Pair, t: float) -> bool:
        return _tsr(pair) >= t and not _negation_differs(pair)

    def contradiction(pair: Pair, t: float) -> bool:
        return _tsr(pair) >= t and _negation_differs(pair)

    t_msrp = _tune(msrp_train, equivalent, "accuracy")
    t_sick = _tune(sick_train, contradiction, "f1")
    msrp, sick = Scores(), Scores()
    for pair in msrp_val:
        msrp.add(equivalent(pair, t_msrp), pair.label == 1)
    for pair in sick_trial:
        sick.add(contradiction(pair, t_sick), pair.label == 1)
    return {
        "msrp_accuracy": msrp.accuracy,
        "msrp_f1": msrp.f1,
        "sick_contradiction_precision": sick.precision,
        "sick_contradiction_recall": sick.recall,
        "sick_contradiction_f1": sick.f1,
    }


# ---------------------------------------------------------------- engine


def evaluate_pairs(data: Path) -> dict[str, float]:
    """MSRP, SICK and STS through ``pairs_record`` (what ``claimdiff pairs`` prints)."""
    msrp, sick = Scores(), Scores()
    for pair in load_msrp(data, "val"):
        msrp.add(pairs_record(0, pair.a, pair.b)["relation"] == "equivalent", pair.label == 1)
    for pair, _, _ in load_sick(data, "TRIAL"):
        sick.add(pairs_record(0, pair.a, pair.b)["relation"] == "contradiction", pair.label == 1)
    sts = load_sts(data)
    confidences = [float(pairs_record(0, p.a, p.b)["confidence"]) for p in sts]
    return {
        "msrp_accuracy": msrp.accuracy,
        "msrp_f1": msrp.f1,
        "sick_contradiction_precision": sick.precision,
        "sick_contradiction_recall": sick.recall,
        "sick_contradiction_f1": sick.f1,
        "sts_pearson": pearson(confidences, [p.label for p in sts]),
    }


def evaluate_emergent(data: Path, model: Model | None = None) -> dict[str, float]:
    """``check`` on Emergent, the stance head refitted per fold (grouped by claim)."""
    base = model or default_model()
    pairs = load_emergent(data)
    reads = [read_article(p.a, p.b, base) for p in pairs]
    rows = []
    for article in reads:
        best = max(article.reads, key=lambda r: r.weight * r.relevance, default=None)
        rows.append(best.stance if best else {})
    x = matrix(rows, STANCE_FEATURES)
    predicted: list[str] = [""] * len(pairs)
    for train, test in stance_cv_folds(pairs):
        head = fit_stance_head([pairs[i] for i in train], x[train])
        fold_model = Model.from_dict({"heads": {"stance": head}, "thresholds": base.thresholds})
        fold_model.heads.update({k: v for k, v in base.heads.items() if k != "stance"})
        for i in test:
            predicted[i] = verdict_from_reads(reads[i], fold_model).verdict
    gold = [VERDICTS[int(p.label)] for p in pairs]
    result = {"emergent_accuracy": sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(pairs)}
    for label in VERDICTS:
        scores = Scores()
        for p, g in zip(predicted, gold, strict=True):
            scores.add(p == label, g == label)
        result[f"emergent_f1_{label}"] = scores.f1
    majority = max(VERDICTS, key=gold.count)
    result["emergent_majority_accuracy"] = gold.count(majority) / len(gold)
    return result


def evaluate(data: Path) -> tuple[dict[str, float], dict[str, float]]:
    """(engine figures, baseline figures)."""
    figures = evaluate_pairs(data)
    figures.update(evaluate_emergent(data))
    sts = load_sts(data)
    base = baseline(
        load_msrp(data, "train"),
        load_msrp(data, "val"),
        [p for p, _, _ in load_sick(data, "TRAIN")],
        [p for p, _, _ in load_sick(data, "TRIAL")],
    )
    base["sts_pearson"] = pearson([_tsr(p) for p in sts], [p.label for p in sts])
    base["emergent_accuracy"] = figures.pop("emergent_majority_accuracy")
    return figures, base


def table(figures: dict[str, float], base: dict[str, float]) -> str:
    """The printed table: metric, claimdiff, baseline, floor."""
    lines = [f"{'metric':34} {'claimdiff':>10} {'baseline':>10} {'floor':>7}"]
    for name, value in figures.items():
        floor = FLOORS.get(name)
        mark = "" if floor is None else ("  ok" if value >= floor else "  BELOW")
        base_text = f"{base[name]:10.3f}" if name in base else f"{'':>10}"
        floor_text = f"{floor:7.2f}" if floor is not None else f"{'':>7}"
        lines.append(f"{name:34} {value:10.3f} {base_text} {floor_text}{mark}")
    return "\n".join(lines)


def provenance() -> str:
    """How each figure was obtained: what every head of the shipped weights was fitted on."""
    fitted_on = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")).get("fitted_on", {})
    heads = ", ".join(f"{name}: {source}" for name, source in fitted_on.items())
    return (
        f"heads fitted on ({heads}).\n"
        "msrp: val split; sick: TRIAL split; emergent: 5-fold CV grouped by claim (stance head refitted);\n"
        "sts_pearson: `pairs` confidence on STS headlines 2013+2014 pooled, its similarity head fitted "
        "without any STS pair."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation table; exit 1 when a figure is below its floor."""
    parser = argparse.ArgumentParser(description="Evaluate the matcher on ../shared/data.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    if not (args.data / "msrp").is_dir():
        print(f"no data in {args.data}: skipped", file=sys.stderr)
        return 0
    figures, base = evaluate(args.data)
    print(table(figures, base))
    print(provenance())
    return 0 if all(figures[name] >= floor for name, floor in FLOORS.items()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
