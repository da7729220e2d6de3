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
from app.messages import QT_TRANSLATE_NOOP

GRADED = {"choiceInteraction": "choice", "inlineChoiceInteraction": "inline choice",
          "textEntryInteraction": "text entry", "orderInteraction": "ordering"}
SKIPPED = {
    "extendedTextInteraction": ("extended text", "no automatic grading"),
    "uploadInteraction": ("file upload", "no automatic grading"),
    "drawingInteraction": ("drawing", "no automatic grading"),
    "matchInteraction": ("matching", "not supported yet"),
    "associateInteraction": ("associate", "not supported yet"),
    "gapMatchInteraction": ("drag-and-drop", "not supported"),
    "graphicGapMatchInteraction": ("drag-and-drop", "not supported"),
    "graphicOrderInteraction": ("ordering", "not supported yet"),
    "graphicAssociateInteraction": ("picture hotspots", "not supported"),
    "hotspotInteraction": ("picture hotspots", "not supported"),
    "selectPointInteraction": ("picture hotspots", "not supported"),
    "positionObjectInteraction": ("picture hotspots", "not supported"),
    "hottextInteraction": ("select text", "not supported"),
    "sliderInteraction": ("slider", "not supported"),
}
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
    where = f"item “{title}”"
    if root.tag != "assessmentItem":
        job.report.skip("QTI item", f"not a QTI 2 item (<{root.tag}>)", where)
        return
    try:
        question = _convert(root, f"{file_name}, {where}")
    except Unsupported as exc:
        kind, _sep, reason = str(exc).partition("|")
        job.report.skip(kind if reason else "QTI item", reason or kind, where)
        return
    job.add(question, skill, where)


def _convert(root: ET.Element, source: str) -> DraftQuestion:
    body = root.find("itemBody")
    if root.find("templateDeclaration") is not None:
        raise Unsupported("randomised item|its values change on every attempt: not "
                          "supported")
    if body is None:
        raise Unsupported("the item has no body")
    interactions = [e for e in body.iter() if e.tag.endswith("Interaction")
                    and e.tag != "endAttemptInteraction"]
    if len(interactions) != 1:
        names = sorted({e.tag for e in interactions})
        skipped = [SKIPPED[n] for n in names if n in SKIPPED]
        if len(names) == 1 and skipped:
            raise Unsupported("|".join(skipped[0]))
        raise Unsupported("several answers in one item|not supported" if interactions
                          else "text only|not a question")
    (interaction,) = interactions
    if interaction.tag not in GRADED:
        kind, reason = SKIPPED.get(interaction.tag, (interaction.tag, "not supported"))
        raise Unsupported(f"{kind}|{reason}")
    try:
        declaration = _declaration(root, interaction.get("responseIdentifier", ""))
        prompt = _prompt(body, interaction)
        if interaction.tag == "textEntryInteraction":
            return _text_entry(prompt, declaration, source)
        if interaction.tag == "orderInteraction":
            return _order(prompt, interaction, declaration, source)
        return _choice(prompt, interaction, declaration, source)
    except Unsupported as exc:
        raise Unsupported(f"{GRADED[interaction.tag]}|{exc}") from None


def _declaration(root: ET.Element, identifier: str) -> ET.Element:
    for declaration in root.findall("responseDeclaration"):
        if declaration.get("identifier") == identifier:
            return declaration
    raise Unsupported("the item does not say which answer is right")


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
        raise Unsupported("the item has no text")
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
        raise Unsupported("the item does not give the right order of all its choices")
    return ordering_question(prompt, [texts[key] for key in right], source=source)


def _text_entry(prompt: str, declaration: ET.Element, source: str) -> DraftQuestion:
    credits = _credits(declaration)
    answers = [Answer(text, credit) for text, credit in credits.items() if text]
    if declaration.get("baseType") in NUMERIC_TYPES:
        return numeric_question(prompt, answers, source=source)
    return short_question(prompt, answers, source=source)
