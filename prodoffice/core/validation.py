"""Checks every service makes on text before it reaches a column."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import FieldDoesNotExist
from django.db import models


def length_errors(model: type[models.Model], values: Mapping[str, object]) -> dict[str, str]:
    """Text longer than its column allows, by field. PostgreSQL refuses it with an error where
    SQLite would quietly store it, so the services check it for every caller."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        limit = getattr(field, "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            errors[name] = f"At most {limit} characters (this has {len(value)})."
    return errors
