from django.core.management.base import BaseCommand
from django.db import transaction

import articles.demo
import charities.demo
import moderation.demo
import resources.demo


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: a second run changes nothing."

    def handle(self, *args, **options) -> None:
        # Order matters: drugs and classes first, since the rest refers to them.
        for name, module in [
            ("tapering knowledge", resources.demo),
            ("articles", articles.demo),
            ("support directory", charities.demo),
            ("moderation", moderation.demo),
        ]:
            with transaction.atomic():
                module.load()
            self.stdout.write(f"Loaded {name}.")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
