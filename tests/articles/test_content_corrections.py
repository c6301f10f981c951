"""Corrected facts in the demo articles, and load_demo carrying them to an existing database."""

import pytest
from django.utils import timezone

from articles import demo
from articles.models import Article

pytestmark = pytest.mark.django_db


def body(slug: str) -> str:
    return Article.objects.get(slug=slug).plain_text()


@pytest.fixture
def loaded():
    demo.load()


def test_a_straight_line_is_equal_steps_and_halving_is_proportional(loaded):
    text = " ".join(body("why-people-taper-slowly").split())
    assert "straight line: equal steps down, for example 100, 75, 50, 25 and then 0%" in text
    assert "Halving the dose again and again is already a proportional cut" in text
    assert "straight line: halve" not in text


def test_horowitz_and_taylor_measured_serotonin_transporter_occupancy_for_ssris(loaded):
    text = " ".join(body("why-people-taper-slowly").split())
    assert "about SSRIs" in text
    assert "(PET)" in text and "serotonin transporter" in text
    assert "receptor occupancy" not in text


def test_alcohol_is_not_listed_among_stimulants(loaded):
    text = " ".join(body("living-with-protracted-withdrawal").split())
    assert "caffeine or alcohol" not in text
    assert "Alcohol is not a stimulant: it is a depressant" in text
    assert "benzodiazepines, Z-drugs, gabapentin and pregabalin" in text


def test_withdrawal_onset_can_be_delayed_by_weeks(loaded):
    text = " ".join(body("what-is-withdrawal").split())
    assert "fluoxetine or diazepam" in text and "weeks after the change" in text


def test_small_doses_article_describes_and_puts_the_pharmacist_first(loaded):
    text = " ".join(body("how-people-make-small-doses").split())
    assert "not a set of instructions" in text
    assert "asking a pharmacist or prescriber" in text
    for caveat in ("coating", "spread evenly", "large share of a small weight"):
        assert caveat in text
    assert "immediate-release and slower-release beads" in text
    assert "Peter Groot and Jim van Os" in text


def test_equivalence_article_does_not_treat_nhs_scotland_as_independent(loaded):
    text = " ".join(body("benzodiazepine-equivalence-tables").split())
    assert "not an independent confirmation" in text
    assert "clobazam prescribed for epilepsy" in text
    assert "chlordiazepoxide and clorazepate in its Ashton column only" in text


def test_maudsley_source_states_its_scope(loaded):
    citing = Article.objects.filter(sources__contains="Maudsley Deprescribing Guidelines")
    assert citing.exists()
    for article in citing:
        assert "Z-drugs only" in article.sources, article.slug


def test_load_demo_updates_an_unreviewed_article_with_old_text(loaded):
    Article.objects.filter(slug="why-people-taper-slowly").update(body="A straight line: halve the dose.")
    demo.load()
    assert "100, 75, 50, 25" in Article.objects.get(slug="why-people-taper-slowly").body


def test_load_demo_leaves_a_reviewed_article_alone(loaded):
    Article.objects.filter(slug="why-people-taper-slowly").update(
        body="An editor's reviewed text.", last_reviewed=timezone.localdate()
    )
    demo.load()
    assert Article.objects.get(slug="why-people-taper-slowly").body == "An editor's reviewed text."
