import pytest

from resources.models import Tip
from withdrawal_site.slugs import unique_slug

pytestmark = pytest.mark.django_db


def test_unique_slug_numbers_repeats_and_uses_a_fallback(django_assert_num_queries):
    assert unique_slug(Tip, "Sleep, first") == "sleep-first"
    Tip.objects.create(title="a", slug="sleep-first", body="x")
    Tip.objects.create(title="b", slug="sleep-first-2", body="x")
    with django_assert_num_queries(1):
        assert unique_slug(Tip, "Sleep, first!") == "sleep-first-3"
    assert unique_slug(Tip, "!!!", fallback="tip") == "tip"
    existing = Tip.objects.get(slug="sleep-first")
    assert unique_slug(Tip, "Sleep first", exclude_pk=existing.pk) == "sleep-first"


def test_unique_slug_fits_the_field():
    slug = unique_slug(Tip, "word " * 200)
    assert len(slug) <= Tip._meta.get_field("slug").max_length - 6
    assert not slug.endswith("-")
