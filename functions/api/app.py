"""PLACEHOLDER handler: replaced by the API helper."""

import json
from typing import Any


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer every request with 200 {"status": "ok"}."""
    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps({"status": "ok"})}
