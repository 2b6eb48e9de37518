"""The REST API under /api/v1/: one NinjaAPI, one router per area, the pages' access rules."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from prodoffice.api.auth import TokenAuth
from prodoffice.core.errors import BadFile, FieldErrors, RuleBroken

api = NinjaAPI(
    title="Prodoffice API",
    version="1",
    description="The production office: productions, crew list, vendors, scripts and breakdown. "
    "Authenticate with `Authorization: Bearer <token>` (make one on your API tokens page).",
    auth=TokenAuth(),
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


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
