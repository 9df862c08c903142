"""The DynamoDB adapter of the ``ClaimStore`` port (single table; layout in ``items.py``)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from botocore.config import Config
from botocore.exceptions import ClientError

from claimdiff.concurrency import map_io
from claimdiff.config import resource_name, settings
from claimdiff.errors import InvalidRequestError, StaleWriteError
from claimdiff.models import Article, ArticleVersion, Claim, Page, Relation
from claimdiff.store import clients, items
from claimdiff.store.cursor import decode_cursor, encode_cursor
from claimdiff.store.ports import IndexEntry

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_BATCH = 25  # BatchWriteItem's limit
_BATCH_GET = 100  # BatchGetItem's limit
_BATCH_RETRIES = 8
# Items a filtered Query reads per request (DynamoDB applies Limit before the filter).
_FILTERED_READ = 100
_RETRY_CONFIG = Config(retries={"mode": "standard", "max_attempts": 5}, connect_timeout=3, read_timeout=10)


class DynamoClaimStore:
    """Stores articles, claims, the candidate index and relations in one DynamoDB table."""

    def __init__(
        self, table_name: str, client: DynamoDBClient | None = None, *, window_days: int = 2
    ) -> None:
        self.table_name = table_name
        self._client: DynamoDBClient = client or clients.client("dynamodb", config=_RETRY_CONFIG)
        # The matching window the index is filed for (``items.index_buckets``).
        self._window_days = window_days

    @classmethod
    def from_environment(cls) -> DynamoClaimStore:
        """The store named by the environment (``CLAIMS_TABLE_NAME``; ``ConfigurationError`` without it)."""
        return cls(resource_name("CLAIMS_TABLE_NAME"), window_days=settings().match_window_days)

    # articles
    def get_article(self, article_id: str) -> Article | None:
        """The article's metadata, or None."""
        item = self._get(items.article_pk(article_id), items.META)
        return items.article_from_item(item) if item and not items.is_tombstone(item) else None

    def put_article(self, article: Article) -> None:
        """File a processed article under its sketch's marks, then create or replace its metadata
        unless a newer S3 event's state is stored.

        Marks first: a META item in place tells a retry that nothing is left to do. A mark of a write
        that loses is harmless (a lookup compares the stored article's sketch)."""
        marks = items.mark_items(article, dt.datetime.now(dt.UTC))
        if marks:
            self._batch_write([{"PutRequest": {"Item": item}} for item in marks])
        self._put_meta(
            article.id, items.article_to_item(article), "attribute_not_exists(#seq) OR #seq <= :seq"
        )

    def marked_articles(self, outlet: str, marks: Sequence[str]) -> list[Article]:
        """The outlet's articles filed under ``marks``: one keys-only Query a mark (at most
        ``ARTICLES_PER_MARK``), then one BatchGetItem of the ``MARKED_ARTICLES`` found under most."""

        def filed_under(mark: str) -> list[str]:
            response = self._client.query(
                TableName=self.table_name,
                KeyConditionExpression="PK = :pk",
                ExpressionAttributeValues={":pk": {"S": items.mark_pk(outlet, mark)}},
                ProjectionExpression="SK",
                Limit=items.ARTICLES_PER_MARK,
            )
            return [item["SK"]["S"] for item in response.get("Items", [])]

        unique = list(dict.fromkeys(marks))
        article_ids = items.most_marked(
            dict(zip(unique, map_io(filed_under, unique), strict=True)), items.MARKED_ARTICLES
        )
        if not article_ids:
            return []
        stored = self._batch_get(
            [_key(items.article_pk(article_id), items.META) for article_id in article_ids]
        )
        found = [items.article_from_item(item) for item in stored if not items.is_tombstone(item)]
        return sorted((a for a in found if a.outlet == outlet), key=lambda article: article.id)

    def article_sequencer(self, article_id: str) -> str | None:
        """The sequencer of the article's META item or its tombstone, or None."""
        item = self._get(items.article_pk(article_id), items.META) or {}
        sequencer = item.get(items.SEQUENCER, {}).get("S")
        return str(sequencer) if sequencer is not None else None

    def delete_article(self, article_id: str, *, sequencer: str | None) -> None:
        """Replace the article's metadata by a tombstone carrying ``sequencer``."""
        tombstone = items.tombstone_item(article_id, sequencer, dt.datetime.now(dt.UTC))
        # The same delete again writes nothing: a replay leaves the tombstone as it was.
        self._put_meta(
            article_id,
            tombstone,
            "attribute_not_exists(#seq) OR #seq < :seq OR (#seq = :seq AND #type <> :tomb)",
        )

    def _put_meta(self, article_id: str, item: items.Item, condition: str) -> None:
        """Put a META item on ``condition`` (of its sequencer ``:seq`` and the stored ``#seq``, ``#type``)."""
        try:
            self._client.put_item(
                TableName=self.table_name,
                Item=item,
                ConditionExpression=condition,
                ExpressionAttributeNames={
                    "#seq": items.SEQUENCER,
                    **({"#type": "type"} if "#type" in condition else {}),
                },
                ExpressionAttributeValues={
                    ":seq": item[items.SEQUENCER],
                    **({":tomb": {"S": items.TOMBSTONE}} if ":tomb" in condition else {}),
                },
            )
        except ClientError as error:
            if not _condition_failed(error):
                raise
            stored = self._get(items.article_pk(article_id), items.META) or {}
            stored_sequencer = stored.get(items.SEQUENCER, {}).get("S")
            if stored_sequencer == item[items.SEQUENCER]["S"] and items.is_tombstone(stored):
                return  # the same delete again (or a write after it, of the same event): nothing to do
            raise StaleWriteError(article_id, stored_sequencer) from None

    def put_version(self, version: ArticleVersion) -> None:
        """Keep one processed version of an article: one PutItem, keyed by the version's order, so the
        same version again replaces it."""
        self._client.put_item(TableName=self.table_name, Item=items.version_to_item(version))

    def list_versions(self, article_id: str) -> list[ArticleVersion]:
        """The article's kept versions, oldest first (one Query of its partition's VERSION# items)."""
        found = self._query_all(items.article_pk(article_id), sk_prefix=items.VERSION_PREFIX)
        return [items.version_from_item(item) for item in found]

    def delete_versions(self, article_id: str) -> None:
        """Forget the article's kept versions: one keys-only Query, then BatchWriteItem deletes."""
        pk = items.article_pk(article_id)
        found = self._query_all(pk, sk_prefix=items.VERSION_PREFIX, attributes="PK, SK")
        self._batch_write([{"DeleteRequest": {"Key": {"PK": i["PK"], "SK": i["SK"]}}} for i in found])

    def list_articles(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Article]:
        """Articles, newest first, optionally of one outlet."""
        _check_limit(limit)
        index, partition = ("GSI1", f"OUTLET#{outlet}") if outlet else ("GSI2", items.ALL_ARTICLES)
        scope = f"articles:{outlet or ''}"
        start = _checked_key(decode_cursor(cursor, scope=scope), index, partition) if cursor else None
        found, next_key = self._query_page(index=index, partition=partition, limit=limit, start=start)
        return Page[Article](
            items=[items.article_from_item(item) for item in found],
            next_cursor=encode_cursor(next_key, scope=scope) if next_key else None,
        )

    def count_outlet_articles(self, outlet: str, day: dt.date, *, limit: int) -> int:
        """How many articles of ``outlet`` are dated ``day``: one Query of GSI1, keys only, at most ``limit``."""
        response = self._client.query(
            TableName=self.table_name,
            IndexName="GSI1",
            KeyConditionExpression="GSI1PK = :pk AND begins_with(GSI1SK, :day)",
            ExpressionAttributeValues={":pk": {"S": f"OUTLET#{outlet}"}, ":day": {"S": day.isoformat()}},
            Select="COUNT",
            Limit=limit,
        )
        return int(response.get("Count", 0))

    # claims
    def list_claims(self, article_id: str) -> list[Claim]:
        """The article's claims in reading order."""
        found = self._query_all(items.article_pk(article_id), sk_prefix=items.CLAIM_PREFIX)
        return sorted((items.claim_from_item(item) for item in found), key=lambda claim: claim.index)

    def get_claim(self, claim_id: str) -> Claim | None:
        """One claim by id, or None."""
        item = self._get(items.article_pk(items.article_of_claim(claim_id)), items.claim_sk(claim_id))
        return items.claim_from_item(item) if item else None

    def get_claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The claims that exist among ``claim_ids``, in that order: BatchGetItem, eventually consistent
        (half the read units): a claim id names one content, so a stored claim never changes."""
        wanted = list(dict.fromkeys(claim_ids))
        claims = map(items.claim_from_item, self._batch_get([items.claim_key(c) for c in wanted]))
        found = {claim.id: claim for claim in claims}
        return [found[claim_id] for claim_id in wanted if claim_id in found]

    def put_claims(self, claims: Sequence[Claim]) -> None:
        """Store claims and their candidate-index entries."""
        # Index entries first: a claim's INSERT triggers its matching, which must find every claim
        # stored before it, so a claim becomes visible only once it can also be found.
        puts = [entry for claim in claims for entry in items.index_items(claim, self._window_days)]
        puts += [items.claim_to_item(claim) for claim in claims]
        self._batch_write([{"PutRequest": {"Item": item}} for item in puts])

    def delete_claims(self, claims: Sequence[Claim]) -> None:
        """Delete claims, their index entries and their relations in both directions."""
        # Index entries first: a claim on its way out stops being a candidate before it disappears.
        keys = [key for claim in claims for key in items.index_keys(claim, self._window_days)]
        keys += [_key(items.article_pk(claim.article_id), items.claim_sk(claim.id)) for claim in claims]
        self._batch_write([{"DeleteRequest": {"Key": key}} for key in keys])
        # Relations last, read consistently once the claims are gone: a match that wrote a relation of
        # one of them did so while it existed (put_relations checks), so before this read, which sees it.
        relation_keys = []
        for claim in claims:
            for relation in self.list_relations(claim.id):
                relation_keys.append(
                    _key(items.relations_pk(claim.id), f"{items.REL_PREFIX}{relation.other.id}")
                )
                relation_keys.append(
                    _key(items.relations_pk(relation.other.id), f"{items.REL_PREFIX}{claim.id}")
                )
        self._batch_write([{"DeleteRequest": {"Key": key}} for key in relation_keys])

    def mark_matched(self, claim_id: str, at: dt.datetime) -> None:
        """Set the claim item's ``matched_at`` (an UpdateItem: a stream MODIFY, which starts no match),
        on condition that the claim still exists."""
        self._update_if(
            items.claim_key(claim_id),
            "SET matched_at = :at",
            "attribute_exists(PK)",
            {":at": {"S": at.isoformat()}},
        )

    def matching_progress(self, article_id: str) -> tuple[int, int]:
        """How many of the article's claims carry ``matched_at``, of how many: one consistent Query of
        the claims' keys (at most ``max_claims_per_article`` small items)."""
        found = list(
            self._query_all(
                items.article_pk(article_id), sk_prefix=items.CLAIM_PREFIX, attributes="SK, matched_at"
            )
        )
        return sum(1 for item in found if "matched_at" in item), len(found)

    def candidates(
        self, key: str, day: dt.date, *, window_days: int, limit: int, exclude_outlet: str | None = None
    ) -> list[IndexEntry]:
        """Index entries under ``key`` within ``window_days`` of ``day``, none of ``exclude_outlet``:
        one consistent Query of at most ``limit`` entries, newest day first.

        The own-outlet filter applies after ``Limit`` (DynamoDB's order): a page of another outlet's
        entries is never refilled, so the read stays one request whatever the partition holds.
        """
        low, high = items.index_range(day, window_days)
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": "PK = :pk AND SK BETWEEN :low AND :high",
            "ExpressionAttributeValues": {
                ":pk": {"S": items.index_pk(key, items.index_bucket(day))},
                ":low": {"S": low},
                ":high": {"S": high},
            },
            "ScanIndexForward": False,
            "ConsistentRead": True,
            "Limit": limit,
        }
        if exclude_outlet:
            request["FilterExpression"] = "outlet <> :own"
            request["ExpressionAttributeValues"][":own"] = {"S": exclude_outlet}
        response = self._client.query(**request)
        return [items.index_entry_from_item(item) for item in response.get("Items", [])]

    # relations
    def put_relations(self, relations: Sequence[Relation]) -> int:
        """Store relations whose two claims both exist. Returns how many were stored.

        Written first, then the claims are read back (consistently) and the relations of a claim found
        gone are deleted again. With ``delete_claims`` deleting a claim before it lists its relations,
        every interleaving ends without an orphan: either that listing sees the relation, or this read
        sees the claim gone. (No transaction: it would cost twice the units for a rare race.)
        """
        unique = list({(r.claim.id, r.other.id): r for r in relations}.values())
        if not unique:
            return 0
        written = [items.relation_to_item(r) for r in unique]
        self._batch_write([{"PutRequest": {"Item": item}} for item in written])
        days = [day for day in map(items.contradiction_day, written) if day is not None]
        if days:
            self._note_contradiction_day(min(days))
        claim_ids = sorted({r.claim.id for r in unique} | {r.other.id for r in unique})
        keys = [items.claim_key(claim_id) for claim_id in claim_ids]
        alive = {items.claim_from_item(item).id for item in self._batch_get(keys, consistent=True)}
        orphans = [r for r in unique if r.claim.id not in alive or r.other.id not in alive]
        if orphans:
            self._batch_write(
                [
                    {
                        "DeleteRequest": {
                            "Key": _key(items.relations_pk(r.claim.id), f"{items.REL_PREFIX}{r.other.id}")
                        }
                    }
                    for r in orphans
                ]
            )
        return len(unique) - len(orphans)

    def list_relations(self, claim_id: str) -> list[Relation]:
        """Relations of one claim, seen from that claim."""
        found = self._query_all(items.relations_pk(claim_id), sk_prefix=items.REL_PREFIX)
        return [items.relation_from_item(item) for item in found]

    def _note_contradiction_day(self, day: dt.date) -> None:
        """Move the oldest-contradiction marker back to ``day`` if it is older (a conditional update)."""
        self._update_if(
            items.CONTRADICTIONS_OLDEST,
            "SET oldest = :day",
            "attribute_not_exists(oldest) OR oldest > :day",
            {":day": {"S": day.isoformat()}},
        )

    def list_contradictions(self, *, outlet: str | None, limit: int, cursor: str | None) -> Page[Relation]:
        """Contradictions, newest first, walking day buckets back from today (or from the cursor's day)
        to the oldest contradiction stored: at most ``CONTRADICTION_DAYS_PER_REQUEST`` buckets a request,
        then a cursor to go on. A cursor is valid only for the outlet filter that issued it."""
        _check_limit(limit)
        scope = f"contradictions:{outlet or ''}"
        position = decode_cursor(cursor, scope=scope) if cursor else {}
        today = dt.datetime.now(dt.UTC).date()
        if cursor and (not isinstance(position.get("day"), str) or set(position) - {"day", "key"}):
            raise InvalidRequestError("cursor: not a cursor this API issued")
        try:
            # A cursor's day is never later than today: a forged far-future day walks nothing extra.
            day = min(dt.date.fromisoformat(position.get("day", today.isoformat())), today)
            start = (
                _checked_key(position["key"], "GSI2", items.contradictions_pk(day))
                if position.get("key")
                else None
            )
        except (TypeError, ValueError):
            raise InvalidRequestError("cursor: not a cursor this API issued") from None
        marker = self._get(items.CONTRADICTIONS_OLDEST["PK"]["S"], items.CONTRADICTIONS_OLDEST["SK"]["S"])
        oldest = dt.date.fromisoformat(marker["oldest"]["S"]) if marker else today + dt.timedelta(days=1)
        found: list[Relation] = []
        for _ in range(items.CONTRADICTION_DAYS_PER_REQUEST):
            if day < oldest or len(found) >= limit:
                break
            page, next_key = self._query_page(
                index="GSI2",
                partition=items.contradictions_pk(day),
                limit=limit - len(found),
                start=start,
                outlet=outlet,
            )
            found += [items.relation_from_item(item) for item in page]
            if next_key:
                return Page[Relation](
                    items=found,
                    next_cursor=encode_cursor({"day": day.isoformat(), "key": next_key}, scope=scope),
                )
            day, start = day - dt.timedelta(days=1), None
        more = day >= oldest
        return Page[Relation](
            items=found, next_cursor=encode_cursor({"day": day.isoformat()}, scope=scope) if more else None
        )

    # plumbing
    def _get(self, pk: str, sk: str) -> items.Item | None:
        response = self._client.get_item(TableName=self.table_name, Key=_key(pk, sk), ConsistentRead=True)
        return response.get("Item")

    def _query_all(self, pk: str, *, sk_prefix: str, attributes: str | None = None) -> Iterator[items.Item]:
        paginator = self._client.get_paginator("query")
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": pk}, ":prefix": {"S": sk_prefix}},
            "ConsistentRead": True,
        }
        if attributes:
            request["ProjectionExpression"] = attributes
        for page in paginator.paginate(**request):
            yield from page.get("Items", [])

    def _query_page(
        self,
        *,
        index: str | None,
        partition: str,
        limit: int,
        start: dict[str, Any] | None,
        outlet: str | None = None,
    ) -> tuple[list[items.Item], dict[str, Any] | None]:
        """Up to ``limit`` items of one partition and where the next page starts (None: the end).

        With a filter, DynamoDB applies ``Limit`` before filtering: reads go in fixed-size pages (not
        ``limit - found``, which would dwindle to one item a request) and the next page starts after the
        last item returned.
        """
        pk_name = f"{index}PK" if index else "PK"
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": f"{pk_name} = :pk",
            "ExpressionAttributeValues": {":pk": {"S": partition}},
            "ScanIndexForward": False,  # newest first
        }
        if index:
            request["IndexName"] = index
        else:
            request["ConsistentRead"] = True
        if outlet:
            request["FilterExpression"] = "contains(outlets, :outlet)"
            request["ExpressionAttributeValues"][":outlet"] = {"S": outlet}
        filtered = "FilterExpression" in request
        found: list[items.Item] = []
        while len(found) < limit:
            request["Limit"] = max(limit - len(found), _FILTERED_READ) if filtered else limit - len(found)
            if start:
                request["ExclusiveStartKey"] = start
            response = self._client.query(**request)
            found += response.get("Items", [])
            start = response.get("LastEvaluatedKey")
            if len(found) > limit:
                found = found[:limit]
                start = {name: found[-1][name] for name in _key_names(index)}
            if not start:
                break
        return found, start

    def _update_if(self, key: items.Item, update: str, condition: str, values: dict[str, Any]) -> None:
        """An UpdateItem that does nothing when ``condition`` does not hold."""
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key=key,
                UpdateExpression=update,
                ConditionExpression=condition,
                ExpressionAttributeValues=values,
            )
        except ClientError as error:
            if not _condition_failed(error):
                raise

    def _batch_get(self, keys: list[dict[str, Any]], *, consistent: bool = False) -> Iterator[items.Item]:
        """The items of ``keys`` that exist, in as many requests as BatchGetItem's limit needs."""
        for offset in range(0, len(keys), _BATCH_GET):
            yield from self._batch_get_chunk(keys[offset : offset + _BATCH_GET], consistent=consistent)

    def _batch_get_chunk(self, keys: list[dict[str, Any]], *, consistent: bool) -> Iterator[items.Item]:
        pending = keys
        for attempt in range(_BATCH_RETRIES):
            response = self._client.batch_get_item(
                RequestItems={self.table_name: {"Keys": pending, "ConsistentRead": consistent}}
            )
            yield from response.get("Responses", {}).get(self.table_name, [])
            unprocessed: dict[str, Any] = dict(response.get("UnprocessedKeys", {}))
            pending = unprocessed.get(self.table_name, {}).get("Keys", [])
            if not pending:
                return
            time.sleep(min(0.05 * 2**attempt, 2.0))
        raise RuntimeError(f"DynamoDB left {len(pending)} reads unprocessed after {_BATCH_RETRIES} tries")

    def _batch_write(self, requests: list[dict[str, Any]]) -> None:
        # BatchWriteItem refuses two requests for one key in a batch: keep the last of each.
        unique = {_request_key(request): request for request in requests}
        pending = list(unique.values())
        for offset in range(0, len(pending), _BATCH):
            chunk = pending[offset : offset + _BATCH]
            for attempt in range(_BATCH_RETRIES):
                response = self._client.batch_write_item(RequestItems={self.table_name: chunk})  # type: ignore[dict-item]
                chunk = response.get("UnprocessedItems", {}).get(self.table_name, [])  # type: ignore[assignment]
                if not chunk:
                    break
                time.sleep(min(0.05 * 2**attempt, 2.0))
            else:
                raise RuntimeError(
                    f"DynamoDB left {len(chunk)} writes unprocessed after {_BATCH_RETRIES} tries"
                )


