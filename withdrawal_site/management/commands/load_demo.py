from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

import articles.demo
import charities.demo
import moderation.demo
import resources.demo
from withdrawal_site.accounts.services import add_staff_member

DEMO_EDITOR = "demo-editor"
DEMO_EDITOR_PASSWORD = "try-the-queue-locally"


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: a second run changes nothing."

    def handle(self, *args, **options) -> None:
        # Order matters: drugs and classes first, since the rest refers to them.
        for name, module in [
            ("tapering knowledge", resources.demo),
            ("articles", articles.demo),
            ("support directory", charities.demo),
            ("moderation queue", moderation.demo),
        ]:
            with transaction.atomic():
                module.load()
            self.stdout.write(f"Loaded {name}.")
        if settings.DEBUG:
            self._demo_editor()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _demo_editor(self) -> None:
        """A local-only editor account, so the moderation queue can be tried at once.

        Only in debug mode: a known password must never exist on a real site.
        """
        user, created = add_staff_member(username=DEMO_EDITOR, email="demo-editor@localhost")
        if created:
            user.set_password(DEMO_EDITOR_PASSWORD)
            user.save(update_fields=["password"])
        self.stdout.write(
            f"Local demo editor: sign in at /accounts/login/ as {DEMO_EDITOR} / {DEMO_EDITOR_PASSWORD}"
        )
