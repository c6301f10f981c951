"""The proposed content as it would look once published.

Markdown goes through the site's one pipeline (`render_markdown`), the same
call the content apps make when they save, so the editor approves exactly the
HTML that readers will get.
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


def preview_context(submission: Submission) -> dict:
    data = submission.data or {}
    rendered = {
        name: render_markdown(str(data.get(name, ""))) for name in MARKDOWN_FIELDS.get(submission.kind, ())
    }
    return {"data": data, "rendered": rendered, "byline": submission.author_name}
