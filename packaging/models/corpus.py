"""The evaluation and distillation corpus: our own passages and questions.

Sources, read generically so this does not depend on the content-pack code:

* starter packs in ``assets/content/*/`` (``pack.toml``; lessons are Markdown with a
  ``+++`` TOML front matter, split into passages by headings; questions are TOML);
* the OpenStax *Concepts of Biology* chapter in ``shared/data/curriculum`` (CC BY 4.0):
  one lesson per CNXML module, one passage per section, its exercises as questions;
* real quiz question texts from ``shared/data/quiz`` (test data, used only to measure).

Everything is returned in a fixed order, so a seed fully determines what is sampled.
"""

from __future__ import annotations

import html
import logging
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
_CNX = "{http://cnx.rice.edu/cnxml}"
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(])")
_MIN_WORDS = 4


@dataclass(frozen=True)
class Passage:
    lesson: str  # "<pack>/<lesson id>", unique across sources
    title: str
    text: str


@dataclass(frozen=True)
class Question:
    text: str
    lesson: str | None  # the lesson it is based on; None for quiz texts without one


@dataclass
class Corpus:
    passages: list[Passage] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # "file: why", for the build report

    def sentences(self) -> list[str]:
        """Unique sentences of every passage, then every question, in a stable order."""
        seen: dict[str, None] = {}
        for p in self.passages:
            for s in split_sentences(p.text):
                seen.setdefault(s, None)
        for q in self.questions:
            seen.setdefault(q.text, None)
        return list(seen)

    def windows(self, size: int = 3) -> list[str]:
        """Overlapping runs of ``size`` sentences: passage-length inputs, as search embeds."""
        out: list[str] = []
        for p in self.passages:
            sents = split_sentences(p.text)
            out.extend(" ".join(sents[i:i + size]) for i in range(max(1, len(sents) - size + 1)))
        return out

    def texts(self) -> list[str]:
        """The evaluation set: sentences, then passage windows (duplicates dropped)."""
        return list(dict.fromkeys([*self.sentences(), *self.windows()]))

    def retrieval_questions(self) -> list[Question]:
        return [q for q in self.questions if q.lesson is not None]


def shared_data_dir() -> Path:
    """``shared/data`` beside the checkout (CI clones the repo with ``shared/`` beside it)."""
    return REPO_ROOT.parent / "shared" / "data"


def load_corpus(content_dir: Path | None = None, data_dir: Path | None = None) -> Corpus:
    """Everything we can find; missing sources are logged and skipped, never fatal."""
    corpus = Corpus()
    content_dir = content_dir or REPO_ROOT / "assets" / "content"
    data_dir = data_dir or shared_data_dir()
    for pack in sorted(content_dir.glob("*/pack.toml")):
        try:
            _add(corpus, f"pack:{pack.parent.name}", *read_pack(pack.parent))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
            _skip(corpus, pack.parent, exc)
    for module in sorted((data_dir / "curriculum").glob("*/*.cnxml")):
        try:
            _add(corpus, "openstax", *read_cnxml(module))
        except (OSError, ET.ParseError) as exc:
            _skip(corpus, module, exc)
    _add(corpus, "quiz", [], list(read_quiz_texts(data_dir / "quiz")))
    if not corpus.passages:
        log.warning("no passages found in %s or %s", content_dir, data_dir)
    return corpus


def _add(corpus: Corpus, source: str, passages: list[Passage],
         questions: list[Question]) -> None:
    corpus.passages.extend(passages)
    corpus.questions.extend(questions)
    corpus.sources[source] = corpus.sources.get(source, 0) + len(passages) + len(questions)


def _skip(corpus: Corpus, path: Path, exc: Exception) -> None:
    """A broken source costs only itself: the build goes on and the report names it."""
    log.warning("skipped %s: %s", path, exc)
    corpus.skipped.append(f"{path.name}: {exc}")


def split_sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text).strip()
    return [s for s in _SENTENCE_END.split(flat) if len(s.split()) >= _MIN_WORDS]


# --- content packs -------------------------------------------------------------------

def read_pack(folder: Path) -> tuple[list[Passage], list[Question]]:
    pack_id = tomllib.loads((folder / "pack.toml").read_text("utf-8")).get("id", folder.name)
    passages = [p for md in sorted(folder.glob("lessons/*.md"))
                for p in _lesson_passages(pack_id, md)]
    questions = []
    for qfile in sorted(folder.glob("questions/*.toml")):
        for raw in tomllib.loads(qfile.read_text("utf-8")).get("questions", []):
            lesson = raw.get("lesson")
            questions.append(Question(_plain(raw.get("prompt", "")),
                                      f"{pack_id}/{lesson}" if lesson else None))
    return passages, [q for q in questions if q.text]


