from django.core.management.base import BaseCommand

from withdrawal_site.bench import pages


class Command(BaseCommand):
    help = "Benchmark each main page type, cached and uncached, beside a static file (needs wrk)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
        parser.add_argument("--ports", default="8221,8222", help="cached,uncached gunicorn ports")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, seconds, ports, workers, **options):
        cached, uncached = (int(port) for port in ports.split(","))
        pages.run(seconds=seconds, ports=(cached, uncached), workers=workers, write=self.stdout.write)
