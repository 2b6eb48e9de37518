"""`prodoffice optimize-schedule PATH --json` with a day-based document (docs/optimizer.md)."""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "docs" / "examples" / "day-schedule.json"

WEEK = {
    "days": [
        {"id": 1, "date": "2025-03-03", "capacity": 16},
        {"id": 2, "date": "2025-03-04", "capacity": 16},
        {"id": 3, "date": "2025-03-05", "capacity": 16},
    ],
    "cast": [
        {"id": "ava", "daily_cost": 500, "may_drop": False},
        {"id": "ben", "daily_cost": 200, "unavailable": ["2025-03-04"]},
    ],
    "locations": [{"id": "diner"}, {"id": "street", "unavailable": ["2025-03-03"]}],
    "scenes": [
        {"id": "1", "size": 8, "cast": ["ava"], "location": "diner"},
        {"id": "2", "size": 8, "cast": ["ava", "ben"], "location": "street"},
        {"id": 3, "size": 6, "cast": ["ben"], "location": "diner", "must_shoot_by": "2025-03-05"},
        {"id": "4", "size": 4, "cast": [], "location": "street"},
    ],
    "together": [["2", "4"]],
    "company_move_cost": 100,
}


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "days.json"
    path.write_text(json.dumps(document))
    return path


def _optimize(path: Path, *args: str) -> dict[str, object]:
    out = io.StringIO()
    call_command("optimize_schedule", str(path), "--json", *args, stdout=out)
    document = json.loads(out.getvalue())
    assert isinstance(document, dict)
    return document


def test_a_document_with_days_is_scheduled_by_day(tmp_path: Path) -> None:
    document = _optimize(_write(tmp_path, WEEK), "--time-limit", "2")
    assert {
        "days",
        "unscheduled",
        "total_cost",
        "cast_cost",
        "cast_days",
        "holding_days",
        "company_moves",
        "drops",
        "lower_bound",
        "optimal",
        "seconds",
        "broken",
    } <= set(document)
    days = document["days"]
    assert isinstance(days, list)
    assert [day["id"] for day in days] == ["1", "2", "3"]
    day_of = {scene: day["id"] for day in days for scene in day["scenes"]}
    assert set(day_of) == {"1", "2", "3", "4"}
    assert day_of["2"] == day_of["4"] != "1"  # together, and not where the street is closed
    assert day_of["3"] != "2"  # ben cannot work on the 4th
    assert document["broken"] == []
    assert document["unscheduled"] == []
    assert document["optimal"] is True
    assert document["lower_bound"] == document["total_cost"]


def test_the_documented_example_runs_to_a_proven_optimum() -> None:
    document = _optimize(EXAMPLE, "--time-limit", "10")
    assert document["optimal"] is True
    assert document["broken"] == []
    assert document["total_cost"] == 7950


def test_without_json_it_prints_the_days_and_the_cost(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("optimize_schedule", str(_write(tmp_path, WEEK)), stdout=out)
    assert "Day 1:" in out.getvalue()
    assert "optimal (proven)" in out.getvalue()


def _changed(change: str) -> dict[str, object]:
    document = copy.deepcopy(WEEK)
    scenes, days = document["scenes"], document["days"]
    assert isinstance(scenes, list) and isinstance(days, list)
    if change == "unknown cast":
        scenes[0]["cast"] = ["ava", "zoe"]
    elif change == "negative size":
        scenes[1]["size"] = -3
    elif change == "no capacity":
        days[1]["capacity"] = 0
    elif change == "bad date":
        days[2]["date"] = "05/03/2025"
    elif change == "typo":
        scenes[0]["lenght"] = 3
    elif change == "infeasible":
        scenes[2]["must_shoot_by"] = "2025-03-04"
        document["cast"][1]["unavailable"] = ["2025-03-03", "2025-03-04"]  # type: ignore[index]
    return document


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("unknown cast", "Scene '1' needs cast 'zoe'"),
        ("negative size", "Scene '2' has size -3"),
        ("no capacity", "Day '2' (2025-03-04) has capacity 0"),
        ("bad date", "days[2] \"date\" is '05/03/2025'"),
        ("typo", "scenes[0] has unknown key(s) 'lenght'"),
        ("infeasible", "Scene 3 has no shoot day it can go on"),
    ],
)
def test_it_names_what_is_wrong(tmp_path: Path, change: str, named: str) -> None:
    with pytest.raises(CommandError) as raised:
        _optimize(_write(tmp_path, _changed(change)), "--time-limit", "2")
    assert named in str(raised.value)


def test_every_bad_item_is_named_at_once(tmp_path: Path) -> None:
    document = _changed("unknown cast")
    document["days"][1]["capacity"] = -1  # type: ignore[index]
    with pytest.raises(CommandError) as raised:
        _optimize(_write(tmp_path, document))
    assert "2 problems" in str(raised.value)
    assert "'zoe'" in str(raised.value) and "Day '2'" in str(raised.value)


def test_errors_go_to_stderr_with_nothing_on_stdout(tmp_path: Path) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"  # no database is needed
    path = _write(tmp_path, _changed("infeasible"))
    done = subprocess.run(
        [sys.executable, "-m", "prodoffice.cli", "optimize-schedule", str(path), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert done.stdout == ""
    assert "Scene 3 has no shoot day it can go on" in done.stderr
