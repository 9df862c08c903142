"""The REST API handler: routes that call the read-side use cases in ``claimdiff.comparison``.

Thin by design: parameters are validated by the resolver (from the signatures and pydantic models,
which also make the OpenAPI document), every route calls one use case, and domain errors become
HTTP answers in one place (the exception handlers below), always as ``ErrorResponse`` JSON.
"""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus
from typing import Annotated, Any, Literal

import claimdiff
from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError as RouteNotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.models import Server
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from claimdiff import comparison, history, stories
from claimdiff.api_models import (
    ArticleComparison,
    ArticleDetail,
    ArticleHistory,
    ArticlePage,
    CheckRequest,
    CheckResponse,
    ClaimList,
    ClaimWithRelations,
    CompareRequest,
    CompareResponse,
    ContradictionPage,
    ErrorDetail,
    ErrorResponse,
    Health,
    StoryDetail,
    StoryPage,
)
from claimdiff.claimreview import ClaimReviewPage
from claimdiff.errors import InvalidRequestError, NotFoundError
from claimdiff.store.cursor import MAX_CURSOR_CHARS
from claimdiff.store.ports import ClaimStore
from claimdiff.tracing import traced

API_TITLE = "claimdiff"
API_DESCRIPTION = (
    "Compare what news outlets claim about the same events: the claims extracted from each article, "
    "where outlets corroborate each other, where they contradict each other (with typed reasons and "
    "evidence spans), and what only one outlet says."
)
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


VERSION = claimdiff.__version__

logger = Logger(service="claimdiff-api")
app = APIGatewayRestResolver(enable_validation=True)
app.configure_openapi(title=API_TITLE, version=VERSION, description=API_DESCRIPTION)
app.enable_swagger(path="/docs")

_store: ClaimStore | None = None


def get_store() -> ClaimStore:
    """The claims table, built on first use and kept for the warm invocations that follow.

    Tests replace the store by setting this module's ``_store`` (or by patching this function).
    """
    global _store  # noqa: PLW0603  (one adapter per cold start is the point)
    if _store is None:
        # Imported here: boto3 is only needed once a route touches the table.
        from claimdiff.store.dynamodb import DynamoClaimStore  # noqa: PLC0415

        _store = DynamoClaimStore.from_environment()
    return _store


_ERROR_DESCRIPTIONS = {
    404: "The id is unknown",
    422: "A parameter or the body is invalid; details lists each problem",
    500: "Unexpected error; the body carries the request id",
}


def _responses(description: str, *errors: int) -> dict[int, OpenAPIResponse]:
    """A route's documented answers: 200 (its schema comes from the return annotation) and errors."""
    documented: dict[int, OpenAPIResponse] = {200: {"description": description}}
    for status in (*errors, 422, 500):
        documented[status] = {
            "description": _ERROR_DESCRIPTIONS[status],
            "content": {"application/json": {"model": ErrorResponse}},
        }
    return documented


ArticleId = Annotated[str, Path(description="the article's id", min_length=1, max_length=512)]
ClaimId = Annotated[str, Path(description="the claim's id", min_length=1, max_length=600)]
OutletFilter = Annotated[str | None, Query(description="only this outlet", min_length=1, max_length=100)]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="items per page")]
Cursor = Annotated[
    str | None,
    Query(description="next_cursor of the previous page", min_length=1, max_length=MAX_CURSOR_CHARS),
]
StoryId = Annotated[
    str, Path(description="the story's id, or the id of any of its articles", min_length=1, max_length=512)
]
DayFilter = Annotated[dt.date | None, Query(description="a day, YYYY-MM-DD (inclusive)")]
ContradictionFormat = Annotated[
    Literal["json", "claimreview"],
    Query(alias="format", description="claimreview: schema.org ClaimReview JSON-LD items"),
]


# Routes


@app.get("/health", summary="Liveness", tags=["meta"], responses=_responses("The API is up"))
def health() -> Health:
    """The API answers; no dependency is touched."""
    return Health(version=VERSION)


@app.get("/openapi.json", summary="This API's OpenAPI document", tags=["meta"], include_in_schema=False)
def openapi_document() -> Response[str]:
    """The OpenAPI 3 document of every route, with this stage as its server."""
    return Response(
        status_code=HTTPStatus.OK,
        content_type=content_types.APPLICATION_JSON,
        body=_openapi_json(_base_path()),
    )


@app.get(
    "/articles",
    summary="List articles, newest first",
    tags=["articles"],
    responses=_responses("One page of articles"),
)
def list_articles(
    outlet: OutletFilter = None, limit: PageSize = DEFAULT_PAGE_SIZE, cursor: Cursor = None
) -> ArticlePage:
    """Articles with their status (PROCESSED or REJECTED with a reason) and claim count."""
    return comparison.list_articles(get_store(), outlet=outlet, limit=limit, cursor=cursor)


