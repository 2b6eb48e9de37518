"""Schemas every area's API shares: the error bodies and the text type input fields use."""

from __future__ import annotations

import re
from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator


def refuse_unstorable(value: object) -> object:
    # Checked before the type and length: pydantic's own length check trips on a lone
    # surrogate with a message that says nothing useful.
    # Django's form fields refuse NUL characters too; PostgreSQL cannot store them in text.
    if not isinstance(value, str):
        return value
    if "\x00" in value:
        raise ValueError("Text may not contain NUL characters.")
    # JSON can spell half of a UTF-16 pair ("\ud800"), which is no character at all: neither
    # database can encode it, and a form post cannot carry one (its bytes decode to U+FFFD).
    if _LONE_SURROGATE.search(value):
        raise ValueError(
            "Text may not contain a lone UTF-16 surrogate (\\ud800 to \\udfff), which is "
            "half of a character; send the whole character."
        )
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Text = Annotated[str, BeforeValidator(refuse_unstorable)]


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


# 429: too many wrong tokens from the caller's address; Retry-After says for how long.
READ_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}
WRITE_ERRORS: dict[int, type[Schema]] = {**READ_ERRORS, 422: RuleErrorOut}
