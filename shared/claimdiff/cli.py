"""The ``claimdiff`` command: the local stack, uploads, the demo, and the batch interfaces.

Batch formats (JSON lines, one object per line, output in input order) are a contract; see
``pairs`` and ``check`` below and DESIGN.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from claimdiff import __version__

DEFAULT_API_PORT = 3000


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # `claimdiff pairs ... | head` is fine
        return 0
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimdiff",
        description="Compare what news outlets claim: extract claims, match them across outlets, flag contradictions.",
        epilog="Run `claimdiff COMMAND --help` for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"claimdiff {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    local = commands.add_parser(
        "local",
        help="run the whole stack locally on moto until Ctrl-C",
        description="Start moto on 127.0.0.1, create the resources of template.yaml, run the ingest and match "
        "functions from the queue and the stream, and serve the API over HTTP.",
    )
    local.add_argument("--template", help="SAM template (default: the repository's template.yaml)")
    local.add_argument(
        "--moto-port", type=int, default=5000, help="AWS endpoint port (default 5000; 0 = any free port)"
    )
    local.add_argument(
        "--api-port",
        type=int,
        default=DEFAULT_API_PORT,
        help=f"HTTP API port (default {DEFAULT_API_PORT}; 0 = any free port)",
    )
    local.add_argument(
        "--stack-name", default="claimdiff", help="prefix of the local resource names (default claimdiff)"
    )
    local.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    local.set_defaults(run=_run_local)

    upload = commands.add_parser(
        "upload", help="upload article files to the articles bucket (local stack or AWS)"
    )
    upload.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help=".txt, .md, .html or .json articles"
    )
    upload.add_argument(
        "--outlet",
        required=True,
        type=_outlet,
        help="the outlet: files go to articles/<outlet>/<file name> (letters and digits of one script, "
        "'-', '_', '.')",
    )
    upload.add_argument("--bucket", help="bucket name (default: $ARTICLES_BUCKET_NAME)")
    upload.add_argument(
        "--endpoint-url",
        help="S3 endpoint, e.g. http://127.0.0.1:5000 for the local stack (default: $AWS_ENDPOINT_URL)",
    )
    upload.add_argument("--profile", help="AWS profile (default: the usual AWS settings)")
    upload.add_argument("--published-at", type=_date, help="publication date stored as metadata (YYYY-MM-DD)")
    upload.add_argument("--no-progress", action="store_true", help="no progress bar")
    upload.set_defaults(run=_run_upload)

    demo = commands.add_parser(
        "demo", help="start the local stack, upload a corpus, print the comparison report"
    )
    demo.add_argument(
        "samples", nargs="?", type=Path, default=Path("samples"), help="corpus folder (default samples/)"
    )
    demo.add_argument(
        "--timeout", type=float, default=120.0, help="seconds to wait for processing (default 120)"
    )
    demo.set_defaults(run=_run_demo)

    extract = commands.add_parser("extract", help="extract the claims of one article file")
    extract.add_argument("file", type=Path, metavar="FILE")
    extract.add_argument(
        "--outlet", default="local", type=_outlet, help="outlet name to record (default: local)"
    )
    extract.add_argument(
        "--published-at", type=_date, help="the article's date, to resolve 'Friday', 'yesterday'"
    )
    extract.add_argument("--format", choices=("json", "text"), default="text")
    extract.set_defaults(run=_run_extract)

    compare = commands.add_parser(
        "compare",
        help="compare the claims of two article files, or of many article pairs (--pairs)",
        description="compare FILE_A FILE_B: the relations between two articles' claims. "
        'compare --pairs [FILE|-]: in {"id", "a": article, "b": article} per line, article '
        '{"outlet", "title", "body", "published_at"}; out {"id", "relations": [...]} per line, same order.',
    )
    compare.add_argument("file_a", type=Path, metavar="FILE_A", nargs="?")
    compare.add_argument("file_b", type=Path, metavar="FILE_B", nargs="?")
    compare.add_argument(
        "--pairs",
        nargs="?",
        const="-",
        metavar="FILE|-",
        help="batch: article pairs as JSON lines (default stdin)",
    )
    compare.add_argument("--format", choices=("json", "text"), default="text")
    compare.add_argument("--all", action="store_true", help="also list 'related' pairs (text format)")
    compare.set_defaults(run=_run_compare)

    rematch = commands.add_parser(
        "rematch",
        help="match again the claims of articles whose matching is incomplete (local stack or AWS)",
        description="Reads the claims table named by $CLAIMS_TABLE_NAME (endpoint: $AWS_ENDPOINT_URL). "
        "An article's matching is incomplete when a claim's stream record exhausted its retries.",
    )
    chosen = rematch.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--article", metavar="ID", help="one article")
    chosen.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="every article dated since then")
    rematch.add_argument("--all", action="store_true", help="also articles whose matching is complete")
    rematch.set_defaults(run=_run_rematch)

    reprocess = commands.add_parser(
        "reprocess",
        help="extract again the articles an older claimdiff version processed (local stack or AWS)",
        description="Reads the claims table named by $CLAIMS_TABLE_NAME and the articles' objects in S3 "
        "(endpoint: $AWS_ENDPOINT_URL). Every stored claim, relation and article carries the "
        "processing_version that made it; an article made by another version is ingested again from its "
        "object, and the claims the current version reads otherwise are replaced and matched again.",
    )
    which = reprocess.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", metavar="ID", help="one article")
    which.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="every article dated since then")
    reprocess.set_defaults(run=_run_reprocess)

    pairs = commands.add_parser(
        "pairs",
        help="batch: classify claim pairs (JSON lines)",
        description='In: {"id", "a", "b"} per line. Out: {"id", "relation", "confidence", "reasons"} per line, '
        "relation one of equivalent, contradiction, related, unrelated.",
    )
    pairs.add_argument("input", nargs="?", default="-", metavar="FILE|-", help="JSON lines (default: stdin)")
    pairs.set_defaults(run=_run_pairs)

    check = commands.add_parser(
        "check",
        help="batch: a claim against an article (JSON lines)",
        description='In: {"id", "claim", "article"} per line. Out: {"id", "verdict", "confidence", "evidence"}, '
        "verdict one of supports, contradicts, discusses, unrelated; evidence [{text, start, end, relation}].",
    )
    check.add_argument("input", nargs="?", default="-", metavar="FILE|-", help="JSON lines (default: stdin)")
    check.set_defaults(run=_run_check)
    return parser


def _outlet(value: str) -> str:
    from claimdiff.outlets import outlet_problem  # noqa: PLC0415

    problem = outlet_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date of the form YYYY-MM-DD") from None


# ---------------------------------------------------------------- local stack and uploads
def _run_local(args: argparse.Namespace) -> int:
    # The local extra, imported only here: moto is heavy and never in the Lambda path.
    from claimdiff_local.cli import run  # noqa: PLC0415
    from claimdiff_local.stack import DEFAULT_TEMPLATE  # noqa: PLC0415

    args.template = args.template or str(DEFAULT_TEMPLATE)
    return run(args)


def _run_rematch(args: argparse.Namespace) -> int:
    from claimdiff.config import settings  # noqa: PLC0415
    from claimdiff.matching import Matcher, rematch  # noqa: PLC0415

    chosen = _table_and_articles("rematch", args)
    if isinstance(chosen, int):
        return chosen
    store, articles = chosen
    result = rematch(store, Matcher(store, settings()), articles, everything=args.all)
    print(
        f"re-matched {result.claims} claims of {result.articles} articles: {result.relations} relations stored"
    )
    return 0


def _run_reprocess(args: argparse.Namespace) -> int:
    from claimdiff.config import settings  # noqa: PLC0415
    from claimdiff.ingest import Ingestor, reprocess  # noqa: PLC0415
    from claimdiff.store.objects import S3ObjectSource  # noqa: PLC0415
    from claimdiff.versions import processing_version  # noqa: PLC0415

    chosen = _table_and_articles("reprocess", args)
    if isinstance(chosen, int):
        return chosen
    store, articles = chosen
    result = reprocess(Ingestor(store, S3ObjectSource(), settings()), articles)
    print(
        f"reprocessed {result.articles} articles to {processing_version()}: {result.claims_added} claims "
        f"added or replaced, {result.claims_removed} removed"
    )
    return 0


def _table_and_articles(command: str, args: argparse.Namespace) -> tuple[Any, Iterable[Any]] | int:
    """The claims table and the articles a command names (``--article ID`` or ``--since DATE``), or
    the exit status of a clear error (no table configured, no such article)."""
    from claimdiff.config import ConfigurationError  # noqa: PLC0415
    from claimdiff.store.dynamodb import DynamoClaimStore  # noqa: PLC0415

    try:
        store = DynamoClaimStore.from_environment()
    except ConfigurationError as error:
        print(f"claimdiff {command}: {error}", file=sys.stderr)
        return 2
    if not args.article:
        return store, _articles_since(store, args.since)
    found = store.get_article(args.article)
    if found is None:
        print(f"claimdiff {command}: no article {args.article!r}", file=sys.stderr)
        return 1
    return store, [found]


def _articles_since(store: Any, since: dt.date) -> Iterator[Any]:
    """Articles newest first (publication date, else ingestion), down to ``since``."""
    from claimdiff.models import calendar_day  # noqa: PLC0415  (pydantic: not for --help)

    cursor = None
    while True:
        page = store.list_articles(outlet=None, limit=100, cursor=cursor)
        for article in page.items:
            when = article.published_at or article.ingested_at
            if when is not None and calendar_day(when) < since:
                return
            yield article
        cursor = page.next_cursor
        if cursor is None:
            return


def _run_upload(args: argparse.Namespace) -> int:
    import os  # noqa: PLC0415

    bucket = args.bucket or os.environ.get("ARTICLES_BUCKET_NAME")
    if not bucket:
        print("claimdiff upload: name the bucket with --bucket or $ARTICLES_BUCKET_NAME", file=sys.stderr)
        return 2
    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        print(f"claimdiff upload: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    from botocore.exceptions import BotoCoreError, ClientError  # noqa: PLC0415

    try:
        s3 = _s3_client(args.profile, args.endpoint_url)
        keys = upload_files(
            s3, bucket, args.outlet, args.files, args.published_at, progress=not args.no_progress
        )
    except (BotoCoreError, ClientError) as error:
        print(f"claimdiff upload: {error}", file=sys.stderr)
        return 1
    for key in keys:
        print(f"s3://{bucket}/{key}")
    return 0


def _s3_client(profile: str | None, endpoint_url: str | None) -> Any:
    """An S3 client with the usual AWS settings; for the local stack (an endpoint on this machine) on a
    machine without any, moto's test credentials, which it accepts as any others."""
    from urllib.parse import urlsplit  # noqa: PLC0415

    import boto3  # noqa: PLC0415

    session = boto3.Session(profile_name=profile) if profile else boto3.Session()
    local = endpoint_url is not None and urlsplit(endpoint_url).hostname in ("127.0.0.1", "localhost", "::1")
    if local and session.get_credentials() is None:
        session = boto3.Session(
            aws_access_key_id="testing",
            aws_secret_access_key="testing",  # noqa: S106  (moto's; never a real secret)
            region_name=session.region_name or "us-east-1",
        )
    return session.client("s3", endpoint_url=endpoint_url)


