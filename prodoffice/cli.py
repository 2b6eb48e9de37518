"""The `prodoffice` command: Django's management entry point under Prodoffice's settings."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    # Django reads the settings module named above when this import runs; it must come after.
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    # The documented commands are spelled with hyphens (parse-script); Django's are modules.
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["prodoffice", *args])


if __name__ == "__main__":
    main()
