"""Slowing down guessing: wrong passwords, API tokens and personal links, counted per address
and per account in the database, so every web worker sees the same counts.

A count starts at the first failure and lasts one window; once it reaches the limit, that
address or account is refused until the window ends (at most 15 minutes), however many more
tries come, and then starts again. The real user is never shut out for longer than that.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from prodoffice.core.models import FailedAttempts

WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    what: str  # "wrong passwords for this account": what the refusal names


# Ten wrong passwords are more than anyone makes by mistake in a quarter hour; an office behind
# one address (a production office's NAT) makes more, hence the wider limit per address.
LOGIN_ACCOUNT = Limit("login-account", 10, "wrong passwords for this account")
LOGIN_ADDRESS = Limit("login-address", 30, "wrong passwords from your address")
# A script with an old token stops quickly; a valid token is never slowed.
API_ADDRESS = Limit("api-address", 30, "wrong API tokens from your address")
# Someone opening an old or revoked link a few times is not stopped; a scan is.
LINK_ADDRESS = Limit("link-address", 20, "personal links that do not work from your address")


# Reset links are mail sent on anyone's say-so: a few a quarter hour to one address is plenty
# for someone who lost their password, and stops the form being used to flood a mailbox.
RESET_ADDRESS = Limit("reset-address", 10, "password reset requests from your address")
RESET_EMAIL = Limit("reset-email", 3, "password reset requests for this e-mail address")


class Throttled(Exception):
    """Too many failures: refused until `until` (answered 429 with Retry-After)."""

    def __init__(self, limit: Limit, until: datetime) -> None:
        self.until = until
        minutes = max(1, round(self.retry_after / 60))
        self.message = (
            f"Too many {limit.what}. Try again in {minutes} minute{'s' if minutes > 1 else ''} "
            f"(at {until:%H:%M} UTC)."
        )
        super().__init__(self.message)

    @property
    def retry_after(self) -> int:
        return max(1, int((self.until - timezone.now()).total_seconds()) + 1)


def client_address(request: HttpRequest) -> str:
    """The client's address: the peer's, or behind a proxy the last one the proxy added to
    CLIENT_ADDRESS_HEADER (earlier entries are whatever the client claimed)."""
    header = settings.CLIENT_ADDRESS_HEADER
    if header:
        forwarded = request.headers.get(header, "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR", ""))


def _key(limit: Limit, value: str) -> str:
    return hashlib.sha256(f"{limit.scope}:{value}".encode()).hexdigest()


def refuse_if_throttled(limit: Limit, value: str) -> None:
    """Raise Throttled when `value` (an address, an account) has used up its attempts."""
    counted = (
        FailedAttempts.objects.filter(
            scope=limit.scope, key=_key(limit, value), window_start__gt=timezone.now() - WINDOW
        )
        .values_list("window_start", "count")
        .first()
    )
    if counted is not None and counted[1] >= limit.attempts:
        raise Throttled(limit, counted[0] + WINDOW)


def count_failure(limit: Limit, value: str) -> None:
    now = timezone.now()
    rows = FailedAttempts.objects.filter(scope=limit.scope, key=_key(limit, value))
    # One UPDATE each: two workers counting at once both count.
    if rows.filter(window_start__gt=now - WINDOW).update(count=F("count") + 1):
        return
    if rows.update(window_start=now, count=1):  # the last window is over: start again
        return
    try:
        with transaction.atomic():
            FailedAttempts.objects.create(
                scope=limit.scope, key=_key(limit, value), window_start=now, count=1
            )
    except IntegrityError:  # another worker made the row first
        rows.update(count=F("count") + 1)
        return
    # New rows are rare (a new address or account): the moment to forget long-past windows.
    FailedAttempts.objects.filter(window_start__lt=now - timedelta(days=1)).delete()


def count_and_refuse(limit: Limit, value: str) -> None:
    """Count one use of something limited whether it succeeds or not (a reset link asked for),
    refusing it when the limit is already reached."""
    refuse_if_throttled(limit, value)
    count_failure(limit, value)


def forget_failures(limit: Limit, value: str) -> None:
    FailedAttempts.objects.filter(scope=limit.scope, key=_key(limit, value)).delete()