def upload_files(
    s3: Any,
    bucket: str,
    outlet: str,
    files: Sequence[Path],
    published_at: dt.date | None = None,
    *,
    progress: bool = True,
) -> list[str]:
    """Upload files as ``articles/<outlet>/<name>``; returns the keys. Shows a progress bar for many files."""
    from tqdm import tqdm  # noqa: PLC0415

    metadata = {"published-at": published_at.isoformat()} if published_at else {}
    keys = []
    bar = tqdm(files, unit="file", disable=not progress or len(files) < 2 or not sys.stderr.isatty())
    for path in bar:
        key = f"articles/{outlet}/{path.name}"
        s3.put_object(Bucket=bucket, Key=key, Body=path.read_bytes(), Metadata=metadata)
        keys.append(key)
    return keys


def _run_demo(args: argparse.Namespace) -> int:
    from claimdiff.demo import run_demo  # noqa: PLC0415

    return run_demo(args.samples, timeout=args.timeout)


# ---------------------------------------------------------------- extraction and comparison
def _read_article(path: Path, outlet: str, published_at: dt.date | None) -> tuple[Any, list[Any]]:
    from claimdiff.errors import RejectedInputError  # noqa: PLC0415

    if not path.is_file():
        raise SystemExit(f"claimdiff: no such file: {path}")
    try:
        return _article(path.read_bytes(), path.name, outlet, published_at)
    except RejectedInputError as error:
        raise SystemExit(f"claimdiff: {path}: {error.reason}") from None


