"""Matching cost against corpus size: CPU per new claim, candidates and store reads, from 10^3 to 10^6
stored claims, beside a naive full scan and the candidate stage's recall against it.

    .venv/bin/python -m scripts.bench_scale --data ../shared/data [--sizes 1000,10000] [--sample 60]

The stored corpus is BASIL's claims (extracted once) filed as articles of ``OUTLETS`` outlets:
- realistic spread: ``ARTICLES_PER_DAY`` articles a day, so the corpus spans more days as it grows;
- dense spread: every article within ``DENSE_DAYS`` days, so the matching window holds all of it.

New claims (``--sample``, from BASIL articles spread over every event) are filed by one more outlet on
a day in the middle of the corpus and matched with the real ``Matcher`` against the in-memory store
(stored as shared, read-only objects so that a million claims fit in memory). Each claim's CPU time
(``time.process_time``, the least of ``PASSES`` passes) covers candidate retrieval and the relation
model; relations are counted, not kept, so the corpus stays the size printed. Per size: median and p95 CPU ms per claim, the
ratio of the median to the smallest size's (timed again beside it), CPU ms per claim when whole
articles are matched in turn (a stream batch), candidates per claim (mean and max), store requests per
claim (the candidate reads: one Query per blocking key and one BatchGetItem of the shortlisted claims;
and all of them: with the relation writes, their read-back of both claims and the matched mark), the
naive scan's CPU ms per claim
(``rapidfuzz.process.cdist`` over the matching keys of every stored claim of other outlets in the
window), and the recall of the candidate stage against it: of the stored texts whose token sort
ratio with the new claim is at least ``NAIVE_FLOOR`` and which differ from it, the share the matcher
compared (a copy of; each BASIL text is filed many times) and the share it read from the index; and
of those the relation model relates when it compares them directly, the share compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from claimdiff.config import Settings
from claimdiff.ingest import Ingestor, ObjectChange
from claimdiff.match import compare_many
from claimdiff.matching import Matcher, MatchResult
from claimdiff.models import Claim, Relation
from claimdiff.store import items
from claimdiff.store.items import MAX_INDEX_KEY_CHARS, claim_day, index_sk
from claimdiff.store.memory import InMemoryStore
from claimdiff.store.ports import IndexEntry
from claimdiff.text import matching_key
from rapidfuzz import fuzz, process

from scripts.bench_cost import (
    PRICE_PER_MILLION_READS,
    PRICE_PER_MILLION_WRITES,
    item_size,
    read_units,
    write_units,
)
from scripts.bench_pipeline import BASIL_FILE, BUCKET, DictObjectSource, load_basil

# requests, read units, write units, relations put, write requests
Counts = tuple[int, float, float, int, int]
OUTLETS = 60
ARTICLES_PER_DAY = 200
DENSE_DAYS = 3
START = dt.date(2026, 1, 5)
NAIVE_FLOOR = 60
PROBE_OUTLET = "probe"
DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
WINDOW_FILED = Settings().match_window_days
WARM_UP = 3
PASSES = 3  # each claim is matched this many times; its CPU is the least (a pass slowed by load is dropped)
BATCH_ARTICLES = 4  # about 100 claims: a full stream batch of the match function


class ScaleStore(InMemoryStore):
    """The in-memory store holding shared claim objects (no deep copies: matching only reads them),
    its index kept per key and day in the adapter's sort order, so that a read costs what a bounded
    Query would; it counts requests and estimates DynamoDB read and write units, and counts the
    relations it is asked to store without keeping them (the corpus stays the size measured)."""

    def __init__(self) -> None:
        super().__init__()
        self.requests = 0
        self.read_units = 0.0
        self.write_units = 0.0
        self.relations_put = 0
        self.write_requests = 0
        self._by_day: dict[dt.date, list[Claim]] = {}
        self._days: dict[tuple[str, dt.date], list[tuple[str, IndexEntry]]] = {}
        self._unsorted: set[tuple[str, dt.date]] = set()
        self.keys: dict[str, str] = {}  # claim id -> matching key: a naive scan's precomputed column
        self._key_of_text: dict[str, str] = {}
        self._claim_bytes: dict[str, int] = {}
        self._index_bytes: dict[str, int] = {}
        self._ingest_units: dict[str, int] = {}  # writes of a claim's item and its index entries

    def file(self, claims: Sequence[Claim]) -> None:
        """Add claims to the corpus as they are (shared, never mutated)."""
        for claim in claims:
            self._claims[claim.id] = claim
            if claim.text not in self._key_of_text:
                self._key_of_text[claim.text] = matching_key(claim.text)[:MAX_INDEX_KEY_CHARS]
                self._claim_bytes[claim.text] = item_size(items.claim_to_item(claim))
                entries = items.index_items(claim, WINDOW_FILED)
                self._index_bytes[claim.text] = item_size(entries[0]) if entries else 0
                self._ingest_units[claim.text] = write_units(items.claim_to_item(claim)) + sum(
                    write_units(entry) for entry in entries
                )
            key_text = self._key_of_text[claim.text]
            self.keys[claim.id] = key_text
            day = claim_day(claim)
            self._by_day.setdefault(day, []).append(claim)
            entry = IndexEntry(claim.id, claim.outlet, day, key_text)
            for key in claim.blocking_keys:
                self._days.setdefault((key, day), []).append((index_sk(day, claim.id), entry))
                self._unsorted.add((key, day))

    def counts(self) -> Counts:
        """What has been counted so far (to restore after work that must not count)."""
        return (self.requests, self.read_units, self.write_units, self.relations_put, self.write_requests)

    def restore(self, counts: Counts) -> None:
        """Put the counters back to ``counts``."""
        self.requests, self.read_units, self.write_units, self.relations_put, self.write_requests = counts

    def sort_index(self) -> None:
        """Put the entries filed since the last call in the adapter's order (the table keeps its
        items sorted as they are written: not a cost of any read)."""
        for bucket in self._unsorted:
            self._days[bucket].sort(key=lambda pair: pair[0], reverse=True)
        self._unsorted.clear()

    def get_claim(self, claim_id: str) -> Claim | None:
        """The stored object itself (read-only here)."""
        return self._claims.get(claim_id)

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The stored objects; one BatchGetItem per 100, a read unit per 4 KB of each item."""
        found = [self._claims[i] for i in dict.fromkeys(claim_ids) if i in self._claims]
        self.requests += -(-len(claim_ids) // 100)
        self.read_units += sum(
            read_units(self._claim_bytes.get(c.text, 4096), consistent=False) for c in found
        )
        return found

    def candidates(
        self, key: str, day: dt.date, *, window_days: int, limit: int, exclude_outlet: str | None = None
    ) -> list[IndexEntry]:
        """One bounded Query: newest day first, at most ``limit`` entries, then the own outlet's dropped."""
        self.requests += 1
        page: list[IndexEntry] = []
        for offset in range(window_days, -window_days - 1, -1):
            bucket = (key, day + dt.timedelta(days=offset))
            page += [entry for _, entry in self._days.get(bucket, [])[: limit - len(page)]]
            if len(page) >= limit:
                break
        self.read_units += read_units(
            sum(self._index_bytes.get(self._text_of(e.claim_id), 350) for e in page), consistent=True
        )
        return [entry for entry in page if entry.outlet != exclude_outlet]

    def put_relations(self, relations: Sequence[Relation]) -> int:
        """Count, do not keep: a write unit per KB of each item, a request per 25, and the consistent
        read back of the claims (a unit each, a request per 100)."""
        claims = {r.claim.id for r in relations} | {r.other.id for r in relations}
        self.relations_put += len(relations)
        self.requests += -(-len(relations) // 25) + -(-len(claims) // 100)
        self.write_requests += -(-len(relations) // 25) + -(-len(claims) // 100)
        self.write_units += sum(write_units(items.relation_to_item(r)) for r in relations)
        self.read_units += len(claims)
        return len(relations)

    def mark_matched(self, claim_id: str, at: dt.datetime) -> None:
        """Count, do not keep: one UpdateItem of the claim item (about a write unit)."""
        self.requests += 1
        self.write_requests += 1
        self.write_units += 1

    def ingest_units(self, claim: Claim) -> int:
        """Write units of storing a claim: its item and its index entries."""
        return self._ingest_units.get(claim.text, 0)

    def _text_of(self, claim_id: str) -> str:
        claim = self._claims.get(claim_id)
        return claim.text if claim else ""

    def in_window(self, day: dt.date, days: int, outlet: str) -> list[Claim]:
        """Every stored claim of another outlet within ``days`` of ``day`` (what a naive scan reads)."""
        return [
            claim
            for offset in range(-days, days + 1)
            for claim in self._by_day.get(day + dt.timedelta(days=offset), [])
            if claim.outlet != outlet
        ]


@dataclass(frozen=True)
class Measured:
    """One corpus size in one spread."""

    size: int
    days: int
    cpu_ms: list[float]
    batch_ms: float
    reference_ms: float
    retrieved: list[int]
    compared: list[int]
    requests_per_claim: float
    write_requests_per_claim: float  # of those: relation writes, their read-back, the matched mark
    read_units_per_claim: float
    write_units_per_claim: float
    relations_per_claim: float
    ingest_units_per_claim: float
    naive_ms: float
    recall: float | None
    retrieval_recall: float | None
    naive_pairs: int
    relevant_recall: float | None
    relevant_pairs: int


def basil_claims(data: Path) -> list[list[Claim]]:
    """BASIL's claims, article by article, as ingest extracts them (no AWS: the in-memory store)."""
    articles = load_basil(data / BASIL_FILE)
    objects = DictObjectSource()
    store = InMemoryStore()
    ingestor = Ingestor(store, objects, Settings())
    found: list[list[Claim]] = []
    for article in articles:
        objects.put(BUCKET, article.key, article.body())
        result = ingestor.ingest(ObjectChange(bucket=BUCKET, key=article.key))
        claims = store.list_claims(result.article_id)
        if claims:
            found.append(claims)
    return found


def filed(article: Sequence[Claim], number: int, outlet: str, day: dt.date) -> list[Claim]:
    """A BASIL article's claims filed as article ``number`` of ``outlet`` on ``day`` (shallow copies:
    the nested fields are shared)."""
    article_id = f"{outlet}-{number}"
    return [
        claim.model_copy(
            update={
                "id": f"{article_id}~{claim.id.rsplit('~', 1)[1]}",
                "article_id": article_id,
                "outlet": outlet,
                "published_on": day,
            }
        )
        for claim in article
    ]


def build_corpus(
    store: ScaleStore, articles: Sequence[Sequence[Claim]], size: int, *, dense: bool, start_at: int
) -> int:
    """File articles until the store holds ``size`` claims; return the next article's number."""
    number = start_at
    while len(store._claims) < size:
        article = articles[number % len(articles)]
        day_number = (number // ARTICLES_PER_DAY) % DENSE_DAYS if dense else number // ARTICLES_PER_DAY
        day = START + dt.timedelta(days=day_number)
        outlet = f"outlet{number % OUTLETS:02d}"
        store.file(filed(article[: size - len(store._claims)], number, outlet, day))
        number += 1
    return number


def batch_cpu_ms(
    store: ScaleStore, batch: Sequence[Sequence[Claim]], config: Settings, day: dt.date
) -> float:
    """CPU ms per claim when whole new articles are matched claim after claim, as one stream batch
    of their inserts is, by a matcher that starts the batch empty."""
    matcher = Matcher(store, config)
    claims = [
        _probe(claim, f"batch-{n}-{i}", day)
        for n, article in enumerate(batch)
        for i, claim in enumerate(article)
    ]
    for claim in claims:
        store._claims[claim.id] = claim
    started = time.process_time()
    for claim in claims:
        matcher.match(claim)
    spent = time.process_time() - started
    for claim in claims:
        del store._claims[claim.id]
    return spent * 1000 / len(claims)


def _probe(probe: Claim, name: str, day: dt.date) -> Claim:
    """A BASIL claim filed as a new claim of the probing outlet on ``day``."""
    return probe.model_copy(update={"id": f"{name}~x", "outlet": PROBE_OUTLET, "published_on": day})


def _timed(store: ScaleStore, claim: Claim, config: Settings) -> tuple[float, MatchResult]:
    """The least CPU ms of ``PASSES`` matches of a stored claim (a new matcher each pass: no pass
    reuses another's views), with requests, units and relations counted for one pass only."""
    passes: list[float] = []
    counted: Counts | None = None
    for _ in range(PASSES):
        matcher = Matcher(store, config)
        started = time.process_time()
        result = matcher.match(claim)
        passes.append((time.process_time() - started) * 1000)
        counted = counted or store.counts()
    assert counted is not None
    store.restore(counted)
    return min(passes), result


def measure_cpu(store: ScaleStore, probes: Sequence[Claim], config: Settings) -> list[float]:
    """Each probe's CPU ms to match (``_timed``), nothing counted."""
    middle = sorted(store._by_day)[len(store._by_day) // 2]
    counts = store.counts()
    spent: list[float] = []
    for number, probe in enumerate(probes):
        claim = _probe(probe, f"{PROBE_OUTLET}-{number}", middle)
        store._claims[claim.id] = claim
        spent.append(_timed(store, claim, config)[0])
        del store._claims[claim.id]
    store.restore(counts)
    return spent


@dataclass
class NaiveTally:
    """The naive scan beside the matcher: its CPU and the pairs it finds that the matcher did."""

    cpu_ms: list[float] = field(default_factory=list)
    total: int = 0
    compared: int = 0
    read: int = 0
    related: int = 0
    related_compared: int = 0

    def add(
        self, store: ScaleStore, claim: Claim, window: Sequence[Claim], read: set[str], seen: set[str]
    ) -> None:
        """Scan ``window`` for ``claim`` and count what the matcher read (``read``) and compared (``seen``)."""
        texts = [store.keys[c.id] for c in window]
        started = time.process_time()
        scores = process.cdist(
            [matching_key(claim.text)], texts, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=1
        )[0]
        self.cpu_ms.append((time.process_time() - started) * 1000)
        # The corpus files each BASIL text many times (one copy per outlet and day that reprints it):
        # a pair counts once per distinct text, found when any of its copies was compared.
        naive: dict[str, list[Claim]] = {}
        for other, score in zip(window, scores, strict=True):
            if score >= NAIVE_FLOOR and other.text != claim.text:
                naive.setdefault(other.text, []).append(other)
        for copies in naive.values():
            self.total += 1
            self.compared += any(c.id in seen for c in copies)
            self.read += any(c.id in read for c in copies)
        # The naive pairs the relation model relates (compared directly): the ones users would see.
        firsts = [copies[0] for copies in naive.values()]
        for copies, comparison in zip(naive.values(), compare_many(claim, firsts), strict=True):
            if comparison.relation != "unrelated":
                self.related += 1
                self.related_compared += any(c.id in seen for c in copies)


def measure(
    store: ScaleStore, probes: Sequence[Claim], batch: Sequence[Sequence[Claim]], config: Settings, size: int
) -> Measured:
    """Match each probe claim against the corpus; time it, and scan naively beside it."""
    days = sorted(store._by_day)
    middle = days[len(days) // 2]
    matcher = Matcher(store, config)
    for number, probe in enumerate(probes[:WARM_UP]):  # imports, patterns, weights: not measured
        warm = _probe(probe, f"warm-{number}", middle)
        store._claims[warm.id] = warm
        matcher.match(warm)
        del store._claims[warm.id]
    cpu: list[float] = []
    results: list[MatchResult] = []
    naive = NaiveTally()
    before = store.counts()
    for number, probe in enumerate(probes):
        claim = _probe(probe, f"{PROBE_OUTLET}-{number}", middle)
        store._claims[claim.id] = claim
        spent, result = _timed(store, claim, config)
        cpu.append(spent)
        results.append(result)
        # What the relation model saw, asked again outside the timing and the counts.
        counts = (store.requests, store.read_units)
        entries = matcher.candidates(claim)
        seen = {e.claim_id for e in matcher.shortlisted(claim, entries)}
        store.requests, store.read_units = counts
        del store._claims[claim.id]
        window = store.in_window(middle, config.match_window_days, PROBE_OUTLET)
        naive.add(store, claim, window, {e.claim_id for e in entries}, seen)
    n = len(probes)
    measured = Measured(
        batch_ms=0.0,
        reference_ms=0.0,
        size=size,
        days=len(days),
        cpu_ms=cpu,
        retrieved=[r.retrieved for r in results],
        compared=[r.candidates for r in results],
        requests_per_claim=(store.requests - before[0]) / n,
        write_requests_per_claim=(store.write_requests - before[4]) / n,
        read_units_per_claim=(store.read_units - before[1]) / n,
        write_units_per_claim=(store.write_units - before[2]) / n,
        relations_per_claim=(store.relations_put - before[3]) / 2 / n,
        ingest_units_per_claim=statistics.fmean(store.ingest_units(p) for p in probes),
        naive_ms=statistics.median(naive.cpu_ms),
        recall=naive.compared / naive.total if naive.total else None,
        retrieval_recall=naive.read / naive.total if naive.total else None,
        relevant_recall=naive.related_compared / naive.related if naive.related else None,
        relevant_pairs=naive.related,
        naive_pairs=naive.total,
    )
    # After the counts above: the batch's reads are its own.
    return replace(measured, batch_ms=batch_cpu_ms(store, batch, config, middle))


def probes_of(articles: Sequence[Sequence[Claim]], sample: int) -> list[Claim]:
    """``sample`` claims spread over the corpus's articles (every k-th article, its k-th claim)."""
    step = max(1, len(articles) // sample)
    chosen = [
        article[(index // step) % len(article)] for index, article in enumerate(articles) if index % step == 0
    ]
    return chosen[:sample]


def p95(values: Sequence[float]) -> float:
    """The 95th percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def dollars_per_thousand_articles(row: Measured, claims_per_article: float) -> float:
    """DynamoDB on demand for 1,000 articles: their claims stored (claim items and index entries)
    and matched (reads, relation writes), at bench_cost's prices."""
    reads = row.read_units_per_claim
    writes = row.write_units_per_claim + row.ingest_units_per_claim
    per_claim = reads * PRICE_PER_MILLION_READS / 1e6 + writes * PRICE_PER_MILLION_WRITES / 1e6
    return per_claim * claims_per_article * 1000


def report(spread: str, rows: Sequence[Measured], claims_per_article: float) -> None:
    """One table per spread."""
    shape = f"all within {DENSE_DAYS} days" if spread == "dense" else f"{ARTICLES_PER_DAY} articles a day"
    print(f"\n### {spread} spread ({OUTLETS} outlets, {shape})\n")
    print(
        "| stored claims | days | CPU ms per claim (median / p95) | ratio | in a stream batch | index entries read | compared "
        "(mean / max) | requests per claim: candidate reads / all | read / write units per claim (matching) | DynamoDB $ per "
        "1,000 articles | relations per "
        "claim | naive scan ms | recall vs naive: compared / read (pairs) | of those related by the model: "
        "compared (pairs) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        median = statistics.median(row.cpu_ms)
        recall = (
            f"{row.recall:.3f} / {row.retrieval_recall:.3f} ({row.naive_pairs})"
            if row.recall is not None and row.retrieval_recall is not None
            else "- (0)"
        )
        related = (
            f"{row.relevant_recall:.3f} ({row.relevant_pairs})" if row.relevant_recall is not None else "-"
        )
        print(
            f"| {row.size:,} | {row.days} | {median:.1f} / {p95(row.cpu_ms):.1f} | {median / row.reference_ms:.2f} | "
            f"{row.batch_ms:.1f} | "
            f"{statistics.fmean(row.retrieved):.0f} | {statistics.fmean(row.compared):.0f} / "
            f"{max(row.compared)} | {row.requests_per_claim - row.write_requests_per_claim:.1f} / "
            f"{row.requests_per_claim:.1f} | {row.read_units_per_claim:.1f} / "
            f"{row.write_units_per_claim:.1f} | {dollars_per_thousand_articles(row, claims_per_article):.3f} | "
            f"{row.relations_per_claim:.1f} | {row.naive_ms:.1f} | {recall} | "
            f"{related} |",
            flush=True,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Build each corpus size in both spreads and print the tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="datasets folder")
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="stored corpus sizes, comma-separated",
    )
    parser.add_argument("--sample", type=int, default=60, help="new claims matched per size (default 60)")
    parser.add_argument("--spreads", default="realistic,dense", help="realistic, dense or both")
    defaults = Settings()
    parser.add_argument(
        "--per-key", type=int, default=defaults.candidates_per_key, help="index entries read per key"
    )
    parser.add_argument(
        "--per-claim", type=int, default=defaults.candidates_per_claim, help="candidates compared per claim"
    )
    args = parser.parse_args(argv)
    if not (args.data / BASIL_FILE).is_file():
        print(f"skipped: {args.data / BASIL_FILE} not found")
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    config = Settings(candidates_per_key=args.per_key, candidates_per_claim=args.per_claim)
    articles = basil_claims(args.data)
    probes = probes_of(articles, args.sample)
    batch = [articles[i * len(articles) // BATCH_ARTICLES] for i in range(BATCH_ARTICLES)]
    for spread in args.spreads.split(","):
        dense = spread == "dense"
        # The smallest corpus is kept apart and timed again right before each size: the ratio compares
        # two measurements minutes apart at most, not the first and the last of a long run.
        reference = ScaleStore()
        build_corpus(reference, articles, sizes[0], dense=dense, start_at=0)
        reference.sort_index()
        store = ScaleStore()
        rows: list[Measured] = []
        filed_articles = 0
        for size in sizes:
            filed_articles = build_corpus(store, articles, size, dense=dense, start_at=filed_articles)
            store.sort_index()
            gc.collect()
            row = measure(store, probes, batch, config, size)
            reference_ms = statistics.median(measure_cpu(reference, probes, config))
            rows.append(replace(row, reference_ms=reference_ms))
        report(spread, rows, statistics.fmean(len(a) for a in articles))
        del store
        gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
