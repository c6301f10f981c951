"""Taxonomy tests reuse each content app's own builders."""

from tests.articles.conftest import make_article  # noqa: F401
from tests.charities.conftest import make_listing  # noqa: F401
from tests.resources.conftest import (  # noqa: F401
    benzo_class,
    drug,
    drug_class,
    make_drug,
    make_experience,
    make_link,
    make_tip,
)
