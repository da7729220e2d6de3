"""LaTeX maths a chat model writes, as the plain text a learner reads.

The prompts ask for plain sentences, but Qwen2.5 still writes ``\\frac{5}{7}``,
``$\\frac{1}{2} \\times 4$`` or ``\\[ ... \\]``. The chat bubble shows such maths as plain
text (``5/7``, ``1/2 × 4``), and the checkers read it the same way: a false
``\\frac{7}{7} - \\frac{2}{7} = \\frac{4}{7}`` must be caught like ``7/7 - 2/7 = 4/7``,
and a revealed ``\\frac{5}{7}`` like ``5/7``. One function, so what is checked is what is
shown.
"""

from __future__ import annotations

import re

# "1\frac{1}{2}" is the mixed number 1 1/2, not 11/2.
_MIXED_FRAC = re.compile(r"(\d)\s*(?=\\[dt]?frac\s*\{)")
_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_LATEX_SYMBOLS = {r"\times": "×", r"\div": "÷", r"\cdot": "·", r"\le": "≤", r"\ge": "≥",
                  r"\neq": "≠", r"\approx": "≈", r"\%": "%"}
_MATH_DELIMITERS = re.compile(r"\$\$?|\\\(|\\\)|\\\[|\\\]")
_TEXT_COMMAND = re.compile(r"\\(?:text|mathrm|mathbf)\s*\{([^{}]*)\}")


def delatex(text: str) -> str:
    """LaTeX maths as plain text: ``$\\frac{3}{4} \\times 2$`` → ``3/4 × 2``."""
    if "\\" not in text and "$" not in text:
        return text
    text = _MIXED_FRAC.sub(r"\1 ", text)
    text = _FRAC.sub(r"\1/\2", text)
    text = _TEXT_COMMAND.sub(r"\1", text)
    for command, symbol in _LATEX_SYMBOLS.items():
        text = re.sub(re.escape(command) + r"(?![A-Za-z])", symbol, text)
    return _MATH_DELIMITERS.sub("", text)