def _article(body: bytes, name: str, outlet: str, published_at: dt.date | None) -> tuple[Any, list[Any]]:
    """An uploaded body read as ingest reads it: the article and its claims."""
    from claimdiff.config import settings  # noqa: PLC0415
    from claimdiff.documents import parse_document  # noqa: PLC0415
    from claimdiff.ingest import article_claims, article_identity  # noqa: PLC0415
    from claimdiff.models import Article  # noqa: PLC0415

    document = parse_document(body, name, max_bytes=max(len(body), 1))
    article_id, _ = article_identity(f"articles/{outlet}/{name}")
    article = Article(
        id=article_id,
        outlet=outlet,
        title=document.title,
        url=document.url,
        published_at=document.published_at or published_at,
        text=document.text,
        ingested_at=dt.datetime.now(dt.UTC),
    )
    claims = article_claims(article, document, max_claims=settings().max_claims_per_article)
    return article.model_copy(update={"claim_count": len(claims)}), claims


def _run_extract(args: argparse.Namespace) -> int:
    article, claims = _read_article(args.file, args.outlet, args.published_at)
    if args.format == "json":
        payload = {
            "article": article.model_dump(mode="json", exclude_none=True),
            "claims": [claim.model_dump(mode="json", exclude_none=True) for claim in claims],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from claimdiff.report import claims_table  # noqa: PLC0415

        print(claims_table(article, claims))
    return 0


def _relation_records(relations: Iterable[tuple[Any, Any, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "relation": comparison.relation,
            "confidence": round(comparison.confidence, 4),
            "reasons": comparison.reasons,
            "a": a.model_dump(mode="json", exclude_none=True),
            "b": b.model_dump(mode="json", exclude_none=True),
        }
        for a, b, comparison in relations
    ]


def _run_compare(args: argparse.Namespace) -> int:
    from claimdiff.match import relate_articles  # noqa: PLC0415

    if args.pairs is not None:
        return _run_compare_pairs(args.pairs)
    if args.file_a is None or args.file_b is None:
        raise SystemExit("claimdiff compare: give FILE_A and FILE_B, or --pairs [FILE|-]")
    _, claims_a = _read_article(args.file_a, args.file_a.parent.name or "a", None)
    _, claims_b = _read_article(args.file_b, args.file_b.parent.name or "b", None)
    relations = relate_articles(claims_a, claims_b)
    if args.format == "json":
        json.dump({"relations": _relation_records(relations)}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from claimdiff.report import comparison_lines  # noqa: PLC0415

        print(comparison_lines(relations, include_related=args.all))
    return 0


def _pair_article(record: dict[str, Any], side: str, number: int) -> list[Any]:
    from claimdiff.errors import RejectedInputError  # noqa: PLC0415

    article = record.get(side)
    if not isinstance(article, dict):
        raise SystemExit(f"claimdiff: line {number}: field {side!r} must be an article object")
    outlet = article.get("outlet") or side
    if not isinstance(outlet, str):
        raise SystemExit(f"claimdiff: line {number}: {side}.outlet must be a string")
    upload = {
        key: article.get(key) for key in ("title", "body", "published_at") if article.get(key) is not None
    }
    try:
        _, claims = _article(json.dumps(upload).encode(), f"{side}.json", outlet, None)
    except RejectedInputError as error:
        raise SystemExit(f"claimdiff: line {number}: article {side!r}: {error.reason}") from None
    return claims


def _run_compare_pairs(source: str) -> int:
    from claimdiff.match import relate_articles  # noqa: PLC0415

    _write_lines(
        {
            "id": record.get("id"),
            "relations": _relation_records(
                relate_articles(_pair_article(record, "a", n), _pair_article(record, "b", n))
            ),
        }
        for n, record in _json_lines(source)
    )
    return 0


# ---------------------------------------------------------------- batch interfaces
def _json_lines(source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of ``source`` (a file, or ``-`` for stdin) with their line numbers; a file that
    cannot be read or a line that is no JSON object stops the run with a message naming it."""
    try:
        stream: IO[str] = sys.stdin if source == "-" else Path(source).open(encoding="utf-8")  # noqa: SIM115
    except OSError as error:
        raise SystemExit(f"claimdiff: cannot read {source}: {error.strerror or error}") from None
    with stream:
        number = 0
        try:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise SystemExit(f"claimdiff: line {number}: not JSON ({error.msg})") from None
                if not isinstance(record, dict):
                    raise SystemExit(f"claimdiff: line {number}: expected a JSON object")
                yield number, record
        except UnicodeDecodeError:
            raise SystemExit(f"claimdiff: line {number + 1}: not UTF-8 text") from None


def _require_text(record: dict[str, Any], field: str, number: int) -> str:
    value = record.get(field)
    if not isinstance(value, str):
        raise SystemExit(f"claimdiff: line {number}: field {field!r} must be a string")
    return value


def _write_lines(records: Iterable[dict[str, Any]]) -> None:
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _run_pairs(args: argparse.Namespace) -> int:
    from claimdiff.match import pairs_record  # noqa: PLC0415

    _write_lines(
        pairs_record(record.get("id"), _require_text(record, "a", n), _require_text(record, "b", n))
        for n, record in _json_lines(args.input)
    )
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from claimdiff.match import check_record  # noqa: PLC0415

    _write_lines(
        check_record(record.get("id"), _require_text(record, "claim", n), _require_text(record, "article", n))
        for n, record in _json_lines(args.input)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
