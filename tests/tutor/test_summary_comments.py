"""Lesson summaries (cached, always five safe bullets) and teacher comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.content.model import Pack
from app.core.tutor.comments import SkillReport, progress_comment
from app.core.tutor.safety import SafetyFilter
from app.core.tutor.summary import cache_key, parse_bullets, summarise
from inference.embed import EmbedEngine
from inference.llm import ChatEngine
from tests.tutor.test_service import ScriptedChat


def test_bullets_are_parsed_in_any_common_style() -> None:
    text = "Here you go:\n- One idea.\n* Two ideas.\n3) Three.\n• Four things.\nplain line"
    assert parse_bullets(text) == ["One idea.", "Two ideas.", "Three.", "Four things."]


@pytest.mark.slow
def test_short_and_unsafe_model_output_is_completed_from_the_lesson(
        tmp_path: Path, fractions: Pack, embed_engine: EmbedEngine) -> None:
    lesson = fractions.lessons[0]
    chat = ScriptedChat("- A fraction is part of a whole.\n- You are stupid and worthless.\n"
                        "- 1/2 + 1/4 = 2/6.")
    bullets = summarise(fractions, lesson, chat=chat, safety=SafetyFilter(embed_engine),
                        model_sha256="abc", cache_dir=tmp_path)
    assert len(bullets) == 5 and bullets[0] == "A fraction is part of a whole."
    assert not any("stupid" in b or "2/6" in b for b in bullets)
    again = summarise(fractions, lesson, chat=ScriptedChat("- other"),
                      safety=SafetyFilter(embed_engine), model_sha256="abc", cache_dir=tmp_path)
    assert again == bullets  # from the cache
    assert cache_key(fractions, lesson, "abc") != cache_key(fractions, lesson, "def")


@pytest.mark.slow
def test_the_real_model_summarises_a_lesson(tmp_path: Path, fractions: Pack,
                                            chat_engine: ChatEngine,
                                            embed_engine: EmbedEngine) -> None:
    bullets = summarise(fractions, fractions.lessons[0], chat=chat_engine,
                        safety=SafetyFilter(embed_engine), model_sha256="real",
                        cache_dir=tmp_path)
    assert len(bullets) == 5 and all(b.strip() for b in bullets)


def test_teacher_comment_names_strengths_needs_and_effort() -> None:
    skills = [SkillReport("Equivalent fractions", 0.97, 12, 11),
              SkillReport("Adding unlike fractions", 0.31, 8, 3),
              SkillReport("Mixed numbers", 0.6, 0, 0)]
    text = progress_comment("Maya", skills)
    assert text.startswith("Maya has mastered 1 of 3 skills (Equivalent fractions).")
    assert "20 answers, 70% right" in text
    assert "Suggest starting with Adding unlike fractions (mastery 31%)" in text
    zh = progress_comment("小明", skills, language="zh-Hans")
    assert zh.startswith("小明已掌握3项技能中的1项") and "正确率70%" in zh
    assert progress_comment("Sam", []) == "Sam has not practised yet."


def test_a_skill_never_practised_is_not_started_rather_than_weak() -> None:
    skills = [SkillReport("Equivalent fractions", 0.7, 3, 2),
              SkillReport("Mixed numbers", 0.0, 0, 0)]
    text = progress_comment("Maya", skills)
    assert "Needs practice" not in text and "Mixed numbers" not in text
    assert text.endswith("No skill practised so far is below 50% mastery. "
                         "Not started yet: 1 skill.")
    assert progress_comment("小明", skills, language="zh").endswith("还有1项技能没有开始。")
