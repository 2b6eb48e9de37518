from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from prodoffice.domain.people.crew_sheet import (
    HEADERS,
    MAX_BYTES,
    MAX_ROWS,
    CrewSheetError,
    parse_amount,
    parse_choice,
    parse_date,
    parse_whole_number,
    parse_yes_no,
    read_crew_sheet,
    split_name,
)

HEADER = "First Name,Last Name,Department,Position\n"


def xlsx(*rows: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_reads_a_plain_csv_into_named_columns_and_rows() -> None:
    sheet = read_crew_sheet("crew.csv", (HEADER + "Gus,Grip,Grip,Key Grip\n").encode())
    assert sheet.columns == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "department": "Department",
        "position": "Position",
    }
    assert [(row.line, row.values) for row in sheet.rows] == [
        (
            2,
            {
                "first_name": "Gus",
                "last_name": "Grip",
                "department": "Grip",
                "position": "Key Grip",
            },
        )
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_it_finds_the_delimiter_a_spreadsheet_used(delimiter: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerows([["Name", "Dept", "Job"], ["Ava Lead", "Cast", "Lead; Maya, 1\tA"]])
    row = read_crew_sheet("crew.csv", out.getvalue().encode()).rows[0]
    assert row.values == {
        "first_name": "Ava",
        "last_name": "Lead",
        "department": "Cast",
        "position": "Lead; Maya, 1\tA",
    }


@pytest.mark.parametrize(
    "content",
    [
        (HEADER + "Åsa,Öberg,Grip,Grip\n").encode("utf-8"),
        (HEADER + "Åsa,Öberg,Grip,Grip\n").encode("utf-8-sig"),
        (HEADER + "Åsa,Öberg,Grip,Grip\n").encode("cp1252"),
        (HEADER + "Åsa,Öberg,Grip,Grip\n").replace(",", "\t").encode("utf-16"),
    ],
    ids=["utf-8", "utf-8 with BOM", "Windows cp1252", "Excel unicode text"],
)
def test_it_reads_the_encodings_spreadsheets_save_in(content: bytes) -> None:
    row = read_crew_sheet("crew.csv", content).rows[0]
    assert (row.values["first_name"], row.values["last_name"]) == ("Åsa", "Öberg")


def test_headers_match_whatever_their_case_spacing_and_synonyms() -> None:
    text = "FIRST, surname ,Dept,Job Title,E-Mail,Cell,Cast #,Role,Union/Local,Union,Start,End\n"
    sheet = read_crew_sheet("crew.csv", text.encode() + b"Ava,Lead,Cast,Lead,,,1,Maya,,,,\n")
    assert list(sheet.columns) == [
        "first_name",
        "last_name",
        "department",
        "position",
        "email",
        "phone",
        "cast_number",
        "character",
        "union_name",
        "union_member",
        "start_date",
        "end_date",
    ]
    assert sheet.columns["last_name"] == "surname"


def test_every_exported_header_is_read_back_as_its_own_field() -> None:
    sheet = read_crew_sheet(
        "crew.csv", (",".join(HEADERS.values()) + "\n" + "x," * 19 + "x\n").encode()
    )
    assert sheet.columns == HEADERS


def test_a_single_name_column_is_split_into_first_and_last() -> None:
    sheet = read_crew_sheet(
        "crew.csv", b'Name,Dept,Job\nAva Lead,Cast,Lead\n"Grip, Gus",Grip,Key\n'
    )
    assert [(r.values["first_name"], r.values["last_name"]) for r in sheet.rows] == [
        ("Ava", "Lead"),
        ("Gus", "Grip"),
    ]
    assert sheet.column("first_name") == "Name"


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Cher", ("Cher", "")),
        ("Mary Ann Smith", ("Mary Ann", "Smith")),
        ("Ava van der Berg", ("Ava", "van der Berg")),
        ("Lead,  Ava", ("Ava", "Lead")),
        ("  Ava   Lead ", ("Ava", "Lead")),
    ],
)
def test_names_split_as_a_coordinator_would(written: str, parts: tuple[str, str]) -> None:
    assert split_name(written) == parts


