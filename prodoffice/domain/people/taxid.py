"""US taxpayer identification numbers as a coordinator enters them for 1099 vendors and crew."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class TaxIdKind(StrEnum):
    SSN = "ssn"  # Social Security number: 123-45-6789
    EIN = "ein"  # Employer Identification Number: 12-3456789
    ITIN = "itin"  # Individual Taxpayer Identification Number, 9xx-xx-xxxx


class TaxIdError(ValueError):
    pass


@dataclass(frozen=True)
class TaxId:
    kind: TaxIdKind
    digits: str

    @property
    def formatted(self) -> str:
        if self.kind is TaxIdKind.EIN:
            return f"{self.digits[:2]}-{self.digits[2:]}"
        return f"{self.digits[:3]}-{self.digits[3:5]}-{self.digits[5:]}"

    @property
    def last4(self) -> str:
        return self.digits[-4:]


def mask(kind: TaxIdKind | str, last4: str) -> str:
    """What everyone but producer/UPM and accountant sees: the last four digits only."""
    if not last4:
        return ""
    if TaxIdKind(kind) is TaxIdKind.EIN:
        return f"**-***{last4}"
    return f"***-**-{last4}"


_SEPARATORS = re.compile(r"[\s\-.]")


def parse_tax_id(text: str, kind: TaxIdKind | str | None = None) -> TaxId:
    """Read an SSN, ITIN or EIN typed with or without dashes; the kind is guessed from the layout.

    The IRS never issues SSNs with area 000, 666 or 900-999 (those are ITINs), group 00 or
    serial 0000; EINs never start with 00. Such numbers are typing errors.
    """
    raw = text.strip()
    digits = _SEPARATORS.sub("", raw)
    if not digits.isdigit() or len(digits) != 9 or not digits.isascii():
        raise TaxIdError("A tax ID has nine digits, e.g. 123-45-6789 (SSN) or 12-3456789 (EIN).")
    if kind is None:
        if re.fullmatch(r"\d{2}-\d{7}", raw):
            kind = TaxIdKind.EIN
        elif digits.startswith("9"):
            kind = TaxIdKind.ITIN
        else:
            kind = TaxIdKind.SSN
    kind = TaxIdKind(kind)
    if kind is TaxIdKind.EIN:
        if digits.startswith("00"):
            raise TaxIdError("An EIN never starts with 00.")
    elif kind is TaxIdKind.ITIN:
        if not digits.startswith("9"):
            raise TaxIdError("An ITIN starts with 9.")
    else:
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        if area in {"000", "666"} or area.startswith("9"):
            raise TaxIdError(f"No SSN starts with {area}; check the number or choose ITIN/EIN.")
        if group == "00" or serial == "0000":
            raise TaxIdError("An SSN never has 00 in the middle or 0000 at the end.")
    return TaxId(kind=kind, digits=digits)
