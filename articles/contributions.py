"""Article drafts from the public, registered with moderation from `ArticlesConfig.ready()`."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from moderation.forms import (
    BODY_MAX,
    LIST_TEXT_MAX,
    TITLE_MAX,
    ContentForm,
    split_list,
    text_field,
    validate_list_length,
)
from moderation.kinds import ContributionKind
from moderation.targets import strip_control_characters

from . import services


def tag_slug(name: str) -> str:
    """The address a tag page would get, as django-taggit makes it ("" means none)."""
    return slugify(name, allow_unicode=True)


class ArticleForm(ContentForm):
    markdown_fields = ("body", "sources")

    title = text_field(_("Title"), TITLE_MAX)
    summary = text_field(
        _("Summary"), 500, long=True, rows=3, help_text=_("One or two sentences shown in lists.")
    )
    body = text_field(_("Article"), BODY_MAX, long=True, help_text=_("You can use Markdown."))
    sources = text_field(
        _("Sources"),
        5_000,
        long=True,
        required=False,
        help_text=_("Where the facts come from: one source a line, with a link if there is one."),
    )
    tags = forms.CharField(
        label=_("Tags"),
        max_length=LIST_TEXT_MAX,
        required=False,
        help_text=_("A few words separated by commas, for example: sleep, benzodiazepines."),
    )
    list_fields = ("tags",)

    def clean_tags(self) -> list[str]:
        names = split_list(strip_control_characters(self.cleaned_data["tags"]))
        tags = list(dict.fromkeys(tag[:50].strip() for tag in names))
        without_address = [tag for tag in tags if not tag_slug(tag)]
        if without_address:
            raise forms.ValidationError(
                _("A tag needs at least one letter or digit: %(tags)s"),
                code="tag_slug",
                params={"tags": ", ".join(without_address)},
            )
        validate_list_length(tags)
        return tags


KINDS = (
    ContributionKind(
        key="article",
        label=_("Article draft"),
        description=_("A longer piece for the articles section, with its sources."),
        form_class=ArticleForm,
        publish=services.publish_article_submission,
        markdown_fields=ArticleForm.markdown_fields,
        preview_template="articles/contributions/article.html",
        position=40,
    ),
)
