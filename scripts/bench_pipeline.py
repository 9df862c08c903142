"""Pipeline throughput: the ingest and matching use cases over the BASIL corpus.

    .venv/bin/python scripts/bench_pipeline.py --data ../shared/data [--limit N] [--skip-moto]

1. In process, no AWS: ``Ingestor`` on an ``InMemoryStore`` and a dict-backed object source, then
   ``Matcher.match`` for every stored claim. Articles/s, claims/s, claims per article, candidates per
   claim, relations by kind, contradictions per event.
2. Scale: the same over growing prefixes of the corpus (whole events), with the store's
   ``candidates`` calls counted: one per blocking key, whatever the corpus holds
   (``scripts/bench_scale.py`` grows the corpus to a million claims).
3. Through moto (in-process ``mock_aws``) with the real DynamoDB adapter on a table created from
   template.yaml's ``ClaimsTable``: per-article and per-claim latency, which is mostly moto's overhead.

BASIL (100 events, each reported by fox, nyt and hpo) is read from ``<data>/basil``; each article is
uploaded as ``articles/<outlet>/<event>.json`` with its title, its paragraphs joined by blank lines
and its date. Single-threaded, timed with ``time.perf_counter`` after one warm-up. Exits 0 with a
message when the data are absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from claimdiff.config import Settings
from claimdiff.ingest import Ingestor, ObjectChange
from claimdiff.matching import Matcher, MatchResult
from claimdiff.models import Claim, RelationKind
from claimdiff.store.memory import InMemoryStore
from claimdiff.store.objects import StoredObject
from claimdiff.store.ports import ClaimStore, IndexEntry

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "template.yaml"
BASIL_FILE = Path("basil") / "basil_articles.jsonl"
BUCKET = "bench-articles"
# Corpus prefixes (in articles, rounded down to whole events) for the scale section.
SCALE_SIZES = (30, 90, 300)
MOTO_ARTICLES = 30
# Claims matched through moto: a fixed sample spread over every article (a time budget would measure
# fewer claims on a busy machine).
MOTO_MATCHED = 240
WARM_UP_MATCHES = 5
MOTO_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    # Keeps botocore on the regional DynamoDB endpoint, not the account-based one (see DESIGN.md: moto).
    "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
}
RELATION_KINDS: tuple[RelationKind, ...] = ("equivalent", "contradiction", "related")


# ---------------------------------------------------------------- corpus


@dataclass(frozen=True)
class BasilArticle:
    """One BASIL article: the event it reports and the upload that carries it."""

    event: str
    outlet: str
    title: str
    date: str
    paragraphs: tuple[str, ...]

    @property
    def key(self) -> str:
        """The S3 key it is uploaded under (the outlet comes from the key, as in production).

        Named by event: an event has one article per outlet, while a few BASIL rows share the uuid "empty".
        """
        return f"articles/{self.outlet}/{self.event}.json"

    def body(self) -> bytes:
        """The uploaded JSON: the parser builds the text as title, blank line, paragraphs."""
        document = {"title": self.title, "body": "\n\n".join(self.paragraphs), "published_at": self.date}
        return json.dumps(document, ensure_ascii=False).encode()


def load_basil(path: Path) -> list[BasilArticle]:
    """Read the BASIL articles, grouped by event in the order events first appear."""
    by_event: dict[str, list[BasilArticle]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            article = BasilArticle(
                event=row["triplet_uuid"],
                outlet=row["source"].lower(),  # a few rows spell the outlet in capitals
                title=row["title"],
                date=row["date"],
                paragraphs=tuple(row["paragraphs"]),
            )
            by_event[article.event].append(article)
    return [article for articles in by_event.values() for article in articles]


def whole_events(articles: Sequence[BasilArticle], limit: int) -> list[BasilArticle]:
    """The longest prefix of at most ``limit`` articles that keeps events whole (at least one event)."""
    events: dict[str, list[BasilArticle]] = defaultdict(list)
    for article in articles:
        events[article.event].append(article)
    taken: list[BasilArticle] = []
    for event_articles in events.values():
        if taken and len(taken) + len(event_articles) > limit:
            break
        taken += event_articles
    return taken


def event_count(articles: Sequence[BasilArticle]) -> int:
    """How many events the articles report."""
    return len({article.event for article in articles})


# ---------------------------------------------------------------- fakes


class DictObjectSource:
    """The ``ObjectSource`` port over a dict: the uploaded bucket, without S3."""

    def __init__(self) -> None:
        self._objects: dict[tuple[str, str], StoredObject] = {}

    def put(self, bucket: str, key: str, body: bytes) -> None:
        """Upload ``body`` as the current version of ``key``."""
        digest = hashlib.sha256(body).hexdigest()
        self._objects[(bucket, key)] = StoredObject(
            body=body, size=len(body), version_id=digest[:16], etag=digest[:32]
        )

    def fetch(self, bucket: str, key: str, *, max_bytes: int) -> StoredObject | None:
        """The object, with an empty body when it is over ``max_bytes`` (as the S3 adapter does)."""
        found = self._objects.get((bucket, key))
        if found is None or found.size <= max_bytes:
            return found
        return StoredObject(body=b"", size=found.size, version_id=found.version_id, etag=found.etag)


class CountingStore(InMemoryStore):
    """The in-memory store, counting the candidate-index reads (one per key: a Query in DynamoDB)."""

    def __init__(self) -> None:
        super().__init__()
        self._candidate_calls = 0

    def candidates(
        self, key: str, day: dt.date, *, window_days: int, limit: int, exclude_outlet: str | None = None
    ) -> list[IndexEntry]:
        """Count the read, then answer as the in-memory store does."""
        self._candidate_calls += 1
        return super().candidates(
            key, day, window_days=window_days, limit=limit, exclude_outlet=exclude_outlet
        )

    def candidate_calls(self) -> int:
        """How many candidate-index reads the store has served."""
        return self._candidate_calls


# ---------------------------------------------------------------- one run


@dataclass
class PipelineRun:
    """What ingesting and matching a set of articles did, and how long each call took."""

    articles: int = 0
    events: int = 0
    not_processed: list[str] = field(default_factory=list)
    event_of_article: dict[str, str] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    ingest_seconds: list[float] = field(default_factory=list)
    match_seconds: list[float] = field(default_factory=list)
    matches: list[MatchResult] = field(default_factory=list)
    store_calls: int = 0
    # Unordered claim pairs by relation kind, split by whether both articles report the same event.
    same_event: Counter[str] = field(default_factory=Counter)
    cross_event: Counter[str] = field(default_factory=Counter)
    contradictions_by_event: Counter[str] = field(default_factory=Counter)

    @property
    def claims_per_article(self) -> float:
        """Mean claims stored per article."""
        return len(self.claims) / max(self.articles, 1)

    @property
    def candidates_per_claim(self) -> float:
        """Mean candidates the matcher scored per matched claim."""
        return statistics.fmean(m.candidates for m in self.matches) if self.matches else 0.0

    @property
    def max_candidates(self) -> int:
        """The most candidates any one claim had."""
        return max((m.candidates for m in self.matches), default=0)

    @property
    def keys_per_claim(self) -> float:
        """Mean blocking keys per stored claim."""
        return statistics.fmean(len(c.blocking_keys) for c in self.claims) if self.claims else 0.0

    @property
    def store_calls_per_claim(self) -> float:
        """Mean counted store calls per matched claim."""
        return self.store_calls / max(len(self.matches), 1)


def spread(claims: Sequence[Claim]) -> list[Claim]:
    """The claims round-robin over their articles (first claim of each, then second...): a prefix of
    this order samples every article."""
    rank_in_article: Counter[str] = Counter()
    ranked: list[tuple[int, int, Claim]] = []
    for position, claim in enumerate(claims):
        ranked.append((rank_in_article[claim.article_id], position, claim))
        rank_in_article[claim.article_id] += 1
    return [claim for _, _, claim in sorted(ranked, key=lambda entry: entry[:2])]


def run_pipeline(
    store: ClaimStore,
    articles: Sequence[BasilArticle],
    config: Settings,
    *,
    count_store_calls: Callable[[], int] | None = None,
    max_matched: int | None = None,
) -> PipelineRun:
    """Upload and ingest every article, then match the stored claims; time each use-case call.

    Every claim is matched unless ``max_matched`` cuts the matching short; then the matched claims
    are a sample spread over all articles.
    """
    objects = DictObjectSource()
    ingestor = Ingestor(store, objects, config)
    matcher = Matcher(store, config)
    run = PipelineRun(articles=len(articles), events=event_count(articles))
    for article in articles:
        objects.put(BUCKET, article.key, article.body())
    for article in articles:
        started = time.perf_counter()
        result = ingestor.ingest(ObjectChange(bucket=BUCKET, key=article.key))
        run.ingest_seconds.append(time.perf_counter() - started)
        if result.outcome != "processed":
            run.not_processed.append(f"{article.key}: {result.outcome}, {result.reason}")
        run.event_of_article[result.article_id] = article.event
    run.claims = [claim for article_id in run.event_of_article for claim in store.list_claims(article_id)]
    to_match = spread(run.claims)[:max_matched] if max_matched is not None else run.claims
    calls_before = count_store_calls() if count_store_calls else 0
    for claim in to_match:
        started = time.perf_counter()
        run.matches.append(matcher.match(claim))
        run.match_seconds.append(time.perf_counter() - started)
    run.store_calls = (count_store_calls() - calls_before) if count_store_calls else 0
    return run


def tally_relations(store: ClaimStore, run: PipelineRun) -> None:
    """Count the stored relations of the run's claims once per pair, by kind and by event."""
    seen: set[tuple[str, str]] = set()
    for claim in run.claims:
        for relation in store.list_relations(claim.id):
            pair = (min(relation.claim.id, relation.other.id), max(relation.claim.id, relation.other.id))
            if pair in seen:
                continue  # each pair is stored in both directions
            seen.add(pair)
            event = run.event_of_article.get(relation.claim.article_id)
            if event is not None and event == run.event_of_article.get(relation.other.article_id):
                run.same_event[relation.relation] += 1
                if relation.relation == "contradiction":
                    run.contradictions_by_event[event] += 1
            else:
                run.cross_event[relation.relation] += 1


