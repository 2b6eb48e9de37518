"""Request checks that belong before any view runs."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from prodoffice.core.throttle import Throttled

log = logging.getLogger(__name__)


class RefuseNulCharacters:
    """Refuse a request whose path, query or form holds a NUL character.

    No one types one; it comes from a broken script or a probe. PostgreSQL cannot store or even
    compare text holding it, so letting it through would turn a bad request into a server
    error on one database and not the other. (JSON bodies are checked by the API schemas.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _holds_nul(request):
            message = "The request held a NUL character, which no field accepts. Nothing was saved."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "errors": {}}, status=400)
            context = {"title": "Bad request", "message": message}
            return render(request, "core/error.html", context, status=400)
        return self.get_response(request)


def _holds_nul(request: HttpRequest) -> bool:
    sources = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for params in sources:
        for key, values in params.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return True
    return False


# Every script and style comes from the app's own static files (no CDN, no inline code), so
# an injected <script> or on...="" attribute would not run even if escaping ever failed.
PAGE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The bundled Swagger UI (ninja) styles its widgets with style="" attributes.
API_DOCS_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
API_DOCS_PATH = "/api/v1/docs"


class SecurityHeaders:
    """A Content-Security-Policy on every HTML page, and no caching of anything the app
    answers itself: pages, exports, API answers and personal pages may all hold private data,
    and a shared computer's browser or a proxy must not keep them. (Static files are answered
    by whitenoise before this runs, with their own long cache.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            docs = request.path.startswith(API_DOCS_PATH)
            response["Content-Security-Policy"] = API_DOCS_POLICY if docs else PAGE_POLICY
        response["Cache-Control"] = "private, no-store"
        return response


class AnswerThrottled:
    """A page refused for too many failures (a personal link guessed at) says why and until
    when, with 429 and Retry-After, instead of a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, Throttled):
            return None
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": exception.message}, status=429)
        else:
            context = {"title": "Too many attempts", "message": exception.message}
            response = render(request, "core/error.html", context, status=429)
        response["Retry-After"] = str(exception.retry_after)
        return response


class AnswerDatabaseBusy:
    """A page whose write found the database locked (SQLite, while another long write holds it)
    or unreachable says so with 503 and Retry-After, as the API does, instead of a server error:
    the services write atomically, so the person can simply send it again."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError) or request.path.startswith("/api/"):
            return None  # the API has its own handler, in JSON
        log.error("%s %s: database error", request.method, request.path, exc_info=exception)
        message = "The database is busy or unavailable just now. Wait a moment and send it again."
        context = {"title": "Busy", "message": message}
        response = render(request, "core/error.html", context, status=503)
        response["Retry-After"] = "2"
        return response
