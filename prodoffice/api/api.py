"""The REST API under /api/v1/: one NinjaAPI, one router per area, the pages' access rules."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser

from prodoffice.api.auth import TokenAuth
from prodoffice.core.errors import BadFile, FieldErrors, RuleBroken
from prodoffice.core.throttle import Throttled

log = logging.getLogger(__name__)


class BodyNotAnObject(Exception):
    """A JSON body that is a list, a number, a string or null."""


class FieldsParser(Parser):
    """Every body the API takes is a JSON object of fields. Ninja's schemas read anything else
    as an object with no attributes, so `[null, null]` sent to a PATCH was a change of nothing,
    answered 200 as if it had worked."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        body = super().parse_body(request)
        if not isinstance(body, dict):
            raise BodyNotAnObject
        return body


api = NinjaAPI(
    title="Prodoffice API",
    version="1",
    description="The production office: productions, crew list, vendors, scripts and breakdown. "
    "Authenticate with `Authorization: Bearer <token>` (make one on your API tokens page).",
    auth=TokenAuth(),
    urls_namespace="api",
    parser=FieldsParser(),
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    response = api.create_response(request, {"detail": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    detail = str(exc) or "Your role does not allow this."
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(ValidationError)
def schema_mismatch(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A body or query that does not fit the schema: the same shape as a broken rule."""
    errors: dict[str, str] = {}
    for error in exc.errors:
        names = [str(part) for part in error.get("loc", ()) if part not in {"body", "query"}]
        field = names[-1] if len(names) > 1 else (names[0] if names else "request")
        errors.setdefault(field, str(error.get("msg", "Not valid.")))
    body = {"detail": "Nothing was saved; correct these fields.", "errors": errors}
    return api.create_response(request, body, status=422)


@api.exception_handler(HttpError)
def refused(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja wraps whatever the parser raises in a 400 "Cannot parse request body".
    if isinstance(exc.__cause__, BodyNotAnObject):
        message = 'The body must be a JSON object of fields, such as {"title": "Night Owl"}.'
        body = {"detail": message, "errors": {"request": message}}
        return api.create_response(request, body, status=422)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(OperationalError)
def database_busy(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    """On SQLite a long write elsewhere makes others wait, then fail with "database is
    locked"; the caller can simply try again, so say so (503 with Retry-After), in JSON."""
    log.error("API %s %s: database error", request.method, request.path, exc_info=exc)
    detail = "The database is busy or unavailable; try again in a moment."
    response = api.create_response(request, {"detail": detail}, status=503)
    response["Retry-After"] = "2"
    return response


@api.exception_handler(RuleBroken)
def rule_broken(request: HttpRequest, exc: RuleBroken) -> HttpResponse:
    if isinstance(exc, BadFile):
        body = {"detail": exc.message, "errors": {exc.field or "file": exc.message}}
        return api.create_response(request, body, status=400)
    if isinstance(exc, FieldErrors):
        body = {"detail": "Nothing was saved; correct these fields.", "errors": exc.errors}
    else:
        body = {"detail": exc.message, "errors": {exc.field: exc.message} if exc.field else {}}
    return api.create_response(request, body, status=422)


api.add_router("/productions", "prodoffice.productions.api.router")
api.add_router("/productions", "prodoffice.people.api.router")
api.add_router("/productions", "prodoffice.vendors.api.router")
api.add_router("/productions", "prodoffice.scripts.api.router")
api.add_router("/productions", "prodoffice.locations.api.router")
