"""The catalogues: compiled by the project itself, and complete (the completeness test)."""

import gettext
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from withdrawal_site.languages import catalogue_gaps

PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Drugs"\nmsgstr "Medicamentos"\n'
)

CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize(
    "pure_python",
    [True, pytest.param(False, marks=pytest.mark.skipif(not shutil.which("msgfmt"), reason="no msgfmt"))],
    ids=["polib", "msgfmt"],
)
def test_compile_translations_writes_a_working_mo(settings, tmp_path, pure_python):
    po_path = tmp_path / "es" / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    po_path.write_text(PO, encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]
    call_command("compile_translations", *(["--pure-python"] if pure_python else []))
    with po_path.with_suffix(".mo").open("rb") as mo_file:
        assert gettext.GNUTranslations(mo_file).gettext("Drugs") == "Medicamentos"


def test_the_makefile_and_docker_build_compile_the_catalogues():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    for target in ("run:", "test:"):
        recipe = makefile.split(f"\n{target}", 1)[1].split("\n\n", 1)[0]
        assert "compile_translations" in recipe, target
    assert "compile_translations" in (settings.BASE_DIR / "Dockerfile").read_text()


def test_there_are_spanish_and_polish_catalogues():
    assert {path.parts[-3] for path in CATALOGUES} >= {"es", "pl"}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_translation_catalogue_is_complete_no_untranslated_or_fuzzy_entries(po_path):
    """THE COMPLETENESS TEST: every entry of every offered catalogue translated, none fuzzy."""
    gaps = catalogue_gaps(po_path)
    shown = "\n  ".join(gaps[:15])
    assert not gaps, f"{po_path.parts[-3]}: {len(gaps)} untranslated or fuzzy entries, e.g.\n  {shown}"
