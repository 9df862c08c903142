"""`make eval`: every quality figure in one run: extraction on the gold set, matching on the dev data."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run the extraction and the matching evaluations; exit non-zero if either fails to run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", default="../shared/data", help="development datasets (default ../shared/data)"
    )
    args = parser.parse_args()
    steps = [
        (
            "Extraction: gold set (tests/gold, used for development)",
            [sys.executable, str(HERE / "eval_extract.py")],
        ),
        (
            "Extraction: blind held-out set (tests/gold_holdout, never tuned on)",
            [
                sys.executable,
                str(HERE / "eval_extract.py"),
                "--gold",
                str(HERE.parent / "tests" / "gold_holdout"),
            ],
        ),
        ("Matching (development data)", [sys.executable, str(HERE / "eval_match.py"), "--data", args.data]),
    ]
    status = 0
    for title, command in steps:
        print(f"\n## {title}\n", flush=True)
        status |= subprocess.call(command)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