def warm_up(store: ClaimStore, articles: Sequence[BasilArticle], config: Settings) -> None:
    """One untimed pass over the first event: imports, compiled patterns, fitted weights, clients."""
    run_pipeline(store, whole_events(articles, 1), config, max_matched=WARM_UP_MATCHES)


# ---------------------------------------------------------------- printing


def rate(count: int, seconds: Sequence[float]) -> float:
    """Items per second over the summed call times."""
    total = sum(seconds)
    return count / total if total else 0.0


def latency(seconds: Sequence[float]) -> str:
    """Mean, median and 95th percentile of call times, in milliseconds."""
    if not seconds:
        return "n/a"
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"mean {1000 * statistics.fmean(ordered):7.1f} ms   p50 {1000 * statistics.median(ordered):7.1f} ms"
        f"   p95 {1000 * p95:7.1f} ms"
    )


def line(label: str, value: str) -> None:
    """One aligned figure."""
    print(f"  {label:<34} {value}")


def print_relations(run: PipelineRun) -> None:
    """Relations by kind (same event and across events) and contradictions per event."""
    for kind in RELATION_KINDS:
        line(
            f"{kind} pairs",
            f"{run.same_event[kind] + run.cross_event[kind]:6d}"
            f"   (same event {run.same_event[kind]}, across events {run.cross_event[kind]})",
        )
    per_event = list(run.contradictions_by_event.values())
    with_any = len(per_event)
    mean = sum(per_event) / max(run.events, 1)
    line(
        "contradictions per event",
        f"{mean:6.2f}   (events with at least one: {with_any}/{run.events}, most in one event: "
        f"{max(per_event, default=0)})",
    )


