"""Template context: the production being looked at and what the user may do on it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from prodoffice.domain.access import Capability


def current_production(request: HttpRequest) -> dict[str, Any]:
    access = getattr(request, "production_access", None)
    if access is None:
        return {"can": {}}
    return {
        "access": access,
        "production": access.production,
        "can": {cap.value: access.can(cap) for cap in Capability},
    }
