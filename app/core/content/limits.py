"""How deeply nested untrusted text may be, measured in linear time before parsing.

The HTML-to-Markdown converter and ``tomllib`` recurse once per level of nesting, so a
file of 5,000 ``<b>`` or ``[`` ends in ``RecursionError`` (and, on a worker thread
with a smaller stack, could crash the process). These scans count the nesting first,
without recursing, so the caller can refuse or simplify the text with a clear message.
The limits are far above anything a real quiz or pack uses (see docs/importers.md).
"""

from __future__ import annotations

import re

MAX_MARKUP_DEPTH = 100  # nested HTML elements in one question field
MAX_TOML_DEPTH = 32  # nested arrays and inline tables in a pack file (packs use 3)

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?(/?)>")
# Each alternative takes a different first character, so these never backtrack.
_MULTILINE_STRING = re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL)
_BASIC_STRING = re.compile(r'(?:[^"\\\n]|\\.)*"')
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})


def markup_depth(text: str) -> int:
    """An upper bound of how deeply the elements of an HTML fragment nest.

    Unclosed elements count as open to the end, so the bound is never below what an
    HTML parser builds.
    """
    depth = deepest = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.groups()
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def toml_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` outside strings and comments in TOML text."""
    depth = deepest = 0
    pos, size = 0, len(text)
    while pos < size:
        char = text[pos]
        if char == "#":
            pos = _line_end(text, pos)
        elif char in "\"'":
            pos = _string_end(text, pos)
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
        pos += 1
    return deepest


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _string_end(text: str, pos: int) -> int:
    """The position of the last character of the string starting at ``pos``."""
    quote = text[pos]
    if text.startswith("'''", pos):
        end = text.find("'''", pos + 3)
        return len(text) if end < 0 else end + 2
    if text.startswith('"""', pos):
        match = _MULTILINE_STRING.match(text, pos + 3)
        return len(text) if match is None else match.end() - 1
    if quote == "'":
        end, newline = text.find("'", pos + 1), _line_end(text, pos)
        return newline if end < 0 or end > newline else end
    match = _BASIC_STRING.match(text, pos + 1)
    return _line_end(text, pos) if match is None else match.end() - 1
