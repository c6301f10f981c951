"""The article page's schema.org block, whole: what search engines read must not drift."""

import json
import re

import pytest
from django.core.serializers.json import DjangoJSONEncoder

pytestmark = pytest.mark.django_db


def jsonld_block(response) -> str:
    (block,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return block


def iso(value) -> str:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def test_article_jsonld_is_the_whole_medical_web_page(client, published_article):
    response = client.get(published_article.get_absolute_url())
    data = json.loads(jsonld_block(response))
    data["keywords"] = sorted(data["keywords"])
    assert data == {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": "Why people taper slowly",
        "headline": "Why people taper slowly",
        "description": published_article.summary,
        "url": f"http://testserver{published_article.get_absolute_url()}",
        "inLanguage": "en",
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "publisher": {"@type": "Organization", "name": "Withdrawal Commons"},
        "keywords": ["antidepressants", "tapering"],
        "dateModified": iso(published_article.updated_at),
        "datePublished": iso(published_article.published_at),
        "lastReviewed": published_article.last_reviewed.isoformat(),
        "reviewedBy": {"@type": "Organization", "name": "Withdrawal Commons editors"},
        "author": {"@type": "Person", "name": "The editors"},
    }


def test_an_unreviewed_article_without_byline_or_tags_leaves_those_out(client, make_article):
    article = make_article(title="Plain")
    data = json.loads(jsonld_block(client.get(article.get_absolute_url())))
    assert data["keywords"] == []
    assert "lastReviewed" not in data and "reviewedBy" not in data and "author" not in data


def test_markup_in_a_title_cannot_close_the_script_block(client, make_article):
    article = make_article(title="</script><script>alert(1)</script> & more")
    block = jsonld_block(client.get(article.get_absolute_url()))
    assert "<" not in block and ">" not in block and "&" not in block.replace("\\u0026", "")
    assert json.loads(block)["name"] == "</script><script>alert(1)</script> & more"
