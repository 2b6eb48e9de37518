"""`prodoffice optimize-schedule PATH --json [--time-limit S]`, the contract in DESIGN.md."""

from __future__ import annotations

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

# Three actors, each pair in one scene: whoever is not in the middle scene waits a day, so
# the cheapest order puts y and z's scene in the middle and holds x (1 a day) for one day.
TRIANGLE = {
    "cast": [
        {"id": "x", "daily_cost": 1},
        {"id": "y", "daily_cost": 5},
        {"id": "z", "daily_cost": 10},
    ],
    "scenes": [
        {"id": "xy", "duration": 1, "cast": ["x", "y"]},
        {"id": "yz", "duration": 1, "cast": ["y", "z"]},
        {"id": "xz", "duration": 1, "cast": ["x", "z"]},
    ],
}


def _write(tmp_path: Path, document: object, name: str = "instance.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return path


def _optimize(*args: str) -> dict[str, object]:
    out = io.StringIO()
    call_command("optimize_schedule", *args, stdout=out)
    document = json.loads(out.getvalue())
    assert isinstance(document, dict)
    return document


def _big_instance(scenes: int, cast: int) -> dict[str, object]:
    # A fixed pattern rather than random data: every actor in every third or fourth scene.
    return {
        "cast": [{"id": f"a{actor}", "daily_cost": 5 + 7 * actor % 40} for actor in range(cast)],
        "scenes": [
            {
                "id": f"{scene + 1}",
                "duration": 1 + scene % 4,
                "cast": [f"a{actor}" for actor in range(cast) if (scene * actor + scene) % 4 == 0],
            }
            for scene in range(scenes)
        ],
    }


def test_it_prints_the_contract_document(tmp_path: Path) -> None:
    document = _optimize(str(_write(tmp_path, TRIANGLE)), "--json")
    assert set(document) == {
        "order",
        "total_cost",
        "holding_cost",
        "lower_bound",
        "optimal",
        "seconds",
    }
    assert document["order"] in (["xy", "yz", "xz"], ["xz", "yz", "xy"])
    assert document["total_cost"] == 2 * 1 + 2 * 5 + 2 * 10 + 1
    assert document["holding_cost"] == 1
    assert document["lower_bound"] == document["total_cost"]
    assert document["optimal"] is True
    assert isinstance(document["seconds"], float)


def test_with_a_time_limit_it_returns_the_best_order_found_and_a_proven_bound(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, _big_instance(scenes=40, cast=14))
    document = _optimize(str(path), "--json", "--time-limit", "0.5")
    assert sorted(document["order"], key=int) == [str(n) for n in range(1, 41)]  # type: ignore[arg-type]
    assert document["lower_bound"] <= document["total_cost"]  # type: ignore[operator]
    assert document["optimal"] == (document["lower_bound"] == document["total_cost"])
    assert document["seconds"] < 0.5 + 1.0  # type: ignore[operator]


def test_without_json_it_prints_a_summary(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("optimize_schedule", str(_write(tmp_path, TRIANGLE)), stdout=out)
    assert "Cast cost: 33 (holding 1), optimal (proven)" in out.getvalue()


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("{not json", (), "is not JSON"),
        ('{"scenes": []}', (), 'no "cast"'),
        (
            json.dumps({"cast": [], "scenes": [{"id": "1", "duration": 1, "cast": ["X"]}]}),
            (),
            "'X'",
        ),
        (
            json.dumps({"cast": [], "scenes": [{"id": "1", "duration": 0, "cast": []}]}),
            (),
            "greater than zero",
        ),
        (
            json.dumps({"cast": [], "scenes": [{"id": "1", "duration": -3, "cast": []}]}),
            (),
            "greater than zero",
        ),
        (
            json.dumps({"cast": [{"id": "a", "daily_cost": 1}] * 2, "scenes": []}),
            (),
            "'a' appears twice",
        ),
        (json.dumps(TRIANGLE), ("--time-limit", "0"), "--time-limit"),
        (None, (), "Cannot read"),
    ],
)
def test_it_says_what_is_wrong_with_the_input(
    tmp_path: Path, content: str | None, args: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "instance.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(CommandError) as raised:
        call_command("optimize_schedule", str(path), "--json", *args, stdout=io.StringIO())
    assert message in str(raised.value)


def test_it_runs_from_the_prodoffice_entry_point_without_a_database(tmp_path: Path) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    # An address no database answers on: optimize-schedule must not need one.
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"
    good = _write(tmp_path, TRIANGLE)
    bad = _write(tmp_path, {"cast": []}, name="bad.json")
    for path, status in ((good, 0), (bad, 1)):
        done = subprocess.run(
            [sys.executable, "-m", "prodoffice.cli", "optimize-schedule", str(path), "--json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == status, done.stderr
        if status == 0:
            assert json.loads(done.stdout)["optimal"] is True
            assert done.stderr == ""
        else:
            assert done.stdout == ""
            assert 'no "scenes"' in done.stderr
