"""Error pages in the app's own look, saying what happened and where to go."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else "Your role does not allow this."
    return render(
        request, "core/error.html", {"title": "Not allowed", "message": message}, status=403
    )


class NotFoundSaying(Http404):
    """A 404 whose message is for the reader: what to do now (e.g. a personal link that no
    longer works). Any other 404 says the same thing everywhere, so it tells nothing."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(message)
        self.title = title
        self.message = message


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    title = "Not found"
    message = "There is nothing here, or you are not a member of the production it belongs to."
    if isinstance(exception, NotFoundSaying):
        title, message = exception.title, exception.message
    return render(request, "core/error.html", {"title": title, "message": message}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    message = "Something went wrong on our side; nothing you sent was half-saved. Try again."
    return render(request, "core/error.html", {"title": "Error", "message": message}, status=500)
