"""The one plain_text: what search documents, summaries and word counts read from stored HTML."""

from withdrawal_site.markdown import plain_text, render_markdown


def test_tags_go_and_entities_are_decoded_once():
    assert plain_text(render_markdown("Salt & vinegar <3")) == "Salt & vinegar <3"
    assert plain_text("<p>Fish &amp;amp; chips</p>") == "Fish &amp; chips"


def test_whitespace_collapses_and_empty_input_is_empty():
    assert plain_text("<p>One</p>\n\n<ul><li>two</li>\n<li>three</li></ul>") == "One two three"
    assert plain_text("") == ""
