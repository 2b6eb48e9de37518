"""Personal links kept out of the logs: the token in /me/<token>/ opens a person's page, so
it is written as /me/[link]/ in gunicorn's access log and in Django's own log lines."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

from gunicorn.glogging import Logger

# The personal pages' URLs (config/urls.py): "me/<token>/", "me/<token>/calendar.ics", ...
_LINK = re.compile(r"/me/[^/?#\s\"]+")


def mask_personal_links(text: str) -> str:
    return _LINK.sub("/me/[link]", text)


class AccessLogWithoutLinks(Logger):  # type: ignore[misc]
    """gunicorn's logger, its access-log fields (request line, path, referer, every header)
    masked before the line is formatted, and its error log masked too: a request cut off (a
    worker stopped mid-answer, a timeout) is logged as "Error handling request /me/<token>/"."""

    def __init__(self, cfg: Any) -> None:
        super().__init__(cfg)
        self.error_log.addFilter(MaskPersonalLinks())

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: timedelta) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: mask_personal_links(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }


class MaskPersonalLinks(logging.Filter):
    """For Django's log lines, e.g. "Not Found: /me/<token>/" when a revoked link is opened."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_links(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True
