"""Checks every service makes on text before it reaches a column."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.core.exceptions import FieldDoesNotExist
from django.db import models

# What str.splitlines() breaks on: a line feed or carriage return, and their Unicode cousins.
LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def column_errors(model: type[models.Model], values: Mapping[str, object]) -> dict[str, str]:
    """Text its column cannot hold, by field: longer than the column allows, or a line break in
    a one-line (CharField) column.

    PostgreSQL refuses text that is too long with an error where SQLite would quietly store it.
    A one-line field is typed into a one-line box, so a line break comes only from a crafted
    post or a script; such values (a production title, a name, an address) go into e-mail
    headers, where "Title\\r\\nBcc: x" would add a header or make every message fail.
    """
    errors: dict[str, str] = {}
    for name, value in values.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not isinstance(value, str) or not isinstance(field, models.CharField):
            continue
        if field.max_length and len(value) > field.max_length:
            errors[name] = f"At most {field.max_length} characters (this has {len(value)})."
        elif LINE_BREAK.search(value):
            errors[name] = "One line only: this may not hold a line break."
    return errors
