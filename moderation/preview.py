"""The proposed content as it would look once published.

Markdown goes through the site's one pipeline (`render_markdown`), the same
call the content apps make when they save, so the editor approves exactly the
HTML that readers will get. It is rendered once, when the submission is saved
or changed (`rendered_fields`), and stored on it: the status and review pages
only read the stored HTML. Which fields are Markdown, and the template that
shows the preview, are the kind's own (kinds.py).
"""

from withdrawal_site.markdown import render_markdown

from . import kinds
from .models import Submission


def _markdown_fields(kind: str) -> tuple[str, ...]:
    registered = kinds.find(kind)
    return registered.markdown_fields if registered is not None else ()


def rendered_fields(kind: str, data: dict) -> dict[str, str]:
    """The sanitised HTML of each Markdown field of `data`, to store on the submission."""
    data = data or {}
    return {name: render_markdown(str(data.get(name, ""))) for name in _markdown_fields(kind)}


def preview_context(submission: Submission) -> dict:
    data = submission.data or {}
    rendered = submission.rendered
    if not rendered and _markdown_fields(submission.kind):
        # Saved before HTML was stored; render() is bounded, so this stays cheap.
        rendered = rendered_fields(submission.kind, data)
    kind = kinds.find(submission.kind)
    template = kind.preview_template if kind is not None else "moderation/contributions/unknown.html"
    return {
        "data": data,
        "rendered": rendered,
        "byline": submission.author_name,
        "preview_template": template,
    }
