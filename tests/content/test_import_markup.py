"""Quiz text to Markdown: HTML converted, scripts dropped, Moodle file links rewritten."""

from __future__ import annotations

from app.core.content.importers.markup import plugin_file_names, to_markdown


def test_html_becomes_markdown() -> None:
    html = ("<p>Is <b>3/4</b> bigger than <i>2/3</i>?</p><ul><li>yes</li><li>no</li></ul>"
            "<p>x&nbsp;=&nbsp;1</p>")
    assert to_markdown(html) == "Is **3/4** bigger than *2/3*?\n\n- yes\n- no\n\nx = 1"


def test_scripts_and_styles_are_dropped_with_their_content() -> None:
    html = "<p>a</p><script>alert('hi')</script><style>.x{color:red}</style><p>b</p>"
    assert to_markdown(html) == "a\n\nb"


def test_moodle_file_links_point_into_media() -> None:
    html = '<p><img src="@@PLUGINFILE@@/my%20pizza.png" alt="a pizza"></p>'
    assert plugin_file_names(html) == ["my pizza.png"]
    assert to_markdown(html) == "![a pizza](media/my-pizza.png)"


def test_plain_and_markdown_are_kept_and_blanks_survive() -> None:
    assert to_markdown("**bold** _____ here", "markdown") == "**bold** _____ here"
    assert to_markdown("1 < 2 and 3 > 2", "moodle_auto_format") == "1 < 2 and 3 > 2"
    assert to_markdown("Fill in: _____", "html") == "Fill in: _____"
