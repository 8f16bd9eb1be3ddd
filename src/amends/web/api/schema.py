"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json."""

from __future__ import annotations

import re
from typing import Any

from django.urls import URLResolver, get_resolver

from amends.limits import chars
from amends.web.api.decorators import Endpoint

SPAN = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
TEXT = {"type": "string", "minLength": 1, "maxLength": chars("text")}


def _text(limit: str) -> dict[str, Any]:
    """A required text field, as long as amends.limits allows."""
    return {"type": "string", "minLength": 1, "maxLength": chars(limit)}


# The one error body of amends.web.api.decorators, referenced by every error response.
ERROR = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string", "description": "A stable code, such as bad_token or rate_limited"},
        "message": {"type": "string", "description": "What went wrong and what to do, in plain words"},
        "field": {"type": "string", "description": "The request field at fault, when there is one"},
    },
}
ERROR_REF = {"$ref": "#/components/schemas/Error"}
STATUS_TEXT = {
    400: "Invalid input; the message says what to change and field names the field",
    401: "Not signed in, and no valid token",
    403: "A session request without its CSRF token, or a read-only token asked to change data",
    404: "No such repair or item for this user",
    405: "Method not allowed; the Allow header lists the ones that are",
    413: "Body too large",
    415: "The body is not JSON",
    422: "Text the coach cannot read (empty, too long, not English)",
    423: "Shared features are paused for this repair, or the app is locked",
    429: "Rate limited; wait for Retry-After seconds",
    503: "Database busy; retry",
}
FINDING = {
    "type": "object",
    "required": ["rule", "severity", "span", "message", "suggestion"],
    "properties": {
        "rule": {"type": "string"},
        "severity": {"enum": ["high", "medium", "low"]},
        "span": SPAN,
        "message": {"type": "string"},
        "suggestion": {"type": "string"},
    },
}
SPANS = {"type": "array", "items": SPAN}
ELEMENT = {
    "type": "object",
    "required": ["present", "spans"],
    "properties": {"present": {"type": "boolean"}, "spans": SPANS},
}
APOLOGY_ELEMENTS = [
    "remorse",
    "responsibility",
    "specificity",
    "impact",
    "repair",
    "change",
    "explanation",
    "forgiveness_request",
]
MECHANISM = {
    "type": "object",
    "required": ["level", "spans"],
    "properties": {"level": {"enum": [0, 1, 2]}, "spans": SPANS},
}

APOLOGY_REPORT = {
    "type": "object",
    "required": ["kind", "text", "verdict", "score", "elements", "findings", "suggestions"],
    "properties": {
        "kind": {"const": "apology"},
        "text": {"type": "string"},
        "verdict": {"enum": ["strong", "partial", "non_apology", "no_apology"]},
        "label": {"type": "string"},
        "score": {"type": "integer", "minimum": 0, "maximum": 100},
        "elements": {
            "type": "object",
            "required": APOLOGY_ELEMENTS,
            "properties": {name: ELEMENT for name in APOLOGY_ELEMENTS},
        },
        "findings": {"type": "array", "items": FINDING},
        "suggestions": {"type": "array", "items": {"type": "string"}},
    },
}
EMOTION_REPORT = {
    "type": "object",
    "required": ["kind", "text", "labels", "scores", "feelings"],
    "properties": {
        "kind": {"const": "emotions"},
        "text": {"type": "string"},
        "labels": {"type": "array", "items": {"type": "string"}},
        "scores": {"type": "object", "additionalProperties": {"type": "number"}},
        "feelings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "score", "spans"],
                "properties": {"name": {"type": "string"}, "score": {"type": "number"}, "spans": SPANS},
            },
        },
    },
}
REPLY_REPORT = {
    "type": "object",
    "required": ["kind", "text", "score", "mechanisms", "findings", "suggestions"],
    "properties": {
        "kind": {"const": "reply"},
        "partner": {"type": ["string", "null"]},
        "text": {"type": "string"},
        "score": {"type": "integer", "minimum": 0, "maximum": 100},
        "mechanisms": {
            "type": "object",
            "required": ["emotional_reaction", "interpretation", "exploration"],
            "properties": {m: MECHANISM for m in ["emotional_reaction", "interpretation", "exploration"]},
        },
        "findings": {"type": "array", "items": FINDING},
        "suggestions": {"type": "array", "items": {"type": "string"}},
    },
}
SAFETY_REPORT = {
    "type": "object",
    "required": ["kind", "text", "flags", "action"],
    "properties": {
        "kind": {"const": "safety"},
        "text": {"type": "string"},
        "flags": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "span", "score"],
                "properties": {
                    "type": {
                        "enum": ["suicide_risk", "self_harm", "abuse_victim", "abuse_perpetration", "third_party"]
                    },
                    "span": SPAN,
                    "score": {"type": "number"},
                },
            },
        },
        "action": {"enum": ["none", "support", "crisis"]},
        # With a third_party flag, what puts that person at risk: suicide or self-harm, and/or abuse by a partner.
        "someone_else": {"type": "array", "items": {"enum": ["suicide", "abuse"]}},
    },
}


# What the coach endpoints add when the text holds crisis language: the lines to call first.
SAFETY_CHECK = {
    "type": ["object", "null"],
    "required": ["action", "level", "types", "messages", "resources"],
    "properties": {
        "action": {"enum": ["support", "crisis"]},
        "level": {"type": "string"},
        "types": {"type": "array", "items": {"type": "string"}},
        "messages": {"type": "array", "items": {"type": "string"}},
        "resources": {"type": "array", "items": {"type": "object"}},
        "acute_question": {"type": ["string", "null"]},
        "english": {"type": "boolean"},
        # True when the only risk found is someone else's (a ``third_party`` flag): help for the one who is worried.
        "for_someone_else": {"type": "boolean"},
    },
}
for _report in (APOLOGY_REPORT, EMOTION_REPORT, REPLY_REPORT):
    _report["properties"]["safety"] = SAFETY_CHECK  # type: ignore[index]


