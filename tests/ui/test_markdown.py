"""The Markdown and LaTeX a chat model writes become clean bubble HTML, never markup."""

from __future__ import annotations

from app.core.tutor.latex import delatex
from app.ui.tutor.markdown import markdown_html


def test_latex_fractions_and_symbols_become_plain_text() -> None:
    assert delatex(r"$\frac{3}{4} + \frac{1}{8} = \frac{7}{8}$") == "3/4 + 1/8 = 7/8"
    assert delatex(r"\( 2 \times 3 \div 6 \)") == " 2 × 3 ÷ 6 "
    assert delatex(r"$$\dfrac{1}{2}\text{ of a pizza}$$") == "1/2 of a pizza"


def test_bold_lists_and_headings_render() -> None:
    text = "### Steps\n1. Find a **common denominator**.\n- Add the *tops*.\n* Keep the bottom."
    assert markdown_html(text) == (
        "<b>Steps</b><br>&nbsp;&nbsp;1. Find a <b>common denominator</b>.<br>"
        "&nbsp;&nbsp;• Add the <i>tops</i>.<br>&nbsp;&nbsp;• Keep the bottom.")


def test_fractions_and_multiplication_stars_stay_as_written() -> None:
    assert markdown_html("3/4 is bigger than 2/3") == "3/4 is bigger than 2/3"
    assert markdown_html("2*3 = 6 and 4*5 = 20") == "2*3 = 6 and 4*5 = 20"


def test_model_text_cannot_inject_markup() -> None:
    html = markdown_html('<img src="x"> **<script>alert(1)</script>**')
    assert "<img" not in html and "<script>" not in html
    assert "&lt;img" in html and "<b>&lt;script&gt;" in html
