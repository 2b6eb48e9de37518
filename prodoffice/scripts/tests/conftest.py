from __future__ import annotations

from pathlib import Path

import pytest

DEMO_SCRIPTS = Path(__file__).resolve().parents[2] / "demo" / "scripts"


@pytest.fixture
def white() -> bytes:
    return (DEMO_SCRIPTS / "salt_flats.fountain").read_bytes()


@pytest.fixture
def blue() -> bytes:
    return (DEMO_SCRIPTS / "salt_flats_blue.fountain").read_bytes()


@pytest.fixture
def sceneless_fdx() -> bytes:
    """Well-formed Final Draft XML with 200,000 nested paragraphs and not one scene heading."""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<FinalDraft DocumentType="Script" Version="5"><Content>'
        + b"<Paragraph>" * 200_000
        + b"</Paragraph>" * 200_000
        + b"</Content></FinalDraft>"
    )
