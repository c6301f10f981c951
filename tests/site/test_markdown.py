"""The single Markdown pipeline: nothing dangerous survives it.

The output is parsed as a browser would, and every element, attribute and URL
is checked against the allow-list, so an escaped `&lt;script&gt;` (harmless
text) is not mistaken for a tag.
"""

import re
from html.parser import HTMLParser

import pytest

from withdrawal_site.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EXTERNAL_LINK_REL,
    render,
    render_markdown,
)

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.elements


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see: whitespace and control characters removed."""
    cleaned = re.sub(r"[\x00-\x20\x7f\u00ad\u200b-\u200f\u2060\ufeff]", "", url)
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else None


def assert_safe(html: str) -> None:
    for tag, attrs in parse(html):
        assert tag in ALLOWED_TAGS, f"disallowed element <{tag}> in {html!r}"
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs.items():
            assert name in allowed, f"disallowed attribute {name}= on <{tag}> in {html!r}"
            if name == "href":
                scheme = url_scheme(value or "")
                assert scheme is None or scheme in SAFE_SCHEMES, f"unsafe URL {value!r}"
            if name == "rel":
                assert value == EXTERNAL_LINK_REL


XSS_PAYLOADS = [
    # Script and style, plain and malformed.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<<script>alert(1);//<</script>",
    # javascript: and data: URLs in links, images and reference links.
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](javascript&#58;alert(1))",
    "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[click](&#x6A;avascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](java\nscript:alert(1))",
    "[click](javascript\u200b:alert(1))",
    "[click](\u200bjavascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert(1))",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](https://tracker.example/pixel.gif)",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "[ref][1]\n\n[1]: data:text/html,<script>alert(1)</script>",
    # Raw HTML with event handlers, forms, frames and objects.
    '<a href="javascript:alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    "<iframe src=https://evil.example></iframe>",
    "<object data=evil.swf></object><embed src=evil.swf>",
    '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form>',
    '<input autofocus onfocus="alert(1)">',
    '<a href="https://ok.example" onclick="alert(1)" style="position:fixed">x</a>',
    # Attribute injection through Markdown link titles and URLs.
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1))',
    '[x](https://ok.example" onmouseover="alert(1))',
    '[x](https://ok.example?a="><script>alert(1)</script>)',
    # SVG and MathML tricks.
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<math href="javascript:alert(1)">x</math>',
    # Entities, comments and malformed nesting.
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!--<script>alert(1)</script>-->",
    "<p title='</p><script>alert(1)</script>'>x</p>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="x"<img src=x onerror=alert(1)>',
    "<base href=https://evil.example/><meta http-equiv=refresh content=0;url=https://evil.example>",
    "<details open ontoggle=alert(1)>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_xss_payload_survives(payload):
    assert_safe(render_markdown(payload))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_inside_ordinary_markdown_are_neutralised(payload):
    text = f"# Heading\n\nSome **text** before.\n\n- a list item {payload}\n\n> quote {payload}\n"
    assert_safe(render_markdown(text))


def test_there_are_at_least_thirty_payloads():
    assert len(XSS_PAYLOADS) >= 30


def test_raw_html_is_shown_as_text_not_dropped():
    html = render_markdown("Use <b>bold</b> tags")
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_ordinary_markdown_renders():
    html = render_markdown(
        "Some *emphasis*, **strong**, `code`.\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    for fragment in ("<em>emphasis</em>", "<strong>strong</strong>", "<code>code</code>", "<ol>", "<table>"):
        assert fragment in html


def test_external_links_get_nofollow_noopener_and_internal_links_do_not():
    html = render_markdown("[out](https://example.org/) [in](/drugs/) [mail](mailto:a@example.org)")
    links = [attrs for tag, attrs in parse(html) if tag == "a"]
    assert links[0] == {"href": "https://example.org/", "rel": "nofollow noopener"}
    assert links[1] == {"href": "/drugs/"}
    assert links[2] == {"href": "mailto:a@example.org"}


def test_tel_links_survive():
    assert 'href="tel:+441234567890"' in render_markdown("[call](tel:+441234567890)")


def test_images_become_links_so_pages_never_fetch_third_party_content():
    html = render_markdown("![a chart](https://example.org/chart.png)")
    assert "<img" not in html
    assert parse(html)[-1] == ("a", {"href": "https://example.org/chart.png", "rel": "nofollow noopener"})


def test_headings_start_at_h2_with_namespaced_anchors():
    result = render("# Why taper slowly\n\n## The last steps\n\ntext")
    assert '<h2 id="section-why-taper-slowly">' in result.html
    assert '<h3 id="section-the-last-steps">' in result.html
    assert [h.anchor for h in result.headings] == ["section-why-taper-slowly", "section-the-last-steps"]


def test_empty_and_none_input():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
