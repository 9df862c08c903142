"""The whole local stack: the sample corpus uploaded through S3, results read from the HTTP API."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import boto3
import pytest
from claimdiff.demo import ApiClient, comparison_relations, expectation_lines, load_corpus

pytestmark = pytest.mark.e2e

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def processed(local_stack: Any) -> ApiClient:
    s3 = boto3.client("s3", endpoint_url=local_stack.endpoint_url)
    for entry in load_corpus(SAMPLES):
        metadata = {"published-at": entry.published_at} if entry.published_at else {}
        s3.put_object(
            Bucket=local_stack.bucket,
            Key=f"articles/{entry.outlet}/{entry.path.name}",
            Body=entry.path.read_bytes(),
            Metadata=metadata,
        )
    s3.put_object(Bucket=local_stack.bucket, Key="articles/wire-a/empty.txt", Body=b"")
    local_stack.wait_until_idle(120)
    return ApiClient(local_stack.api_url)


def all_relations(api: ApiClient) -> list[dict[str, Any]]:
    relations = []
    for article in api.pages("/articles"):
        if article["status"] == "PROCESSED":
            relations += comparison_relations(api.get(f"/articles/{article['id']}/comparison"))
    return relations


def test_every_article_is_processed_and_the_bad_one_rejected(processed: ApiClient) -> None:
    articles = list(processed.pages("/articles"))
    by_status = {a["outlet"] + "/" + (a.get("title") or ""): a["status"] for a in articles}
    assert len(articles) == len(load_corpus(SAMPLES)) + 1
    rejected = [a for a in articles if a["status"] == "REJECTED"]
    assert len(rejected) == 1 and rejected[0]["reason"] == "empty object", by_status
    assert all(a["claim_count"] > 3 for a in articles if a["status"] == "PROCESSED")


def test_planted_contradictions_and_non_contradictions(processed: ApiClient) -> None:
    expected = json.loads((SAMPLES / "expected.json").read_text())
    lines = expectation_lines(expected, all_relations(processed))
    missing = [line for line in lines if "MISS" in line]
    assert not missing, "\n".join(lines)


def test_nusra_contradiction_is_listed_with_both_spans(processed: ApiClient) -> None:
    contradictions = list(processed.pages("/contradictions"))
    nusra = [
        c
        for c in contradictions
        if {c["claim"]["outlet"], c["other"]["outlet"]} == {"wire-a", "daily-b"}
        and "Nusra" in c["claim"]["text"]
        and "Nusra" in c["other"]["text"]
    ]
    assert nusra, [c["explanation"] for c in contradictions]
    assert nusra[0]["reasons"][0] == "negation"
    assert nusra[0]["explanation"]
    assert {e["side"] for e in nusra[0]["evidence"]} == {"a", "b"}, "spans from both sides"
    for evidence in nusra[0]["evidence"]:
        side = nusra[0]["claim"] if evidence["side"] == "a" else nusra[0]["other"]
        assert side["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_the_nusra_story_holds_both_outlets_and_their_contradiction(processed: ApiClient) -> None:
    listed = list(processed.pages("/stories"))
    assert len({s["id"] for s in listed}) == len(listed), "each story listed once"
    nusra = next(
        c
        for c in processed.pages("/contradictions")
        if "Nusra" in c["claim"]["text"]
        and {c["claim"]["outlet"], c["other"]["outlet"]} == {"wire-a", "daily-b"}
    )
    story = processed.get(f"/stories/{nusra['claim']['article_id']}")
    assert story["id"] in {s["id"] for s in listed}
    assert {"wire-a", "daily-b"} <= set(story["outlets"])
    assert {nusra["claim"]["id"], nusra["other"]["id"]} in [
        {x["a"]["id"], x["b"]["id"]} for x in story["contested"]
    ]
    assert story["agreed"], "the outlets agree on something"
    for group in story["agreed"]:
        assert len(group["outlets"]) > 1 and 1 <= group["origins"] <= len(group["claims"])


def test_claim_route_and_errors_over_http(processed: ApiClient) -> None:
    contradiction = next(iter(processed.pages("/contradictions")))
    claim = processed.get(f"/claims/{contradiction['claim']['id']}")
    assert any(r["other"]["id"] == contradiction["other"]["id"] for r in claim["relations"])
    with pytest.raises(urllib.error.HTTPError) as missing:
        processed.get("/articles/no-such-article")
    assert missing.value.code == 404 and json.load(missing.value)["error"] == "not_found"
    with pytest.raises(urllib.error.HTTPError) as bad:
        processed.get("/articles", limit=0)
    assert bad.value.code == 422


def test_compare_over_http_stores_nothing(processed: ApiClient) -> None:
    def stored() -> tuple[int, int, int]:
        articles = list(processed.pages("/articles"))
        claims = sum(a["claim_count"] for a in articles)
        return len(articles), claims, len(list(processed.pages("/contradictions")))

    before = stored()
    request = urllib.request.Request(
        f"{processed.base_url}/compare",
        data=json.dumps(
            {"a": "Rebels agreed to leave Daraya.", "b": "Rebels refused to leave Daraya."}
        ).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    assert answer["relation"] == "contradiction" and "antonym" in answer["reasons"]
    assert stored() == before
