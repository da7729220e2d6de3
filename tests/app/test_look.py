"""The look read before the settings model (app.look) agrees with the settings model."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from app.logs import hold_logging, release_logging
from app.look import Look, look_of, read_look
from app.settings import Settings, load_settings, save_settings


def test_the_defaults_are_the_settings_models(tmp_path: Path) -> None:
    assert read_look(tmp_path / "none.json") == Look() == look_of(Settings())


def test_a_saved_look_reads_the_same_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(language="zh_CN", theme="high-contrast", font_scale=175,
                           idle_lock_minutes=30, threads=2), path)
    assert read_look(path) == look_of(load_settings(path)) == Look("zh_CN", "high-contrast",
                                                                   175, 30)


@pytest.mark.parametrize("text", [
    '{"theme": "purple"}', '{"font_scale": 900}', '{"font_scale": 150.5}',
    '{"idle_lock_minutes": 0}', '{"language": "fr"}', '{"font_scale": true}',
    '{"theme": " dark"}', "[1, 2]", '{"theme": "dark"', "",
])
def test_what_the_settings_model_refuses_gives_the_defaults(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text)
    assert read_look(path) == Look()
    assert path.exists()  # reading the look never moves the file: the full loader does
    assert look_of(load_settings(path)) == Look()


@pytest.mark.parametrize("value", ["150", " 150 ", "+150", 150.0, 150])
def test_numbers_are_read_as_the_settings_model_reads_them(tmp_path: Path, value: object
                                                            ) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"font_scale": value}))
    assert read_look(path).font_scale == 150 == load_settings(path).font_scale


def test_unknown_and_teacher_fields_do_not_change_the_look(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "dark", "tutor_backend": "lan", "future": 1}))
    assert read_look(path) == Look(theme="dark") == look_of(load_settings(path))


def test_held_log_records_reach_the_file_in_order(tmp_path: Path) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        hold_logging(tmp_path)
        logging.getLogger("app.test").info("first")
        logging.getLogger("app.test").warning("second")
        assert not (tmp_path / "lantern.log").exists()
        release_logging()
        logging.getLogger("app.test").info("third")
        for handler in root.handlers:
            handler.flush()
        lines = (tmp_path / "lantern.log").read_text().splitlines()
        assert [line.rsplit(": ", 1)[1] for line in lines] == ["first", "second", "third"]
        release_logging()  # a second release (at exit) changes nothing
        assert sum(getattr(h, "_lantern", False) for h in root.handlers) == 1
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
