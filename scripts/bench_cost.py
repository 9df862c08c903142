"""What an article costs in DynamoDB and Lambda: request units per article and per claim, measured
request by request through the real DynamoDB adapter on in-process moto, priced on demand.

    .venv/bin/python -m scripts.bench_cost --data ../shared/data [--articles 30]

A fixed sample of BASIL articles (whole events) is ingested and every stored claim matched, on a
table created from template.yaml. moto does not meter capacity as DynamoDB does (it answers 1 unit
for most requests), so each request is metered here from its items by DynamoDB's rules: a write
unit per started KB of each item written (and again per global secondary index whose key the item
carries), a read unit per started 4 KB of the items a Query reads (half for eventually consistent
reads), per item for GetItem and BatchGetItem. Deletes and updates count one unit (their items are
not in the request). Lambda is priced on the process CPU time of the use cases (a lower bound of
billed duration) at each function's memory size in template.yaml.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from claimdiff.config import Settings
from claimdiff.ingest import Ingestor, ObjectChange
from claimdiff.matching import Matcher
from claimdiff.store.dynamodb import DynamoClaimStore
from claimdiff_local.template import load_template

from scripts.bench_pipeline import (
    BASIL_FILE,
    BUCKET,
    MOTO_ENVIRONMENT,
    DictObjectSource,
    load_basil,
    moto_environment,
    provision_claims_table,
    whole_events,
)

# On-demand prices, us-east-1, per million request units (after AWS's November 2024 cut), and
# Lambda's per GB-second (x86) and per million requests.
PRICE_PER_MILLION_WRITES = 0.625
PRICE_PER_MILLION_READS = 0.125
PRICE_PER_GB_SECOND = 0.0000166667
PRICE_PER_MILLION_INVOCATIONS = 0.20
GSI_KEYS = ("GSI1PK", "GSI2PK")
DEFAULT_ARTICLES = 30
TEMPLATE = Path(__file__).resolve().parent.parent / "template.yaml"


def item_size(item: dict[str, Any]) -> int:
    """An item's size as DynamoDB bills it: attribute names plus values, in bytes."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: dict[str, Any]) -> int:
    (kind, content), *_ = value.items()
    if kind in ("S", "B"):
        return len(content.encode() if isinstance(content, str) else content)
    if kind == "N":
        return len(content) // 2 + 1
    if kind in ("SS", "BS"):
        return sum(len(v.encode() if isinstance(v, str) else v) for v in content)
    if kind == "NS":
        return sum(len(v) // 2 + 1 for v in content)
    if kind == "M":
        return 3 + sum(len(k.encode()) + _value_size(v) for k, v in content.items())
    if kind == "L":
        return 3 + sum(_value_size(v) + 1 for v in content)
    return 1  # BOOL, NULL


def write_units(item: dict[str, Any]) -> int:
    """Write units of putting ``item`` (and its copies in the global secondary indexes)."""
    units = math.ceil(item_size(item) / 1024)
    return units * (1 + sum(1 for key in GSI_KEYS if key in item))


def read_units(size: int, *, consistent: bool) -> float:
    """Read units of reading ``size`` bytes in one request (or one item of BatchGetItem)."""
    return max(1, math.ceil(size / 4096)) * (1.0 if consistent else 0.5)


@dataclass
class CapacityMeter:
    """Read and write units of every DynamoDB request a botocore client makes, by operation."""

    reads: Counter[str] = field(default_factory=Counter)
    writes: Counter[str] = field(default_factory=Counter)
    requests: Counter[str] = field(default_factory=Counter)
    _params: dict[str, Any] = field(default_factory=dict)

    def attach(self, client: Any) -> None:
        """Meter the client's calls (one in flight at a time)."""
        client.meta.events.register("provide-client-params.dynamodb", self._remember)
        client.meta.events.register("after-call.dynamodb", self._meter)

    def snapshot(self) -> tuple[float, float, int]:
        """Total read units, write units and requests so far."""
        return sum(self.reads.values()), sum(self.writes.values()), sum(self.requests.values())

    def _remember(self, params: dict[str, Any], **_: Any) -> None:
        self._params = params

    def _meter(self, model: Any, parsed: dict[str, Any], **_: Any) -> None:
        name, params = model.name, self._params
        self.requests[name] += 1
        consistent = bool(params.get("ConsistentRead"))
        if name == "PutItem":
            self.writes[name] += write_units(params["Item"])
        elif name == "BatchWriteItem":
            for requests in params["RequestItems"].values():
                for request in requests:
                    put = request.get("PutRequest")
                    self.writes[name] += write_units(put["Item"]) if put else 1
        elif name in ("DeleteItem", "UpdateItem"):
            self.writes[name] += 1
        elif name == "GetItem":
            self.reads[name] += read_units(item_size(parsed.get("Item", {})), consistent=consistent)
        elif name == "BatchGetItem":
            for table, found in parsed.get("Responses", {}).items():
                strong = bool(params["RequestItems"][table].get("ConsistentRead"))
                self.reads[name] += sum(read_units(item_size(i), consistent=strong) for i in found)
        elif name == "Query":
            items = parsed.get("Items", [])
            sizes = [item_size(i) for i in items]
            # Items a filter dropped were read too: counted at the mean size of those returned.
            dropped = int(parsed.get("ScannedCount", len(items))) - len(items)
            mean = sum(sizes) / len(sizes) if sizes else 300
            self.reads[name] += read_units(int(sum(sizes) + dropped * mean), consistent=consistent)


@dataclass(frozen=True)
class Phase:
    """One use case over the sample: units, requests and CPU."""

    reads: float
    writes: float
    requests: int
    cpu_seconds: float
    calls: int


def memory_gb(function: str) -> float:
    """A function's MemorySize in template.yaml (or the Globals'), in GB."""
    template = load_template(TEMPLATE)
    resource = template["Resources"][function]["Properties"]
    size = resource.get("MemorySize") or template.get("Globals", {}).get("Function", {}).get(
        "MemorySize", 128
    )
    return float(size) / 1024


def run(articles: Sequence[Any], config: Settings) -> tuple[Phase, Phase, int]:
    """Ingest the articles and match every stored claim through moto; meter each phase."""
    from moto import mock_aws  # noqa: PLC0415 - only this benchmark needs moto

    with moto_environment(), mock_aws():
        client = boto3.client("dynamodb", region_name=MOTO_ENVIRONMENT["AWS_DEFAULT_REGION"])
        store = DynamoClaimStore(provision_claims_table("bench-cost"), client)
        meter = CapacityMeter()
        meter.attach(client)
        objects = DictObjectSource()
        ingestor = Ingestor(store, objects, config)
        for article in articles:
            objects.put(BUCKET, article.key, article.body())
        start, cpu = meter.snapshot(), time.process_time()
        article_ids = [ingestor.ingest(ObjectChange(bucket=BUCKET, key=a.key)).article_id for a in articles]
        ingest = _phase(meter, start, time.process_time() - cpu, len(articles))
        claims = [claim for article_id in article_ids for claim in store.list_claims(article_id)]
        matcher = Matcher(store, config)
        start, cpu = meter.snapshot(), time.process_time()
        for claim in claims:
            matcher.match(claim)
        match = _phase(meter, start, time.process_time() - cpu, len(claims))
    return ingest, match, len(claims)


def _phase(meter: CapacityMeter, start: tuple[float, float, int], cpu: float, calls: int) -> Phase:
    reads, writes, requests = meter.snapshot()
    return Phase(reads - start[0], writes - start[1], requests - start[2], cpu, calls)


def dollars_per_thousand(ingest: Phase, match: Phase, articles: int) -> tuple[float, float]:
    """DynamoDB and Lambda dollars per 1,000 articles."""
    scale = 1000 / articles
    dynamo = (ingest.reads + match.reads) * PRICE_PER_MILLION_READS / 1e6
    dynamo += (ingest.writes + match.writes) * PRICE_PER_MILLION_WRITES / 1e6
    compute = ingest.cpu_seconds * memory_gb("IngestFunction") + match.cpu_seconds * memory_gb(
        "MatchFunction"
    )
    # One ingest invocation per article; one match invocation per stream batch of up to 100 claims.
    invocations = articles + math.ceil(match.calls / 100)
    lam = compute * PRICE_PER_GB_SECOND + invocations * PRICE_PER_MILLION_INVOCATIONS / 1e6
    return dynamo * scale, lam * scale


def main(argv: Sequence[str] | None = None) -> int:
    """Print the cost table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="datasets folder")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="sample size (whole events)")
    args = parser.parse_args(argv)
    path = args.data / BASIL_FILE
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    articles = whole_events(load_basil(path), args.articles)
    ingest, match, claims = run(articles, Settings())
    n = len(articles)
    print(
        f"{n} BASIL articles ({claims} claims), every claim matched, through moto; units metered by DynamoDB's rules\n"
    )
    print(
        "| phase | read units per article | write units per article | per claim (read / write) | requests per claim | CPU ms per call |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for name, phase, per in (("ingest", ingest, n), ("match", match, claims)):
        print(
            f"| {name} | {phase.reads / n:.0f} | {phase.writes / n:.0f} | {phase.reads / claims:.1f} / "
            f"{phase.writes / claims:.1f} | {phase.requests / claims:.1f} | {phase.cpu_seconds / per * 1000:.1f} |"
        )
    total_reads, total_writes = (ingest.reads + match.reads) / n, (ingest.writes + match.writes) / n
    print(f"| both | {total_reads:.0f} | {total_writes:.0f} | | | |")
    dynamo, lam = dollars_per_thousand(ingest, match, n)
    print(
        f"\nper 1,000 articles: DynamoDB ${dynamo:.3f} + Lambda ${lam:.3f} = ${dynamo + lam:.3f} "
        f"(on demand: ${PRICE_PER_MILLION_READS}/M reads, ${PRICE_PER_MILLION_WRITES}/M writes, "
        f"${PRICE_PER_GB_SECOND * 1e6:.2f} per million GB-s; this corpus: {claims / n:.0f} claims an article, "
        "few candidates each; scripts/bench_scale.py gives the units against corpus size)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
