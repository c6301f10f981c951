import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from withdrawal_site.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_rebuild_search_index_empties_and_refills(index_doc, capsys):
    index_doc(title="Stale entry of a model that is no longer registered")
    call_command("rebuild_search_index")
    assert not SearchEntry.objects.exists()
    assert "Indexed 0 documents" in capsys.readouterr().out


@pytest.mark.skipif(connection.vendor == "postgresql", reason="checks the refusal on SQLite")
def test_bench_search_refuses_sqlite():
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("bench_search", documents=10, queries=2)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="checks the database-name guard on PostgreSQL")
def test_bench_search_refuses_a_database_not_meant_for_it():
    with pytest.raises(CommandError, match="refusing"):
        call_command("bench_search", documents=10, queries=2)


def test_benchmark_corpus_and_queries_are_deterministic():
    from withdrawal_site.search import benchmark

    first = [doc.title for doc in benchmark.documents(20)]
    assert first == [doc.title for doc in benchmark.documents(20)]
    queries = benchmark.queries(200)
    assert len(queries) == 200 and queries == benchmark.queries(200)
