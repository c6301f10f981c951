from django.core.management.base import BaseCommand

from withdrawal_site.bench import volumes


class Command(BaseCommand):
    help = "Load benchmark volumes (500 articles, 3,000 services, 5,000 experiences, 2,000 tips) once."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=500)
        parser.add_argument("--services", type=int, default=3000)
        parser.add_argument("--experiences", type=int, default=5000)
        parser.add_argument("--tips", type=int, default=2000)

    def handle(self, *args, articles, services, experiences, tips, **options):
        if volumes.already_loaded():
            self.stdout.write("Benchmark volumes already loaded.")
            return
        counts = volumes.load(articles=articles, services=services, experiences=experiences, tips=tips)
        self.stdout.write(self.style.SUCCESS(f"Loaded {counts}."))
