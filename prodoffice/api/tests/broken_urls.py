"""The site's URLs plus two endpoints under /api/ that fail as only a bug or a misuse would:
a view that raises, and one that keeps Django's CSRF check (the API's own views skip it)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site


def _raises(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


def _checks_csrf(request: HttpRequest) -> HttpResponse:
    return HttpResponse("saved")


urlpatterns = [
    path("api/v1/broken", _raises),
    path("api/v1/guarded", _checks_csrf),
    *site,
]
handler500 = "prodoffice.core.views.server_error"
