"""Rules for the contact details a coordinator types or imports: phone numbers and date ranges."""

from __future__ import annotations

import re
from datetime import date

_PHONE_ALLOWED = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d{1,6})?$", re.IGNORECASE)
_EXTENSION = re.compile(r"^(?P<main>.*?)\s*(?:x|ext\.?)\s*(?P<ext>\d{1,6})$", re.IGNORECASE)


class ContactRuleError(ValueError):
    pass


def normalize_phone(text: str) -> str:
    """Tidy a phone number for the crew list without changing what is dialled.

    A 10-digit North American number becomes (555) 123-4567; anything else (international with
    +, extensions) is kept as typed with its spacing tidied. Letters or too few digits are errors.
    """
    raw = " ".join(text.split())
    if not raw:
        return ""
    if not _PHONE_ALLOWED.match(raw):
        raise ContactRuleError("Use digits, spaces, ( ) - . and an optional + or extension (x123).")
    match = _EXTENSION.match(raw)
    main, extension = (match["main"], match["ext"]) if match else (raw, None)
    digits = re.sub(r"\D", "", main)
    if len(digits) < 7 or len(digits) > 15:
        raise ContactRuleError("A phone number has 7 to 15 digits.")
    suffix = f" x{extension}" if extension else ""
    if not main.startswith("+") and len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if not main.startswith("+") and len(digits) == 10:
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}{suffix}"
    return f"{main.strip()}{suffix}"


def check_date_range(start: date | None, end: date | None, what: str = "End date") -> None:
    if start is not None and end is not None and end < start:
        raise ContactRuleError(f"{what} {end:%b %-d, %Y} is before the start, {start:%b %-d, %Y}.")
