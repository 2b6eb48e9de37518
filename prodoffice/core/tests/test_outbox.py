"""The outbox keeps each e-mail whole in its own file and lists a production's by Message-ID."""

from __future__ import annotations

from pathlib import Path

from django.core.mail import EmailMessage

from prodoffice.core.mail import OutboxBackend, outbox_messages


def _send(folder: Path, ident: str, subject: str) -> None:
    message = EmailMessage(subject=subject, body="Call 07:00", to=["ava@example.org"])
    message.extra_headers["Message-ID"] = ident
    message.attach("call-sheet.pdf", b"%PDF-1.7 ...", "application/pdf")
    OutboxBackend(file_path=str(folder)).send_messages([message])


def test_only_the_messages_asked_for_are_listed_newest_first(tmp_path: Path) -> None:
    ours = ["<day1.ava@salt.example>", "<day2.ava@salt.example>"]
    _send(tmp_path, ours[0], "Day 1")
    _send(tmp_path, "<day1.ben@other.example>", "Another production's")
    _send(tmp_path, ours[1], "Day 2")
    (tmp_path / "half-written.part").write_bytes(b"From: nobody")  # a send in progress
    items = outbox_messages(tmp_path, set(ours))
    assert [item.subject for item in items] == ["Day 2", "Day 1"]
    assert items[0].attachments == ["call-sheet.pdf"] and "Call 07:00" in items[0].body
    assert [item.subject for item in outbox_messages(tmp_path, set(ours), limit=1)] == ["Day 2"]


def test_an_empty_or_missing_outbox_lists_nothing(tmp_path: Path) -> None:
    assert outbox_messages(tmp_path / "never-made", {"<x@y>"}) == []
    assert outbox_messages(tmp_path, set()) == []
