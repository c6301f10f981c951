"""What publishing, importing and rebuilding cost the database, held near what they cost now.

Before the content-changed hook a tip publish took 27 queries and wrote its
search entry twice; importing the demo directory (34 organisations) took
3,173 queries and 217 index writes; a rebuild of the demo content took 173
queries (one or more per object).
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charities.directory_csv import export_csv, import_rows, read_csv
from charities.models import Organization
from resources import services as resources_services
from resources.models import DrugClass, Tip
from withdrawal_site.search import services as search_services
from withdrawal_site.search.models import SearchEntry
from withdrawal_site.search.registry import searchable_models

from .test_signals import entry_writes

pytestmark = pytest.mark.django_db

# Measured: 16 and 22 on SQLite (the tip's 16 include the savepoint pair of the slug-collision
# retry); PostgreSQL adds one statement (the vectors, or its cursor). Before the hook: 27 and 173.
LIMIT_TIP = 17
LIMIT_REBUILD = 23


@pytest.fixture(autouse=True)
def _content_types_cached(db):
    # Every process has them cached after its first write; counted here, they would make counts flaky.
    ContentType.objects.get_for_models(*searchable_models(), for_concrete_models=False)


def test_a_tip_publish_writes_its_entry_once(editor):
    DrugClass.objects.create(slug="antidepressants", name="Antidepressants")
    DrugClass.objects.create(slug="benzodiazepines", name="Benzodiazepines")
    with CaptureQueriesContext(connection) as queries:
        tip = resources_services.publish_tip(
            title="Keep a diary",
            body="Write **it** down.",
            drug_class_slugs=["antidepressants", "benzodiazepines"],
            author_name="Sam",
            approved_by=editor,
        )
    assert entry_writes(queries.captured_queries) == 1
    assert len(queries) <= LIMIT_TIP, [query["sql"][:80] for query in queries.captured_queries]
    entry = SearchEntry.objects.get(object_id=str(tip.pk))
    assert entry.drug_classes == ["antidepressants", "benzodiazepines"]


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


def test_importing_the_directory_writes_the_index_in_bulk(demo):
    stream = io.StringIO()
    export_csv(stream)
    Organization.objects.all().delete()
    stream.seek(0)
    rows = read_csv(stream)

    with CaptureQueriesContext(connection) as queries:
        import_rows(rows)

    organizations = Organization.objects.count()
    assert organizations >= 30
    assert entry_writes(queries.captured_queries) <= 2  # one delete of the unlisted, one upsert
    # 708 for 34 organisations (before the hook: 3,173), most of it the import's own rows and
    # one history insert per version of an organisation, service and phone.
    assert len(queries) <= 22 * organizations
    assert SearchEntry.objects.filter(kind="listing").count() == Organization.objects.listed().count()


def test_rebuild_reads_each_model_in_bulk(demo):
    with CaptureQueriesContext(connection) as queries:
        count = search_services.rebuild_index()
    assert count > 100
    assert len(queries) <= LIMIT_REBUILD, [query["sql"][:80] for query in queries.captured_queries]
    assert SearchEntry.objects.filter(kind="tip").count() == Tip.objects.published().count()
