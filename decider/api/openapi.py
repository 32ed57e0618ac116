"""What every operation can answer because of what runs around it, added to the OpenAPI
document so that clients and schema-driven fuzzers know it:

- every operation: 414 (query string too long), 500 and 503 (database unavailable), and
  the `X-Request-ID` header both ways;
- every POST: the optional `Idempotency-Key` header, and 400 (malformed key), 409 (the
  same key still running), 411 (chunked body the server cannot read), 413, 415, and
  422 (a key reused for another body);
- every diagram download: 202 (a large diagram queued, with a status URL) and 422 (too
  large for the format).
"""

from typing import Any

from decider.api.downloads import document_files
from decider.api.middleware import QUERY_LIMIT

MESSAGE = {"$ref": "#/components/schemas/Message"}
EVERY = {
    414: f"The query string is longer than {QUERY_LIMIT} bytes",
    500: "An unexpected error; the body names the request id",
    503: "The database is unavailable; try again after Retry-After seconds",
}
POST = {
    400: "The body, or the Idempotency-Key, cannot be read",
    409: "This Idempotency-Key is still running, or was used for a different request",
    411: "A chunked body this server cannot read; send a Content-Length",
    413: "The body is too large",
    415: "The body is not in a media type this operation documents",
    422: "Invalid input, or an Idempotency-Key reused for another body",
}
DOWNLOAD = {
    202: "A large diagram is being drawn: ask `status_url`, then this URL again",
    422: "The diagram is too large for this format; the message names those that work",
}
QUEUED = {
    "type": "object",
    "properties": {
        "status": {"type": "string"},
        "status_url": {"type": "string"},
        "progress_url": {"type": "string"},
        "url": {"type": "string"},
        "detail": {"type": "string"},
    },
}
REQUEST_ID = {
    "name": "X-Request-ID",
    "in": "header",
    "required": False,
    "description": "Your id for this request: echoed in the response when it is letters, "
    "digits and ._:+=- up to 128 characters; any other value is replaced by a new id "
    "(never refused).",
    "schema": {"type": "string"},
}
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Any unique string (1 to 255 visible ASCII characters): a retry with "
    "the same key and body within 24 hours returns the first answer instead of saving twice.",
    "schema": {"type": "string", "pattern": "^[\\x21-\\x7e]{1,255}$"},
}


def add_platform_responses(schema: dict[str, Any]) -> dict[str, Any]:
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            _add(operation, EVERY)
            _parameter(operation, REQUEST_ID)
            if method == "post":
                _add(operation, POST)
                _parameter(operation, IDEMPOTENCY_KEY)
            if path.endswith("/{file}"):  # the downloads (decider.api.downloads)
                _add(operation, DOWNLOAD, schema=QUEUED)
                document_files(path, operation)
    schema.setdefault("components", {}).setdefault("schemas", {}).setdefault(
        "Message",
        {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    )
    return schema


def _add(operation: dict, responses: dict[int, str], schema: dict | None = None) -> None:
    documented = operation.setdefault("responses", {})
    for status, description in responses.items():
        if status not in documented and str(status) not in documented:
            body = schema if status == 202 and schema else MESSAGE
            documented[status] = {
                "description": description,
                "content": {"application/json": {"schema": body}},
            }


def _parameter(operation: dict, parameter: dict) -> None:
    parameters = operation.setdefault("parameters", [])
    if not any(p.get("name") == parameter["name"] for p in parameters):
        parameters.append(parameter)
