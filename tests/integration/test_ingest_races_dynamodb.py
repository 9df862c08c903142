"""The racing-ingest tests of tests/unit/test_ingest_races.py, against the DynamoDB adapter on moto:
its conditional META writes and tombstones must order runs as the fake does."""

from __future__ import annotations

import pytest
from claimdiff.store.dynamodb import DynamoClaimStore
from claimdiff.store.ports import ClaimStore

from tests.integration.conftest import Aws
from tests.unit import test_ingest_races as races

globals().update({name: test for name, test in vars(races).items() if name.startswith("test_")})


@pytest.fixture
def store(aws: Aws) -> ClaimStore:
    return DynamoClaimStore(aws.table)
