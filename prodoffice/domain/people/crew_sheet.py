"""A crew list as a coordinator receives it: a CSV or XLSX file from another office or program.

`read_crew_sheet` turns the bytes into named columns and rows of text; the cell parsers turn
one cell into a date, an amount, a number or a yes/no, returning an error to show beside the
row instead of raising, so every bad cell of a file can be reported at once.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from itertools import chain

import openpyxl

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_LINES = 10 * MAX_ROWS  # blank rows included: reading stops well short of a million
# An .xlsx is a ZIP archive: a 100 KB file can unpack to 100 MB of XML, which takes openpyxl
# minutes. A full crew list (5,000 rows of 20 columns) unpacks to about 5 MB, read in 1-2 s;
# the sizes the archive declares are checked before openpyxl opens it (zipfile stops reading
# a member at its declared size, so a file cannot unpack to more than it says).
MAX_UNPACKED_BYTES = 12 * 1024 * 1024
MAX_COLUMNS = 100
EXCEL_ROWS = 1_048_576
HEADER_SEARCH_ROWS = 10  # a title row or two may sit above the header

TEXT_EXTENSIONS = {"csv", "txt", "tsv"}
WORKBOOK_EXTENSIONS = {"xlsx", "xlsm"}

# The header each field is exported under; the importer reads these back.
HEADERS: dict[str, str] = {
    "first_name": "First Name",
    "last_name": "Last Name",
    "position": "Position",
    "department": "Department",
    "cast_number": "Cast #",
    "character": "Character",
    "phone": "Phone",
    "email": "E-mail",
    "status": "Status",
    "union_member": "Union",
    "union_name": "Union/Local",
    "start_date": "Start Date",
    "end_date": "End Date",
    "rate": "Rate",
    "rate_unit": "Unit",
    "dietary_needs": "Dietary",
    "emergency_contact_name": "Emergency Contact",
    "emergency_contact_phone": "Emergency Phone",
    "address": "Address",
    "notes": "Notes",
}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("firstname", "first", "givenname", "forename"),
    "last_name": ("lastname", "surname", "last", "familyname"),
    "name": ("name", "fullname"),
    "position": ("position", "title", "job", "jobtitle"),
    "department": ("department", "dept", "departmentname"),
    "cast_number": ("cast", "castnumber", "castno", "castnum"),
    "character": ("character", "role", "charactername"),
    "phone": ("phone", "cell", "mobile", "cellphone", "mobilephone", "phonenumber", "telephone"),
    "email": ("email", "emailaddress", "mail"),
    "status": ("status",),
    "union_member": ("union", "unionmember"),
    "union_name": ("unionlocal", "local", "unionname"),
    "start_date": ("start", "startdate"),
    "end_date": ("end", "enddate"),
    "rate": ("rate", "dayrate"),
    "rate_unit": ("unit", "rateunit"),
    "dietary_needs": ("dietary", "dietaryneeds", "diet", "dietaryrestrictions"),
    "emergency_contact_name": ("emergencycontact", "emergencycontactname", "emergencyname"),
    "emergency_contact_phone": ("emergencyphone", "emergencycontactphone"),
    "address": ("address", "homeaddress"),
    "notes": ("notes", "note", "comments"),
}
_REQUIRED = {
    "first_name": "First Name (or Name)",
    "department": "Department",
    "position": "Position",
}
_FIELD_BY_KEY = {key: name for name, keys in _SYNONYMS.items() for key in keys}

# Signatures of files people upload by mistake, to name what was sent instead of a spreadsheet.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
)
_OLD_EXCEL = b"\xd0\xcf\x11\xe0"  # OLE2: .xls, and .doc saved by old Office
_ZIP = b"PK\x03\x04"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Exporters put an apostrophe before = + - @ so a spreadsheet does not run the cell as a formula.
_DEFUSED = re.compile(r"^'(?=[=+\-@])")


class CrewSheetError(ValueError):
    """The file as a whole cannot be read; nothing in it can be imported."""


@dataclass(frozen=True)
class RowError:
    line: int  # the row number a spreadsheet shows: the header is usually line 1
    column: str  # the header as written in the file
    message: str


@dataclass(frozen=True)
class SheetRow:
    line: int
    values: dict[str, str]  # field name -> the cell's text, trimmed


@dataclass(frozen=True)
class CrewSheet:
    columns: dict[str, str]  # field name -> the header as written
    rows: list[SheetRow]
    ignored_columns: list[str] = field(default_factory=list)

    def column(self, name: str) -> str:
        return self.columns.get(name) or HEADERS.get(name, name)


def header_key(text: str) -> str:
    """ "E-mail", "e mail" and "EMAIL" are one column; "Cast #" is "cast"."""
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def read_crew_sheet(filename: str, content: bytes) -> CrewSheet:
    """The crew list in an uploaded file, or a CrewSheetError saying what is wrong with it."""
    label = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] or "The file"
    if len(content) > MAX_BYTES:
        raise CrewSheetError(f"{label} is over 5 MB; a crew list is far smaller. Split it up.")
    if not content:
        raise CrewSheetError(f"{label} is empty.")
    extension = label.rsplit(".", 1)[-1].casefold() if "." in label else ""
    if extension == "xls" or content.startswith(_OLD_EXCEL):
        raise CrewSheetError(
            f"{label} is an old Excel (.xls) file. Open it in Excel and save it as .xlsx or .csv."
        )
    if extension not in TEXT_EXTENSIONS | WORKBOOK_EXTENSIONS:
        shown = f"a .{extension} file" if extension else "a file without an extension"
        raise CrewSheetError(f"{label} is {shown}. Upload a .csv or .xlsx file.")
    if content.startswith(_ZIP):
        return _parse(_workbook_rows(label, content))
    for magic, kind in _MAGIC:
        if content.startswith(magic):
            raise CrewSheetError(f"{label} is {kind}, not a spreadsheet. Upload a .csv or .xlsx.")
    if extension in WORKBOOK_EXTENSIONS:
        raise CrewSheetError(
            f"{label} is not a real Excel workbook (an .xlsx file is a ZIP archive). "
            "Save it from Excel again, or as .csv."
        )
    return _parse(_text_rows(label, _decode(label, content)))


def _decode(label: str, content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Text files have no NUL bytes and almost no other control characters.
        if "\x00" not in text and len(_CONTROL.findall(text)) * 100 <= len(text):
            return text
        break
    raise CrewSheetError(f"{label} is not a text file. Upload a .csv or .xlsx file.")


def _text_rows(label: str, text: str) -> Iterator[tuple[int, list[str]]]:
    lines = text.split("\n", 1)
    hint = re.fullmatch(r"sep=(.)\r?", lines[0])
    if hint:  # Excel's "sep=;" first line: it names the delimiter and is not a row
        delimiter, text = hint[1], lines[1] if len(lines) > 1 else ""
    else:
        first = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = max(",;\t", key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            yield line, cells
    except csv.Error as error:
        raise CrewSheetError(f"{label}, line {line + 1}, cannot be read as CSV: {error}.") from None


def _workbook_rows(label: str, content: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise CrewSheetError(f"{label} is a damaged ZIP archive, not a workbook.") from None
    if "xl/workbook.xml" not in names:
        raise CrewSheetError(
            f"{label} is a ZIP archive but not an Excel workbook. Upload a .csv or .xlsx file."
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise CrewSheetError(
            f"{label} unpacks to {unpacked / 1024 / 1024:.1f} MB of spreadsheet data; a crew list "
            f"of {MAX_ROWS:,} people is under {MAX_UNPACKED_BYTES // 1024 // 1024} MB. Copy the "
            "crew list alone into a new workbook (or save it as .csv) and upload that."
        )
    # openpyxl raises many kinds of error on a damaged workbook (KeyError, XML parse errors,
    # TypeError ...); each means the same thing to the person uploading it.
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = book.active
            if sheet is None:
                raise CrewSheetError(f"{label} has no worksheet.")
            # Only the active sheet, and no further down than Excel goes: openpyxl fills in the
            # rows missing before any row number the file names, however large.
            rows = sheet.iter_rows(
                min_row=1, max_row=EXCEL_ROWS, max_col=MAX_COLUMNS, values_only=True
            )
            for line, values in enumerate(rows, start=1):
                # A stray cell far down the sheet leaves a million empty rows before it.
                if values.count(None) < len(values):
                    yield line, [cell_text(value) for value in values]
        finally:
            book.close()
    except CrewSheetError:
        raise
    except Exception as error:
        raise CrewSheetError(f"{label} cannot be read as an Excel workbook ({error}).") from None


def cell_text(value: object) -> str:
    """A workbook cell as the text a person would type: dates in ISO form, 650 not 650.0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _clean(cell: str) -> str:
    return _DEFUSED.sub("", _CONTROL.sub("", cell)).strip() if cell else ""


