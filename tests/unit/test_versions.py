"""processing_version: digests of the code and data that made a result, read from the package."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from claimdiff import versions
from claimdiff.versions import processing_version


def parts() -> dict[str, str]:
    """The version's parts by their letter: x (extractor), e (engine), m (model)."""
    processing_version.cache_clear()
    return {piece[0]: piece[1:] for piece in processing_version().split(".")}


@pytest.fixture
def package_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the package's versioned folders, read in place of the package."""
    for folder in ("extract", "text", "match"):
        shutil.copytree(Path(versions.__file__).parent / folder, tmp_path / folder)
    monkeypatch.setattr(versions, "_PACKAGE", tmp_path)
    yield tmp_path
    processing_version.cache_clear()


def test_the_version_names_the_extractor_the_engine_and_the_model() -> None:
    assert re.fullmatch(r"x[0-9a-f]{8}\.e[0-9a-f]{8}\.m[0-9a-f]{8}", processing_version())


@pytest.mark.parametrize(
    ("changed", "part"),
    [
        ("extract/claims.py", "x"),
        ("text/verbs.py", "x"),
        ("match/engine.py", "e"),
        ("match/weights.json", "m"),
    ],
)
def test_a_change_to_code_or_data_changes_its_part_only(package_copy: Path, changed: str, part: str) -> None:
    before = parts()
    with (package_copy / changed).open("a", encoding="utf-8") as file:
        file.write("\n")
    after = parts()
    assert {name for name in before if before[name] != after[name]} == {part}
