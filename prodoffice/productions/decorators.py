"""The production part of every production page: resolve access once, in one place."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess, access_production

ProductionView = Callable[..., HttpResponse]


def production_page(
    capability: Capability = Capability.VIEW_PRODUCTION,
) -> Callable[[ProductionView], Callable[..., HttpResponse]]:
    """Log-in required; 404 for non-members, 403 for a role without `capability`.

    The view receives the `ProductionAccess` as its second argument.
    """

    def decorate(view: ProductionView) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, code: str, *args: Any, **kwargs: Any) -> HttpResponse:
            access: ProductionAccess = access_production(request.user, code, capability)
            request.production_access = access  # type: ignore[attr-defined]
            return view(request, access, *args, **kwargs)

        return wrapped

    return decorate
