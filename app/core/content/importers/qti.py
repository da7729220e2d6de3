"""IMS QTI 2.x items (``<assessmentItem>``, one per ``.xml`` file) to pack questions.

An item with one choice, inline-choice, text-entry or order interaction becomes a
multiple choice, multiple answer, short text, numeric or ordering question; the correct
response (or the mapping's positive entries) gives the answers. Every other interaction, items with
several interactions and randomised (template) items are reported with the reason.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from pathlib import Path

from app.core.content.importers.build import (
    Answer,
    ImportJob,
    Unsupported,
    choice_question,
    numeric_question,
    ordering_question,
    short_question,
)
from app.core.content.importers.markup import to_markdown
from app.core.content.importers.sniff import parse_xml
from app.core.content.importers.writer import DraftQuestion
from app.messages import QT_TRANSLATE_NOOP, message

GRADED = {"choiceInteraction": QT_TRANSLATE_NOOP("ImportSkip", "choice"),
          "inlineChoiceInteraction": QT_TRANSLATE_NOOP("ImportSkip", "inline choice"),
          "textEntryInteraction": QT_TRANSLATE_NOOP("ImportSkip", "text entry"),
          "orderInteraction": QT_TRANSLATE_NOOP("ImportSkip", "ordering")}
_NO_GRADING = QT_TRANSLATE_NOOP("ImportSkip", "no automatic grading")
_NOT_YET = QT_TRANSLATE_NOOP("ImportSkip", "not supported yet")
_NOT_SUPPORTED = QT_TRANSLATE_NOOP("ImportSkip", "not supported")
_DRAG = (QT_TRANSLATE_NOOP("ImportSkip", "drag-and-drop"), _NOT_SUPPORTED)
_HOTSPOTS = (QT_TRANSLATE_NOOP("ImportSkip", "picture hotspots"), _NOT_SUPPORTED)
# interaction -> (kind in the teacher's words, reason it is skipped)
SKIPPED = {
    "extendedTextInteraction": (QT_TRANSLATE_NOOP("ImportSkip", "extended text"), _NO_GRADING),
    "uploadInteraction": (QT_TRANSLATE_NOOP("ImportSkip", "file upload"), _NO_GRADING),
    "drawingInteraction": (QT_TRANSLATE_NOOP("ImportSkip", "drawing"), _NO_GRADING),
    "matchInteraction": (QT_TRANSLATE_NOOP("ImportSkip", "matching"), _NOT_YET),
    "associateInteraction": (QT_TRANSLATE_NOOP("ImportSkip", "associate"), _NOT_YET),
    "gapMatchInteraction": _DRAG,
    "graphicGapMatchInteraction": _DRAG,
    "graphicOrderInteraction": (GRADED["orderInteraction"], _NOT_YET),
    "graphicAssociateInteraction": _HOTSPOTS,
    "hotspotInteraction": _HOTSPOTS,
    "selectPointInteraction": _HOTSPOTS,
    "positionObjectInteraction": _HOTSPOTS,
    "hottextInteraction": (QT_TRANSLATE_NOOP("ImportSkip", "select text"), _NOT_SUPPORTED),
    "sliderInteraction": (QT_TRANSLATE_NOOP("ImportSkip", "slider"), _NOT_SUPPORTED),
}
ITEM_KIND = QT_TRANSLATE_NOOP("ImportSkip", "QTI item")  # when the item's kind is unknown
NUMERIC_TYPES = {"float", "integer"}


def _local(root: ET.Element) -> ET.Element:
    """The tree with XML namespaces removed from tag names (QTI uses a default one)."""
    for element in root.iter():
        element.tag = element.tag.rsplit("}", 1)[-1]
    return root


def import_qti(path: Path, job: ImportJob) -> None:
    root = parse_xml(path, hint=QT_TRANSLATE_NOOP(
        "ImportError", "Export the item again from your QTI editor."))
    job.step(0, 1)
    import_item(root, path.name, job.draft.skill(job.draft.title), job)


def import_item(root: ET.Element, file_name: str, skill: str, job: ImportJob) -> None:
    """Add one ``<assessmentItem>`` to ``job`` as a question of ``skill``, or report why
    not (a single item file, or one item of a content package)."""
    root = _local(root)
    title = root.get("title") or root.get("identifier") or Path(file_name).stem
    where = message(QT_TRANSLATE_NOOP("ImportSkip", "item “{title}”"), title=title)
    if root.tag != "assessmentItem":
        job.report.skip(ITEM_KIND, message(QT_TRANSLATE_NOOP(
            "ImportSkip", "not a QTI 2 item (<{tag}>)"), tag=root.tag), where)
        return
    try:
        question = _convert(root, f"{file_name}, {where}")
    except Unsupported as exc:  # Unsupported(reason) or Unsupported(reason, kind)
        kind = exc.args[1] if len(exc.args) > 1 else ITEM_KIND
        job.report.skip(kind, str(exc), where)
        return
    job.add(question, skill, where)


def _convert(root: ET.Element, source: str) -> DraftQuestion:
    body = root.find("itemBody")
    if root.find("templateDeclaration") is not None:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "its values change on every "
                                            "attempt: not supported"),
                          QT_TRANSLATE_NOOP("ImportSkip", "randomised item"))
    if body is None:
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "the item has no body"))
    interactions = [e for e in body.iter() if e.tag.endswith("Interaction")
                    and e.tag != "endAttemptInteraction"]
    if len(interactions) != 1:
        names = sorted({e.tag for e in interactions})
        skipped = [SKIPPED[n] for n in names if n in SKIPPED]
        if len(names) == 1 and skipped:
            kind, reason = skipped[0]
            raise Unsupported(reason, kind)
        if interactions:
            raise Unsupported(_NOT_SUPPORTED, QT_TRANSLATE_NOOP("ImportSkip", "several "
                                                                "answers in one item"))
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "not a question"),
                          QT_TRANSLATE_NOOP("ImportSkip", "text only"))
    (interaction,) = interactions
    if interaction.tag not in GRADED:
        kind, reason = SKIPPED.get(interaction.tag, (interaction.tag, _NOT_SUPPORTED))  # type: ignore[arg-type]
        raise Unsupported(reason, kind)
    try:
        declaration = _declaration(root, interaction.get("responseIdentifier", ""))
        prompt = _prompt(body, interaction)
        if interaction.tag == "textEntryInteraction":
            return _text_entry(prompt, declaration, source)
        if interaction.tag == "orderInteraction":
            return _order(prompt, interaction, declaration, source)
        return _choice(prompt, interaction, declaration, source)
    except Unsupported as exc:
        raise Unsupported(str(exc), GRADED[interaction.tag]) from None


def _declaration(root: ET.Element, identifier: str) -> ET.Element:
    for declaration in root.findall("responseDeclaration"):
        if declaration.get("identifier") == identifier:
            return declaration
    raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "the item does not say which answer "
                                        "is right"))


def _html(element: ET.Element) -> str:
    inner = "".join(ET.tostring(child, encoding="unicode") for child in element)
    return (element.text or "") + inner


def _prompt(body: ET.Element, interaction: ET.Element) -> str:
    """The item body as Markdown, the interaction replaced by its prompt or a blank."""
    body = copy.deepcopy(body)
    for parent in body.iter():
        for index, child in enumerate(list(parent)):
            if child.tag != interaction.tag:
                continue
            own_prompt = child.find("prompt")
            blank = ET.Element("p" if own_prompt is not None else "span")
            blank.text = _text_of(own_prompt) if own_prompt is not None else " _____ "
            blank.tail = child.tail
            parent.remove(child)
            parent.insert(index, blank)
    prompt = to_markdown(_html(body))
    if not prompt.strip():
        raise Unsupported(QT_TRANSLATE_NOOP("ImportSkip", "the item has no text"))
    return prompt


def _text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _credits(declaration: ET.Element) -> dict[str, float]:
    """Response value -> credit: the correct response is full marks; mapEntries add more."""
    found = {(value.text or "").strip(): 1.0
             for value in declaration.findall("correctResponse/value")}
    for entry in declaration.findall("mapping/mapEntry"):
        try:
            mapped = float(entry.get("mappedValue", "0"))
        except ValueError:
            continue
        key = entry.get("mapKey", "")
        found.setdefault(key, 1.0 if mapped >= 1 else max(mapped, 0.0) if mapped > 0
                         else mapped)
    return found


def _choice(prompt: str, interaction: ET.Element, declaration: ET.Element,
            source: str) -> DraftQuestion:
    credits = _credits(declaration)
    answers = [_choice_answer(c, credits) for c in interaction
               if c.tag in ("simpleChoice", "inlineChoice")]
    single = declaration.get("cardinality", "single") == "single"
    return choice_question(prompt, answers, multiple=not single, source=source)


def _choice_answer(choice: ET.Element, credits: dict[str, float]) -> Answer:
    """A choice's text and credit; its inline feedback (shown when picked) kept apart."""
    choice = copy.deepcopy(choice)
    feedback = []
    for node in [c for c in choice if c.tag in ("feedbackInline", "feedbackBlock")]:
        feedback.append(to_markdown(_html(node)))
        tail = node.tail
        choice.remove(node)
        if tail:
            choice.text = (choice.text or "") + tail
    return Answer(to_markdown(_html(choice)), credits.get(choice.get("identifier", ""), 0.0),
                  " ".join(f for f in feedback if f))


def _order(prompt: str, interaction: ET.Element, declaration: ET.Element,
           source: str) -> DraftQuestion:
    """The choices in the order the correct response lists them."""
    texts = {c.get("identifier", ""): to_markdown(_html(c))
             for c in interaction if c.tag == "simpleChoice"}
    right = [(v.text or "").strip() for v in declaration.findall("correctResponse/value")]
    if not right or sorted(right) != sorted(texts):
        raise Unsupported(QT_TRANSLATE_NOOP(
            "ImportSkip", "the item does not give the right order of all its choices"))
    return ordering_question(prompt, [texts[key] for key in right], source=source)


def _text_entry(prompt: str, declaration: ET.Element, source: str) -> DraftQuestion:
    credits = _credits(declaration)
    answers = [Answer(text, credit) for text, credit in credits.items() if text]
    if declaration.get("baseType") in NUMERIC_TYPES:
        return numeric_question(prompt, answers, source=source)
    return short_question(prompt, answers, source=source)
