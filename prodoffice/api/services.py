"""API tokens: made, checked and revoked here."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from prodoffice.api.models import ApiToken, token_digest
from prodoffice.core.errors import RuleBroken


@transaction.atomic
def create_api_token(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the plain token is returned once and never stored."""
    name = " ".join(name.split())
    if not name:
        raise RuleBroken(
            "Name the token after what will use it, e.g. 'payroll export'.", field="name"
        )
    plain = "po_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], digest=token_digest(plain), prefix=plain[:8]
    )
    return token, plain


def user_for_token(plain: str) -> Any | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(plain), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute: a busy script must not turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_api_token(*, user: Any, token_id: int) -> ApiToken:
    token = ApiToken.objects.filter(pk=token_id, user=user).first()
    if token is None:
        raise RuleBroken("No such token.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
