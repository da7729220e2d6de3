from pathlib import Path

from app.paths import AppPaths
from app.settings import Settings, load_settings, save_settings


def test_paths_live_under_lantern_home(lantern_home: Path) -> None:
    paths = AppPaths.default().ensure()
    for folder in (paths.data, paths.config, paths.logs, paths.cache):
        assert folder.is_dir() and lantern_home in folder.parents


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    save_settings(Settings(theme="dark", font_scale=150, threads=2), path)
    loaded = load_settings(path)
    assert (loaded.theme, loaded.font_scale, loaded.threads) == ("dark", 150, 2)


def test_a_damaged_settings_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "purple", "font_scale": 900')
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.json.bad").read_text().startswith('{"theme": "purple"')
    assert not path.exists()
