"""Question text from quiz formats (HTML, Moodle auto-format, Markdown) to Markdown.

Moodle stores pictures as ``@@PLUGINFILE@@/name.png`` next to base64 file data; these
links become ``media/name.png`` (the importer writes the files there).
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from bs4.exceptions import ParserRejectedMarkup
from markdownify import markdownify

from app.core.content.importers.writer import media_name
from app.core.content.limits import MAX_MARKUP_DEPTH, markup_depth

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_PLUGINFILE = re.compile(r"@@PLUGINFILE@@/([^\"'\s)>]+)")
_BLANK_LINES = re.compile(r"\n\s*\n(\s*\n)+")
_HIDDEN = re.compile(r"<(script|style)\b", re.IGNORECASE)


def plugin_file_names(text: str) -> list[str]:
    """The file names a Moodle text refers to with ``@@PLUGINFILE@@/``."""
    return [unquote(m.group(1)) for m in _PLUGINFILE.finditer(text)]


def _without_scripts(text: str) -> str:
    """``text`` without ``<script>``/``<style>`` elements (an unclosed one runs to the
    end, as in a browser); each character is looked at once."""
    lower, parts, pos = text.lower(), [], 0
    while match := _HIDDEN.search(text, pos):
        parts.append(text[pos:match.start()])
        end = lower.find(f"</{match.group(1).lower()}", match.end())
        if end < 0:
            return " ".join(parts)
        close = lower.find(">", end)
        pos = len(text) if close < 0 else close + 1
    parts.append(text[pos:])
    return " ".join(parts)


def plain_words(html_text: str) -> str:
    """The words of an HTML fragment, in linear time and without recursion."""
    words = _TAG.sub(" ", _without_scripts(html_text))
    return " ".join(html.unescape(words).split()).replace("*", "\\*")


def to_markdown(text: str, fmt: str = "html") -> str:
    """``text`` in ``fmt`` (html, moodle, moodle_auto_format, markdown, plain, plain_text)
    as Markdown; HTML is converted, Markdown and plain text are kept as written."""
    text = _PLUGINFILE.sub(lambda m: "media/" + media_name(unquote(m.group(1))), text)
    if fmt in ("markdown", "plain", "plain_text"):
        return text.strip()
    if fmt != "html" and not _TAG.search(text):
        return text.strip()
    if "<" not in text and "&" not in text:
        # Plain text in an HTML field (most Anki and spreadsheet cells): what markdownify
        # would produce, without the cost of an HTML parse per cell.
        return " ".join(text.split()).replace("*", "\\*")
    if markup_depth(text) > MAX_MARKUP_DEPTH:
        # markdownify recurses once per element: deeper markup would end in RecursionError.
        # No quiz nests this deep, so keep the words and drop the markup.
        return plain_words(text)
    # markdownify drops <script> and <style> with their content by default; its
    # ``strip`` option would instead keep their text, so it is not used.
    try:
        converted = markdownify(text, heading_style="ATX", bullets="-",
                                escape_underscores=False)
    except ParserRejectedMarkup:  # e.g. "<![CDA": html.parser gives up; keep the words
        return plain_words(text)
    lines = [line.rstrip() for line in converted.replace("\xa0", " ").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
