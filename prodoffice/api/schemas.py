"""Schemas every area's API shares: the error bodies and the text type input fields use."""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator


def _refuse_nul(value: str) -> str:
    # Django's form fields refuse NUL characters too; PostgreSQL cannot store them in text.
    if "\x00" in value:
        raise ValueError("Text may not contain NUL characters.")
    return value


Text = Annotated[str, AfterValidator(_refuse_nul)]


class ErrorOut(Schema):
    """What went wrong, in words a person can act on."""

    detail: str


class RuleErrorOut(Schema):
    """A write refused by a rule; nothing was saved. `errors` names each field at fault.

    A body that does not fit the request schema at all (a wrong type, a missing required field)
    is also answered 422, before any rule is checked, with `detail` a list of
    {"loc", "msg", "type"} items instead.
    """

    detail: str
    errors: dict[str, str]


READ_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
WRITE_ERRORS: dict[int, type[Schema]] = {**READ_ERRORS, 422: RuleErrorOut}
