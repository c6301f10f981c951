"""No content app imports another: what they share lives in taxonomy or withdrawal_site."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT_APPS = ("articles", "resources", "charities")


def imported_modules(source: str) -> list[tuple[int, str]]:
    """(line, module) for every absolute import, at any depth (function-level imports too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def foreign_imports(app: str, source: str) -> list[tuple[int, str]]:
    others = set(CONTENT_APPS) - {app}
    return [(line, module) for line, module in imported_modules(source) if module.split(".")[0] in others]


@pytest.mark.parametrize("app", CONTENT_APPS)
def test_content_app_imports_no_other_content_app(app):
    files = sorted((ROOT / app).rglob("*.py"))
    assert files, f"no Python files found under {app}/"
    offences = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in files
        for line, module in foreign_imports(app, path.read_text(encoding="utf-8"))
    ]
    assert offences == []


@pytest.mark.parametrize(
    "source",
    [
        "from resources.models import Drug",
        "import resources.guidance",
        "import resources",
        "def f():\n    from charities.models import Organization\n",
    ],
)
def test_the_check_sees_every_form_of_import(source):
    assert foreign_imports("articles", source)


@pytest.mark.parametrize(
    "source",
    [
        "from taxonomy.models import DrugClass",
        "from withdrawal_site.citations import CITATIONS",
        "from . import x",
    ],
)
def test_the_check_allows_taxonomy_site_and_relative_imports(source):
    assert not foreign_imports("charities", source)
