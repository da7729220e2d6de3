"""The translation sources: complete, consistent with the code, placeholders intact.

No Qt application needed: these read ``assets/i18n/*.ts`` and run pyside6-lupdate.
"""

from __future__ import annotations

import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.messages import QT_TRANSLATE_NOOP, Message, message

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "assets" / "i18n"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"

Messages = dict[tuple[str, str], ET.Element]


def read_ts(path: Path) -> Messages:
    found: Messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for msg in context.iter("message"):
            found[(name, msg.findtext("source", ""))] = msg
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_chinese_message_is_translated_with_the_same_placeholders() -> None:
    messages = read_ts(I18N / "lantern_zh_CN.ts")
    assert len(messages) > 300
    for (context, source), msg in messages.items():
        translation = msg.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), where
        assert (translation.text or "").strip(), where
        assert fields(translation.text or "") == fields(source), where


def test_english_and_chinese_sources_hold_the_same_messages() -> None:
    assert read_ts(I18N / "lantern_en.ts").keys() == read_ts(I18N / "lantern_zh_CN.ts").keys()


def test_the_sources_are_not_stale(tmp_path: Path) -> None:
    """Every tr()/translate()/QT_TRANSLATE_NOOP string in app/ and inference/ (adding a
    model file) is in the .ts, and no more:
    otherwise run ``make translations-update`` and translate what is new."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(LUPDATE), "-silent", "-extensions", "py", "-locations", "none",
                    str(REPO / "app"), str(REPO / "inference"), "-ts", str(fresh)],
                   check=True, timeout=120)
    extracted = set(read_ts(fresh))
    committed = set(read_ts(I18N / "lantern_zh_CN.ts"))
    assert extracted - committed == set(), "new strings: run `make translations-update`"
    assert committed - extracted == set(), "vanished strings: run `make translations-update`"


def test_core_messages_reach_lupdate(tmp_path: Path) -> None:
    """lupdate finds QT_TRANSLATE_NOOP in Qt-free code (wrapped by message() or not)."""
    source = tmp_path / "core.py"
    source.write_text('x = message(QT_TRANSLATE_NOOP("Ctx", "Hello {name}"), name=n)\n'
                      'y = QT_TRANSLATE_NOOP(\n    "Ctx", "Two "\n    "parts")\n')
    out = tmp_path / "out.ts"
    subprocess.run([str(LUPDATE), "-silent", "-extensions", "py", str(tmp_path), "-ts",
                    str(out)], check=True, timeout=120)
    assert set(read_ts(out)) == {("Ctx", "Hello {name}"), ("Ctx", "Two parts")}


def test_a_message_is_its_english_sentence_and_keeps_its_template() -> None:
    inner = QT_TRANSLATE_NOOP("Wording", "{days} days ago")
    said = message(QT_TRANSLATE_NOOP("Recommender", "Last practised {when}"),
                   when=message(inner, days=6))
    assert said == "Last practised 6 days ago" and isinstance(said, str)
    assert (said.context, said.template) == ("Recommender", "Last practised {when}")
    assert isinstance(said.params["when"], Message)
    assert said.params["when"].template == "{days} days ago"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_compiled_translations_exist(built_translations: Path, language: str) -> None:
    assert (built_translations / f"lantern_{language}.qm").stat().st_size > 0
