"""`prodoffice serve`: migrate, then serve the web app and run the background worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from config.wsgi import application  # loaded in each worker after fork

        return application


class Command(BaseCommand):
    help = "Migrate the database, then serve Prodoffice and run its background worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_WORKERS", "2")),
            help="web worker processes (default 2)",
        )
        parser.add_argument(
            "--no-worker", action="store_true", help="do not start the background task worker"
        )

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        worker = None
        if not options["no_worker"]:
            call_command("resume_sending")  # what a stopped worker left half-sent
            worker = subprocess.Popen(
                [sys.executable, "-m", "prodoffice.cli", "db_worker", "--queue-name", "default"]
            )
        self.stdout.write(f"Prodoffice is serving at http://{host}:{port}/ (Ctrl-C to stop)")
        try:
            _Gunicorn(
                {
                    "bind": f"{host}:{port}",
                    "workers": workers,
                    "accesslog": "-",
                    "timeout": 60,
                    "graceful_timeout": 10,
                }
            ).run()
        finally:
            if worker is not None:
                worker.send_signal(signal.SIGINT)
                try:
                    worker.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    worker.kill()
