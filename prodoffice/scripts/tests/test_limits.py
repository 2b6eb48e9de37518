"""Large scripts: refused past the limits with the reason, and read before any transaction."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.domain.screenplay.analysis import Analysis
from prodoffice.scripts import services
from prodoffice.scripts.models import Script


def scenes(count: int) -> bytes:
    return "".join(f"INT. ROOM {i} - DAY\n\nShe waits.\n\n" for i in range(count)).encode()


def _upload(world: World, name: str, data: bytes) -> Any:
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    return client.post(
        reverse("script_import", args=[world.production.code]),
        {"file": SimpleUploadedFile(name, data), "title": ""},
    )


@pytest.mark.django_db
def test_a_script_of_more_than_1000_scenes_is_refused_on_the_page_and_nothing_is_stored(
    world: World,
) -> None:
    response = _upload(world, "many.fountain", scenes(1001))
    assert response.status_code == 400
    assert "The file has 1,001 scene headings; Prodoffice takes scripts of up to 1,000 scenes" in (
        response.content.decode()
    )
    assert not Script.objects.exists()


@pytest.mark.django_db
def test_a_fountain_file_over_1_mb_is_refused_on_the_page_without_being_read(
    world: World,
) -> None:
    response = _upload(world, "huge.fountain", b"INT. ROOM - DAY\n\nShe waits.\n\n" * 400_000)
    assert response.status_code == 400
    assert "huge.fountain is 11.1 MB; a Fountain screenplay is under 1 MB" in (
        response.content.decode()
    )
    assert not Script.objects.exists()


def _read_outside_transactions(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether a transaction was open each time a file was read (analysed) on import."""
    seen: list[bool] = []
    analyse = services.analyse

    def watched(data: bytes, filename: str) -> Analysis:
        seen.append(connection.in_atomic_block)
        return analyse(data, filename)

    monkeypatch.setattr(services, "analyse", watched)
    return seen


@pytest.mark.django_db(transaction=True)
def test_a_script_and_its_next_draft_are_read_before_their_transaction_opens(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On SQLite an open transaction holds back every other write: reading a long script
    # inside one locked out the whole office.
    in_transaction = _read_outside_transactions(monkeypatch)
    access = world.access(Role.COORDINATOR)
    revision = services.import_script(access=access, filename="a.fountain", data=scenes(40))
    services.import_draft(
        access=access, script=revision.script, filename="b.fountain", data=scenes(41)
    )
    assert in_transaction == [False, False]
    assert revision.script.revisions.count() == 2