def _object(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


OBJECT = {"type": "object"}
DATE = {"type": ["string", "null"], "format": "date"}


COMMITMENT_IN = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": _text("commitment.text"),
        "kind": {"enum": ["once", "daily", "weekly", "whenever"]},
        "weekdays": {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 6}},
        "on": DATE,
        "start": DATE,
        "end": DATE,
        "event": {"type": "string", "maxLength": chars("commitment.event")},
    },
}
CHECK_IN_IN = {
    "type": "object",
    "required": ["commitment", "on", "status"],
    "properties": {
        "commitment": {"type": "integer"},
        "on": {"type": "string", "format": "date"},
        "status": {"enum": ["kept", "partly", "missed"]},
        "note": {"type": "string", "maxLength": chars("check_in.note")},
    },
}


Doc = tuple[str, dict[str, Any] | None, dict[str, Any]]  # summary, request body, what a success returns

# What each operation takes and gives; the methods, rate limits and errors come from its api_view.
DOCS: dict[str, dict[str, Doc]] = {
    "/api/coach/apology": {
        "post": (
            "Check an apology draft",
            _object({"text": TEXT, "mistake": {"type": ["string", "null"], "maxLength": chars("text")}}, ["text"]),
            APOLOGY_REPORT,
        )
    },
    "/api/coach/emotions": {
        "post": ("Read the emotions in a partner's message", _object({"text": TEXT}, ["text"]), EMOTION_REPORT)
    },
    "/api/coach/reply": {
        "post": (
            "Check a reply to a hurt partner",
            _object({"partner": {"type": ["string", "null"], "maxLength": chars("text")}, "text": TEXT}, ["text"]),
            REPLY_REPORT,
        )
    },
    "/api/safety/scan": {"post": ("Scan a text for crisis language", _object({"text": TEXT}, ["text"]), SAFETY_REPORT)},
    "/api/repairs/{repair_id}/commitments/": {
        "get": ("List commitments with consistency", None, OBJECT),
        "post": ("Add a commitment", COMMITMENT_IN, OBJECT),
    },
    "/api/repairs/{repair_id}/check-ins/": {
        "get": ("Recent and due check-ins", None, OBJECT),
        "post": ("Record a check-in", CHECK_IN_IN, OBJECT),
    },
    "/api/repairs/{repair_id}/check-ins/{check_in_id}/confirmation/": {
        "post": (
            "Confirm or dispute a check-in",
            _object(
                {
                    "verdict": {"enum": ["confirmed", "disputed"]},
                    "note": {"type": "string", "maxLength": chars("confirmation.note")},
                },
                ["verdict"],
            ),
            OBJECT,
        )
    },
    "/api/repairs/{repair_id}/questions/": {
        "get": ("Questions and answers", None, OBJECT),
        "post": ("Ask a question", _object({"text": _text("question.text")}, ["text"]), OBJECT),
    },
    "/api/repairs/{repair_id}/questions/{question_id}/answers/": {
        "post": (
            "Answer a question, or say when you will",
            _object({"text": {"type": "string", "maxLength": chars("answer.text")}, "answer_by": DATE}, []),
            OBJECT,
        )
    },
    "/api/repairs/{repair_id}/dashboard/": {"get": ("Is it getting better? The ledger and measures", None, OBJECT)},
}


def api_routes() -> dict[str, Any]:
    """Every routed view that carries an ``api_view`` record, by its OpenAPI path."""
    found: dict[str, Any] = {}

    def walk(patterns: list[Any], prefix: str) -> None:
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif hasattr(entry.callback, "api_endpoint"):
                found["/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)] = entry.callback.api_endpoint

    walk(get_resolver().url_patterns, "")
    return found


def _operation(path: str, method: str, endpoint: Endpoint) -> dict[str, Any]:
    summary, body, result = DOCS[path][method]  # a KeyError here: document the new endpoint in DOCS
    created = method == "post" and not path.startswith(("/api/coach/", "/api/safety/"))
    op: dict[str, Any] = {
        "summary": summary,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": result}}},
            **(
                {"201": {"description": "Created", "content": {"application/json": {"schema": result}}}}
                if created
                else {}
            ),
            **{
                str(code): {"description": STATUS_TEXT[code], "content": {"application/json": {"schema": ERROR_REF}}}
                for code in endpoint.statuses(method.upper())
            },
        },
    }
    if endpoint.bucket:
        op["x-rate-limit-bucket"] = endpoint.bucket
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return op


def openapi_schema() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for path, endpoint in sorted(api_routes().items()):
        params = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
            for name in re.findall(r"{(\w+)}", path)
        ]
        ops: dict[str, Any] = {"parameters": params} if params else {}
        for method in endpoint.methods:
            ops[method.lower()] = _operation(path, method.lower(), endpoint)
        paths[path] = ops
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "amends API",
            "version": "1.0.0",
            "description": "Local, explainable coaching for relationship repair. Spans are [start, end) code-point "
            "indices into the text. Authenticate with a session (plus X-CSRFToken) or a personal token. "
            "Bodies are JSON; every error is {error, message, field?}.",
        },
        "components": {
            "schemas": {"Error": ERROR},
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            },
        },
        "security": [{"bearer": []}, {"session": []}],
        "paths": paths,
    }
