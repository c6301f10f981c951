"""The one Markdown pipeline for every piece of text people write.

Contributors, editors and admins all write Markdown; nothing they type reaches a
page except through `render_markdown`. Defence in depth:

1. Raw HTML in the Markdown source is escaped, not passed through, so a
   `<script>` tag shows as text.
2. While the document is a tree, images become plain links (a page must never
   fetch from a third party), external links get `rel="nofollow noopener"`,
   and headings get namespaced anchors.
3. nh3 sanitises the result against an explicit allow-list of tags,
   attributes and URL schemes. That is the last gate, whatever the earlier
   steps missed.

Bounded cost: Python-Markdown is superlinear on some inputs (every unmatched
`[` or `](` scans to the end of its paragraph, so a field of brackets costs
seconds to minutes) and recursive on deep nesting (RecursionError). Forms call
`markdown_problem()` first and refuse such text with a clear message, keeping
what was typed. `render()` runs the same check and, for text that fails it or
still overflows the stack, falls back to escaped plain paragraphs: linear,
never an exception, so stored data can never take a page down.
"""

import html as html_entities
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
        "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "strong",
        "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "td": {"align"}, "th": {"align"},
}  # fmt: skip
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EXTERNAL_LINK_REL = "nofollow noopener"
HEADING_ID_PREFIX = "section-"


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    headings: tuple[Heading, ...]


def is_external_url(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() in {"http", "https"} or url.strip().startswith("//")


class _SafeTreeprocessor(Treeprocessor):
    """Rewrites links and images while the document is still a tree."""

    def run(self, root: Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    parent[index] = self._image_as_link(child)
        for link in root.iter("a"):
            link.attrib.pop("rel", None)
            if is_external_url(link.get("href", "")):
                link.set("rel", EXTERNAL_LINK_REL)

    @staticmethod
    def _image_as_link(image: Element) -> Element:
        link = Element("a", {"href": image.get("src", "")})
        link.text = image.get("alt") or image.get("src", "")
        link.tail = image.tail
        return link


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Escape raw HTML instead of passing it through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeTreeprocessor(md), "withdrawal_safe", 1)


def _heading_slug(value: str, separator: str) -> str:
    # A prefix keeps user anchors from clobbering the page's own element ids.
    return HEADING_ID_PREFIX + (slugify(value) or "part")


_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f\u00ad\u200b-\u200f\u2060\ufeff]+")
_SCHEME = re.compile(r"^([^/?#]*?):")


def _has_allowed_scheme(url: str) -> bool:
    """Judge a URL as a lenient browser would: invisible characters removed."""
    match = _SCHEME.match(_INVISIBLE.sub("", url).lower())
    return match is None or match.group(1) in ALLOWED_URL_SCHEMES


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and not value.startswith(HEADING_ID_PREFIX):
        return None
    if attribute == "href" and not _has_allowed_scheme(value):
        return None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        tag_attribute_values={"a": {"rel": {EXTERNAL_LINK_REL}}},
        attribute_filter=_attribute_filter,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def _collect_headings(tokens: list[dict]) -> tuple[Heading, ...]:
    headings: list[Heading] = []
    for token in tokens:
        headings.append(Heading(level=token["level"], anchor=token["id"], text=token["name"]))
        headings.extend(_collect_headings(token.get("children", [])))
    return tuple(headings)


# Limits on the shapes that make Python-Markdown slow or recursive. Generous
# for real writing (measured: the worst text within them renders in well under
# a second, see tests/site/test_markdown_bounds.py and the README).
MAX_BRACKET_SCAN = 200_000  # characters the link parser would scan for closing brackets
MAX_DELIMITER_RUN = 50  # consecutive * or _ (outside a horizontal rule line)
MAX_NESTING = 30  # > quote levels, or list markers opening one line
MAX_DELIMITERS_PER_BLOCK = 600  # * and _ runs in one paragraph: emphasis nests recursively

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_ANY_DELIMITER_RUN = re.compile(r"[*_]+")
_DELIMITER_RUN = re.compile(rf"[*_]{{{MAX_DELIMITER_RUN + 1},}}")
_RULE_LINE = re.compile(r"^[ \t]*([*_-])([ \t]*\1)*[ \t]*$")
_QUOTE_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
_LIST_PREFIX = re.compile(r"^[ \t]*((?:(?:[*+-]|\d{1,9}[.)])[ \t]+)+)")
_LIST_MARKER = re.compile(r"[*+-]|\d{1,9}[.)]")

