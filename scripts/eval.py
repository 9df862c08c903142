"""`make eval`: every quality figure in one run: extraction on the gold sets, matching on the dev data."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "tests"
# (folder, what its figure means): quote the blind set for unseen articles.
GOLD_SETS = (
    ("gold", "development set, tuned on"),
    ("gold_holdout", "held-out #1, its misses guided fixes after one blind reading"),
    ("gold_blind", "held-out #2, its misses guided fixes after one blind reading"),
    ("gold_blind2", "blind: never seen by anyone changing the extractor"),
)


def main() -> int:
    """Run the extraction and the matching evaluations; exit non-zero if one fails to run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", default="../shared/data", help="development datasets (default ../shared/data)"
    )
    args = parser.parse_args()
    steps = [
        (
            f"Extraction: tests/{folder} ({meaning})",
            [sys.executable, str(HERE / "eval_extract.py"), "--gold", str(GOLD / folder)],
        )
        for folder, meaning in GOLD_SETS
        if (GOLD / folder).is_dir()
    ]
    steps.append(
        ("Matching (development data)", [sys.executable, "-m", "scripts.eval_match", "--data", args.data])
    )
    steps.append(
        (
            "Judgements on real news (tests/realnews: BASIL pairs and checks; quote the report split)",
            [sys.executable, "-m", "scripts.eval_realnews", "--data", args.data],
        )
    )
    status = 0
    for title, command in steps:
        print(f"\n## {title}\n", flush=True)
        status |= subprocess.call(command, cwd=HERE.parent)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
