"""The Lambda path stays light: importing the matcher pulls in neither numpy nor scikit-learn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
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


def _loaded_by(module: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules under ``prefixes`` that a fresh interpreter has loaded after importing ``module``."""
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    root = SHARED.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(root / p) for p in ("shared", "functions"))}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    loaded: list[str] = json.loads(result.stdout)
    return [m for m in loaded if any(m == p or m.startswith(p + ".") for p in prefixes)]


NOT_IN_ANY = ("boto3", "s3transfer")  # boto3 drags in s3transfer: botocore alone makes the clients
ONLY_INGEST = ("claimdiff.extract", "claimdiff.ingest", "claimdiff.store.objects")


@pytest.mark.parametrize(
    ("handler", "unwanted"),
    [
        ("ingest.app", NOT_IN_ANY),
        ("match.app", NOT_IN_ANY + ONLY_INGEST),
        ("api.app", NOT_IN_ANY + ONLY_INGEST),
    ],
)
def test_each_handler_imports_only_what_it_uses(handler: str, unwanted: tuple[str, ...]) -> None:
    # Cold start: match and the API never extract claims or read S3.
    assert _loaded_by(handler, unwanted) == []