def test_unknown_columns_are_listed_as_ignored() -> None:
    sheet = read_crew_sheet("crew.csv", b"Name,Dept,Job,Shoe size\nAva Lead,Cast,Lead,8\n")
    assert sheet.ignored_columns == ["Shoe size"]
    assert "Shoe size" not in sheet.rows[0].values


def test_a_title_row_above_the_header_is_skipped() -> None:
    text = "NIGHT OWL CREW LIST,,\n,,\nName,Dept,Job\nAva Lead,Cast,Lead\n"
    sheet = read_crew_sheet("crew.csv", text.encode())
    assert [row.line for row in sheet.rows] == [4]


def test_lines_are_the_row_numbers_a_spreadsheet_shows() -> None:
    text = 'Name,Dept,Job,Notes\nAva Lead,Cast,Lead,"two\nlines"\n,,,\nGus Grip,Grip,Key,\n'
    assert [row.line for row in read_crew_sheet("crew.csv", text.encode()).rows] == [2, 4]


def test_a_formula_guard_apostrophe_from_an_export_is_removed() -> None:
    sheet = read_crew_sheet("crew.csv", b"Name,Dept,Job,Notes\nAva,Cast,Lead,'=SUM(A1)\n")
    assert sheet.rows[0].values["notes"] == "=SUM(A1)"


def test_it_reads_an_xlsx_with_dates_numbers_and_ticks_as_text() -> None:
    content = xlsx(
        ["First Name", "Dept", "Position", "Start", "Rate", "Cell", "Union", "Cast #"],
        # Excel cells hold no time zone: a date typed in a cell comes back as naive midnight.
        ["Ava", "Cast", "Lead", datetime(2027, 3, 1), 1250.0, 3235550101, True, 1],  # noqa: DTZ001
        [],
        ["Gus", "Grip", "Key Grip", date(2027, 3, 2), 650.5, None, False, None],
    )
    sheet = read_crew_sheet("Crew List.XLSX", content)
    assert [row.line for row in sheet.rows] == [2, 4]
    first, second = (row.values for row in sheet.rows)
    assert first["start_date"] == "2027-03-01"
    assert (first["rate"], first["phone"], first["union_member"]) == ("1250", "3235550101", "yes")
    assert first["cast_number"] == "1"
    assert (second["rate"], second["phone"], second["union_member"]) == ("650.5", "", "no")


def test_a_workbook_saved_under_a_csv_name_is_still_read() -> None:
    content = xlsx(["Name", "Dept", "Job"], ["Ava Lead", "Cast", "Lead"])
    assert read_crew_sheet("crew.csv", content).rows[0].values["first_name"] == "Ava"


