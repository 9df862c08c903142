"""`claimdiff upload` puts files where the pipeline expects them, with their metadata."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote_plus

import boto3
import pytest
from claimdiff.cli import main

from tests.integration.conftest import Aws, s3_event_body


def test_upload_puts_files_under_the_outlet_with_the_date(
    aws: Aws, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for name in ("one.txt", "two.md"):
        path = tmp_path / name
        path.write_text(f"Title {name}\n\nThe council approved the budget on Monday, the mayor said.\n")
        files.append(str(path))
    assert (
        main(
            ["upload", *files, "--outlet", "daily-b", "--bucket", aws.bucket, "--published-at", "2016-08-26"]
        )
        == 0
    )
    assert capsys.readouterr().out.split() == [
        f"s3://{aws.bucket}/articles/daily-b/one.txt",
        f"s3://{aws.bucket}/articles/daily-b/two.md",
    ]
    head = boto3.client("s3").head_object(Bucket=aws.bucket, Key="articles/daily-b/one.txt")
    assert head["Metadata"] == {"published-at": "2016-08-26"}
    keys = [
        unquote_plus(record["s3"]["object"]["key"])
        for m in aws.s3_messages()
        for record in s3_event_body(m).get("Records", [])
    ]
    assert sorted(keys) == ["articles/daily-b/one.txt", "articles/daily-b/two.md"]


def test_upload_refuses_missing_files_and_bucket(
    aws: Aws, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["upload", "nope.txt", "--outlet", "x", "--bucket", aws.bucket]) == 2
    assert "no such file: nope.txt" in capsys.readouterr().err
    monkeypatch.delenv("ARTICLES_BUCKET_NAME", raising=False)
    assert main(["upload", __file__, "--outlet", "x"]) == 2
    assert "--bucket" in capsys.readouterr().err


def test_upload_to_a_missing_bucket_is_a_clear_error(aws: Aws, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["upload", __file__, "--outlet", "x", "--bucket", "no-such-bucket"]) == 1
    assert "NoSuchBucket" in capsys.readouterr().err
