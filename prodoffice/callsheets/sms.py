"""Text messages: a pluggable gateway, none by default.

Set `SMS_BACKEND` to the dotted path of a class with `send(number: str, text: str) -> None`
(raising an exception with a readable message when the gateway refuses) to send each
person's call as a text from the sending page; without one, the page shows the text to copy.
"""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class TextGateway(Protocol):
    def send(self, number: str, text: str) -> None: ...


def gateway() -> TextGateway | None:
    path = getattr(settings, "SMS_BACKEND", "")
    if not path:
        return None
    gateway_class = import_string(path)
    return gateway_class()  # type: ignore[no-any-return]
