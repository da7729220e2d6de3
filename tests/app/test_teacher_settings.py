"""The teacher's settings are signed: an edited settings.json is refused, safely and said."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

from app.main import main
from app.ops.context import AppContext
from app.paths import AppPaths
from app.settings import Settings, load_settings, save_settings
from app.teacher_settings import Refusal, settings_trust, verified
from inference.__main__ import main as inference_main
from inference.registry import load_registry
from inference.versions import Catalog

TEACHER = "owls read at midnight"
SCHOOL = "http://192.168.1.20:8080"


def _cli(args: list[str], typed: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in typed)))
    return main(["teacher", *args])


def _loaded() -> Settings:
    paths = AppPaths.default()
    return verified(load_settings(paths.settings_file), settings_trust(paths))


@pytest.fixture
def signed(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppPaths]:
    """The teacher set the passphrase, a school server and a strict policy from a terminal."""
    assert _cli(["set-passphrase"], [TEACHER, TEACHER], monkeypatch) == 0
    assert _cli(["tutor-server", "--url", SCHOOL], [TEACHER], monkeypatch) == 0
    assert _cli(["policy", "--free-chat", "off", "--reveal-after", "5"], [TEACHER],
                monkeypatch) == 0
    yield AppPaths.default()


def test_the_teachers_signed_settings_are_used(signed: AppPaths) -> None:
    settings = _loaded()
    assert settings.refused is None
    assert settings.lan_server_url == SCHOOL and settings.tutor_backend == "lan"
    assert not settings.ai_policy.free_chat and settings.ai_policy.reveal_after_attempts == 5


def test_an_edited_settings_json_is_refused_and_the_safest_policy_used(
        signed: AppPaths) -> None:
    data = json.loads(signed.settings_file.read_text())
    data["lan_server_url"] = "http://10.0.0.66:8080"  # a server the student runs
    data["ai_policy"]["reveal_after_attempts"] = 1
    signed.settings_file.write_text(json.dumps(data))
    ctx = AppContext.create()
    try:
        settings = ctx.settings
        assert settings.refused is Refusal.BAD_SIGNATURE
        assert settings.tutor_backend == "local" and settings.lan_server_url == ""
        assert not settings.ai_policy.free_chat
        assert settings.ai_policy.reveal_after_attempts is None  # never revealed
        # and only this laptop's built-in models: nothing a teacher (or not) added
        assert [m.id for m in ctx.models.registry.models] == [
            m.id for m in load_registry().models]
    finally:
        ctx.close()


def test_a_stripped_signature_and_an_unsigned_file_are_refused(signed: AppPaths) -> None:
    data = json.loads(signed.settings_file.read_text())
    del data["teacher_seal"]
    data["ai_policy"]["free_chat"] = True
    signed.settings_file.write_text(json.dumps(data))
    assert _loaded().refused is Refusal.UNSIGNED
    signed.settings_file.write_text("{}")  # the defaults, unsigned, while a teacher exists
    assert _loaded().refused is Refusal.UNSIGNED


def test_without_a_teacher_only_the_defaults_are_accepted() -> None:
    paths = AppPaths.default().ensure()
    save_settings(Settings(font_scale=150), paths.settings_file)  # a learner's own choice
    assert _loaded().refused is None and _loaded().font_scale == 150
    save_settings(Settings(tutor_backend="lan", lan_server_url="http://10.0.0.66:8080"),
                  paths.settings_file)
    assert _loaded().refused is Refusal.UNSIGNED and _loaded().tutor_backend == "local"


def test_a_model_switched_behind_the_teachers_back_is_refused(
        signed: AppPaths, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    builtin = load_registry().default("chat").id
    # The inference CLI's changing verbs are teacher actions now…
    assert inference_main(["models", "use", builtin]) == 2
    assert "python -m app teacher models use" in capsys.readouterr().err
    assert _loaded().refused is None
    # …and writing the catalog by other means is caught by the signature.
    catalog = Catalog.load()
    catalog.active["chat"] = builtin
    catalog.save()
    assert _loaded().refused is Refusal.MODELS
    # Through the teacher's command the switch is asked for and signed.
    assert _cli(["models", "use", builtin], ["a wrong guess"], monkeypatch) == 1
    assert _cli(["models", "use", builtin], [TEACHER], monkeypatch) == 0
    assert _loaded().refused is None


def test_a_distrusting_learners_session_runs_on_the_safest_settings(signed: AppPaths) -> None:
    ctx = AppContext.create()
    try:
        before = signed.settings_file.read_text()
        ctx.distrust_for_session()
        assert ctx.settings.refused is Refusal.UNTRUSTED_KEY
        assert ctx.settings.tutor_backend == "local" and not ctx.settings.ai_policy.free_chat
        ctx.settings.font_scale = 150  # the learner's own choice is still saved…
        ctx.save_settings()
        saved = _loaded()
        assert saved.font_scale == 150 and saved.refused is None  # …the teacher's kept
        assert saved.lan_server_url == SCHOOL
        assert json.loads(before)["teacher_seal"] == json.loads(
            signed.settings_file.read_text())["teacher_seal"]
        ctx.end_session()
        assert ctx.settings.lan_server_url == SCHOOL
    finally:
        ctx.close()