def zipped(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("crew.csv", b"", "crew.csv is empty"),
        ("crew.csv", b"x" * (MAX_BYTES + 1), "over 5 MB"),
        ("crew.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "crew.csv is a PNG image"),
        ("crew.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "crew.csv is a PDF document"),
        ("crew.csv", bytes(range(256)) * 4, "crew.csv is not a text file"),
        ("crew.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "save it as .xlsx or .csv"),
        ("crew.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "save it as .xlsx or .csv"),
        ("crew.docx", zipped("word/document.xml", b"<w/>"), "crew.docx is a .docx file"),
        ("crew.numbers", b"abc", "Upload a .csv or .xlsx file"),
        ("crew", b"Name,Dept,Job\n", "a file without an extension"),
        ("crew.xlsx", zipped("word/document.xml", b"<w/>"), "ZIP archive but not an Excel"),
        ("crew.xlsx", zipped("xl/workbook.xml", b"not xml"), "cannot be read as an Excel"),
        ("crew.xlsx", b"PK\x03\x04 truncated", "damaged ZIP archive"),
        ("crew.xlsx", b"Name,Dept,Job\n", "not a real Excel workbook"),
        ("crew.csv", b"\r\n ,, \r\n", "no header row"),
        ("crew.csv", b"Name,Job\nAva,Lead\n", "no Department column (it has 'Name', 'Job')"),
        ("crew.csv", b"Ava,Lead,Cast\n", "no First Name (or Name), Department or Position"),
        ("crew.csv", b"Name,Phone,Cell,Dept,Job\n", "'Phone' and 'Cell' both hold the phone"),
        ("crew.csv", b"Name,First Name,Dept,Job\n", "Keep one or the other"),
        ("crew.csv", b'Name,Dept,Job\n"Ava,Cast,Lead\n' + b"x" * 200_000, "cannot be read as CSV"),
    ],
)
def test_it_says_what_is_wrong_with_a_file_it_cannot_read(
    filename: str, content: bytes, message: str
) -> None:
    with pytest.raises(CrewSheetError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_crew_sheet(filename, content)


def test_it_refuses_more_than_five_thousand_rows() -> None:
    content = "Name,Dept,Job\n" + "Ava Lead,Cast,Lead\n" * (MAX_ROWS + 1)
    with pytest.raises(CrewSheetError, match="more than 5,000 rows"):
        read_crew_sheet("crew.csv", content.encode())
    assert len(read_crew_sheet("crew.csv", content.encode()[:-19]).rows) == MAX_ROWS


def test_a_stray_cell_far_down_a_workbook_does_not_stall_the_reading() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Dept", "Job"])
    sheet["A1048576"] = "Ava Lead"
    out = io.BytesIO()
    book.save(out)
    assert [row.line for row in read_crew_sheet("crew.xlsx", out.getvalue()).rows] == [1048576]


def test_a_small_workbook_that_unpacks_to_more_than_a_crew_list_is_refused_unopened() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<row>" + b" " * (13 * 1024 * 1024))
    assert len(out.getvalue()) < 100_000
    with pytest.raises(CrewSheetError, match=r"unpacks to 13\.0 MB of spreadsheet data") as refused:
        read_crew_sheet("crew.xlsx", out.getvalue())
    assert "a crew list of 5,000 people is under 12 MB" in str(refused.value)
    assert "(or save it as .csv)" in str(refused.value)


def test_it_refuses_a_file_that_is_mostly_blank_lines() -> None:
    content = b"Name,Dept,Job\n" + b",,\n" * 60_000 + b"Ava Lead,Cast,Lead\n"
    with pytest.raises(CrewSheetError, match="Delete the empty rows at the end"):
        read_crew_sheet("crew.csv", content)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2027-03-01", date(2027, 3, 1)),
        ("2027-03-01 00:00:00", date(2027, 3, 1)),
        ("3/1/2027", date(2027, 3, 1)),
        ("03/01/27", date(2027, 3, 1)),
        ("Mar 3, 2027", date(2027, 3, 3)),
        ("March 3rd 2027", date(2027, 3, 3)),
        ("sept. 30, 2027", date(2027, 9, 30)),
        ("3 Mar 2027", date(2027, 3, 3)),
        ("  ", None),
    ],
)
def test_dates_are_read_as_an_american_office_writes_them(written: str, day: date | None) -> None:
    assert parse_date(written) == (day, None)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2027-02-30", "not a day in the calendar"),
        ("13/1/2027", "not a day in the calendar"),
        ("next Tuesday", "not a date; write it as 2027-03-01"),
        ("Smarch 3, 2027", "not a date"),
    ],
)
def test_a_bad_date_gives_a_reason_instead_of_raising(written: str, message: str) -> None:
    day, error = parse_date(written)
    assert day is None
    assert error is not None
    assert message in error


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("650", Decimal("650.00")),
        ("650.00", Decimal("650.00")),
        ("$650", Decimal("650.00")),
        ("$ 1,250.5", Decimal("1250.50")),
        ("USD 1250", Decimal("1250.00")),
        ("-5", Decimal("-5.00")),
        ("", None),
    ],
)
def test_rates_are_read_with_dollar_signs_and_thousands(
    written: str, amount: Decimal | None
) -> None:
    assert parse_amount(written) == (amount, None)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("six fifty", "is not an amount"),
        ("1,25", "is not an amount"),
        ("650.125", "more than 2 decimal places"),
        ("100000000", "too large"),
        ("1e5", "is not an amount"),
    ],
)
def test_a_bad_rate_gives_a_reason(written: str, message: str) -> None:
    amount, error = parse_amount(written)
    assert amount is None
    assert error is not None
    assert message in error


