"""Form glue: a service's FieldErrors shown beside the fields they belong to."""

from __future__ import annotations

from django import forms

from prodoffice.core.errors import FieldErrors, RuleBroken


def show_errors(form: forms.Form, error: RuleBroken) -> None:
    if isinstance(error, FieldErrors):
        for name, message in error.errors.items():
            form.add_error(name if name in form.fields else None, message)
    else:
        form.add_error(error.field if error.field in form.fields else None, error.message)


class DateInput(forms.DateInput):
    input_type = "date"
