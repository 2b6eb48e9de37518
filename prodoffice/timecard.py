"""`prodoffice timecard PATH [--json]`: one person's day under the work rules, from a JSON file.

It runs before Django starts (see `prodoffice.cli`): no settings are read, no database is
opened and nothing is written, so a check outside the project can run it anywhere. The reading
and writing of the documents is `prodoffice.domain.rules.contract`; this only reads the file
and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from prodoffice.domain.rules import load_rule_sets
from prodoffice.domain.rules.contract import ContractError, cost_day


def main(argv: list[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    parser = argparse.ArgumentParser(
        prog="prodoffice timecard",
        description="Cost one person's day (a JSON time card) under the work rules.",
    )
    parser.add_argument("path", type=Path, help="the day as a JSON document (docs/work-rules.md)")
    parser.add_argument("--json", dest="as_json", action="store_true", help="one JSON document")
    arguments = parser.parse_args(argv)
    try:
        document = cost_day(_read(arguments.path), load_rule_sets())
    except ContractError as error:
        stderr.write(f"{arguments.path}: {error}\n")
        return 1
    if arguments.as_json:
        stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(_summary(document))
    return 0


def _read(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContractError("file", f"cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ContractError("file", "is not UTF-8 text; it must be a JSON document") from None
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ContractError(
            "file", f"is not JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except (RecursionError, ValueError) as error:
        # Nested too deeply, or a number of thousands of digits: no time card looks like that.
        raise ContractError("file", f"cannot be read as a time card ({error})") from None


def _no_constant(name: str) -> Any:
    # Python's json reads NaN and Infinity, which JSON does not have; no figure may be either.
    raise json.JSONDecodeError(f"{name} is not a JSON value", name, 0)


def _summary(document: dict[str, Any]) -> str:
    if document["not_costed"] is not None:
        return f"Not costed: {document['not_costed']}\n"
    agreement = document["agreement"]
    lines = [f"{agreement['id']} {agreement['version']}: {document['worked_hours']} h worked"]
    lines += [
        f"  {line['hours']:>6} h x{line['multiplier']:<4} {line['amount']:>10}  {line['label']}"
        for line in document["pay"]
    ]
    lines += [
        f"  {violation['kind']:<13} {violation['amount']:>10}  {violation['explanation']}"
        for violation in document["violations"]
    ]
    lines.append(f"  {'total':<13} {document['total']:>10}")
    return "\n".join(lines) + "\n"
