"""Database glue shared by services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction

from prodoffice.core.errors import RuleBroken


@contextmanager
def unique_or_refuse(field: str, message: str) -> Iterator[None]:
    """Turn a unique-constraint race into a field message.

    Services check uniqueness before writing, but two people saving at the same moment can both
    pass the check; the database constraint then decides, and the loser gets this message.
    """
    try:
        with transaction.atomic():  # a savepoint, so the outer transaction stays usable
            yield
    except IntegrityError as exc:
        raise RuleBroken(message, field=field) from exc
