"""The `prodoffice` command: Django's management entry point under Prodoffice's settings."""

from __future__ import annotations

import os
import sys

from prodoffice import timecard


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["timecard"]:
        # A contract for checks outside the project, run before Django starts: with no settings
        # read it needs no database and writes nothing (no var/, no generated keys).
        sys.exit(timecard.main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    # Django reads the settings module named above when this import runs; it must come after.
    from django.core.management import execute_from_command_line

    # The documented commands are spelled with hyphens (parse-script); Django's are modules.
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["prodoffice", *args])


if __name__ == "__main__":
    main()
