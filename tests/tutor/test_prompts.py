"""Prompts are versioned files; changing one must show up in this test's diff.

If you change a prompt, add a new version file (``name.vN+1.md``) and update the pinned
digest below: the review then sees both the prompt and the test change.
"""

from __future__ import annotations

import hashlib
import string

from app.core.prompts import load_prompt, prompts_dir, render_prompt

PINNED = {
    "calculation.v1.md": "8e42efea5261d7f3",
    "calculation_system.v1.md": "330f81ab3b194457",
    "lesson_summary.v1.md": "0659bd7390ab03b7",
    "teacher_comment.v1.md": "7112c36c08d5b362",
    "tutor_grounded.v1.md": "fd9fd645b251b896",
    "tutor_grounded.v2.md": "e4c984ff8261d281",
    "tutor_grounded.v3.md": "f972666af7a82530",
    "tutor_grounded.v4.md": "16a4f6a526f95ef4",
    "tutor_hint.v1.md": "979a3bcfb258dc4c",
    "tutor_hint.v2.md": "12970a13fd524523",
    "tutor_practice.v1.md": "52897418eee40be7",
    "tutor_practice.v2.md": "8385925c61bc90e9",
    "tutor_system.v1.md": "7ee6b111cef11ff3",
    "tutor_turn.v1.md": "9ac84436d4b145b6",
    "tutor_system.v2.md": "6d2a39954d83cf33",
}
FIELDS = {
    "calculation": {"question"},
    "calculation_system": set(),
    "tutor_system": set(),
    "tutor_grounded": {"language", "learner"},
    "tutor_turn": {"passages", "question"},
    "tutor_hint": {"interest", "language", "hint"},
    "tutor_practice": {"language", "question", "hint"},
    "lesson_summary": {"language", "title", "text"},
    "teacher_comment": {"language", "figures"},
}


def test_prompt_files_are_pinned() -> None:
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16]
             for p in prompts_dir().glob("*.md")}
    assert found == PINNED


def test_each_prompt_uses_exactly_its_fields() -> None:
    for name, fields in FIELDS.items():
        text, version = load_prompt(name)
        used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert used == fields, name
        assert version >= 1


def test_rendering_fills_fields_and_drops_empty_lines() -> None:
    text = render_prompt("tutor_grounded", language="Answer in English.", learner="")
    assert "{" not in text and "\n\n\n" not in text
    assert text.endswith("Answer in English.")  # the empty learner line is dropped
    turn = render_prompt("tutor_turn", passages="[1] Fractions — What is a fraction?",
                         question="What is a fraction?")
    assert "{" not in turn and turn.endswith("Question: What is a fraction?")
