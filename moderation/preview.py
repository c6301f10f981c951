"""The proposed content as it would look once published.

Markdown goes through the site's one pipeline (`render_markdown`), the same
call the content apps make when they save, so the editor approves exactly the
HTML that readers will get. It is rendered once, when the submission is saved
or changed (`rendered_fields`), and stored on it: the status and review pages
only read the stored HTML.
"""

from withdrawal_site.markdown import render_markdown

from .models import Submission

# Which stored fields of each kind are Markdown on the published object.
MARKDOWN_FIELDS: dict[str, tuple[str, ...]] = {
    Submission.Kind.TIP: ("body",),
    Submission.Kind.EXPERIENCE: ("body",),
    Submission.Kind.RESOURCE: ("description",),
    Submission.Kind.ARTICLE: ("body", "sources"),
    # A directory listing's description is plain text on its page, so it is previewed as such.
}


def rendered_fields(kind: str, data: dict) -> dict[str, str]:
    """The sanitised HTML of each Markdown field of `data`, to store on the submission."""
    data = data or {}
    return {name: render_markdown(str(data.get(name, ""))) for name in MARKDOWN_FIELDS.get(kind, ())}


def preview_context(submission: Submission) -> dict:
    data = submission.data or {}
    rendered = submission.rendered
    if not rendered and MARKDOWN_FIELDS.get(submission.kind):
        # Saved before HTML was stored; render() is bounded, so this stays cheap.
        rendered = rendered_fields(submission.kind, data)
    return {"data": data, "rendered": rendered, "byline": submission.author_name}
