"""Damaged real files never crash an import: a report, or a clear ImportFailed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.content.importers import ImportFailed, import_file
from tests.content.import_helpers import ANKI, HERE_DATA, QAS, valid_pack

SAMPLES = [HERE_DATA / "modern-deck.apkg", ANKI / "ankitects_tests" / "media.apkg",
           ANKI / "ankitects_tests" / "mediacheck.anki2",
           QAS / "moodle_xml" / "multichoice.xml", QAS / "moodle_xml" / "truefalse.xml",
           QAS / "aiken" / "aiken_1.txt"]
BLOBS = {p: p.read_bytes() for p in SAMPLES}


@st.composite
def damaged(draw: st.DrawFn) -> tuple[Path, bytes]:
    """A real file with a few bytes overwritten, cut short or duplicated."""
    path = draw(st.sampled_from(SAMPLES))
    data = bytearray(BLOBS[path])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "dup"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 64))]
    return path, bytes(data)


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(sample=damaged())
def test_damaged_files_give_a_report_or_a_clear_refusal(sample: tuple[Path, bytes],
                                                        tmp_path: Path) -> None:
    original, data = sample
    broken, target = tmp_path / original.name, tmp_path / "pack"
    shutil.rmtree(target, ignore_errors=True)
    broken.write_bytes(data)
    try:
        report = import_file(broken, target)
    except ImportFailed as exc:
        assert exc.user_message().strip()
        assert not target.exists()
        return
    assert report.summary().startswith("imported ")
    if report.pack_dir is not None:
        valid_pack(target)


def test_an_apkg_claiming_an_unknown_zip_version_is_refused_clearly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Found by the property test above: zipfile raises NotImplementedError here."""
    import struct

    source = sorted((Path(__file__).resolve().parents[2].parent / "shared" / "data" / "anki" /
                     "ankitects_tests").glob("*.apkg"))[0]
    data = bytearray(source.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6:central + 8] = struct.pack("<H", 64)  # "needs zip version 6.4"
    broken = tmp_path / "broken.apkg"
    broken.write_bytes(bytes(data))
    with pytest.raises(ImportFailed):
        import_file(broken, tmp_path / "pack")
