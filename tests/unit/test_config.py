"""Configuration fails closed: a missing resource name or a bad tunable names its variable."""

from __future__ import annotations

import pytest
from claimdiff.config import ConfigurationError, resource_name, settings
from claimdiff.models import Article, Claim
from claimdiff.store import items


def test_a_missing_resource_name_fails_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMS_TABLE_NAME", raising=False)
    with pytest.raises(ConfigurationError, match="CLAIMS_TABLE_NAME is not set"):
        resource_name("CLAIMS_TABLE_NAME")
    monkeypatch.setenv("CLAIMS_TABLE_NAME", "  ")
    with pytest.raises(ConfigurationError, match="CLAIMS_TABLE_NAME"):
        resource_name("CLAIMS_TABLE_NAME")
    monkeypatch.setenv("CLAIMS_TABLE_NAME", "claims-prod")
    assert resource_name("CLAIMS_TABLE_NAME") == "claims-prod"


def test_a_bad_tunable_fails_naming_the_variable_and_its_value(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.cache_clear()
    monkeypatch.setenv("MATCH_WINDOW_DAYS", "forty")
    try:
        with pytest.raises(ConfigurationError, match="MATCH_WINDOW_DAYS='forty'"):
            settings()
    finally:
        settings.cache_clear()


def test_stored_items_with_a_field_this_release_does_not_know_are_still_read() -> None:
    article = Article(id="a1", outlet="wire-a", title="Talks")
    item = items.article_to_item(article)
    item["data"]["S"] = item["data"]["S"][:-1] + ', "added_in_a_later_release": [1, 2]}'
    assert items.article_from_item(item) == article
    claim = Claim(id="a1~0001", article_id="a1", outlet="wire-a", index=0, text="x", start=0, end=1)
    assert Claim.model_validate({**claim.model_dump(), "new_slot": {"deep": True}}) == claim
