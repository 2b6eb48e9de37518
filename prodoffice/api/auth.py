from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from prodoffice.api.services import user_for_token
from prodoffice.core import throttle
from prodoffice.core.throttle import API_ADDRESS


class TokenAuth(HttpBearer):
    """`Authorization: Bearer po_...` — a token made on the API tokens page.

    Wrong tokens are counted per address; past the limit every token from that address is
    refused (429) until the window ends, so tokens cannot be guessed at speed.
    """

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        address = throttle.client_address(request)
        throttle.refuse_if_throttled(API_ADDRESS, address)
        user = user_for_token(token)
        if user is None:
            throttle.count_failure(API_ADDRESS, address)
            return None
        request.user = user
        return user
