"""`make bench`: speed and cost figures (cold start, extraction, the judgement layer's
pairs/check/compare, ingest + matching through the use cases, matching against corpus size up to a
million stored claims, and DynamoDB + Lambda cost per article through moto)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run the benchmarks in turn; exit non-zero if one fails to run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", default="../shared/data", help="development datasets (default ../shared/data)"
    )
    args = parser.parse_args()
    status = 0
    scripts = (
        "bench_coldstart.py",
        "bench_extract.py",
        "bench_judgements.py",
        "bench_pipeline.py",
        "bench_scale.py",
        "bench_cost.py",
    )
    for script in scripts:
        print(f"\n## {script}\n", flush=True)
        module = f"scripts.{script.removesuffix('.py')}"
        status |= subprocess.call([sys.executable, "-m", module, "--data", args.data], cwd=HERE.parent)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
