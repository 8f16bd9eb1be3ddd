"""WSGI entry point for production servers, and the in-process requests that warm a worker before it
takes real ones."""

import io
import logging
import os
import secrets
from typing import Any

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amends.web.settings")
application = get_wsgi_application()

# Requests that need no account and change nothing: a bearer token nobody holds is looked up in the
# database and refused. Each walks the middleware, the URL table, the API decorator and the ORM query
# that every API request makes first.
_WARM_PATHS = ("/api/coach/apology", "/api/coach/reply", "/api/coach/emotions", "/api/safety/scan")
_WARM_ROUNDS = 8


def warm_request_path() -> list[int]:
    """Send a few refused requests through ``application`` in this process, before the worker listens.

    The first real request otherwise paid for opening the database connection, compiling the token
    query and the interpreter's first runs of the request path: up to twice a warm one (bench/coldstart.py).
    Several rounds, because Python specialises a function's bytecode only after it has run a few times.
    A database that is down makes these answer 503 and the worker still starts; ``/readyz`` reports it.
    Returns the status of each answer. Leaves this thread's database connection open for the caller to
    close: the worker's request threads open their own.
    """
    # A host the settings accept, and the scheme they expect, so no request is refused before the view.
    host = next((h for h in settings.ALLOWED_HOSTS if "*" not in h and not h.startswith(".")), "localhost")
    scheme = "https" if settings.SECURE_SSL_REDIRECT else "http"
    statuses = []
    refusals = logging.getLogger("django.request")
    refusals.addFilter(_drop_expected_refusals)
    try:
        for _ in range(_WARM_ROUNDS):
            statuses.append(_call(host, scheme, "GET", "/readyz"))
            for path in _WARM_PATHS:
                token = f"amd_{secrets.token_urlsafe(32)}"
                statuses.append(_call(host, scheme, "POST", path, bearer=token, body=b'{"text": "warm-up"}'))
    finally:
        refusals.removeFilter(_drop_expected_refusals)
    return statuses


def _drop_expected_refusals(record: logging.LogRecord) -> bool:
    # Django logs every 4xx; these 401s are the warm-up's own, and would fill the server's start-up
    # output. Anything else (a 500, a database that is down) is still logged.
    return getattr(record, "status_code", None) != 401


def _call(host: str, scheme: str, method: str, path: str, *, bearer: str = "", body: bytes = b"") -> int:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": scheme,
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if bearer:
        environ["HTTP_AUTHORIZATION"] = f"Bearer {bearer}"
    status: list[int] = []
    response = application(environ, lambda line, headers, exc_info=None: status.append(int(line.split()[0])))
    b"".join(response)
    response.close()
    return status[0]
