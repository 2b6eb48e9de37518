from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from prodoffice.api.services import user_for_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer po_...` — a token made on the API tokens page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user