@app.get(
    "/articles/<article_id>",
    summary="One article",
    tags=["articles"],
    responses=_responses("The article's metadata", 404),
)
def get_article(article_id: ArticleId) -> ArticleDetail:
    """An article's metadata: status, rejection reason, claim count, source object."""
    return comparison.get_article(get_store(), article_id)


@app.get(
    "/articles/<article_id>/claims",
    summary="An article's claims",
    tags=["articles"],
    responses=_responses("The claims in reading order", 404),
)
def list_article_claims(article_id: ArticleId) -> ClaimList:
    """The claims extracted from the article, in reading order."""
    return comparison.list_article_claims(get_store(), article_id)


@app.get(
    "/articles/<article_id>/comparison",
    summary="What other outlets say about an article's claims",
    tags=["articles"],
    responses=_responses("The article's claims compared with other outlets'", 404),
)
def compare_article(article_id: ArticleId) -> ArticleComparison:
    """Per claim: corroborating, contradicting and related claims of other outlets; plus the unique claims."""
    return comparison.compare_article(get_store(), article_id)


@app.get(
    "/articles/<article_id>/history",
    summary="What each version of an article added, removed or corrected",
    tags=["articles"],
    responses=_responses("The article's versions, oldest first", 404),
)
def article_history(article_id: ArticleId) -> ArticleHistory:
    """Each kept version (an upload over the same key is a new version): the claims it added, the
    claims it removed, and the claims it states otherwise (a correction)."""
    return history.article_history(get_store(), article_id)


@app.get(
    "/stories",
    summary="List stories, newest first",
    tags=["stories"],
    responses=_responses("One page of stories"),
)
def list_stories(
    outlet: OutletFilter = None,
    since: DayFilter = None,
    until: DayFilter = None,
    limit: PageSize = DEFAULT_PAGE_SIZE,
    cursor: Cursor = None,
) -> StoryPage:
    """Stories (the articles of one event across outlets) with their counts of agreed claim groups,
    contradictions and claims only one outlet makes; optionally with an article of one outlet, or one
    published between ``since`` and ``until``."""
    if since is not None and until is not None and since > until:
        raise InvalidRequestError("since must not be after until")
    return stories.list_stories(
        get_store(), outlet=outlet, since=since, until=until, limit=limit, cursor=cursor
    )


@app.get(
    "/stories/<story_id>",
    summary="One story",
    tags=["stories"],
    responses=_responses("The story's outlets, agreed claim groups, contradictions and unique claims", 404),
)
def get_story(story_id: StoryId) -> StoryDetail:
    """What the outlets agree on (claim groups, with their independent origins), where they contradict
    each other (both sides, the differing spans, the reasons), and what only one outlet says."""
    return stories.get_story(get_store(), story_id)


@app.get(
    "/contradictions",
    summary="Contradictions, newest first",
    tags=["claims"],
    responses=_responses("One page of contradictions"),
)
def list_contradictions(
    outlet: OutletFilter = None,
    limit: PageSize = DEFAULT_PAGE_SIZE,
    cursor: Cursor = None,
    answer_format: ContradictionFormat = "json",
) -> ContradictionPage | ClaimReviewPage:
    """Every contradiction between two outlets' claims, once per pair, optionally involving one outlet.

    ``format=claimreview``: each as schema.org ClaimReview JSON-LD (Google's fact-check markup) of
    its first claim, disputed by the other outlet's report.
    """
    if answer_format == "claimreview":
        return comparison.contradiction_reviews(
            get_store(), outlet=outlet, limit=limit, cursor=cursor, site=_site_url()
        )
    return comparison.list_contradictions(get_store(), outlet=outlet, limit=limit, cursor=cursor)


@app.get(
    "/claims/<claim_id>",
    summary="One claim and its relations",
    tags=["claims"],
    responses=_responses("The claim and its relations", 404),
)
def get_claim(claim_id: ClaimId) -> ClaimWithRelations:
    """A claim with its relations to other outlets' claims, most confident first."""
    return comparison.get_claim(get_store(), claim_id)


@app.post(
    "/compare",
    summary="Compare two claims (nothing is stored)",
    tags=["tools"],
    responses=_responses("How the two texts relate"),
)
def compare_texts(request: Annotated[CompareRequest, Body()]) -> CompareResponse:
    """How two sentences relate (equivalent, contradiction, related, unrelated), with reasons and evidence."""
    return comparison.compare_texts(request.a, request.b)


@app.post(
    "/check",
    summary="Check a claim against an article (nothing is stored)",
    tags=["tools"],
    responses=_responses("The article's verdict on the claim"),
)
def check_claim(request: Annotated[CheckRequest, Body()]) -> CheckResponse:
    """Whether the article supports, contradicts, discusses or ignores the claim, with evidence sentences."""
    return comparison.check_claim(request.claim, request.article)


# Errors: the one place where exceptions become HTTP answers.


def _unknown_id(error: NotFoundError) -> Response[str]:
    return _error(HTTPStatus.NOT_FOUND, "not_found", str(error))


