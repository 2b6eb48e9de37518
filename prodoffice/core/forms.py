"""Form glue: a service's FieldErrors shown beside the fields they belong to."""

from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.domain.people.contact_rules import ContactRuleError, normalize_phone


def number_sent(text: str, *, largest: int = 2**31 - 1) -> int | None:
    """A whole number sent as text (an id in a form or a query string), or None.

    ASCII digits only ("²" is a digit to Python but not to int()), and no larger than a
    database integer holds, so whatever is sent is a plain "no such thing", never a crash.
    """
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > largest:
        return None
    return int(text)


def show_errors(form: forms.Form, error: RuleBroken) -> None:
    if isinstance(error, FieldErrors):
        for name, message in error.errors.items():
            form.add_error(name if name in form.fields else None, message)
    else:
        form.add_error(error.field if error.field in form.fields else None, error.message)


class DateInput(forms.DateInput):
    input_type = "date"


class PhoneField(forms.CharField):
    """A phone number checked by the same rule the services apply, so every error shows at once."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        try:
            return normalize_phone(text or "")
        except ContactRuleError as exc:
            raise forms.ValidationError(str(exc)) from exc
