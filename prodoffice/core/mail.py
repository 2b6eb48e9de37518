"""The outbox: without a mail server (`make run`), each e-mail is written to var/outbox/ as one
.eml file, whole (headers, body, attachments), which any mail program opens and the app shows.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from email import message_from_binary_file, policy
from email.message import EmailMessage as ParsedMessage
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def compose(*, subject: str, body: str, to: str) -> EmailMessage:
    """One e-mail to one address, its subject on one line.

    Subjects are built from what people typed (a production title, a set, a day's label). A
    line break in one, stored before titles were checked, would make Django refuse the
    message (or, unchecked, add a header): every e-mail of a call sheet failed. Whitespace of
    any kind becomes one space, so a subject can never carry CR or LF.
    """
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])


class OutboxBackend(BaseEmailBackend):
    """Write each message to its own file, atomically: a file is there whole or not at all."""

    def __init__(self, *args: Any, file_path: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.folder = Path(file_path or settings.EMAIL_FILE_PATH)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            raw = message.message().as_bytes(linesep="\r\n")
            ident = file_ident(str(message.extra_headers.get("Message-ID", "")))
            stamp = datetime.now(tz=UTC).strftime("%Y%m%d-%H%M%S-%f")
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(raw)
            os.replace(temporary, self.folder / f"{stamp}-{ident or 'message'}.eml")
            sent += 1
        return sent


def file_ident(message_id: str) -> str:
    """The Message-ID as it is written into the message's file name."""
    return _UNSAFE.sub("_", message_id)[:80]


def outbox_messages(folder: Path, message_ids: set[str], limit: int = 200) -> list[OutboxItem]:
    """The newest messages in the outbox whose Message-ID is one of `message_ids`.

    Chosen by file name (which carries the Message-ID), so only the messages shown are read:
    the outbox may hold every e-mail of a long shoot, PDFs and all.
    """
    if not folder.is_dir():
        return []
    wanted = {file_ident(message_id) for message_id in message_ids}
    names = sorted((entry.name for entry in os.scandir(folder)), reverse=True)
    items = []
    for name in names:
        stamp_and_ident = name.removesuffix(".eml")
        if stamp_and_ident == name or stamp_and_ident[23:] not in wanted:
            continue  # not a message, or another production's (stamp: 20261123-041500-123456-)
        with (folder / name).open("rb") as handle:
            parsed = message_from_binary_file(handle, policy=policy.default)
        assert isinstance(parsed, ParsedMessage)
        if str(parsed.get("Message-ID", "")).strip() not in message_ids:
            continue  # two ids cut to the same 80 characters: the header decides
        items.append(OutboxItem(name, parsed))
        if len(items) >= limit:
            break
    return items


class OutboxItem:
    def __init__(self, name: str, message: ParsedMessage) -> None:
        self.name = name
        self.message = message

    @property
    def to(self) -> str:
        return str(self.message.get("To", ""))

    @property
    def subject(self) -> str:
        return str(self.message.get("Subject", "")).strip()

    @property
    def date(self) -> str:
        return str(self.message.get("Date", ""))

    @property
    def body(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""

    @property
    def attachments(self) -> list[str]:
        return [str(part.get_filename()) for part in self.message.iter_attachments()]