def test_cast_numbers_are_whole_numbers_within_limits() -> None:
    assert parse_whole_number("#3") == (3, None)
    assert parse_whole_number("03") == (3, None)
    assert parse_whole_number("3.0") == (3, None)
    assert parse_whole_number("") == (None, None)
    assert parse_whole_number("3a")[1] == "'3a' is not a whole number."
    assert parse_whole_number("1000", maximum=999)[1] == "1000 is too large; the most is 999."


@pytest.mark.parametrize(
    ("written", "answer"),
    [("yes", True), ("Y", True), ("TRUE", True), ("x", True), ("no", False), ("", False)],
)
def test_union_is_a_yes_or_no(written: str, answer: bool) -> None:
    assert parse_yes_no(written) == (answer, None)


def test_a_yes_or_no_that_is_neither_gives_a_reason() -> None:
    assert parse_yes_no("maybe") == (None, "'maybe' is not yes or no.")


def test_a_choice_is_read_by_value_or_any_of_its_names() -> None:
    units = {"day": ["per day", "daily"], "week": ["per week"]}
    assert parse_choice("Per Day", units, what="unit") == ("day", None)
    assert parse_choice("WEEK", units, what="unit") == ("week", None)
    assert parse_choice("", units, what="unit") == (None, None)
    assert parse_choice("fortnight", units, what="unit") == (
        None,
        "'fortnight' is not a unit; use one of: day, week.",
    )


@settings(max_examples=300)
@given(content=st.binary(max_size=300), extension=st.sampled_from(["csv", "xlsx", "tsv"]))
def test_any_bytes_are_a_crew_sheet_or_a_clear_error(content: bytes, extension: str) -> None:
    try:
        read_crew_sheet(f"crew.{extension}", content)
    except CrewSheetError as error:
        assert str(error)


@settings(max_examples=100)
@given(st.text(max_size=300))
def test_any_text_is_a_crew_sheet_or_a_clear_error(text: str) -> None:
    try:
        read_crew_sheet("crew.csv", ("Name,Dept,Job\n" + text).encode("utf-8", "surrogatepass"))
    except CrewSheetError as error:
        assert str(error)


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=15
).map(str.strip)
rows = st.lists(
    # A leading apostrophe or = is a spreadsheet's formula syntax, not text a crew list holds.
    st.tuples(cells.filter(bool), cells, cells, cells).filter(
        lambda row: not any(cell.startswith(("'", "=")) for cell in row)
    ),
    min_size=1,
    max_size=20,
)


@given(rows)
def test_a_valid_csv_reads_back_as_the_rows_written(written: list[tuple[str, ...]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["First Name", "Last Name", "Department", "Position"])
    writer.writerows(written)
    sheet = read_crew_sheet("crew.csv", out.getvalue().encode())
    assert [tuple(row.values.values()) for row in sheet.rows] == written


@settings(max_examples=25, deadline=None)
@given(rows)
def test_a_valid_xlsx_reads_back_as_the_rows_written(written: list[tuple[str, ...]]) -> None:
    header: list[object] = ["First Name", "Last Name", "Department", "Position"]
    content = xlsx(header, *[list[object](row) for row in written])
    sheet = read_crew_sheet("crew.xlsx", content)
    assert [tuple(row.values.values()) for row in sheet.rows] == written
