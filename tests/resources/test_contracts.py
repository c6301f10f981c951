"""The shared contracts: publishing services, search documents, corrections."""

import pytest
from django.core.exceptions import ValidationError

from resources import services
from resources.models import Drug, Experience, ResourceLink, TaperingMethod, Tip
from withdrawal_site.corrections import Correctable
from withdrawal_site.search.registry import searchable_models

pytestmark = pytest.mark.django_db


def test_kind_values_are_exactly_the_contract():
    assert ResourceLink.Kind.values == [
        "guide", "forum", "online_group", "information", "blog", "book", "research", "other",
    ]  # fmt: skip


def test_publish_tip(editor, drug_class):
    tip = services.publish_tip(
        title="Rest when you can",
        body="Short **naps** helped.",
        drug_class_slugs=["antidepressants", "no-such-class"],
        author_name="Robin",
        approved_by=editor,
    )
    tip.refresh_from_db()
    assert tip.is_published and tip.approved_by == editor and tip.approved_at is not None
    assert list(tip.drug_classes.values_list("slug", flat=True)) == ["antidepressants"]
    assert "<strong>naps</strong>" in tip.body_html
    assert tip.language == "en" and tip.slug == "rest-when-you-can"
    assert list(Tip.objects.published()) == [tip]


def test_publishing_twice_never_clashes_on_slug(editor):
    first = services.publish_tip(
        title="Same", body="a", drug_class_slugs=[], author_name="", approved_by=editor
    )
    second = services.publish_tip(
        title="Same", body="b", drug_class_slugs=[], author_name="", approved_by=editor, language="es"
    )
    assert first.slug != second.slug and second.language == "es"


def test_publish_experience(editor, drug):
    experience = services.publish_experience(
        title="A slow year",
        body="It took time.",
        drug_slugs=["sertraline", "unknown"],
        author_name="",
        approved_by=editor,
    )
    assert experience.is_published and experience.approved_by == editor
    assert list(experience.drugs.all()) == [drug]


def test_publish_resource_link(editor, drug_class):
    link = services.publish_resource_link(
        title="A forum",
        url="https://forum.example.org/",
        description="Peer support.",
        kind="forum",
        drug_class_slugs=["antidepressants"],
        approved_by=editor,
    )
    assert link.is_published and link.kind == ResourceLink.Kind.FORUM and link.approved_by == editor
    assert list(link.drug_classes.all()) == [drug_class]


def test_publish_failure_leaves_nothing_behind(editor, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("index down")

    # The tip row is written before the classes are looked up: the transaction must undo it.
    monkeypatch.setattr(services, "_drug_classes", boom)
    with pytest.raises(RuntimeError):
        services.publish_tip(title="x", body="y", drug_class_slugs=["a"], author_name="", approved_by=editor)
    assert not Tip.objects.exists()


def test_every_model_is_registered_for_search():
    for model in (Drug, TaperingMethod, Tip, Experience, ResourceLink):
        assert model in searchable_models()
        assert issubclass(model, Correctable)


def test_drug_search_document_carries_brand_names(drug):
    document = drug.search_document()
    assert document.kind == "drug"
    assert document.other_names == "Lustral, Zoloft"
    assert document.drug_classes == ("antidepressants",)
    assert document.url == "/drugs/sertraline/"
    drug.is_published = False
    assert drug.search_document() is None


def test_method_search_document(make_method):
    method = make_method("Liquid titration")
    document = method.search_document()
    assert document.kind == "method" and document.drug_classes == ("antidepressants",)
    method.is_published = False
    assert method.search_document() is None


@pytest.mark.parametrize(
    ("maker", "kind"), [("make_tip", "tip"), ("make_experience", "experience"), ("make_link", "resource")]
)
def test_community_search_documents_only_when_published(request, maker, kind):
    item = request.getfixturevalue(maker)()
    document = item.search_document()
    assert document.kind == kind
    assert document.url == item.get_absolute_url()
    assert "<" not in document.body
    assert document.drug_classes == ("antidepressants",)
    item.status = item.Status.UNPUBLISHED
    assert item.search_document() is None
    draft = request.getfixturevalue(maker)(published=False)
    assert draft.search_document() is None


def test_drug_correction_rerenders_markdown(drug):
    fields = drug.correctable_fields()
    assert fields["half_life"] == ("Half-life", "about 26 hours")
    assert "drug_class" not in fields and "slug" not in fields
    drug.apply_correction({"half_life": "about 1 day", "notes": "See **this**."})
    drug.refresh_from_db()
    assert drug.half_life == "about 1 day"
    assert "<strong>this</strong>" in drug.notes_html


def test_correction_to_unknown_field_is_refused(drug):
    with pytest.raises(ValidationError):
        drug.apply_correction({"slug": "other"})


def test_tip_correction(make_tip):
    tip = make_tip()
    tip.apply_correction({"body": "New *text*"})
    tip.refresh_from_db()
    assert "<em>text</em>" in tip.body_html


def test_link_correction_validates_the_url(make_link):
    link = make_link()
    with pytest.raises(ValidationError):
        link.apply_correction({"url": "not a url"})
