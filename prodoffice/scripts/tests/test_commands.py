"""The command-line contracts of DESIGN.md: parse-script (no database) and import-script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.scripts.models import Script

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "prodoffice" / "demo" / "scripts" / "salt_flats.fountain"


def _prodoffice(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    # An address no database answers on: parse-script must not need one.
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"
    return subprocess.run(
        [sys.executable, "-m", "prodoffice.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_parse_script_prints_the_contract_document_without_a_database() -> None:
    done = _prodoffice("parse-script", str(DEMO), "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["title"] == "Salt Flats"
    assert document["format"] == "fountain"
    assert len(document["scenes"]) == 66
    first = document["scenes"][0]
    assert set(first) >= {
        "number",
        "heading",
        "int_ext",
        "set",
        "time_of_day",
        "eighths",
        "page",
        "characters",
        "elements",
    }
    assert first["int_ext"] == "EXT"
    assert first["time_of_day"] == "DAWN"
    assert document["eighths"] == sum(scene["eighths"] for scene in document["scenes"])
    assert all(
        isinstance(scene["eighths"], int) and scene["eighths"] >= 1 for scene in document["scenes"]
    )
    assert "props" in first["elements"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.fountain", None, "Cannot read"),
        ("empty.fountain", b"", "empty"),
        ("photo.fountain", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
        ("draft.fdx", b"this is not xml", "XML"),
        ("notes.pdf", b"%PDF-1.4", "ending in"),
    ],
)
def test_parse_script_says_what_is_wrong_and_exits_non_zero(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    done = _prodoffice("parse-script", str(path), "--json")
    assert done.returncode != 0
    assert done.stdout == ""
    assert message.lower() in done.stderr.lower()
    assert "Traceback" not in done.stderr


@pytest.mark.django_db
def test_import_script_stores_a_script_and_then_its_next_draft(world: World, blue: bytes) -> None:
    coordinator = world.user(Role.COORDINATOR).get_username()
    call_command("import_script", str(DEMO), production=world.production.code, as_user=coordinator)
    script = Script.objects.get()
    blue_path = DEMO.with_name("salt_flats_blue.fountain")
    call_command(
        "import_script",
        str(blue_path),
        production=world.production.code,
        as_user=coordinator,
        draft_of=script.pk,
    )
    assert list(script.revisions.values_list("color", flat=True)) == ["White", "Blue"]


@pytest.mark.django_db
def test_import_script_refuses_a_role_that_may_not_and_an_outsider(world: World) -> None:
    with pytest.raises(CommandError, match="does not allow"):
        call_command(
            "import_script",
            str(DEMO),
            production=world.production.code,
            as_user=world.user(Role.CREW).get_username(),
        )
    with pytest.raises(CommandError, match="not on a production"):
        call_command(
            "import_script",
            str(DEMO),
            production=world.production.code,
            as_user=world.users["outsider"].get_username(),
        )
    assert not Script.objects.exists()
