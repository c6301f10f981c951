import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from charities.directory_csv import COLUMNS
from charities.models import Organization, Phone, Schedule, Service, ServiceArea

pytestmark = pytest.mark.django_db


def write_csv(path, rows: list[dict]) -> str:
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in COLUMNS})
    return str(path)


def run(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


GOOD_ROW = {
    "organization_name": "Tranquiliser Project",
    "organization_url": "https://example.org/",
    "service_type": "helpline",
    "service_description": "National helpline.",
    "phone_number": "0117 950 0020",
    "phone_type": "voice",
    "service_area_country": "GB",
    "service_area_scope": "regional",
    "service_area_description": "Bristol, England",
    "languages": "en",
    "drug_classes": "benzodiazepines; z-drugs",
    "regular_schedule": "MO 09:00-17:00 Europe/London; TU 09:00-17:00 Europe/London",
}


def snapshot():
    return (
        list(Organization.objects.values().order_by("pk")),
        list(Service.objects.values().order_by("pk")),
        list(Phone.objects.values().order_by("pk")),
        list(ServiceArea.objects.values().order_by("pk")),
        list(Schedule.objects.values().order_by("pk")),
    )


def test_import_creates_listings(tmp_path, drug_classes):
    path = write_csv(
        tmp_path / "in.csv",
        [
            GOOD_ROW,
            {
                **GOOD_ROW,
                "phone_number": "0117 966 3629",
                "phone_country": "GB",
                "service_area_country": "",
                "service_area_scope": "",
                "service_area_description": "",
            },
        ],
    )
    output = run("import_directory", path)
    assert "Create organisation “Tranquiliser Project”" in output
    service = Service.objects.get()
    assert service.organization.website == "https://example.org/"
    assert list(service.phones.values_list("number", flat=True)) == ["+441179500020", "+441179663629"]
    assert list(service.areas.values_list("country", "scope")) == [("GB", "regional")]
    assert sorted(service.drug_classes.values_list("slug", flat=True)) == ["benzodiazepines", "z-drugs"]
    assert service.schedules.count() == 2
    assert service.last_verified is None


def test_dry_run_reports_and_writes_nothing(tmp_path, drug_classes, make_listing):
    existing = make_listing("Old Name Charity")
    path = write_csv(
        tmp_path / "in.csv",
        [
            GOOD_ROW,
            {
                "organization_slug": existing.organization.slug,
                "organization_name": "New Name Charity",
                "service_type": "charity",
                "service_area_country": "GB",
            },
        ],
    )
    before = snapshot()
    output = run("import_directory", path, "--dry-run")
    assert "Would create organisation “Tranquiliser Project”" in output
    assert "Would change organisation “New Name Charity”: name" in output
    assert "Dry run: nothing was written" in output
    assert snapshot() == before


def test_a_file_with_bad_rows_is_refused_whole_with_one_error_per_row(tmp_path, drug_classes):
    path = write_csv(
        tmp_path / "in.csv",
        [
            GOOD_ROW,
            {**GOOD_ROW, "organization_name": "Bad Phone", "phone_number": "12345"},
            {**GOOD_ROW, "organization_name": "Bad Country", "service_area_country": "XX"},
            {**GOOD_ROW, "organization_name": ""},
            {**GOOD_ROW, "organization_name": "Bad Type", "service_type": "spaceship"},
        ],
    )
    with pytest.raises(CommandError, match="4 bad row") as refused:
        run("import_directory", path)
    lines = str(refused.value).splitlines()[1:]
    assert len(lines) == 4
    assert lines[0].startswith("Row 3 (Bad Phone)") and "phone_number “12345”" in lines[0]
    assert lines[1].startswith("Row 4 (Bad Country)") and "service_area_country “XX”" in lines[1]
    assert lines[2].startswith("Row 5 (no name)") and "organization_name is missing" in lines[2]
    assert lines[3].startswith("Row 6 (Bad Type)") and "service_type “spaceship”" in lines[3]
    assert not Organization.objects.exists()


def test_missing_columns_and_missing_file_are_clear_errors(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("name,phone\nX,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="organization_name"):
        run("import_directory", str(path))
    with pytest.raises(CommandError, match="Cannot read"):
        run("import_directory", str(tmp_path / "absent.csv"))


def test_import_updates_an_existing_listing_by_name(tmp_path, drug_classes):
    run("import_directory", write_csv(tmp_path / "a.csv", [GOOD_ROW]))
    changed = {**GOOD_ROW, "organization_name": "tranquiliser project", "phone_number": "+44 117 966 3629"}
    output = run("import_directory", write_csv(tmp_path / "b.csv", [changed]))
    assert Organization.objects.count() == 1
    assert "phones" in output
    assert Phone.objects.get().number == "+441179663629"


def test_export_then_import_changes_nothing_and_exports_identically(tmp_path, make_listing, site_admin):
    samaritans = make_listing(
        "Samaritans",
        phone="116 123",
        is_crisis_line=True,
        hours_note="24 hours a day, every day",
        schedules=[(0, datetime.time(0), datetime.time(0), "Europe/London")],
        last_verified=datetime.date(2024, 5, 1),
        description='Line one, with "quotes";\nline two.',
    )
    ServiceArea.objects.create(service=samaritans, country="IE")
    make_listing("Polish Group", country="PL", languages="pl,en", drug_class_slugs=("antidepressants",))
    make_listing("Forum", country="", scope=ServiceArea.Scope.ONLINE, status=Service.Status.INACTIVE)
    Organization.objects.create(name="No services yet", slug="no-services-yet")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    run("export_directory", str(first))
    before = snapshot()
    output = run("import_directory", str(first))
    assert "Nothing to change." in output
    assert snapshot() == before
    run("export_directory", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_export_round_trips_into_an_empty_database(tmp_path, make_listing):
    make_listing("Samaritans", phone="116 123", is_crisis_line=True, languages="en")
    make_listing("Línea 024", phone="024", country="ES", languages="es")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    run("export_directory", str(first))
    Organization.objects.all().delete()
    run("import_directory", str(first))
    run("export_directory", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert Phone.objects.get(country="ES").number == "024"
