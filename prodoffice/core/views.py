"""Error pages in the app's own look, saying what happened and where to go."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else "Your role does not allow this."
    return render(
        request, "core/error.html", {"title": "Not allowed", "message": message}, status=403
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = "There is nothing here, or you are not a member of the production it belongs to."
    return render(
        request, "core/error.html", {"title": "Not found", "message": message}, status=404
    )


def server_error(request: HttpRequest) -> HttpResponse:
    message = "Something went wrong on our side; nothing you sent was half-saved. Try again."
    return render(request, "core/error.html", {"title": "Error", "message": message}, status=500)