def _cleaned(raw_rows: Iterable[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    for count, (line, cells) in enumerate(raw_rows, start=1):
        if count > MAX_LINES:
            raise CrewSheetError(
                f"The file has over {MAX_LINES:,} lines, most of them blank. "
                "Delete the empty rows at the end and save it again."
            )
        yield line, [_clean(cell) for cell in cells]


def _parse(raw_rows: Iterable[tuple[int, list[str]]]) -> CrewSheet:
    rows = _cleaned(raw_rows)
    candidates: list[tuple[int, list[str]]] = []
    for line, cells in rows:
        if any(cells):
            candidates.append((line, cells))
            if len(candidates) == HEADER_SEARCH_ROWS:
                break
    if not candidates:
        raise CrewSheetError("The file has no header row: line 1 should name the columns.")
    header_at = next(
        (i for i, (_, cells) in enumerate(candidates) if len(_recognised(cells)) >= 2), 0
    )
    columns, positions, ignored = _map_header(candidates[header_at][1])
    data: list[SheetRow] = []
    for line, cells in chain(candidates[header_at + 1 :], rows):
        if not any(cells):
            continue
        if len(data) == MAX_ROWS:
            raise CrewSheetError(f"The file has more than {MAX_ROWS:,} rows. Split it up.")
        values = {
            name: cells[index] if index < len(cells) else "" for name, index in positions.items()
        }
        if "name" in values:
            values["first_name"], values["last_name"] = split_name(values.pop("name"))
        data.append(SheetRow(line=line, values=values))
    return CrewSheet(columns=columns, rows=data, ignored_columns=ignored)


def _recognised(cells: Sequence[str]) -> list[str]:
    return [cell for cell in cells if header_key(cell) in _FIELD_BY_KEY]


def _map_header(header: Sequence[str]) -> tuple[dict[str, str], dict[str, int], list[str]]:
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, text in enumerate(header):
        name = _FIELD_BY_KEY.get(header_key(text))
        if name is None:
            if text:
                ignored.append(text)
            continue
        if name in columns:
            raise CrewSheetError(
                f"The columns {columns[name]!r} and {text!r} both hold the "
                f"{HEADERS.get(name, 'name').lower()}. Keep one of them."
            )
        columns[name] = text
        positions[name] = index
    if "name" in columns:
        if "first_name" in columns or "last_name" in columns:
            raise CrewSheetError(
                f"The file has a {columns['name']!r} column and first/last name columns. "
                "Keep one or the other."
            )
        columns["first_name"] = columns["last_name"] = columns.pop("name")
    missing = [label for name, label in _REQUIRED.items() if name not in columns]
    if missing:
        needed = " or ".join([", ".join(missing[:-1]), missing[-1]] if missing[:-1] else missing)
        found = ", ".join(repr(text) for text in header if text)
        raise CrewSheetError(
            f"The header row has no {needed} column (it has {found}). "
            f"Line 1 should name the columns, e.g. {', '.join(list(HEADERS.values())[:6])}."
        )
    return columns, positions, ignored


_PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le"}


def split_name(text: str) -> tuple[str, str]:
    """ "Ava Lead" and "Lead, Ava" are first Ava, last Lead; "Cher" is a first name only."""
    text = " ".join(text.split())
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
        return (first, last) if first else (last, "")
    words = text.split(" ")
    if len(words) == 1:
        return text, ""
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].casefold() in _PARTICLES:
            start = index
            break
    return " ".join(words[:start]), " ".join(words[start:])


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ],
        start=1,
    )
    for name in names.split()
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_MONTH_FIRST = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2}) ([a-z]+)\.?,? (\d{4})")


