"""`manage.py bench_search`: search latency at scale against a plain ILIKE scan.

Loads N synthetic documents (withdrawal_site/search/benchmark.py) into the
index of a PostgreSQL database whose name contains "bench" (it empties the
index first), runs realistic queries through the real `search()` function and
the same queries as an ILIKE scan over title, summary and body, and prints
p50 and p95 latency side by side. `make bench-search` runs it on wc_bench.
"""

import re
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from withdrawal_site.search import benchmark, services
from withdrawal_site.search.models import SearchEntry, SearchTerm
from withdrawal_site.search.query import clean_query, search

TARGET_P95_MS = 30.0
TARGET_SPEEDUP = 20.0
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ilike_scan(query: str) -> list:
    """The naive search: every word somewhere in title, summary or body; newest first."""
    words = [word for word in _WORD.findall(query) if word.lower() not in {"or", "and"}] or [query]
    conditions = " AND ".join("(title ILIKE %s OR summary ILIKE %s OR body ILIKE %s)" for _ in words)
    params = [f"%{word}%" for word in words for _ in range(3)]
    sql = (
        "SELECT kind, title, url, published_at, count(*) OVER () "
        f"FROM {SearchEntry._meta.db_table} WHERE {conditions} "
        "ORDER BY published_at DESC NULLS LAST LIMIT 20"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def full_text(query: str) -> list:
    return search(clean_query(query)).hits


class Command(BaseCommand):
    help = "Benchmark search at scale on PostgreSQL (needs a database whose name contains 'bench')."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=100_000)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--reload", action="store_true", help="load the documents even if already there")
        parser.add_argument("--no-scan", action="store_true", help="time only the search (quick iteration)")
        parser.add_argument("--explain", action="store_true", help="print the query plans")
        parser.add_argument("--any-database", action="store_true", help="allow a database not named *bench*")

    def handle(
        self,
        *args,
        documents: int,
        queries: int,
        reload: bool,
        explain: bool,
        any_database: bool,
        no_scan: bool,
        **opts,
    ):
        if connection.vendor != "postgresql":
            raise CommandError(
                "bench_search needs PostgreSQL: the SQLite fallback search is for development only. Run "
                "`make bench-search`, or set DATABASE_URL=postgres://postgres@127.0.0.1:5432/wc_bench."
            )
        name = connection.settings_dict["NAME"]
        if "bench" not in name and not any_database:
            raise CommandError(f"bench_search empties the search index; refusing on {name!r} (use *bench*).")

        self._load(documents, reload)
        query_list = benchmark.queries(queries)
        self._explain(query_list, verbose=explain)

        for query in query_list[:20]:  # warm caches and connections for both sides
            full_text(query)
            if not no_scan:
                ilike_scan(query)
        search_ms, scan_ms, found = [], [], 0
        for query in query_list:
            started = time.perf_counter()
            hits = full_text(query)
            search_ms.append((time.perf_counter() - started) * 1000)
            found += bool(hits)
            if no_scan:
                continue
            started = time.perf_counter()
            ilike_scan(query)
            scan_ms.append((time.perf_counter() - started) * 1000)
        if no_scan:
            scan_ms = [float("nan")] * len(search_ms)
        self._report(documents, query_list, search_ms, scan_ms, found)

    def _load(self, count: int, reload: bool) -> None:
        existing = SearchEntry.objects.count()
        if existing == count and not reload:
            self.stdout.write(f"Reusing {existing} indexed documents (--reload to load again).")
            return
        self.stdout.write(f"Loading {count} synthetic documents into {connection.settings_dict['NAME']} ...")
        started = time.perf_counter()
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        content_type = ContentType.objects.get_for_model(SearchEntry)
        items = (
            (services.SearchKey(content_type.pk, str(number)), document)
            for number, document in enumerate(benchmark.documents(count))
        )
        services.bulk_index(items, batch_size=1000)
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {SearchEntry._meta.db_table}")
            cursor.execute(f"VACUUM ANALYZE {SearchTerm._meta.db_table}")
        self.stdout.write(f"Loaded and analysed in {time.perf_counter() - started:.0f} s.")

    def _explain(self, query_list: list[str], *, verbose: bool) -> None:
        """Show that the GIN index serves the match (the search's own count query)."""
        from withdrawal_site.search.query import _PG_COUNTS, COUNT_LIMIT, _pg_params

        with connection.cursor() as cursor:
            cursor.execute(
                "EXPLAIN ANALYZE " + _PG_COUNTS.format(kind=""),
                _pg_params("sertraline", "", limit=COUNT_LIMIT + 1),
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        uses_gin = "search_entry_vector_gin" in plan
        self.stdout.write(f"GIN index used for the match: {'yes' if uses_gin else 'NO'}")
        if verbose:
            self.stdout.write(plan)

    def _report(self, documents, query_list, search_ms, scan_ms, found) -> None:
        rows = [
            ("full-text search", percentile(search_ms, 0.5), percentile(search_ms, 0.95), max(search_ms)),
            ("ILIKE scan", percentile(scan_ms, 0.5), percentile(scan_ms, 0.95), max(scan_ms)),
        ]
        self.stdout.write("")
        self.stdout.write(f"{documents} documents, {len(query_list)} queries ({found} with results)")
        self.stdout.write(f"{'':18} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
        for label, p50, p95, worst in rows:
            self.stdout.write(f"{label:18} {p50:9.1f} {p95:9.1f} {worst:9.1f}")
        speedup_p50 = rows[1][1] / rows[0][1]
        speedup_p95 = rows[1][2] / rows[0][2]
        self.stdout.write(f"{'speed-up':18} {speedup_p50:8.0f}x {speedup_p95:8.0f}x")
        ok = rows[0][2] <= TARGET_P95_MS and speedup_p95 >= TARGET_SPEEDUP
        verdict = self.style.SUCCESS("met") if ok else self.style.ERROR("NOT met")
        self.stdout.write(
            f"Target (p95 <= {TARGET_P95_MS:.0f} ms, >= {TARGET_SPEEDUP:.0f}x faster): {verdict}"
        )
        slowest = sorted(zip(search_ms, query_list, strict=True), reverse=True)[:5]
        self.stdout.write("Slowest searches: " + ", ".join(f"{q!r} {ms:.0f} ms" for ms, q in slowest))
