"""Which SentencePiece pieces the pruned embedder keeps: the texts they come from.

* **Starter packs** (``assets/content``, English and Chinese): every text the app embeds
  (passages as searched, question prompts, hints, solutions, reference answers, choices,
  feedback) and every line of the pack files as written.
* **Margin, English**: the 30,000 most frequent words of English Wikipedia and of US
  film and TV subtitles (zxcvbn's frequency lists) and the EFF word lists (xkcdpass),
  both installed with the app, each word also capitalised and crudely inflected; the
  country and capital names of the Ultimate Geography deck; the OpenStax biology
  chapter, quiz stems and the tutoring data sets in ``shared/data`` (real learners' and
  tutors' sentences).
* **Numbers**: English number words (cardinals, ordinals, fraction words and their
  hyphenated forms: "five-sevenths") and every piece that is a number or a number
  expression (rule).
* **Margin, Chinese**: every piece written only in Han characters (rule, not data: any
  Chinese text made of Han pieces is segmented as before) and the Chinese place names of
  the Ultimate Geography deck.
* **The app's UI strings**, English and Chinese (``assets/i18n/lantern_zh_CN.ts``).

Held out on purpose: ``assets/eval`` (the retrieval, safety and grading evaluation sets),
so the report can show how the vocabulary does on text it was not built from.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import onnxruntime as ort

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from inference.embed import CHARS_PER_TOKEN, DEFAULT_MAX_LENGTH
from inference.vocab_prune import TOKENIZER_OP, Piece
from packaging.models.corpus import REPO_ROOT, load_corpus, shared_data_dir

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TAG = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"[0-9+\-*/=.,:%()<>^]+")
_DIGIT = re.compile(r"[0-9]")
_ID_KEYS = frozenset({"id", "pack", "lesson", "source", "language", "role"})
BATCH = 256


class Tokenizer:
    """The parent graph's own SentencePiece node, alone in a graph: text -> piece ids."""

    def __init__(self, parent: Path) -> None:
        import onnx
        from onnx import TensorProto, helper
        from onnxruntime_extensions import get_library_path

        model = onnx.load(str(parent))
        graph = model.graph
        node = next(n for n in graph.node if n.op_type == TOKENIZER_OP)
        inits = {t.name: t for t in graph.initializer}
        consts = [inits[name] for name in dict.fromkeys(node.input[1:])]
        outputs = [helper.make_tensor_value_info(node.output[0], TensorProto.INT32, None),
                   helper.make_tensor_value_info(node.output[1], TensorProto.INT64, None)]
        small = helper.make_model(helper.make_graph([node], "tokenizer", [graph.input[0]],
                                                    outputs, consts),
                                  opset_imports=list(model.opset_import),
                                  ir_version=model.ir_version)
        options = ort.SessionOptions()
        options.register_custom_ops_library(get_library_path())
        self._session = ort.InferenceSession(small.SerializeToString(), options,
                                             providers=["CPUExecutionProvider"])
        self._input = graph.input[0].name
        self.model_proto = next(a.s for a in node.attribute if a.name == "model")

    def ids(self, texts: Iterable[str]) -> npt.NDArray[np.int64]:
        """The unique piece ids of ``texts``."""
        batch: list[str] = []
        seen: set[int] = set()
        for text in texts:
            if text.strip():
                batch.append(text)
            if len(batch) == BATCH:
                seen |= self._run(batch)
                batch = []
        if batch:
            seen |= self._run(batch)
        return np.array(sorted(seen), dtype=np.int64)

    def _run(self, batch: list[str]) -> set[int]:
        out = self._session.run(None, {self._input: np.array(batch, dtype=object)})[0]
        return set(np.unique(out).tolist())


# --- the starter packs ---------------------------------------------------------------

def pack_texts(content_dir: Path | None = None) -> list[str]:
    """Every text of the starter packs the app embeds, in a stable order."""
    from app.core.content.library import builtin_dir, list_packs
    from app.core.content.passages import pack_passages

    folder = content_dir or builtin_dir()
    entries, problems = list_packs(builtin=folder, installed=folder / "-none-")
    if problems or not entries:
        raise RuntimeError(f"starter packs missing or invalid: {problems}")
    texts: list[str] = []
    for entry in entries:
        pack = entry.pack
        texts += [p.search_text for p in pack_passages(pack)]
        texts += [lesson.title for lesson in pack.lessons]
        for q in pack.questions:
            texts += [q.prompt, *q.hints, q.solution, q.answer, *q.answers,
                      *(c.text for c in q.choices), *(c.feedback for c in q.choices),
                      q.feedback_true, q.feedback_false]
    return list(dict.fromkeys(t for t in texts if t.strip()))


def pack_file_lines(content_dir: Path | None = None) -> list[str]:
    folder = content_dir or REPO_ROOT / "assets" / "content"
    return [line for path in sorted(folder.rglob("*")) if path.suffix in {".md", ".toml"}
            for line in path.read_text("utf-8").splitlines()]


def as_embedded(texts: list[str]) -> list[str]:
    """``texts`` and, for the long ones, the cut the app's engine makes: a word cut in
    half is segmented into other pieces than the whole word."""
    cut = DEFAULT_MAX_LENGTH * CHARS_PER_TOKEN
    return texts + [t[:cut] for t in texts if len(t) > cut]


