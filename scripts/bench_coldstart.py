"""Cold-start cost: the CPU a fresh interpreter spends to import each Lambda handler, against a bare
``python -c "import boto3"`` (median of runs, measured alternately so that load on the machine
falls on both alike).

Imports are what a cold start pays before the first event; numpy, scikit-learn, scipy and moto must
not appear. Target (issue 8): at most 2x the bare boto3 import for every handler.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HANDLERS = ("ingest.app", "match.app", "rematch.app", "api.app")
FORBIDDEN = ("numpy", "sklearn", "scipy", "moto")
TARGET_RATIO = 2.0
PROBE = """
import sys
import {module}
heavy = [name for name in {forbidden!r} if name in sys.modules]
print(','.join(heavy))
"""


def _cpu_of(code: str, env: dict[str, str]) -> tuple[float, str]:
    """CPU seconds (user + system) of a fresh interpreter running ``code``, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return spent, out.stdout.strip()


def main() -> int:
    """Print each handler's import CPU and its ratio to a bare boto3 import; exit 1 on a heavy module."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters per measurement (default 7)")
    parser.add_argument("--data", help="ignored (every benchmark takes it)")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(ROOT / p) for p in ("shared", "functions"))}
    bare: list[float] = []
    handlers: dict[str, list[float]] = {module: [] for module in HANDLERS}
    heavy: dict[str, str] = {}
    for _ in range(args.runs):
        bare.append(_cpu_of("import boto3", env)[0])
        for module in HANDLERS:
            spent, printed = _cpu_of(PROBE.format(module=module, forbidden=FORBIDDEN), env)
            handlers[module].append(spent)
            heavy[module] = printed
    baseline = statistics.median(bare)
    print(f'bare `python -c "import boto3"`: {baseline * 1000:.0f} ms CPU (median of {args.runs})')
    print(f"{'handler':<12} {'import ms CPU':>14} {'ratio':>7}  target  heavy modules loaded")
    status = 0
    for module, times in handlers.items():
        median = statistics.median(times)
        ratio = median / baseline
        print(
            f"{module:<12} {median * 1000:>14.0f} {ratio:>7.2f}  <= {TARGET_RATIO:.0f}  {heavy[module] or 'none'}"
        )
        status |= bool(heavy[module])
    return int(status)


if __name__ == "__main__":
    raise SystemExit(main())
