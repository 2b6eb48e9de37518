"""Calling the API as one persona, the way a script with a token does."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.test import Client

from prodoffice.api.services import create_api_token

BASE = "/api/v1"


class ApiCaller:
    """One user's API client: every request carries their bearer token and speaks JSON."""

    def __init__(self, user: AbstractUser) -> None:
        _, plain = create_api_token(user=user, name="test")
        self.client = Client(headers={"Authorization": f"Bearer {plain}"})

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self.client.get(BASE + path, params or {})

    def post(self, path: str, body: Any) -> Any:
        return self.client.post(BASE + path, json.dumps(body), content_type="application/json")

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(BASE + path, json.dumps(body), content_type="application/json")

    def delete(self, path: str) -> Any:
        return self.client.delete(BASE + path)
