"""What a test needs to run `prodoffice` in a process of its own, on the test database."""

from __future__ import annotations

import os
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def prodoffice_env(tmp_path: Path, **variables: str) -> dict[str, str]:
    """The environment of a `prodoffice` process on this test's PostgreSQL database, with its
    files under `tmp_path` and the production settings unless `variables` say otherwise."""
    database = connection.settings_dict
    return {
        **os.environ,
        "PRODOFFICE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}",
        **variables,
    }