def _condition_failed(error: ClientError) -> bool:
    """Whether a write was refused by its condition (the expected outcome of a conditional write)."""
    return bool(error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException")


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise InvalidRequestError("limit: must be at least 1")


def _key(pk: str, sk: str) -> dict[str, Any]:
    return {"PK": {"S": pk}, "SK": {"S": sk}}


def _request_key(request: dict[str, Any]) -> tuple[str, str]:
    body = request.get("PutRequest", {}).get("Item") or request["DeleteRequest"]["Key"]
    return body["PK"]["S"], body["SK"]["S"]


def _checked_key(key: object, index: str | None, partition: str) -> dict[str, Any]:
    """A cursor's start key must name exactly the attributes this query pages by, in this partition
    (a cursor of another outlet's listing is refused, not silently answered with an empty page)."""
    pk_name = f"{index}PK" if index else "PK"
    valid = (
        isinstance(key, dict)
        and set(key) == set(_key_names(index))
        and all(isinstance(value, dict) and isinstance(value.get("S"), str) for value in key.values())
        and key[pk_name]["S"] == partition
    )
    if not valid:
        raise InvalidRequestError("cursor: not a cursor this API issued")
    return key  # type: ignore[return-value]


def _key_names(index: str | None) -> tuple[str, ...]:
    """The attributes of a LastEvaluatedKey: the table's key, plus the index's when querying one."""
    return ("PK", "SK", f"{index}PK", f"{index}SK") if index else ("PK", "SK")