# --- the margin ------------------------------------------------------------------------

_CARDINALS = tuple(str.split(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million zero"))
_ORDINALS = tuple(str.split(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth "
    "thousandth millionth half quarter"))


def number_words() -> list[str]:
    """English number words as learners write answers: "seven", "sevenths",
    "five-sevenths", "three halves", "one and a half"."""
    plurals = [w[:-1] + "ves" if w == "half" else w + "s" for w in _ORDINALS]
    words = [*_CARDINALS, *_ORDINALS, *plurals]
    compounds = [f"{c}{sep}{f}" for c in _CARDINALS[:20] for f in [*_ORDINALS, *plurals]
                 for sep in ("-", " ")]
    return [form for w in words + compounds for form in (w, w.capitalize())]



def english_words() -> list[str]:
    from xkcdpass.xkcd_password import __file__ as xkcd_file
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    words = [w for name in ("english_wikipedia", "us_tv_and_film")
             for w in FREQUENCY_LISTS[name]]
    eff = Path(xkcd_file).parent / "static"
    for name in ("eff-long", "eff-short", "eff-special"):
        words += (eff / name).read_text("utf-8").split()
    # A crude inflection (plural, past, -ing; "bones", "halved"): the pieces the real
    # inflected forms need are among those of the guessed ones.
    words += [w + suffix for w in words[:60_000] for suffix in ("s", "es", "ed", "ing")]
    return [form for w in words for form in (w, w.capitalize())]


def shared_texts(data_dir: Path | None = None) -> list[str]:
    """OpenStax, quiz stems (via the corpus reader) and the tutoring data sets' text."""
    data = data_dir or shared_data_dir()
    corpus = load_corpus(content_dir=REPO_ROOT / "assets" / "-none-", data_dir=data)
    texts = [p.text for p in corpus.passages] + [q.text for q in corpus.questions]
    tutor = data / "tutor"
    for path in sorted(tutor.rglob("*.json")):
        texts += list(_json_strings(json.loads(path.read_text("utf-8"))))
    for path in sorted(tutor.rglob("*.xml")):
        texts += [" ".join(e.itertext()) for e in ET.parse(path).getroot().iter()
                  if e.text and e.text.strip()]
    for path in sorted(tutor.rglob("*.csv")):
        texts += [cell for row in csv.reader(path.open(encoding="utf-8")) for cell in row]
    return texts + _geography(data, lambda column: ":" not in column)


def _geography(data: Path, wanted: Callable[[str], bool]) -> list[str]:
    """Cells of the Ultimate Geography deck whose column name ``wanted`` accepts."""
    texts: list[str] = []
    for path in sorted((data / "anki" / "ultimate_geography_csv").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                texts += [v for k, v in row.items() if k and v and wanted(k)]
    return texts


def _json_strings(value: Any) -> Iterator[str]:
    """Every string in a JSON/TOML value, except identifiers (ids, pack, lesson, role…)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in _ID_KEYS:
                yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def ui_texts() -> list[str]:
    """The app's own UI strings, English and Chinese (``assets/i18n/lantern_zh_CN.ts``)."""
    ts = ET.parse(REPO_ROOT / "assets" / "i18n" / "lantern_zh_CN.ts").getroot()
    return [_TAG.sub(" ", e.text) for tag in ("source", "translation")
            for e in ts.iter(tag) if e.text]


def chinese_place_names(data_dir: Path | None = None) -> list[str]:
    return _geography(data_dir or shared_data_dir(),
                      lambda column: column.endswith((":zh", ":zh-tw")))


def han_pieces(pieces: list[Piece]) -> list[int]:
    """Pieces made only of Han characters (after the word-start mark)."""
    return [i for i, p in enumerate(pieces)
            if (text := p.text.removeprefix("\u2581")) and all(_HAN.match(c) for c in text)]


def number_pieces(pieces: list[Piece]) -> list[int]:
    """Pieces that are numbers or number expressions ("▁12", "/14", "2-3", "3.5"):
    a maths tutor's learners type any of them."""
    return [i for i, p in enumerate(pieces) if _DIGIT.search(p.text)
            and _NUMBER.fullmatch(p.text.removeprefix("\u2581"))]


def kept_ids(tokenizer: Tokenizer, pieces: list[Piece]) -> dict[str, npt.NDArray[np.int64]]:
    """Each source's piece ids (the recipe is their union; the report counts each)."""
    return {
        "starter packs": tokenizer.ids(as_embedded([*pack_texts(), *pack_file_lines()])),
        "English words": tokenizer.ids(english_words()),
        "English number words": tokenizer.ids(number_words()),
        "shared data": tokenizer.ids(shared_texts()),
        "UI strings": tokenizer.ids(ui_texts()),
        "Chinese place names": tokenizer.ids(chinese_place_names()),
        "Han pieces": np.array(han_pieces(pieces), dtype=np.int64),
        "number pieces": np.array(number_pieces(pieces), dtype=np.int64),
    }


def held_out_texts() -> list[str]:
    """The evaluation sets' texts (``assets/eval``), never used to choose pieces."""
    folder = REPO_ROOT / "assets" / "eval"
    texts: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        texts += list(_json_strings(tomllib.loads(path.read_text("utf-8"))))
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts += list(_json_strings(json.loads(line)))
    return list(dict.fromkeys(t for t in texts if t.strip()))
