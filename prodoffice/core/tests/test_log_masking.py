"""gunicorn's error log keeps personal links out as its access log does (the serve test in
test_commands.py covers the access log and Django's lines on a real server)."""

from __future__ import annotations

import io
import logging

from gunicorn.config import Config

from prodoffice.core.log_masking import AccessLogWithoutLinks

TOKEN = "Zx9-a-personal-link-token"


def test_a_request_cut_off_mid_answer_is_logged_without_its_personal_link() -> None:
    logger = AccessLogWithoutLinks(Config())
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    logger.error_log.addHandler(handler)  # beside gunicorn's own, which writes to stderr
    try:
        try:
            raise SystemExit(0)  # how gunicorn's worker stops while writing an answer
        except SystemExit:
            # gunicorn's own words (workers/sync.py, handle_error)
            logger.exception("Error handling request %s", f"/me/{TOKEN}/calendar.ics?x=1")
    finally:
        logger.error_log.removeHandler(handler)
    assert "Error handling request /me/[link]/calendar.ics?x=1" in written.getvalue()
    assert TOKEN not in written.getvalue()