def _unknown_route(_: RouteNotFoundError) -> Response[str]:
    event = app.current_event
    return _error(HTTPStatus.NOT_FOUND, "not_found", f"no route {event.http_method} {event.path}")


def _invalid_request(error: InvalidRequestError) -> Response[str]:
    message = str(error)
    # Domain messages read "<parameter>: <what is wrong>"; the prefix locates the problem.
    field, _, _ = message.partition(":")
    location = f"query.{field}" if field.isidentifier() else "request"
    detail = ErrorDetail(location=location, message=message, type="invalid")
    return _error(HTTPStatus.UNPROCESSABLE_ENTITY, "invalid_request", message, [detail])


def _invalid_parameters(error: RequestValidationError) -> Response[str]:
    details = [_detail(problem) for problem in error.errors()]
    return _error(HTTPStatus.UNPROCESSABLE_ENTITY, "validation_error", "the request is invalid", details)


def _undecodable_body(_: UnicodeDecodeError) -> Response[str]:
    # The resolver decodes the body as UTF-8 JSON before validation sees it.
    detail = ErrorDetail(location="body", message="the body is not UTF-8 text", type="body_not_utf8")
    return _error(HTTPStatus.UNPROCESSABLE_ENTITY, "validation_error", "the request is invalid", [detail])


def _body_too_deep(_: RecursionError) -> Response[str]:
    # Only parsing a request's JSON recurses without bound: the domain's data is flat.
    detail = ErrorDetail(
        location="body", message="the body's JSON is nested too deeply", type="json_too_deep"
    )
    return _error(HTTPStatus.UNPROCESSABLE_ENTITY, "validation_error", "the request is invalid", [detail])


def _unexpected(error: Exception) -> Response[str]:
    logger.exception("unhandled error", extra={"error_type": type(error).__name__})
    message = "internal error; quote the request id when reporting it"
    return _error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal_error", message)


# Registered here, one line each, so the whole mapping reads at a glance.
app.exception_handler(NotFoundError)(_unknown_id)
app.not_found(_unknown_route)
app.exception_handler(InvalidRequestError)(_invalid_request)
app.exception_handler(RequestValidationError)(_invalid_parameters)
app.exception_handler(UnicodeDecodeError)(_undecodable_body)
app.exception_handler(RecursionError)(_body_too_deep)
app.exception_handler(Exception)(_unexpected)


def _detail(problem: dict[str, Any]) -> ErrorDetail:
    """One pydantic problem, without the offending input (it may be large or private)."""
    kind = str(problem.get("type", "invalid"))
    if kind == "json_invalid":  # its loc ends with a character position, which reads as a field
        return ErrorDetail(location="body", message="the body is not valid JSON", type=kind)
    location = ".".join(str(part) for part in problem.get("loc", ())) or "request"
    return ErrorDetail(location=location, message=str(problem.get("msg", "invalid value")), type=kind)


def _error(
    status: HTTPStatus, code: str, message: str, details: list[ErrorDetail] | None = None
) -> Response[str]:
    body = ErrorResponse(
        status=status.value, error=code, message=message, details=details or [], request_id=_request_id()
    )
    return Response(
        status_code=status.value,
        content_type=content_types.APPLICATION_JSON,
        body=body.model_dump_json(),
    )


def _request_id() -> str | None:
    """API Gateway's request id (the client sees it as x-amzn-RequestId), else Lambda's."""
    request_id = app.current_event.request_context.request_id
    if request_id:
        return str(request_id)
    context = getattr(app, "lambda_context", None)
    return getattr(context, "aws_request_id", None)


# OpenAPI document


_openapi_cache: dict[str, str] = {}


def _base_path() -> str:
    """Where the client reached this API: the requested path minus the route's path.

    ``/v1`` on the execute-api URL (the stage), a custom domain's base path mapping there, ``/``
    when the API is served at the root.
    """
    event = app.current_event
    requested = event.request_context.path or event.path
    prefix = requested.removesuffix(event.path) if requested.endswith(event.path) else ""
    return prefix or "/"


def _site_url() -> str:
    """The API's absolute base URL as the client reached it (scheme, host and base path)."""
    event = app.current_event
    headers = {name.lower(): value for name, value in (event.headers or {}).items()}
    host = headers.get("host") or event.request_context.domain_name or "localhost"
    local = host.split(":")[0] in ("127.0.0.1", "localhost")
    scheme = headers.get("x-forwarded-proto") or ("http" if local else "https")
    return f"{scheme}://{host}{_base_path().rstrip('/')}"


def _openapi_json(base_path: str) -> str:
    # The document depends only on the routes and the base path: build it once per cold start.
    if base_path not in _openapi_cache:
        _openapi_cache[base_path] = app.get_openapi_json_schema(servers=[Server(url=base_path)])
    return _openapi_cache[base_path]


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@traced
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Lambda entry point: API Gateway REST proxy event in, proxy response out."""
    return app.resolve(event, context)
