"""Drug, method and community pages, through their URLs."""

import json
import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from resources.models import Drug, TaperingMethod, Tip

pytestmark = pytest.mark.django_db


def jsonld_blocks(response) -> list[dict]:
    html = response.content.decode()
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def test_drug_list_groups_by_class(client, make_drug, drug, benzo_class):
    make_drug("Diazepam", drug_class=benzo_class)
    response = client.get(reverse("resources:drug_list"))
    html = response.content.decode()
    assert (
        html.index(">Antidepressants</h2>") < html.index("Sertraline") < html.index(">Benzodiazepines</h2>")
    )
    assert html.index(">Benzodiazepines</h2>") < html.index("Diazepam")
    assertContains(response, "Lustral, Zoloft")


def test_drug_list_filters_by_class_and_brand_name(client, make_drug, drug, benzo_class):
    make_drug("Diazepam", drug_class=benzo_class, other_names="Valium")
    response = client.get(reverse("resources:drug_list"), {"drug_class": "benzodiazepines"})
    assertContains(response, "Diazepam")
    assertNotContains(response, "Sertraline")
    response = client.get(reverse("resources:drug_list"), {"q": "zoloft"})
    assertContains(response, "Sertraline")
    assertNotContains(response, "Diazepam")


def test_drug_list_bad_filter_is_not_an_error(client, drug):
    response = client.get(reverse("resources:drug_list"), {"drug_class": "nonsense", "q": "x" * 500})
    assert response.status_code == 200


