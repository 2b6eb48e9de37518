"""Form glue: a service's FieldErrors shown beside the fields they belong to."""

from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.domain.people.contact_rules import ContactRuleError, normalize_phone


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
