"""Rendering Markdown has a bounded cost, whatever a contributor types (issue 11, finding 2).

Each worst case is either refused by `validate_markdown` (the form's check) or
rendered fast; `render()` itself never takes long and never raises, so text
already stored cannot take a page down. The bound is generous (1 s on a busy
CI machine); the measured figures are in the README.
"""

import time

import pytest
from django.core.exceptions import ValidationError

from withdrawal_site.markdown import (
    MAX_BRACKET_SCAN,
    markdown_problem,
    render,
    render_markdown,
    validate_markdown,
)

BODY_MAX = 20_000
BUDGET_SECONDS = 1.0

WORST_CASES = {
    "bracket-pairs-9995": "[a" * 9995,
    "field-of-brackets": "[" * BODY_MAX,
    "emphasis-recursion": "*" * 2000 + "a" + "*" * 2000,
    "underscore-recursion": "_" * 2000 + "a" + "_" * 2000,
    "deep-quote": ">" * BODY_MAX,
    "deep-quote-lines": "".join(">" * depth + " a\n" for depth in range(190)),
    "list-markers-on-one-line": "1. " * 6000,
    "link-chain": "[a](b)" * 3300,
    "unclosed-link-targets": "[](" * 6600,
    "images": "![a" * 6600,
    "nested-emphasis": "*a " * 3300 + "b" + " a*" * 3300,
    "nested-brackets": "[" * 9000 + "a" + "]" * 9000,
    "backticks": "`a" * 9995,
    "table": "|a" * 4000 + "\n|" + "-|" * 4000 + "\n",
}


def timed(call, *args):
    started = time.perf_counter()
    result = call(*args)
    return result, time.perf_counter() - started


@pytest.mark.parametrize("name", WORST_CASES)
def test_worst_case_is_refused_or_validated_fast(name):
    text = WORST_CASES[name]
    started = time.perf_counter()
    try:
        validate_markdown(text)
    except ValidationError as error:
        assert error.code == "markdown_too_complex"
    assert time.perf_counter() - started < BUDGET_SECONDS


@pytest.mark.parametrize("name", WORST_CASES)
def test_worst_case_renders_within_budget_and_never_raises(name):
    html, seconds = timed(render_markdown, WORST_CASES[name])
    assert seconds < BUDGET_SECONDS, f"{name} took {seconds:.2f} s"
    assert isinstance(html, str)


def test_refused_text_still_renders_as_escaped_paragraphs():
    html = render_markdown("<b>hi</b>\n\n" + "[" * 5000)
    assert html.startswith("<p>&lt;b&gt;hi&lt;/b&gt;</p>")
    assert "<b>" not in html


@pytest.mark.parametrize(
    "text",
    [
        "A [link](https://example.org) and [another](https://example.org/b).",
        "\n".join(f"- [Source {n}](https://example.org/{n}) (2019)" for n in range(200)),
        "***bold italic*** and __strong__ and a rule:\n\n" + "*" * 80 + "\n\n" + "_" * 60,
        "> quoted\n>> twice\n\n1. one\n2. two\n   - nested",
        "Fill in: ________ and [1], [2], [3].",
    ],
)
def test_ordinary_writing_is_not_refused(text):
    assert markdown_problem(text) is None
    validate_markdown(text)
    assert "<p>" in render_markdown(text) or "<li>" in render_markdown(text)


def test_the_bracket_limit_is_below_what_is_slow():
    # Just inside the limit: unmatched brackets spread over one paragraph.
    count = int((2 * MAX_BRACKET_SCAN) ** 0.5)
    text = "[a" * (count // 2)
    assert markdown_problem(text) is None
    _html, seconds = timed(render, text)
    assert seconds < BUDGET_SECONDS / 2, f"{seconds:.2f} s"
