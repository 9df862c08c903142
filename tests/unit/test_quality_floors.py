"""Quality floors of the matcher on the development data (skipped when ../shared/data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not (DATA / "msrp").is_dir(), reason=f"no development data in {DATA}"),
]


def test_every_metric_meets_its_floor() -> None:
    # Imported here: the evaluation pulls in scikit-learn, which only this test needs.
    from scripts.eval_match import FLOORS, evaluate, table  # noqa: PLC0415

    figures, baseline = evaluate(DATA)
    below = {name: round(figures[name], 3) for name, floor in FLOORS.items() if figures[name] < floor}

    assert not below, "below the floor:\n" + table(figures, baseline)
