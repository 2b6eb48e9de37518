"""`prodoffice timecard PATH --json`: the contract from outside, the examples in the docs.

Run this module to rewrite the examples' inputs and outputs in docs/work-rules.md after a rule
changes a figure: `.venv/bin/python -m prodoffice.tests.test_timecard_command`.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from prodoffice import timecard
from prodoffice.domain.rules.tests.contract_shape import assert_contract_output

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("timecard-*.json"))
DOCS = ROOT / "docs" / "work-rules.md"
# In the docs: the input file, then the command and what it prints.
SHOWN = re.compile(
    r"Input, `(?P<path>docs/examples/timecard-[a-z0-9-]+\.json)`:\n\n```json\n(?P<input>.*?)```\n\n"
    r"```console\n\$ prodoffice timecard (?P=path) --json\n(?P<output>.*?)```",
    re.DOTALL,
)


def _run(*args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = timecard.main(list(args), stdout, stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def _prodoffice(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prodoffice.cli", "timecard", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_needs_no_database_and_writes_nothing(tmp_path: Path) -> None:
    example = str(ROOT / "docs" / "examples" / "timecard-forced-call.json")
    data = tmp_path / "data"
    data.mkdir()
    # A database no one answers on, then a setting no database can be made from: neither is read.
    for database in ("postgres://nobody@127.0.0.1:1/none", "nonsense"):
        done = _prodoffice(example, "--json", DATABASE_URL=database, PRODOFFICE_DATA_DIR=str(data))
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert_contract_output(json.loads(done.stdout))
    assert list(data.iterdir()) == []  # no var/, no generated keys


def test_bad_input_is_one_line_on_stderr_and_a_non_zero_status(tmp_path: Path) -> None:
    path = tmp_path / "day.json"
    path.write_text('{"date": "2026-03-02", "agreement": "iatse", "call": "07:00"')
    done = _prodoffice(str(path), "--json", DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert done.returncode == 1
    assert done.stdout == ""
    assert (
        done.stderr == f"{path}: file: is not JSON (Expecting ',' delimiter at line 1, column 61)\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "file: cannot be read: No such file or directory"),
        ("", "file: is not JSON (Expecting value at line 1, column 1)"),
        ('{"date": NaN}', "file: is not JSON (NaN is not a JSON value"),
        ("[" * 100_000 + "]" * 100_000, "file: cannot be read as a time card"),
        ('{"size": ' + "9" * 5000 + "}", "file: cannot be read as a time card"),
        ('{"date": "2026-03-02"}', "agreement: is missing"),
        (
            '{"date": "2026-03-02", "agreement": "iatse", "deal": {"rate": "650", "per": "day"},'
            ' "call": "07:00"}',
            "wrap: is missing; it is required",
        ),
        (
            '{"date": "2026-03-02", "agreement": "iatse", "deal": {"rate": "650", "per": "day"},'
            ' "call": "7 am", "wrap": "19:00"}',
            'call: is a time written "06:00"',
        ),
        (
            '{"date": "2026-03-02", "agreement": "teamsters", "deal": {"rate": "650", "per":'
            ' "day"}, "call": "07:00", "wrap": "19:00"}',
            "agreement: no agreement 'teamsters' is loaded",
        ),
    ],
)
def test_each_kind_of_bad_input_says_what_is_wrong(
    tmp_path: Path, text: str | None, message: str
) -> None:
    path = tmp_path / "day.json"
    if text is not None:
        path.write_bytes(text.encode())
    status, out, err = _run(str(path), "--json")
    assert (status, out) == (1, "")
    assert err.startswith(f"{path}: {message}"), err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "day.json"
    path.write_bytes(b"\xff\xfe{}")
    assert _run(str(path), "--json")[2] == (
        f"{path}: file: is not UTF-8 text; it must be a JSON document\n"
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_gives_a_document_of_the_contract(example: Path) -> None:
    status, out, err = _run(str(example), "--json")
    assert (status, err) == (0, "")
    assert_contract_output(json.loads(out))


def test_the_examples_are_the_four_days_the_docs_describe() -> None:
    assert [path.stem for path in EXAMPLES] == [
        "timecard-california-short-day",
        "timecard-forced-call",
        "timecard-icg-600-camera-assistant",
        "timecard-sag-aftra-late-meal",
        "timecard-sag-aftra-money-break",
        "timecard-ten-hour-day-rate",
    ]


def test_the_docs_show_each_example_as_the_command_prints_it() -> None:
    shown = {match["path"]: match for match in SHOWN.finditer(DOCS.read_text(encoding="utf-8"))}
    assert sorted(shown) == [str(path.relative_to(ROOT)) for path in EXAMPLES]
    for path, match in shown.items():
        assert match["input"] == (ROOT / path).read_text(encoding="utf-8"), (
            f"{path} differs from the input shown in docs/work-rules.md: {__doc__}"
        )
        assert match["output"] == _run(str(ROOT / path), "--json")[1], (
            f"The command prints another output for {path} than docs/work-rules.md shows: {__doc__}"
        )


def rewrite_docs() -> None:
    def shown(match: re.Match[str]) -> str:
        path = match["path"]
        given = (ROOT / path).read_text(encoding="utf-8")
        printed = _run(str(ROOT / path), "--json")[1]
        return (
            f"Input, `{path}`:\n\n```json\n{given}```\n\n"
            f"```console\n$ prodoffice timecard {path} --json\n{printed}```"
        )

    DOCS.write_text(SHOWN.sub(shown, DOCS.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    rewrite_docs()
