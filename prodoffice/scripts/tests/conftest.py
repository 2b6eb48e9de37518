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