def parse_date(text: str) -> tuple[date | None, str | None]:
    """2027-03-01, 3/1/2027, 3/1/27, Mar 1, 2027 or 1 March 2027; blank is no date."""
    typed = " ".join(text.split()).casefold()
    if not typed:
        return None, None
    parts: tuple[str, str, str] | None = None
    if match := _ISO.fullmatch(typed):
        parts = (match[1], match[2], match[3])
    elif match := _US.fullmatch(typed):
        year = match[3] if len(match[3]) == 4 else f"20{match[3]}"
        parts = (year, match[1], match[2])
    elif (match := _MONTH_FIRST.fullmatch(typed)) and match[1] in _MONTHS:
        parts = (match[3], str(_MONTHS[match[1]]), match[2])
    elif (match := _DAY_FIRST.fullmatch(typed)) and match[2] in _MONTHS:
        parts = (match[3], str(_MONTHS[match[2]]), match[1])
    if parts is not None:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), None
        except ValueError:
            return None, f"{text.strip()!r} is not a day in the calendar."
    return None, f"{text.strip()!r} is not a date; write it as 2027-03-01 or 3/1/2027."


_AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+")


def parse_amount(
    text: str, *, max_digits: int = 10, decimal_places: int = 2
) -> tuple[Decimal | None, str | None]:
    """650, 650.00, $650 or 1,250.50; blank is no amount."""
    typed = re.sub(r"^(-?)\s*(?:\$|usd)\s*", r"\1", text.strip().casefold()).strip()
    if not typed:
        return None, None
    if not _AMOUNT.fullmatch(typed):
        return None, f"{text.strip()!r} is not an amount; write it like 650 or 1,250.00."
    try:
        amount = Decimal(typed.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None, f"{text.strip()!r} is not an amount."
    if amount != amount.quantize(Decimal(1).scaleb(-decimal_places)):
        return None, f"{text.strip()!r} has more than {decimal_places} decimal places."
    if abs(amount) >= Decimal(10) ** (max_digits - decimal_places):
        return None, f"{text.strip()!r} is too large an amount."
    return amount.quantize(Decimal(1).scaleb(-decimal_places)), None


def parse_whole_number(text: str, *, maximum: int = 2_147_483_647) -> tuple[int | None, str | None]:
    """A cast number as written on a call sheet: 3, #3 or 03 (and 3.0 from a spreadsheet)."""
    typed = re.sub(r"\.0+$", "", text.strip().lstrip("#").strip())
    if not typed:
        return None, None
    if not re.fullmatch(r"-?\d{1,12}", typed):
        return None, f"{text.strip()!r} is not a whole number."
    number = int(typed)
    if number > maximum:
        return None, f"{number} is too large; the most is {maximum:,}."
    return number, None


_YES = {"yes", "y", "true", "t", "x", "1", "union"}
_NO = {"no", "n", "false", "f", "0", "", "nonunion"}


def parse_yes_no(text: str) -> tuple[bool | None, str | None]:
    """yes/no, y/n, true/false, x (a ticked box) or blank (no)."""
    typed = re.sub(r"[^a-z0-9]", "", text.casefold())
    if typed in _YES:
        return True, None
    if typed in _NO:
        return False, None
    return None, f"{text.strip()!r} is not yes or no."


def parse_choice(
    text: str, choices: Mapping[str, Iterable[str]], *, what: str
) -> tuple[str | None, str | None]:
    """One of `choices` (value -> other names for it), in any case and spacing; blank is none."""
    typed = header_key(text)
    if not typed:
        return None, None
    for value, names in choices.items():
        if typed in {header_key(value), *(header_key(name) for name in names)}:
            return value, None
    allowed = ", ".join(value for value in choices if value)
    return None, f"{text.strip()!r} is not a {what}; use one of: {allowed}."