# ---------------------------------------------------------------- sections


def bench_in_memory(articles: Sequence[BasilArticle], config: Settings) -> PipelineRun:
    """Section 1: the use cases in process on the in-memory store."""
    print(
        f"\n# 1. Use cases in process (InMemoryStore): {len(articles)} articles, {event_count(articles)} events"
    )
    warm_up(InMemoryStore(), articles, config)
    store = CountingStore()
    run = run_pipeline(store, articles, config, count_store_calls=store.candidate_calls)
    tally_relations(store, run)
    claims = len(run.claims)
    line(
        "ingest", f"{rate(run.articles, run.ingest_seconds):8.1f} articles/s  ({latency(run.ingest_seconds)})"
    )
    line("match", f"{rate(claims, run.match_seconds):8.1f} claims/s    ({latency(run.match_seconds)})")
    line("articles not processed", f"{len(run.not_processed):6d}")
    for reason in run.not_processed:
        print(f"    {reason}")
    line("claims", f"{claims:6d}   ({run.claims_per_article:.1f} per article)")
    line("blocking keys per claim", f"{run.keys_per_claim:6.2f}")
    line("compared per claim", f"{run.candidates_per_claim:6.2f}   (max {run.max_candidates})")
    print_relations(run)
    return run


def bench_scale(articles: Sequence[BasilArticle], config: Settings, full: PipelineRun) -> None:
    """Section 2: candidates and index reads per claim over growing prefixes of the corpus."""
    window_days = 2 * config.match_window_days + 1
    print(
        f"\n# 2. Scale: cost per claim against corpus size (window {window_days} days, at most "
        f"{config.candidates_per_key} index entries per key, {config.candidates_per_claim} compared)"
    )
    print(
        f"  {'articles':>8} {'events':>6} {'claims':>6} {'cand/claim':>10} {'max cand':>8} "
        f"{'reads/claim':>11} {'keys/claim':>10} {'ms/claim':>8}"
    )
    runs: list[PipelineRun] = []
    for size in SCALE_SIZES:
        prefix = whole_events(articles, size)
        if len(prefix) >= len(articles):
            break
        store = CountingStore()
        runs.append(run_pipeline(store, prefix, config, count_store_calls=store.candidate_calls))
    runs.append(full)
    for run in runs:
        print(
            f"  {run.articles:8d} {run.events:6d} {len(run.claims):6d} {run.candidates_per_claim:10.2f} "
            f"{run.max_candidates:8d} {run.store_calls_per_claim:11.2f} {run.keys_per_claim:10.2f} "
            f"{1000 * statistics.fmean(run.match_seconds or [0.0]):8.2f}"
        )
    print(
        "  reads/claim: calls to ClaimStore.candidates per matched claim (one per blocking key, a Query\n"
        "  each on DynamoDB); it depends on the claim's keys, not on the corpus (scripts/bench_scale.py\n"
        "  grows the corpus to a million claims)."
    )


