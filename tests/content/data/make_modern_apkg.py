"""Build ``modern-deck.apkg``: a small deck in Anki's current export format.

Anki 2.1.50+ exports ``collection.anki21b`` (zstd-compressed, schema 18) with a
protobuf media map and zstd-compressed media files. The shared test data only has legacy
decks, so this script makes a modern one with Anki's own library (not a Lantern
dependency). The text and pictures are original to Lantern. Regenerate with:

    python -m venv /tmp/anki-venv && /tmp/anki-venv/bin/pip install anki
    /tmp/anki-venv/bin/python tests/content/data/make_modern_apkg.py
"""

from __future__ import annotations

import struct
import tempfile
import zlib
from pathlib import Path

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.decks import DeckId

HERE = Path(__file__).resolve().parent


def tiny_png(rgb: tuple[int, int, int]) -> bytes:
    """A 2x2 PNG of one colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    row = b"\x00" + bytes(rgb) * 2
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * 2)) + chunk(b"IEND", b""))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "collection.anki2"))
        deck = DeckId(col.decks.id("Fractions::Halves"))
        media_file = Path(tmp) / "half-circle.png"
        media_file.write_bytes(tiny_png((200, 40, 40)))
        picture = col.media.add_file(str(media_file))
        unused = Path(tmp) / "unused.png"
        unused.write_bytes(tiny_png((0, 0, 200)))
        col.media.add_file(str(unused))

        basic = col.models.by_name("Basic")
        note = col.new_note(basic)
        note["Front"] = f'What fraction of the circle is red?<br><img src="{picture}">'
        note["Back"] = "one half"
        col.add_note(note, deck)

        note = col.new_note(basic)
        note["Front"] = "How many halves make one whole?"
        note["Back"] = "<b>2</b>"
        col.add_note(note, deck)

        note = col.new_note(basic)
        note["Front"] = "A card with nothing on the back"
        note["Back"] = ""
        col.add_note(note, deck)

        reversed_type = col.models.by_name("Basic (and reversed card)")
        note = col.new_note(reversed_type)
        note["Front"] = "numerator"
        note["Back"] = "the top number of a fraction"
        col.add_note(note, deck)

        cloze = col.models.by_name("Cloze")
        note = col.new_note(cloze)
        note["Text"] = ("In 3/4 the {{c1::numerator}} is 3 and the "
                        "{{c2::denominator::bottom number}} is 4.")
        note["Back Extra"] = "The denominator counts the equal parts."
        col.add_note(note, deck)

        out = HERE / "modern-deck.apkg"
        col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False,
                                             with_media=True, legacy=False),
            limit=None)
        col.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
