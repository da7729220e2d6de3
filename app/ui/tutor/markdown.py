"""The little Markdown a chat model still writes, as safe HTML for a chat bubble.

The prompts ask for plain sentences, but Qwen2.5 still writes **bold**, lists, the odd
heading, and sometimes LaTeX for fractions (``\\frac{3}{4}``, ``$\\frac{1}{2}$``). A
child should see "3/4" and a bullet, not backslashes and asterisks. Everything is
HTML-escaped first, so nothing the model writes can become markup of its own; only the
constructs below are turned into the few tags a ``QTextDocument`` renders.
"""

from __future__ import annotations

import html
import re

from app.core.tutor.latex import delatex

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_BULLET = re.compile(r"^\s*[-*+•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")


def markdown_html(text: str) -> str:
    """``text`` (from the model) as HTML lines joined by ``<br>``."""
    return "<br>".join(_line(line) for line in delatex(text).split("\n"))


def _line(line: str) -> str:
    if match := _HEADING.match(line):
        return f"<b>{_inline(match[1])}</b>"
    if match := _BULLET.match(line):
        return f"&nbsp;&nbsp;• {_inline(match[1])}"
    if match := _NUMBERED.match(line):
        return f"&nbsp;&nbsp;{match[1]}. {_inline(match[2])}"
    return _inline(line)


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = _CODE.sub(r"\1", text)
    text = _BOLD.sub(lambda m: f"<b>{m[1] or m[2]}</b>", text)
    return _ITALIC.sub(r"<i>\1</i>", text)