@contextmanager
def moto_environment() -> Iterator[None]:
    """Fake credentials and region for in-process moto, restored afterwards."""
    saved = {name: os.environ.get(name) for name in [*MOTO_ENVIRONMENT, "AWS_PROFILE"]}
    os.environ.update(MOTO_ENVIRONMENT)
    os.environ.pop("AWS_PROFILE", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def provision_claims_table(stack_name: str) -> str:
    """Provision the stack's resources from template.yaml (the one definition) and name its claims table."""
    # Imported here: only the moto section needs the local stack's provisioner.
    from claimdiff_local.provision import Provisioner  # noqa: PLC0415
    from claimdiff_local.template import Resolver, load_template  # noqa: PLC0415

    template = load_template(TEMPLATE)
    resolver = Resolver(template, stack_name=stack_name, region=MOTO_ENVIRONMENT["AWS_DEFAULT_REGION"])
    session = boto3.Session(region_name=MOTO_ENVIRONMENT["AWS_DEFAULT_REGION"])
    return Provisioner(template, resolver, session, None).provision().tables["ClaimsTable"]  # type: ignore[arg-type]


@dataclass
class RequestLog:
    """DynamoDB requests seen by a botocore client: how many of each operation and how long each took."""

    counts: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    _started: float = 0.0

    def attach(self, client: Any) -> None:
        """Listen to the client's calls (single-threaded: one call in flight at a time)."""
        client.meta.events.register("before-call.dynamodb", self._before)
        client.meta.events.register("after-call.dynamodb", self._after)

    def reset(self) -> None:
        """Forget the requests seen so far."""
        self.counts.clear()
        self.seconds.clear()

    def _before(self, model: Any, **_: Any) -> None:
        self.counts[model.name] += 1
        self._started = time.perf_counter()

    def _after(self, model: Any, **_: Any) -> None:
        self.seconds[model.name].append(time.perf_counter() - self._started)


def table_item_count(client: Any, table_name: str) -> int:
    """Items in a table, counted by a full scan."""
    pages = client.get_paginator("scan").paginate(TableName=table_name, Select="COUNT")
    return sum(int(page["Count"]) for page in pages)


def bench_moto(articles: Sequence[BasilArticle], config: Settings) -> None:
    """Section 3: the same use cases through the DynamoDB adapter on in-process moto."""
    # Imported here: only this section needs them, and --skip-moto should not pay for moto's import.
    from claimdiff.store.dynamodb import DynamoClaimStore  # noqa: PLC0415
    from moto import mock_aws  # noqa: PLC0415

    subset = whole_events(articles, MOTO_ARTICLES)
    print(
        f"\n# 3. Through moto (mock_aws, DynamoClaimStore, table from template.yaml): "
        f"{len(subset)} articles, {event_count(subset)} events"
    )
    with moto_environment(), mock_aws():
        client = boto3.client("dynamodb", region_name=MOTO_ENVIRONMENT["AWS_DEFAULT_REGION"])
        warm_table = provision_claims_table("bench-warm-up")
        table = provision_claims_table("bench")
        requests = RequestLog()
        requests.attach(client)
        warm_up(DynamoClaimStore(warm_table, client), subset, config)
        small_table_queries = list(requests.seconds["Query"])
        small_table_items = table_item_count(client, warm_table)
        requests.reset()
        run = run_pipeline(
            DynamoClaimStore(table, client),
            subset,
            config,
            count_store_calls=lambda: requests.counts["Query"],
            max_matched=MOTO_MATCHED,
        )
        requests_made = requests.counts.most_common()
        table_items = table_item_count(client, table)
    matched = len(run.matches)
    line("ingest per article", latency(run.ingest_seconds))
    line("match per claim", latency(run.match_seconds))
    line("claims", f"{len(run.claims):6d}   ({run.claims_per_article:.1f} per article)")
    line(
        "claims matched",
        f"{matched:6d}   (a fixed sample spread over every article: matching all would take "
        f"~{statistics.fmean(run.match_seconds or [0.0]) * len(run.claims):.0f} s)",
    )
    line("compared per matched claim", f"{run.candidates_per_claim:6.2f}")
    relations = sum(m.relations for m in run.matches)
    line("relations per matched claim", f"{relations / max(matched, 1):6.2f}")
    line("Queries per matched claim", f"{run.store_calls_per_claim:6.2f}")
    line("requests, whole run", ", ".join(f"{operation} {n}" for operation, n in requests_made))
    line("Query latency, this table", f"{latency(requests.seconds['Query'])}   ({table_items} items)")
    line("Query latency, warm-up table", f"{latency(small_table_queries)}   ({small_table_items} items)")
    print(
        "  These latencies are moto's, not DynamoDB's: every request goes through botocore's serialisation\n"
        "  and moto's Python backend (its Query is patched by claimdiff_local.moto_compat to read one\n"
        "  partition, as DynamoDB does). Compare shapes (requests per claim), not times."
    )


def main() -> int:
    """Run the three sections; exit 0 with a message when BASIL is absent."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="datasets folder")
    parser.add_argument("--limit", type=int, default=None, help="at most N articles (whole events)")
    parser.add_argument("--skip-moto", action="store_true", help="skip the moto section")
    args = parser.parse_args()
    path = args.data / BASIL_FILE
    if not path.is_file():
        print(f"skipped: {path} not found (BASIL is needed for the pipeline benchmark)")
        return 0
    articles = load_basil(path)
    if args.limit is not None:
        articles = whole_events(articles, max(args.limit, 1))
    config = Settings()
    print(
        f"BASIL: {len(articles)} articles, {event_count(articles)} events; settings: "
        f"window ±{config.match_window_days} days, {config.candidates_per_key} candidates per key, "
        f"at most {config.max_claims_per_article} claims per article"
    )
    started = time.perf_counter()
    full = bench_in_memory(articles, config)
    bench_scale(articles, config, full)
    if not args.skip_moto:
        bench_moto(articles, config)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
