from django.core.management.base import BaseCommand

from withdrawal_site.search import services
from withdrawal_site.search.registry import searchable_models


class Command(BaseCommand):
    help = "Empty the search index and fill it again from every registered model, in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options):
        models = ", ".join(model._meta.label for model in searchable_models()) or "none registered"
        count = services.rebuild_index(batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents ({models})."))
