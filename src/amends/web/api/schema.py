"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from amends.limits import chars

SPAN = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
TEXT = {"type": "string", "minLength": 1, "maxLength": chars("text")}


def _text(limit: str) -> dict[str, Any]:
    """A required text field, as long as amends.limits allows."""
    return {"type": "string", "minLength": 1, "maxLength": chars(limit)}


ERROR = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
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
                    "type": {"enum": ["suicide_risk", "self_harm", "abuse_victim", "abuse_perpetration"]},
                    "span": SPAN,
                    "score": {"type": "number"},
                },
            },
        },
        "action": {"enum": ["none", "support", "crisis"]},
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
    },
}
for _report in (APOLOGY_REPORT, EMOTION_REPORT, REPLY_REPORT):
    _report["properties"]["safety"] = SAFETY_CHECK  # type: ignore[index]


def _request(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {"application/json": {"schema": {"type": "object", "required": required, "properties": properties}}},
    }


def _operation(summary: str, body: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    json_error = {"application/json": {"schema": ERROR}}
    return {
        "post": {
            "summary": summary,
            "requestBody": body,
            "responses": {
                "200": {"description": "The report", "content": {"application/json": {"schema": result}}},
                "400": {"description": "Malformed request", "content": json_error},
                "401": {"description": "Not signed in and no valid token", "content": json_error},
                "403": {"description": "Missing CSRF token on a session request", "content": json_error},
                "405": {"description": "Only POST is allowed", "content": json_error},
                "413": {"description": "Body too large", "content": json_error},
                "422": {
                    "description": "Text the coach cannot read (empty, too long, not English)",
                    "content": json_error,
                },
                "429": {"description": "Rate limited", "content": json_error},
                "503": {"description": "Database busy; retry", "content": json_error},
            },
        }
    }


OBJECT = {"type": "object"}
ID = {"name": "repair_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
DATE = {"type": ["string", "null"], "format": "date"}


def _trust(
    methods: dict[str, tuple[str, dict[str, Any] | None]], extra: tuple[dict[str, Any], ...] = ()
) -> dict[str, Any]:
    """Operations on one repair's trust ledger: session or token auth, JSON in and out."""
    json_error = {"application/json": {"schema": {"type": "object", "required": ["error"]}}}
    ops: dict[str, Any] = {"parameters": [ID, *extra]}
    for method, (summary, body) in methods.items():
        op: dict[str, Any] = {
            "summary": summary,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": OBJECT}}},
                "201": {"description": "Created", "content": {"application/json": {"schema": OBJECT}}},
                **{
                    code: {"description": text, "content": json_error}
                    for code, text in [
                        ("400", "Invalid input, with the field at fault"),
                        ("401", "Not signed in, no valid token"),
                        ("403", "Missing CSRF token"),
                        ("404", "No such repair or item for this user"),
                        ("405", "Method not allowed"),
                        ("423", "Shared features are paused for this repair"),
                        ("503", "Database busy; retry"),
                    ]
                },
            },
        }
        if body is not None:
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
        ops[method] = op
    return ops


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


def openapi_schema() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "amends API",
            "version": "1.0.0",
            "description": "Local, explainable coaching for relationship repair. Spans are [start, end) code-point "
            "indices into the text. Authenticate with a session (plus X-CSRFToken) or a personal token.",
        },
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            }
        },
        "security": [{"bearer": []}, {"session": []}],
        "paths": {
            "/api/coach/apology": _operation(
                "Check an apology draft",
                _request({"text": TEXT, "mistake": {"type": ["string", "null"], "maxLength": chars("text")}}, ["text"]),
                APOLOGY_REPORT,
            ),
            "/api/coach/emotions": _operation(
                "Read the emotions in a partner's message", _request({"text": TEXT}, ["text"]), EMOTION_REPORT
            ),
            "/api/coach/reply": _operation(
                "Check a reply to a hurt partner",
                _request({"partner": {"type": ["string", "null"], "maxLength": chars("text")}, "text": TEXT}, ["text"]),
                REPLY_REPORT,
            ),
            "/api/safety/scan": _operation(
                "Scan a text for crisis language", _request({"text": TEXT}, ["text"]), SAFETY_REPORT
            ),
            "/api/repairs/{repair_id}/commitments/": _trust(
                {"get": ("List commitments with consistency", None), "post": ("Add a commitment", COMMITMENT_IN)}
            ),
            "/api/repairs/{repair_id}/check-ins/": _trust(
                {"get": ("Recent and due check-ins", None), "post": ("Record a check-in", CHECK_IN_IN)}
            ),
            "/api/repairs/{repair_id}/check-ins/{check_in_id}/confirmation/": _trust(
                {
                    "post": (
                        "Confirm or dispute a check-in",
                        {
                            "type": "object",
                            "required": ["verdict"],
                            "properties": {
                                "verdict": {"enum": ["confirmed", "disputed"]},
                                "note": {"type": "string", "maxLength": chars("confirmation.note")},
                            },
                        },
                    )
                },
                ({"name": "check_in_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}},),
            ),
            "/api/repairs/{repair_id}/questions/": _trust(
                {
                    "get": ("Questions and answers", None),
                    "post": (
                        "Ask a question",
                        {"type": "object", "required": ["text"], "properties": {"text": _text("question.text")}},
                    ),
                }
            ),
            "/api/repairs/{repair_id}/questions/{question_id}/answers/": _trust(
                {
                    "post": (
                        "Answer a question, or say when you will",
                        {
                            "type": "object",
                            "properties": {
                                "text": {"type": "string", "maxLength": chars("answer.text")},
                                "answer_by": DATE,
                            },
                        },
                    )
                },
                ({"name": "question_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}},),
            ),
            "/api/repairs/{repair_id}/dashboard/": _trust(
                {"get": ("Is it getting better? The ledger and measures", None)}
            ),
        },
    }
