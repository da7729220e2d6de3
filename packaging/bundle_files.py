"""What goes into the PyInstaller bundle, as plain functions the spec and the tests share.

The spec (``packaging/lantern.spec``) and the hooks load this file by path: the folder
is called ``packaging`` like the PyPA library PyInstaller itself imports, so it must
never be imported as a package during a build.

Every function returns PyInstaller ``(source, destination folder)`` pairs.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Native library suffixes across the three platforms (".metal"/".metallib": Apple GPU shaders).
_NATIVE = (".so", ".dylib", ".dll", ".metal", ".metallib")

# Qt modules Lantern never imports. PyInstaller only follows imports, but PySide6's hooks
# still pull plugins and translations for anything that is reachable; excluding them
# keeps the bundle (and its start-up) small.
QT_EXCLUDES = tuple(f"PySide6.{name}" for name in (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs", "QtHelp",
    "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNfc", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView",
))

# Python packages that are installed for development or for other tools, never used by
# the app at run time.
PY_EXCLUDES = ("tkinter", "pytest", "mypy", "ruff", "hypothesis", "IPython", "matplotlib",
               "torch", "transformers", "optimum", "uvicorn", "fastapi", "sse_starlette",
               "starlette", "llama_cpp.server", "huggingface_hub", "hf_xet", "httpx",
               "yaml", "opendp", "PySide6.QtNetwork",
               # onnx builds the pruned embedder at fetch time; the bundle carries the
               # built file and never fetches (and onnxruntime-extensions runs its
               # custom ops without it): 7 MB.
               "onnx",
               # Pillow arrives through pygments' image formatter (superqt's optional code
               # highlighter, rich): 19 MB that no screen of ours uses.
               "PIL", "pygments", "rich",
               # The interactive console's line editor and help pages.
               "readline", "pydoc_data", "pydoc", "doctest", "pdb",
               # decimal's pure-Python fallback: the C module is always there.
               "_pydecimal")

# Native libraries that Qt plugins drag in although no widget of ours uses them: QML and
# Quick (the virtual-keyboard plugin), Qt PDF (an image-format plugin), and the GTK 3
# platform theme with GTK, GDK, ATK, Cairo and Pango behind it (Qt draws its own dialogs
# and style without it). Dropping them saves ~60 MB; Qt skips a plugin whose library is
# missing, with a log line.
_DROP_BINARIES = re.compile(
    r"(libQt6(Pdf|Qml|Quick|VirtualKeyboard)\w*\.so|libqpdf\.so|libqtvirtualkeyboardplugin"
    r"|Qt6(Pdf|Qml|Quick|VirtualKeyboard)\w*\.dll|qpdf\.dll|qtvirtualkeyboardplugin\.dll"
    r"|libqgtk3\.so|libgtk-3\.so|libgdk-3\.so|libgdk_pixbuf|libatk|libatspi|libcairo"
    r"|libpango|libepoxy"
    # The network module (nothing of ours uses it; the hub client is plain Python) and
    # its TLS plugins; the ONNX Runtime C API library (see onnxruntime_binaries).
    r"|libQt6Network\.so|libqopensslbackend|libqcertonlybackend|libqgnutlsbackend"
    r"|libonnxruntime\.so"
    # Picture formats no lesson uses (lessons show PNG, JPEG, GIF, WebP and SVG), the
    # embedded-device EGL backends, and Cairo's pixel library.
    r"|libq(icns|ico|tga|tiff|wbmp)\.so|libQt6EglFs\w*\.so|libqeglfs|libpixman"
    # Libraries nothing left in the bundle needs (checked with readelf: GTK's and Pango's
    # dependencies, Kerberos), which PyInstaller's scan had collected.
    r"|libgio-2\.0\.so|libharfbuzz|libjpeg\.so|libfribidi|libthai"
    r"|libX(composite|damage|i|inerama|randr|cursor)\.so"
    r"|libgssapi_krb5|libkrb5|libk5crypto|libcom_err|libkeyutils"
    # Platform and input plugins for devices without a window system (kiosks, embedded
    # boards: Linux framebuffer, Vulkan display, VNC, evdev, TUIO); a laptop's desktop
    # uses xcb or Wayland.
    r"|libqlinuxfb\.so|libqvkkhrdisplay\.so|libqvnc\.so|libqminimalegl\.so"
    r"|libqevdev\w*plugin\.so|libqtuiotouchplugin\.so)")
# The sonames of the two libraries ctypes opens by their plain names (libllama.so,
# libmtmd.so): PyInstaller's dependency scan adds them as a second copy.
_SECOND_COPY = re.compile(r"llama_cpp/lib/lib(llama|mtmd)\.so\.\d+$")
# Qt's own translations: only the languages the app speaks (7 MB of the others).
_QT_TRANSLATION = re.compile(r"PySide6/Qt/translations/\w+?_(?P<lang>[a-z]{2}(_[A-Z]{2})?)\.qm$")
_UI_LANGUAGES = ("en", "zh_CN")
# A fully versioned soname ("libllama.so.0.5.0") is the symlink target of "libllama.so"
# and "libllama.so.0"; PyInstaller copies each name as a file, so keep only the two the
# loader asks for.
_FULL_VERSION = re.compile(r"\.so\.\d+\.\d+(\.\d+)?$")


def package_dir(name: str) -> Path:
    """The installed folder of an importable package, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the package {name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def native_files(folder: Path, dest: str) -> list[tuple[str, str]]:
    """Every native library (and Metal shader) under ``folder``, kept at ``dest``."""
    if not folder.is_dir():
        return []
    return [(str(f), dest) for f in sorted(folder.iterdir())
            if f.is_file() and (f.suffix in _NATIVE or ".so." in f.name)]


def llama_cpp_binaries() -> list[tuple[str, str]]:
    """``llama_cpp/lib``: libllama, the ggml backends (CPU variants, CUDA, Metal).

    llama-cpp-python loads them from ``<its package>/lib`` at import time, so they must
    keep exactly that place inside the bundle.
    """
    found = [(src, dest) for src, dest in
             native_files(package_dir("llama_cpp") / "lib", "llama_cpp/lib")
             if not _FULL_VERSION.search(src) and _loaded_by_that_name(Path(src).name)]
    if not any("llama" in Path(src).name for src, _ in found):
        raise FileNotFoundError("llama_cpp/lib holds no libllama: reinstall llama-cpp-python")
    return found


# On Linux each library is there as "libggml.so" and "libggml.so.0", and PyInstaller copies
# both as files (8 MB twice). ctypes opens libllama.so and libmtmd.so by those names; the
# ggml libraries are found through the sonames ("libggml.so.0") the others NEED, and a
# NEEDED "libllama.so.0" is matched by the soname of the libllama.so already loaded.
_CTYPES_NAMES = ("libllama.so", "libmtmd.so")
_SONAME = re.compile(r"\.so\.\d+$")


def _loaded_by_that_name(name: str) -> bool:
    if not name.startswith("lib") or ".so" not in name:
        return True  # Windows and macOS: their own naming, kept as they are
    if name in _CTYPES_NAMES:
        return True
    return bool(_SONAME.search(name)) and not name.startswith(_CTYPES_NAMES)


def onnxruntime_binaries() -> list[tuple[str, str]]:
    """ONNX Runtime's native libraries (``capi``: provider plugins), without the C API's
    own library: the Python module has the runtime built in and never loads
    ``libonnxruntime.so`` (34 MB), nor does the extensions' custom-op library."""
    return [(src, dest) for src, dest in
            native_files(package_dir("onnxruntime") / "capi", "onnxruntime/capi")
            if not Path(src).name.startswith("libonnxruntime.so")]


def model_datas(registry_file: Path, models_dir: Path) -> list[tuple[str, str]]:
    """The models the app may load by itself, from ``models_dir/<id>/`` to
    ``assets/models/<id>/``: every chat model (the hardware fit picks the small one on a
    laptop with little memory) and the default embedder. Other embedders are registered
    for the build pipeline (``make models-build``), not for the app.

    Raises:
        FileNotFoundError: a registered file is missing (run ``make models`` first); a
            bundle without its models would only fail later, on a teacher's laptop.
    """
    with open(registry_file, "rb") as fh:
        registry = tomllib.load(fh)
    pairs = []
    for model in registry.get("model", []):
        if model["role"] != "chat" and not model.get("default", False):
            continue
        for entry in model["files"]:
            source = models_dir / model["id"] / entry["name"]
            if not source.is_file() or source.stat().st_size != entry["size"]:
                raise FileNotFoundError(f"{source} is missing or incomplete: run `make models`")
            pairs.append((str(source), f"assets/models/{model['id']}"))
    return pairs


# Sources that only the build reads: the UI translations ship compiled (``.qm``).
_SOURCE_ONLY = (".ts",)


def asset_datas(assets: Path) -> list[tuple[str, str]]:
    """Everything in ``assets/`` (registry, prompts, starter packs, compiled UI
    translations ``i18n/*.qm`` from ``make translations``), folder by folder."""
    pairs = []
    for path in sorted(assets.rglob("*")):
        if (path.is_file() and "__pycache__" not in path.parts
                and path.suffix not in _SOURCE_ONLY):
            pairs.append((str(path), str(Path("assets") / path.parent.relative_to(assets))))
    return pairs


def keep_binary(dest_name: str) -> bool:
    """False for a native library the bundle does not need (see ``_DROP_BINARIES``)."""
    if _SECOND_COPY.search(dest_name.replace("\\", "/")):
        return False
    return not _DROP_BINARIES.search(Path(dest_name).name)


def keep_data(dest_name: str) -> bool:
    """False for a Qt translation into a language the app does not speak."""
    match = _QT_TRANSLATION.search(dest_name.replace("\\", "/"))
    return match is None or match["lang"] in _UI_LANGUAGES


def xkcdpass_datas() -> list[tuple[str, str]]:
    """The EFF short word list that suggested passphrases are drawn from."""
    wordlist = package_dir("xkcdpass") / "static" / "eff-short"
    if not wordlist.is_file():
        raise FileNotFoundError(f"{wordlist} is missing: reinstall xkcdpass")
    return [(str(wordlist), "xkcdpass/static")]


def strip_symbols(bundle: Path) -> list[Path]:
    """``strip --strip-unneeded`` the bundle's libraries (symbol tables and debug sections:
    61 MB of them; the loader needs neither), except those auditwheel rewrote with
    patchelf: the ones in a wheel's vendored ``*.libs`` folder and the ones whose RUNPATH
    points into one. Stripping such a file breaks it (numpy's OpenBLAS then fails with
    "ELF load command address/offset not page-aligned"), which is why PyInstaller's own
    ``strip=True`` is not used. Returns the files stripped; nothing happens without
    binutils (Windows)."""
    strip = shutil.which("strip")
    if strip is None or shutil.which("readelf") is None or sys.platform == "win32":
        return []
    stripped = []
    for path in sorted(bundle.rglob("*.so*")):
        if (path.is_symlink() or not path.is_file()
                or any(part.endswith(".libs") for part in path.parts)
                or not _is_elf(path) or _patched_by_auditwheel(path)):
            continue
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True)
        stripped.append(path)
    return stripped


def _is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def _patched_by_auditwheel(path: Path) -> bool:
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                             check=False).stdout
    return any(".libs" in line for line in dynamic.splitlines()
               if "RUNPATH" in line or "RPATH" in line)
