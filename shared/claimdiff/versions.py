"""Which code and data made a result: the ``processing_version`` every stored claim, relation and
article carries (issue 10: results are reproducible).

The version is read from the package itself, so no one has to remember to bump it: a digest of the
extractor's source and data (``extract/``, ``text/``), one of the matching engine's source
(``match/*.py``) and one of the fitted model's data (``match/weights.json``). Two results with the
same version were made by the same code on the same data; ``claimdiff reprocess`` finds the ones an
older version made. Read once per process, when the first result is stored (not at import: it is no
cold-start cost of a function that stores nothing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_DIGEST_CHARS = 8
# What each part of the version covers, relative to the package.
_EXTRACTOR = ("extract", "text")
_ENGINE = ("match",)
_MODEL = "match/weights.json"
_SOURCE_SUFFIXES = (".py", ".json")


def _digest(files: Iterable[Path]) -> str:
    """A short digest of the files' names and contents, in a stable order."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(files):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:_DIGEST_CHARS]


def _sources(folders: Iterable[str], *, skip: str | None = None) -> list[Path]:
    return [
        path
        for folder in folders
        for path in (_PACKAGE / folder).rglob("*")
        if path.suffix in _SOURCE_SUFFIXES
        and path.is_file()
        and path.relative_to(_PACKAGE).as_posix() != skip
    ]


@lru_cache(maxsize=1)
def processing_version() -> str:
    """``x<extractor>.e<engine>.m<model>``: the digests of the code and data that made a result."""
    extractor = _digest(_sources(_EXTRACTOR))
    engine = _digest(p for p in _sources(_ENGINE, skip=_MODEL) if p.suffix == ".py")
    model = _digest([_PACKAGE / _MODEL])
    return f"x{extractor}.e{engine}.m{model}"
