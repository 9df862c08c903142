"""Cold-start cost: how long a fresh interpreter takes to import each Lambda handler (median of runs).

Imports are what a cold start pays before the first event; numpy and scikit-learn must not appear.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HANDLERS = ("ingest.app", "match.app", "api.app")
FORBIDDEN = ("numpy", "sklearn", "scipy", "moto")
PROBE = """
import sys, time
start = time.perf_counter()
import {module}
elapsed = time.perf_counter() - start
heavy = [name for name in {forbidden!r} if name in sys.modules]
print(f"{{elapsed * 1000:.1f}} {{','.join(heavy)}}")
"""


def main() -> int:
    """Print the median import time of each handler in a fresh interpreter."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="fresh interpreters per handler (default 5)")
    parser.add_argument("--data", help="ignored (every benchmark takes it)")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(ROOT / p) for p in ("shared", "functions"))}
    print(f"{'handler':<12} {'import ms (median)':>18}  heavy modules loaded")
    status = 0
    for module in HANDLERS:
        times, heavy = [], ""
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", PROBE.format(module=module, forbidden=FORBIDDEN)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            times.append(float(out[0]))
            heavy = out[1] if len(out) > 1 else ""
        print(f"{module:<12} {statistics.median(times):>18.0f}  {heavy or 'none'}")
        status |= bool(heavy)
    return int(status)


if __name__ == "__main__":
    raise SystemExit(main())
