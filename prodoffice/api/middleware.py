"""Under /api/v1/ every answer is JSON, errors included."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse

# Said instead of Django's HTML page when an error was answered before or around the API's own
# handlers: a URL that matches no endpoint, a method it does not take, a failed CSRF check, a
# throttled caller, a server error.
_MESSAGES = {
    400: "The request could not be read.",
    403: "This request is not allowed.",
    404: "Not found: no API endpoint has this address.",
    413: "The request is too large.",
    429: "Too many requests; wait a moment and try again.",
    500: "Something went wrong on our side; nothing you sent was half-saved. Try again.",
    503: "The server is busy; nothing was saved. Try again in a moment.",
}
# Headers a client acts on, kept when the body is replaced.
_KEPT = ("Allow", "Retry-After", "WWW-Authenticate")


class ApiAnswersInJson:
    """Turn any error under /api/ that is not JSON (Django's pages, ninja's plain-text 405)
    into {"detail": message}: a script reading the API can always parse the answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith("/api/")
            or response.status_code < 400
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        return _as_json(request, response)


def _as_json(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    status = response.status_code
    if status == 405:
        allowed = response.get("Allow", "")
        detail = f"This address does not take {request.method}; it takes {allowed}."
    else:
        detail = _MESSAGES.get(status) or _reason(status)
    answer = JsonResponse({"detail": detail}, status=status)
    for header in _KEPT:
        if header in response:
            answer[header] = response[header]
    return answer


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase + "."
    except ValueError:
        return "The request failed."
