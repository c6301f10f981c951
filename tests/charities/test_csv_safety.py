"""Directory CSV files are safe to open in a spreadsheet, and no bad file makes a traceback."""

import csv

import pytest
from django.core.management import CommandError

from charities.directory_csv import COLUMNS, neutralise_cell, unescape_cell
from charities.models import Organization, Service
from tests.charities.test_import_export import GOOD_ROW, run, snapshot, write_csv

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("value", [*FORMULAS, "'quoted", "''", "'=already"])
def test_neutralising_is_exactly_undone(value):
    cell = neutralise_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unescape_cell(cell) == value


def test_exported_cells_never_start_a_formula(tmp_path, make_listing):
    service = make_listing("=cmd|' /C calc'!A0", phone="116 123")
    Organization.objects.filter(pk=service.organization_id).update(description="@SUM(1+1)")
    Service.objects.filter(pk=service.pk).update(cost="-5 pounds", eligibility="+ adults")
    path = tmp_path / "out.csv"
    run("export_directory", str(path))
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    cells = [value for row in rows for value in row.values()]
    assert cells
    for value in cells:
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[0]["organization_name"] == "'=cmd|' /C calc'!A0"


def test_the_neutralised_export_imports_back_unchanged(tmp_path, make_listing):
    service = make_listing("=Odd name", phone="116 123")
    Service.objects.filter(pk=service.pk).update(cost="-5 pounds")
    path = tmp_path / "out.csv"
    run("export_directory", str(path))
    before = snapshot()
    assert "Nothing to change." in run("import_directory", str(path))
    assert snapshot() == before


@pytest.mark.parametrize("column", ["organization_name", "service_description", "phone_description"])
@pytest.mark.parametrize("formula", ["=1+2", "@SUM(A1)", "  =HYPERLINK(1)"])
def test_import_refuses_an_unescaped_formula(tmp_path, drug_classes, column, formula):
    path = write_csv(tmp_path / "in.csv", [GOOD_ROW, {**GOOD_ROW, column: formula}])
    with pytest.raises(CommandError) as refused:
        run("import_directory", path)
    assert "Row 3" in str(refused.value) and "formula" in str(refused.value)
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("organization_name", "x" * 201),
        ("service_name", "y" * 5000),
        ("organization_url", "https://example.org/" + "a" * 300),
        ("phone_description", "z" * 201),
        ("service_area_description", "w" * 5000),
        ("service_description", "v" * 20_000),
        ("organization_charity_number", "1" * 500),
    ],
)
def test_over_long_values_are_per_row_errors(tmp_path, drug_classes, column, value):
    path = write_csv(tmp_path / "in.csv", [GOOD_ROW, {**GOOD_ROW, column: value}])
    with pytest.raises(CommandError) as refused:
        run("import_directory", path)
    message = str(refused.value)
    assert "Row 3" in message and column in message
    assert value not in message  # a huge value is not echoed back
    assert not Organization.objects.exists()


def test_a_cell_bigger_than_the_csv_reader_allows_is_a_row_error(tmp_path, drug_classes):
    path = tmp_path / "huge.csv"
    write_csv(path, [GOOD_ROW])
    with open(path, "a", newline="", encoding="utf-8") as stream:
        csv.DictWriter(stream, fieldnames=COLUMNS).writerow(
            {**dict.fromkeys(COLUMNS, ""), **GOOD_ROW, "service_description": "h" * 200_000}
        )
        csv.DictWriter(stream, fieldnames=COLUMNS).writerow({**dict.fromkeys(COLUMNS, ""), **GOOD_ROW})
    with pytest.raises(CommandError) as refused:
        run("import_directory", str(path))
    assert "Row" in str(refused.value)
    assert not Organization.objects.exists()


def test_bytes_that_are_not_utf8_are_a_row_error(tmp_path, drug_classes):
    path = tmp_path / "latin1.csv"
    write_csv(path, [GOOD_ROW, {**GOOD_ROW, "organization_name": "Caf\u00e9 group"}])
    path.write_bytes(path.read_bytes().replace("Caf\u00e9".encode(), "Caf\u00e9".encode("latin-1")))
    with pytest.raises(CommandError) as refused:
        run("import_directory", str(path))
    assert "Row 3" in str(refused.value) and "not UTF-8" in str(refused.value)


def test_nul_bytes_and_surplus_cells_are_row_errors(tmp_path, drug_classes):
    path = tmp_path / "odd.csv"
    write_csv(path, [GOOD_ROW])
    with open(path, "a", newline="", encoding="utf-8") as stream:
        stream.write("Name\x00,helpline\r\n")
        stream.write(",".join(["a"] * (len(COLUMNS) + 3)) + "\r\n")
    with pytest.raises(CommandError) as refused:
        run("import_directory", str(path))
    message = str(refused.value)
    assert "Row 3" in message and "Row 4" in message
