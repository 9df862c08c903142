"""``claimdiff demo``: the local stack, the sample corpus uploaded through S3, the report over HTTP.

Everything goes the way it would in AWS: uploads land in the bucket, S3 notifies the queue, the
dispatcher runs the ingest and match handlers, and the report is read from the REST API.
"""

from __future__ import annotations

import json
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimdiff.documents import SUPPORTED_SUFFIXES, parse_date
from claimdiff.models import calendar_day
from claimdiff.report import WIDTH, demo_report, speaker_name

PAGE_SIZE = 100


@dataclass(frozen=True)
class CorpusEntry:
    """One article of a corpus: where its file is, which outlet publishes it, and when."""

    path: Path
    outlet: str
    published_at: str | None


def load_corpus(folder: Path) -> list[CorpusEntry]:
    """Read ``corpus.json`` (a list of ``{"file", "outlet", "published_at"}``) or, without it, take
    ``<outlet>/<file>`` from the folder layout."""
    manifest = folder / "corpus.json"
    if manifest.is_file():
        entries = json.loads(manifest.read_text(encoding="utf-8"))
        return [CorpusEntry(folder / e["file"], e["outlet"], e.get("published_at")) for e in entries]
    return [
        CorpusEntry(path, path.parent.name, None)
        for path in sorted(folder.glob("*/*"))
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
    ]


class ApiClient:
    """A small JSON client of the REST API (the local gateway needs no signing)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def get(self, path: str, **query: object) -> Any:
        """GET a JSON document."""
        params = {name: value for name, value in query.items() if value is not None}
        url = f"{self.base_url}{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own local URL
            return json.load(response)

    def pages(self, path: str, **query: object) -> Iterator[dict[str, Any]]:
        """Every item of a paginated listing, following ``next_cursor``."""
        cursor = None
        while True:
            page = self.get(path, limit=PAGE_SIZE, cursor=cursor, **query)
            yield from page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return


def comparison_relations(
    comparison: Mapping[str, Any], kinds: Sequence[str] = ("corroborating", "contradicting", "related")
) -> list[dict[str, Any]]:
    """The links of an article's comparison (``GET /articles/{id}/comparison``) as relations: each
    with its claim, and whether the other claim's article is of the same origin (a copy)."""
    return [
        {**link, "claim": _ref(entry["claim"]), "same_origin": link.get("origin") == comparison.get("origin")}
        for entry in comparison["claims"]
        for kind in kinds
        for link in entry[kind]
    ]


def expectation_lines(
    expected: Sequence[Mapping[str, Any]], relations: Sequence[Mapping[str, Any]]
) -> list[str]:
    """One line per planted relation of ``expected.json``: found as planted or not."""
    lines = []
    for item in expected:
        found = [r for r in relations if _links(r, item["a"], item["b"])]
        kinds = {r["relation"] for r in found}
        reasons = {reason for r in found for reason in r.get("reasons", [])}
        if item["relation"] == "none":
            ok = "contradiction" not in kinds
        else:
            ok = item["relation"] in kinds and (not item.get("reason") or item["reason"] in reasons)
        if item.get("origin") == "one":
            # Copies of one wire report: found, and counted as one origin.
            ok = ok and any(r.get("same_origin") for r in found)
        got = ", ".join(sorted(kinds)) or "no relation"
        want = (
            "not a contradiction"
            if item["relation"] == "none"
            else f"{item['relation']} ({item.get('reason')})"
        ) + (", one origin" if item.get("origin") == "one" else "")
        lines.append(f"  {'ok ' if ok else 'MISS'} {item['name']:<28} want {want}; got {got}")
    return lines


def _links(relation: Mapping[str, Any], a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    sides = (relation["claim"], relation["other"])
    for one, two in (sides, sides[::-1]):
        if (
            one["outlet"] == a["outlet"]
            and a["contains"] in one["text"]
            and two["outlet"] == b["outlet"]
            and b["contains"] in two["text"]
        ):
            return True
    return False


def run_demo(samples: Path, *, timeout: float = 120.0) -> int:
    """Run the whole demo; returns the exit code."""
    import boto3  # noqa: PLC0415
    from claimdiff_local import LocalStack  # noqa: PLC0415

    from claimdiff.cli import upload_files  # noqa: PLC0415

    corpus = load_corpus(samples)
    if not corpus:
        print(f"claimdiff demo: no articles under {samples}/", file=sys.stderr)
        return 2
    started = time.monotonic()
    # The functions' per-record INFO logs would drown the report: the demo shows warnings only.
    with LocalStack(moto_port=0, api_port=0, parameter_overrides={"LogLevel": "WARNING"}) as stack:
        print(f"local stack: moto at {stack.endpoint_url}, API at {stack.api_url}")
        s3 = boto3.client("s3", endpoint_url=stack.endpoint_url)
        print(f"uploading {len(corpus)} articles to s3://{stack.bucket}/articles/ ...")
        for entry in corpus:
            when = parse_date(entry.published_at)
            published = calendar_day(when) if when is not None else None
            for key in upload_files(s3, stack.bucket, entry.outlet, [entry.path], published, progress=False):
                print(f"  {key}")
        print("waiting for ingest and matching ...")
        stack.wait_until_idle(timeout)
        api = ApiClient(stack.api_url)
        articles = list(api.pages("/articles"))
        contradictions = list(api.pages("/contradictions"))
        stories = [api.get(f"/stories/{story['id']}") for story in api.pages("/stories")]
        agreements: list[dict[str, Any]] = []
        related: list[dict[str, Any]] = []
        unique_counts: dict[str, int] = {}
        unique_claims: dict[str, list[dict[str, Any]]] = {}
        for article in articles:
            if article["status"] != "PROCESSED":
                continue
            comparison = api.get(f"/articles/{article['id']}/comparison")
            unique_counts[article["id"]] = comparison["summary"]["unique"]
            unique_claims[article["id"]] = comparison["unique"]
            for relation in comparison_relations(comparison, kinds=("corroborating", "related")):
                # Each pair is seen from both sides: keep the one whose claim id sorts first.
                if relation["claim"]["id"] < relation["other"]["id"]:
                    (agreements if relation["relation"] == "equivalent" else related).append(relation)
    print(demo_report(articles, contradictions, stories, unique_counts, unique_claims))
    expected_file = samples / "expected.json"
    if expected_file.is_file():
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        print("\nPlanted relations (samples/expected.json)")
        print("\n".join(expectation_lines(expected, contradictions + agreements + related)))
    print(f"\n{'-' * WIDTH}\ndemo finished in {time.monotonic() - started:.1f}s")
    return 0


def _ref(claim: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": claim["id"],
        "outlet": claim["outlet"],
        "text": claim["text"],
        "speaker": speaker_name(claim),
    }