def _lesson_passages(pack_id: str, path: Path) -> Iterator[Passage]:
    text = path.read_text("utf-8")
    meta: dict[str, object] = {}
    if text.startswith("+++"):
        _, front, text = text.split("+++", 2)
        meta = tomllib.loads(front)
    lesson = f"{pack_id}/{meta.get('id', path.stem)}"
    for title, body in _split_headings(text):
        if len(body.split()) >= _MIN_WORDS:
            yield Passage(lesson, title, _plain(body))


def _split_headings(markdown: str) -> Iterator[tuple[str, str]]:
    title, lines = "", list[str]()
    for line in markdown.splitlines():
        heading = re.match(r"#{1,3}\s+(.*)", line)
        if heading:
            yield title, "\n".join(lines)
            title, lines = heading.group(1).strip(), []
        else:
            lines.append(line)
    yield title, "\n".join(lines)


def _plain(markdown: str) -> str:
    """Markdown to the text a reader sees: no emphasis marks, images keep their alt text.

    HTML entities are decoded too: quiz exports are full of ``&nbsp;``, which a reader
    never sees and which would only measure the tokenizer's view of ampersands.
    """
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`>#]", "", html.unescape(text))
    return re.sub(r"\s+", " ", text).strip()


# --- OpenStax CNXML ------------------------------------------------------------------

def read_cnxml(path: Path) -> tuple[list[Passage], list[Question]]:
    root = ET.parse(path).getroot()
    lesson = f"openstax/{path.name.split('.')[0]}"
    passages, questions = [], []
    for exercise in list(root.iter(f"{_CNX}exercise")):
        problem = exercise.find(f"{_CNX}problem")
        para = problem.find(f"{_CNX}para") if problem is not None else None
        if para is not None:
            questions.append(Question(_text(para), lesson))
    for section in root.iter(f"{_CNX}section"):
        if section.get("class"):  # review/multiple-choice/free-response: exercises only
            continue
        paras = [_text(p) for p in section.findall(f"{_CNX}para")]
        body = " ".join(p for p in paras if p)
        if len(body.split()) >= _MIN_WORDS:
            passages.append(Passage(lesson, _text(section.find(f"{_CNX}title")), body))
    extras = [_text(e) for tag in ("caption", "meaning", "item") for e in root.iter(_CNX + tag)]
    extra_text = " ".join(e.rstrip(".") + "." for e in extras if len(e.split()) >= _MIN_WORDS)
    if extra_text:  # figure captions, glossary meanings, list items: more real sentences
        passages.append(Passage(lesson, "Figures and glossary", extra_text))
    intro = [_text(p) for p in root.find(f"{_CNX}content") or [] if p.tag == f"{_CNX}para"]
    if intro:
        passages.insert(0, Passage(lesson, "Introduction", " ".join(intro)))
    return passages, [q for q in questions if len(q.text.split()) >= _MIN_WORDS]


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


# --- quiz files ----------------------------------------------------------------------

def read_quiz_texts(folder: Path) -> Iterator[Question]:
    """Question stems from GIFT, Moodle XML and Aiken files; no lesson is known."""
    for path in sorted(folder.rglob("*")):
        if path.name.upper().startswith("LICENSE"):
            continue
        if path.suffix.lower() in {".gift", ".txt"}:
            yield from _gift_or_aiken(path.read_text("utf-8", errors="replace"))
        elif path.suffix.lower() == ".xml" and "moodle" in str(path):
            yield from _moodle_xml(path)


def _gift_or_aiken(text: str) -> Iterable[Question]:
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln for ln in chunk.splitlines() if not ln.lstrip().startswith("//")]
        body = "\n".join(lines)
        # GIFT: the stem is everything before the answer block; Aiken: the first line.
        stem = body.split("{", 1)[0] if "{" in body else (lines[0] if lines else "")
        stem = re.sub(r"::[^:]*::|\[(html|moodle|markdown|plain)\]|<[^>]+>", " ", stem)
        stem = _plain(re.sub(r"\\(.)", r"\1", stem))
        if len(stem.split()) >= _MIN_WORDS and not stem.startswith("$CATEGORY"):
            yield Question(stem, None)


def _moodle_xml(path: Path) -> Iterable[Question]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        log.info("skipping unreadable quiz file %s", path.name)
        return
    for node in root.iter("questiontext"):
        text = _plain(re.sub(r"<[^>]+>", " ", node.findtext("text") or ""))
        if len(text.split()) >= _MIN_WORDS:
            yield Question(text, None)