TOO_COMPLEX_MESSAGE = _(
    "This text has a shape we cannot display safely: very long runs of brackets, asterisks or "
    "underscores, or very deep nesting of quotes or lists. Please simplify those parts "
    "(for example remove unmatched “[” or “(” characters). Your text is kept below."
)


def _bracket_scan_cost(block: str) -> int:
    """How many characters the link parser would scan looking for `]` and `)` in one block.

    Each `[` scans to its matching `]`, or to the end of the block when there is
    none; each `](` scans likewise for its `)`. Linear to compute.
    """
    cost = 0
    brackets: list[int] = []
    parens: list[int] = []  # -1 for a parenthesis that does not open a link target
    escaped = False
    for index, char in enumerate(block):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            brackets.append(index)
        elif char == "]":
            if brackets:
                cost += index - brackets.pop()
        elif char == "(":
            parens.append(index if index and block[index - 1] == "]" else -1)
        elif char == ")" and parens and (start := parens.pop()) >= 0:
            cost += index - start
    end = len(block)
    cost += sum(end - start for start in brackets)
    cost += sum(end - start for start in parens if start >= 0)
    return cost


def markdown_problem(text: str) -> str | None:
    """None when `text` renders in bounded time; otherwise the reason, for logs and tests."""
    text = text or ""
    blocks = _BLOCK_BREAK.split(text)
    scan = sum(_bracket_scan_cost(block) for block in blocks)
    if scan > MAX_BRACKET_SCAN:
        return "brackets"
    if any(len(_ANY_DELIMITER_RUN.findall(block)) > MAX_DELIMITERS_PER_BLOCK for block in blocks):
        return "emphasis-nesting"
    for line in text.splitlines():
        if _DELIMITER_RUN.search(line) and not _RULE_LINE.match(line):
            return "delimiter-run"
        quotes = _QUOTE_PREFIX.match(line)
        if quotes and quotes.group(1).count(">") > MAX_NESTING:
            return "quote-nesting"
        markers = _LIST_PREFIX.match(line)
        if markers and len(_LIST_MARKER.findall(markers.group(1))) > MAX_NESTING:
            return "list-nesting"
    return None


def validate_markdown(text: str) -> None:
    """Raise a form ValidationError when `text` cannot be rendered within our bounds."""
    if markdown_problem(text) is not None:
        raise ValidationError(TOO_COMPLEX_MESSAGE, code="markdown_too_complex")
    try:
        _render_markdown(text)
    except RecursionError:
        raise ValidationError(TOO_COMPLEX_MESSAGE, code="markdown_too_complex") from None


def _plain_paragraphs(text: str) -> str:
    """The text escaped, in paragraphs: what a reader sees when Markdown cannot be used."""
    paragraphs = [part.strip() for part in _BLOCK_BREAK.split(text or "") if part.strip()]
    return "\n".join("<p>" + escape(part).replace("\n", "<br>\n") + "</p>" for part in paragraphs)


def render(text: str) -> RenderedMarkdown:
    """Markdown to sanitised HTML, plus the headings for a table of contents.

    Never slow and never raises on odd text: see the module docstring.
    """
    if markdown_problem(text) is not None:
        return RenderedMarkdown(html=_cleaner().clean(_plain_paragraphs(text)), headings=())
    try:
        return _render_markdown(text)
    except RecursionError:
        return RenderedMarkdown(html=_cleaner().clean(_plain_paragraphs(text)), headings=())


def _render_markdown(text: str) -> RenderedMarkdown:
    converter = markdown.Markdown(
        extensions=[
            "markdown.extensions.tables",
            "markdown.extensions.sane_lists",
            "markdown.extensions.def_list",
            TocExtension(baselevel=2, slugify=_heading_slug, toc_depth="2-3"),
            _SafeExtension(),
        ],
        output_format="html",
    )
    html = converter.convert(text or "")
    return RenderedMarkdown(
        html=_cleaner().clean(html),
        headings=_collect_headings(getattr(converter, "toc_tokens", [])),
    )


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML, safe to store and to mark safe in templates."""
    return render(text).html


def sanitize_html(html: str) -> str:
    """Sanitise HTML that did not come from `render` (for example a stored field)."""
    return _cleaner().clean(html)


def plain_text(html: str) -> str:
    """The words of stored HTML, as a reader would read them: for search, summaries and word counts.

    Tags stripped and entities decoded, so "Salt &amp; vinegar &lt;3" becomes
    "Salt & vinegar <3": whatever shows this text escapes it once, itself (a
    search snippet escaped twice would show "&amp;"). Whitespace collapsed.
    """
    return " ".join(html_entities.unescape(strip_tags(html or "")).split())
