"""Exceptions services raise when a rule is broken: a message a person can act on."""

from __future__ import annotations


class RuleBroken(Exception):
    """A write was refused. `field` names the form/API field the message belongs beside."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class FieldErrors(RuleBroken):
    """Several fields are wrong at once; nothing was written."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class BadFile(RuleBroken):
    """An uploaded file that cannot be read at all (not a screenplay, not a spreadsheet): a bad
    request rather than a broken rule, so the API answers 400."""