def test_unpublished_drug_is_hidden(client, make_drug):
    hidden = make_drug("Hiddenol", is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assertNotContains(client.get(reverse("resources:drug_list")), "Hiddenol")


def test_drug_page_brings_everything_together(
    client, drug, make_method, make_tip, make_experience, make_link, benzo_class
):
    method = make_method("Liquid titration")
    other_method = TaperingMethod.objects.create(
        name="Only for benzos", slug="only-benzos", summary="x", worked_example="x"
    )
    other_method.drug_classes.add(benzo_class)
    tip = make_tip("Sleep tip")
    experience = make_experience("My year off sertraline")
    link = make_link("A good guide")
    make_tip("Draft tip", published=False)
    response = client.get(drug.get_absolute_url())
    assertContains(response, "<h1>Sertraline</h1>", html=True)
    assertContains(response, "Lustral, Zoloft")
    assertContains(response, "about 26 hours")
    assertContains(response, "Source: Product SmPC")
    assertContains(response, "Source: BNF")
    assertContains(response, "In some countries")
    assertContains(response, method.get_absolute_url())
    assertNotContains(response, other_method.get_absolute_url())
    assertContains(response, tip.get_absolute_url())
    assertContains(response, experience.get_absolute_url())
    assertContains(response, link.get_absolute_url())
    assertNotContains(response, "Draft tip")
    assertContains(response, "About tapering information")
    assertContains(response, "One person&#x27;s experience")
    assertContains(response, "?target=resources.drug.")
    assertContains(response, "Product SmPC</li>")  # sources rendered from Markdown
    assertContains(response, "/tapering/planner/?drug=sertraline")
    # No listing serves this drug, so the page has no directory section.
    assertNotContains(response, "Support in the directory")
    (data,) = jsonld_blocks(response)
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == "Drug"
    assert data["about"]["alternateName"] == ["Lustral", "Zoloft"]


def test_directory_partial_renders_the_listings_it_is_given(rf):
    from django.template.loader import render_to_string

    class Listing:
        def __str__(self):
            return "Withdrawal helpline"

        def get_absolute_url(self):
            return "/support/withdrawal-helpline/"

    html = render_to_string("charities/_drug_class_listings.html", {"listings": [Listing()]})
    assert "Support in the directory" in html
    assert "/support/withdrawal-helpline/" in html
    assert "Support in the directory" not in render_to_string("charities/_drug_class_listings.html", {})


def test_benzodiazepine_drug_links_to_the_equivalence_table(client, make_drug, benzo_class):
    lorazepam = make_drug("Lorazepam", drug_class=benzo_class)
    response = client.get(lorazepam.get_absolute_url())
    assertContains(response, "/reference/benzodiazepine-equivalents/#row-lorazepam")


def test_method_list_and_detail_with_howto(client, make_method, drug_class):
    method = make_method(
        "Liquid titration", what_you_need="- A cylinder", cautions="- Check with a pharmacist"
    )
    response = client.get(reverse("resources:method_list"))
    assertContains(response, method.get_absolute_url())
    assertContains(response, "About tapering information")
    response = client.get(method.get_absolute_url())
    assertContains(response, "<strong>100 ml</strong>")
    assertContains(response, "<li>A cylinder</li>")
    assertContains(response, "About tapering information")
    assertContains(response, "?target=resources.taperingmethod.")
    (data,) = jsonld_blocks(response)
    assert data["@type"] == "HowTo"
    assert [step["text"] for step in data["step"]] == ["Crush the tablet", "Mix with 100 ml of water"]
    assert data["step"][0]["@type"] == "HowToStep"


def test_unpublished_method_is_hidden(client, make_method):
    method = make_method("Secret", is_published=False)
    assert client.get(method.get_absolute_url()).status_code == 404


def test_method_called_planner_does_not_hide_the_planner(client, make_method):
    make_method("Planner")
    response = client.get("/tapering/planner/")
    assertContains(response, 'name="start_dose"')


def test_tip_list_shows_only_published_and_filters(client, make_tip, benzo_class):
    shown = make_tip("Sleep tip", tags=("sleep",))
    other = make_tip("Diary tip", tags=("tracking",))
    benzo_tip = make_tip("Benzo tip", tags=("sleep",))
    benzo_tip.drug_classes.set([benzo_class])
    make_tip("Pending tip", published=False)
    response = client.get(reverse("resources:tip_list"))
    assertContains(response, shown.title)
    assertNotContains(response, "Pending tip")
    assertContains(response, "One person&#x27;s experience")
    response = client.get(reverse("resources:tip_list"), {"tag": "sleep"})
    assertContains(response, shown.title)
    assertNotContains(response, other.title)
    response = client.get(reverse("resources:tip_list"), {"drug_class": "benzodiazepines"})
    assertContains(response, "Benzo tip")
    assertNotContains(response, shown.title)
    response = client.get(reverse("resources:tip_list"), {"drug_class": "benzodiazepines", "tag": "tracking"})
    assertContains(response, "No tips match this filter yet.")


@pytest.mark.parametrize("query", ["?tag=nope", "?drug_class=%00", "?page=999", "?page=abc", "?tag=a&tag=b"])
def test_list_bad_filters_never_fail(client, make_tip, query):
    make_tip()
    for name in ["tip_list", "experience_list", "link_list"]:
        assert client.get(reverse(f"resources:{name}") + query).status_code == 200


def test_tip_detail_sample_label_and_disclaimer(client, make_tip):
    tip = make_tip("Sample tip", is_sample=True, author_name="Sample contributor")
    response = client.get(tip.get_absolute_url())
    assertContains(response, "Sample content")
    assertContains(response, "Shared by Sample contributor")
    assertContains(response, "One person&#x27;s experience")
    assertContains(response, "<strong>well</strong>")
    assertContains(response, "?target=resources.tip.")


def test_unpublished_community_content_is_not_public(client, make_tip, make_experience, make_link):
    for item in [make_tip(published=False), make_experience(published=False), make_link(published=False)]:
        assert client.get(item.get_absolute_url()).status_code == 404


def test_experience_list_filters_by_drug_class_through_drugs(client, make_experience, make_drug, benzo_class):
    diazepam = make_drug("Diazepam", drug_class=benzo_class)
    benzo_story = make_experience("Off diazepam", drugs=[diazepam])
    other = make_experience("Off sertraline")
    response = client.get(reverse("resources:experience_list"), {"drug_class": "benzodiazepines"})
    assertContains(response, benzo_story.title)
    assertNotContains(response, other.title)
    response = client.get(benzo_story.get_absolute_url())
    assertContains(response, diazepam.get_absolute_url())
    assertContains(response, "One person&#x27;s experience")
    assertContains(response, "?target=resources.experience.")


def test_resource_links(client, make_link):
    link = make_link("The Guide", tags=("guide",))
    response = client.get(reverse("resources:link_list"), {"tag": "guide"})
    assertContains(response, link.get_absolute_url())
    response = client.get(link.get_absolute_url())
    assertContains(response, 'href="https://example.org/guide" rel="nofollow noopener"')
    assertContains(response, "Guide")
    assertContains(response, "?target=resources.resourcelink.")


def test_markdown_is_sanitised(client, make_tip):
    tip = make_tip(body="<script>alert(1)</script> [x](javascript:alert(1))")
    response = client.get(tip.get_absolute_url())
    assertNotContains(response, "<script>alert")
    assertNotContains(response, "javascript:")


def test_tags_are_filterable_for_the_cross_type_tag_page(make_tip, make_experience, make_link):
    tip = make_tip(tags=("sleep",))
    make_tip(tags=("other",))
    make_tip(tags=("sleep",), published=False)
    assert list(Tip.objects.published().tagged("sleep")) == [tip]
    experience = make_experience(tags=("sleep",))
    assert list(type(experience).objects.published().tagged("sleep")) == [experience]
    link = make_link(tags=("sleep",))
    assert list(type(link).objects.published().tagged("sleep")) == [link]


def test_sitemap_lists_resources_pages(client, drug, make_tip):
    tip = make_tip()
    make_tip("Hidden", published=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assertContains(response, drug.get_absolute_url())
    assertContains(response, tip.get_absolute_url())
    assertContains(response, "/tapering/planner/")
    assertNotContains(response, "/tips/hidden/")


def test_drug_liquid_choices_are_labelled(drug):
    assert drug.get_liquid_display() == "In some countries"
    assert Drug.Liquid.values == ["yes", "some", "no", "unknown"]
