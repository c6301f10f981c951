"""Compile locale/*/LC_MESSAGES/django.po into .mo files, with or without GNU gettext.

`make run`, `make test` and the Docker build call this, so a fresh clone never
serves stale or missing catalogues. With msgfmt on the PATH it is Django's
compilemessages (which checks the .po strictly); without it, polib writes the
.mo in pure Python, so a machine without gettext still works.
"""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the translation catalogues (msgfmt when available, else pure Python)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pure-python", action="store_true", help="Use polib even when msgfmt is installed."
        )

    def handle(self, *args, pure_python=False, **options):
        if shutil.which("msgfmt") and not pure_python:
            call_command("compilemessages", ignore_patterns=[".venv/*", "staticfiles/*"], verbosity=0)
            self.stdout.write("Compiled the catalogues with msgfmt.")
            return
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                try:
                    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                except (OSError, ValueError) as error:
                    raise CommandError(f"Could not compile {po_path}: {error}") from error
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogues with polib (no msgfmt on this machine).")
