"""The Lambda path stays light: importing the matcher pulls in neither numpy nor scikit-learn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from claimdiff.match.model import default_model

SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_importing_match_does_not_import_numpy_or_sklearn() -> None:
    code = (
        "import sys; import claimdiff.match, claimdiff.match.model; "
        "claimdiff.match.model.default_model(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'sklearn', 'scipy', 'boto3')))"
    )
    env = {**os.environ, "PYTHONPATH": str(SHARED)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)

    assert result.stdout.strip() == "[]"


def test_weights_file_has_every_head() -> None:
    model = default_model()

    assert {"paraphrase", "contradiction", "similarity", "stance"} <= set(model.heads)
    assert set(model.heads["stance"].classes) == {"supports", "contradicts", "discusses"}
    for head in model.heads.values():
        assert len(head.features) == len(head.mean) == len(head.scale) == len(head.weights[0])
