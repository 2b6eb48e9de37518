"""`prodoffice serve`: migrate, then serve the web app and run the background worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections
from gunicorn.app.base import BaseApplication

WORKER = [sys.executable, "-m", "prodoffice.cli", "db_worker", "--queue-name", "default"]


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        self.cfg.set("post_fork", _own_connections)

    def load(self) -> Any:
        from config.wsgi import application  # loaded in each worker after fork

        return application


def _own_connections(server: Any, worker: Any) -> None:
    """Each web worker opens database connections of its own: a connection inherited through
    fork is one socket shared by several processes, where one request can read the rows
    meant for another's. The master closes its connections before forking; this makes sure."""
    connections.close_all()


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
        keeper = None
        if not options["no_worker"]:
            call_command("resume_sending")  # what a stopped worker left half-sent
            # The keeper restarts the worker if it dies (see prodoffice/core/keeper.py). In a
            # session of its own: Ctrl-C reaches it once, from here, not also from the terminal.
            keeper = subprocess.Popen(  # noqa: S603 (this interpreter, fixed arguments)
                [sys.executable, "-m", "prodoffice.core.keeper", *WORKER], start_new_session=True
            )
        connections.close_all()  # before gunicorn forks its workers (see _own_connections)
        self.stdout.write(f"Prodoffice is serving at http://{host}:{port}/ (Ctrl-C to stop)")
        try:
            _Gunicorn(
                {
                    "bind": f"{host}:{port}",
                    "workers": workers,
                    "accesslog": "-",
                    # Personal-link tokens are in URLs: the access log masks them.
                    "logger_class": "prodoffice.core.log_masking.AccessLogWithoutLinks",
                    "timeout": 60,
                    "graceful_timeout": 10,
                    # One fixed control socket per user would be shared by every `serve`
                    # on the machine; nothing here uses it.
                    "control_socket_disable": True,
                }
            ).run()
        finally:
            if keeper is not None:
                keeper.send_signal(signal.SIGTERM)
                try:
                    keeper.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    keeper.kill()
