"""What the bundle collects (packaging/bundle_files.py) and how its entry point behaves.

The bundle itself is built and self-tested by ``make bundle-selftest`` (part of
``make test``); these tests check the pieces quickly against the real installed packages.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import zstandard

REPO = Path(__file__).resolve().parents[2]


def _load(name: str, path: Path) -> ModuleType:
    # By path: a package called "packaging" would clash with the PyPA library.
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files() -> ModuleType:
    return _load("lantern_bundle_files", REPO / "packaging" / "bundle_files.py")


def test_llama_cpp_libraries_keep_their_folder_and_skip_duplicate_names(files: ModuleType
                                                                         ) -> None:
    pairs = files.llama_cpp_binaries()
    names = {Path(src).name for src, _ in pairs}
    assert {dest for _, dest in pairs} == {"llama_cpp/lib"}
    assert any(n.startswith("libllama") for n in names)
    assert any(n.startswith("libggml") for n in names)
    assert not any(files._FULL_VERSION.search(n) for n in names)
    assert all(Path(src).is_file() for src, _ in pairs)


def test_onnxruntime_native_runtime_is_collected(files: ModuleType) -> None:
    pairs = files.onnxruntime_binaries()
    assert any("onnxruntime" in Path(src).name for src, _ in pairs)
    assert {dest for _, dest in pairs} == {"onnxruntime/capi"}


def test_default_models_go_into_the_bundle_assets(files: ModuleType) -> None:
    pairs = files.model_datas(REPO / "assets" / "models" / "registry.toml", REPO / ".models")
    dests = {dest for _, dest in pairs}
    # Both tutors (the hardware fit may pick the small one) and the default embedder only.
    assert dests == {"assets/models/qwen2.5-coder-1.5b-instruct-q4_k_m",
                     "assets/models/qwen2.5-coder-0.5b-instruct-q4_k_m",
                     "assets/models/use-multilingual-v3-int8-en-zh"}
    names = sorted(Path(source).name for source, _ in pairs)
    assert names == ["model.onnx", "model.onnx.data", "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
                     "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"]  # the embedder's weights too


def test_a_missing_model_stops_the_build_with_the_fix(files: ModuleType, tmp_path: Path
                                                      ) -> None:
    with pytest.raises(FileNotFoundError, match="make models"):
        files.model_datas(REPO / "assets" / "models" / "registry.toml", tmp_path)


def test_unused_qt_libraries_are_dropped_and_needed_ones_kept(files: ModuleType) -> None:
    for dropped in ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6",
                    "PySide6/Qt/plugins/imageformats/libqpdf.so", "Qt6Pdf.dll",
                    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libgtk-3.so.0",
                    "libcairo.so.2", "libpango-1.0.so.0", "libQt6Network.so.6",
                    "onnxruntime/capi/libonnxruntime.so.1.32.0", "llama_cpp/lib/libllama.so.0",
                    "PySide6/Qt/plugins/imageformats/libqtiff.so",
                    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
                    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so"):
        assert not files.keep_binary(dropped), dropped
    for kept in ("libQt6Widgets.so.6", "libQt6Gui.so.6", "libqxcb.so", "libqoffscreen.so",
                 "PySide6/Qt/plugins/platforms/libqwayland.so",
                 "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "llama_cpp/lib/libllama.so", "libfreetype.so.6", "libfontconfig.so.1",
                 "llama_cpp/lib/libggml-base.so.0", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
                 "PySide6/Qt/plugins/imageformats/libqsvg.so"):
        assert files.keep_binary(kept), kept
    assert "PySide6.QtWebEngineCore" in files.QT_EXCLUDES
    assert "PySide6.QtQuick" in files.QT_EXCLUDES


def test_only_the_languages_the_app_speaks_and_one_word_list_are_shipped(
        files: ModuleType) -> None:
    assert files.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert files.keep_data("PySide6/Qt/translations/qtbase_en.qm")
    assert not files.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert files.keep_data("assets/i18n/lantern_zh_CN.qm")
    assert [Path(src).name for src, _dest in files.xkcdpass_datas()] == ["eff-short"]
    assert "opendp" in files.PY_EXCLUDES and "PIL" in files.PY_EXCLUDES


def test_each_native_library_is_shipped_once_by_the_name_it_is_loaded_by(
        files: ModuleType) -> None:
    names = {Path(src).name for src, _dest in files.llama_cpp_binaries()}
    if any(name.endswith(".so") or ".so." in name for name in names):  # Linux
        assert {"libllama.so", "libmtmd.so"} <= names
        assert not {"libllama.so.0", "libggml.so"} & names
        assert any(name.startswith("libggml-base.so.") for name in names)
    ort = {Path(src).name for src, _dest in files.onnxruntime_binaries()}
    assert any(name.startswith("onnxruntime_pybind11_state") for name in ort)
    assert not any(name.startswith("libonnxruntime.so") for name in ort)


def test_assets_are_collected_folder_by_folder(files: ModuleType) -> None:
    pairs = files.asset_datas(REPO / "assets")
    assert (str(REPO / "assets" / "models" / "registry.toml"), "assets/models") in pairs
    assert any(dest == "assets/prompts" for _, dest in pairs)


def test_ui_translations_ship_compiled(files: ModuleType, built_translations: Path) -> None:
    pairs = files.asset_datas(REPO / "assets")
    assert (str(built_translations / "lantern_zh_CN.qm"), "assets/i18n") in pairs
    assert not any(src.endswith(".ts") for src, _ in pairs)  # sources stay out


def test_windowed_start_without_console_streams_does_not_crash(tmp_path: Path) -> None:
    # A windowed build starts with sys.stdout/sys.stderr set to None. Code that writes to
    # them directly (traceback.print_exc, faulthandler, a StreamHandler) would then raise;
    # the entry point replaces them with the null device before anything else runs.
    entry = str(REPO / "packaging" / "lantern_entry.py")
    code = ("import sys, traceback, faulthandler, runpy; sys.stdout = None; sys.stderr = None; "
            f"entry = runpy.run_path({entry!r}); entry['_ensure_streams'](); "
            "faulthandler.enable(); traceback.print_stack(file=sys.stderr); "
            "sys.stdout.write('x'); sys.argv = ['Lantern', '--version']; "
            "raise SystemExit(entry['main']())")
    env = dict(os.environ, LANTERN_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""  # everything went to the null device


def test_bundle_entry_runs_the_models_command(tmp_path: Path) -> None:
    env = dict(os.environ, LANTERN_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, str(REPO / "packaging" / "lantern_entry.py"),
                           "models", "list"], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "qwen2.5-coder-1.5b-instruct-q4_k_m" in done.stdout and "(* = in use)" in done.stdout


def test_selftest_script_refuses_a_missing_bundle(tmp_path: Path) -> None:
    done = subprocess.run(["bash", str(REPO / "packaging" / "bundle_selftest.sh"),
                           str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "run 'make bundle' first" in done.stderr


@pytest.mark.skipif(shutil.which("strip") is None or shutil.which("readelf") is None,
                    reason="binutils (strip, readelf) not installed")
def test_symbols_go_and_the_library_still_loads(files: ModuleType,
                                                       tmp_path: Path) -> None:
    source = next(Path(zstandard.__file__).parent.glob("backend_c*.so"))
    # auditwheel's: a vendored library, and a module whose RUNPATH points into one.
    patched = next(p for p in Path(np.__file__).parent.rglob("*.so")
                   if files._patched_by_auditwheel(p))
    copy = tmp_path / "zstandard" / source.name
    vendored = tmp_path / "numpy.libs" / source.name
    rewritten = tmp_path / "numpy" / patched.name
    for target, original in ((copy, source), (vendored, source), (rewritten, patched)):
        target.parent.mkdir()
        shutil.copy2(original, target)
    assert files.strip_symbols(tmp_path) == [copy]
    assert copy.stat().st_size < source.stat().st_size / 4
    assert vendored.stat().st_size == source.stat().st_size
    assert rewritten.stat().st_size == patched.stat().st_size
    loads = ("import importlib.util; spec = importlib.util.spec_from_file_location("
             f"'zstandard.backend_c', {str(copy)!r}); "
             "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
             "print(module.ZstdCompressor().compress(b'lantern') != b'')")
    done = subprocess.run([sys.executable, "-c", loads], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "True"
