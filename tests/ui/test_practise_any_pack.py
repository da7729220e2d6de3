"""Every imported quiz can be practised: import it, find it on Home, reach a question.

The real main window, a real profile made through the sign-in screen, and the real
shared quiz files (../shared/data, written by others): each is imported through the
Content page, as a teacher does, and becomes a subject whose Home plan leads into
Practice. Also: Learn's "Practise this subject" for a pack with no lessons, the Progress
page's subject picker, and the subject remembered across a restart. No model is needed
(the hint comes from the question's own ladder when the models are not loaded).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.content.importers import import_file
from app.core.content.loader import load_pack
from app.core.learner.activities import Kind
from app.core.tutor.socratic import answer_key, find_reveal
from app.ops.context import AppContext
from app.store import ProfileStore
from app.ui.main_window import MainWindow
from app.ui.practice.page import PracticePage
from tests.fakes import FakeChatEngine
from tests.shared_data import SHARED_DATA
from tests.store.constants import FAST_KDF, PASSPHRASE
from tests.ui.conftest import fake_host
from tests.ui.learning import load_models, signed_in_context
from tests.ui.test_signin import make_profile, names, settle, sign_in

WAIT_MS = 30_000
QUIZZES = {
    "moodle-xml": SHARED_DATA / "quiz" / "qas_editor" / "moodle_xml" / "all.xml",
    "gift": SHARED_DATA / "quiz" / "qas_editor" / "gift" / "all.gift",
    "aiken": SHARED_DATA / "quiz" / "qas_editor" / "aiken" / "aiken_1.txt",
    "qti": SHARED_DATA / "quiz" / "qti21_qtiworks" / "choice.xml",
    "anki-apkg": SHARED_DATA / "anki" / "ankitects_tests" / "update1.apkg",
    "anki-text": SHARED_DATA / "anki" / "ankitects_tests" / "text-2fields.txt",
    "csv": SHARED_DATA / "anki" / "ultimate_geography_csv" / "capital.csv",
}


def open_window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1100, 750)
    main.show()
    return main


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    main = open_window(ctx, qtbot)
    make_profile(main, qtbot)
    qtbot.waitUntil(lambda: main.learning.home.subject.count() > 0, timeout=WAIT_MS)
    return main


def import_quiz(window: MainWindow, qtbot: QtBot, path: Path) -> str:
    """Import ``path`` on the Content page; the new subject's pack id."""
    home = window.learning.home
    before = set(home.packs)
    with qtbot.waitSignal(window.content.import_finished, timeout=WAIT_MS) as done:
        window.content.import_path(path)
    assert done.args[0].startswith("Imported "), done.args[0]
    qtbot.waitUntil(lambda: bool(set(home.packs) - before), timeout=WAIT_MS)
    [pack_id] = set(home.packs) - before
    return pack_id


def choose_on_home(window: MainWindow, qtbot: QtBot, pack_id: str) -> None:
    """Pick the subject in Home's list, as the learner does, and wait for its plan."""
    home = window.learning.home
    home.subject.setCurrentIndex(home.subject.findData(pack_id))
    qtbot.waitUntil(lambda: bool(home.cards) and home.pack is not None
                    and home.pack.info.id == pack_id
                    and home.cards[0].rec.skill_id in {s.id for s in home.pack.skills},
                    timeout=WAIT_MS)


@pytest.mark.parametrize("fmt", sorted(QUIZZES))
def test_an_imported_quiz_is_practised_from_home(fmt: str, window: MainWindow,
                                                 qtbot: QtBot) -> None:
    assert QUIZZES[fmt].is_file(), f"the shared {fmt} sample is missing"
    pack_id = import_quiz(window, qtbot, QUIZZES[fmt])
    learning = window.learning
    pack = learning.packs[pack_id].pack
    assert pack.questions and not pack.lessons  # a quiz: questions, no lessons
    choose_on_home(window, qtbot, pack_id)
    card = learning.home.cards[0]
    assert card.rec.kind is Kind.NEW_SKILL
    assert "Well done" not in learning.home.message.text()
    card.start.click()
    practice = learning.practice
    assert window.pages.currentWidget() is practice
    question = practice.question
    assert question is not None and question.skill == card.rec.skill_id
    assert practice.prompt.text() and practice.check_button.isEnabled()
    # The tutor beside the question helps even though the pack has no lesson to cite.
    with qtbot.waitSignal(practice.hint_shown, timeout=WAIT_MS):
        qtbot.mouseClick(practice.hint_button, Qt.MouseButton.LeftButton)
    assert practice.tutor.model.message(0).text


def test_a_pack_without_lessons_is_practised_from_learn_and_progress(
        window: MainWindow, qtbot: QtBot) -> None:
    pack_id = import_quiz(window, qtbot, QUIZZES["gift"])
    learning = window.learning
    learn, progress, practice = learning.learn, learning.progress, learning.practice
    # Learn: no lessons to read, one button into practice.
    learn.subject.setCurrentIndex(learn.subject.findData(pack_id))
    assert learn.lessons.count() == 0
    assert learn.practise.isEnabled() and learn.practise.text() == "Practise this subject"
    assert "no lessons" in learn.reader.toPlainText()
    window.show_page(learn)
    qtbot.mouseClick(learn.practise, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is practice
    assert practice.question is not None and len(practice.questions) == len(
        learning.packs[pack_id].pack.questions)
    # Progress: its subject picker chooses the quiz; its "What next" leads to a question.
    with qtbot.waitSignal(learning.home.snapshot_ready, timeout=WAIT_MS):
        progress.subject.setCurrentIndex(progress.subject.findData(pack_id))
    assert learning.home.pack is not None and learning.home.pack.info.id == pack_id
    qtbot.waitUntil(lambda: bool(progress.cards), timeout=WAIT_MS)
    skills = {s.id for s in learning.packs[pack_id].pack.skills}
    assert [s.skill_id for s in progress.mastery._skills] == [  # the quiz's skills charted
        s.id for s in learning.packs[pack_id].pack.skills]
    window.show_page(progress)
    progress.cards[0].start.click()
    assert window.pages.currentWidget() is practice
    assert practice.question is not None and practice.question.skill in skills


def test_the_subject_is_remembered_across_a_restart(window: MainWindow, qtbot: QtBot,
                                                    ctx: AppContext) -> None:
    home = window.learning.home
    other = next(home.subject.itemData(i) for i in range(home.subject.count())
                 if home.subject.itemData(i) != home.subject.currentData())
    choose_on_home(window, qtbot, other)
    assert window.learning.progress.subject.currentData() == other
    with qtbot.waitSignal(window.signed_out):
        qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    settle(ctx)
    window.close()
    # A new start of Lantern: a new context and window over the same data folder.
    again = AppContext.create()
    again.profiles = ProfileStore(again.paths.data / "profiles", kdf=FAST_KDF)
    try:
        restarted = open_window(again, qtbot)
        qtbot.waitUntil(lambda: names(restarted) == ["Mia"], timeout=WAIT_MS)
        sign_in(restarted, qtbot, PASSPHRASE)
        qtbot.waitUntil(lambda: restarted.signed_in, timeout=WAIT_MS)
        learning = restarted.learning
        qtbot.waitUntil(lambda: learning.home.subject.currentData() == other
                        and bool(learning.home.cards), timeout=WAIT_MS)
        assert learning.progress.subject.currentData() == other
        restarted.close()
    finally:
        settle(again)
        again.close()


@pytest.mark.slow
def test_the_tutor_helps_with_a_quiz_question_that_has_no_lesson(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    """With the models loaded: the pack's (empty) lesson index is built with the real
    embedder, and the learner's question beside a quiz question is answered."""
    assert import_file(QUIZZES["aiken"], tmp_path / "quiz").pack_dir is not None
    pack = load_pack(tmp_path / "quiz")
    engine = FakeChatEngine(["Look at each choice in turn. ", "Which one can you rule out?"])
    ctx = signed_in_context(fake_host(engine))
    try:
        load_models(ctx)
        page = PracticePage(ctx)
        qtbot.addWidget(page)
        page.show()
        page.start(pack)
        question = page.question
        assert question is not None
        qtbot.keyClicks(page.tutor.question, "I don't get this one")
        with qtbot.waitSignal(page.tutor.answer_finished, timeout=120_000) as done:
            qtbot.keyClick(page.tutor.question, Qt.Key.Key_Return)
        assert engine.produced > 0 and done.args[0] == "Look at each choice in turn. " \
            "Which one can you rule out?"
        assert find_reveal(done.args[0], answer_key(question)) is None
    finally:
        ctx.close()


def test_a_qti_content_package_is_practised_from_home(window: MainWindow, qtbot: QtBot,
                                                     tmp_path: Path) -> None:
    """A zip with imsmanifest.xml (refused before as "not an Anki deck"), made from the
    shared ordering and multiple-response items: imported item by item, then practised."""
    import zipfile

    from app.ui.practice.inputs import ChoiceInput, OrderInput

    items = SHARED_DATA / "quiz" / "qti21_qtiworks"
    package = tmp_path / "qti-bank.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("imsmanifest.xml", (
            '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><resources>'
            '<resource identifier="a" type="imsqti_item_xmlv2p1" href="order.xml"/>'
            '<resource identifier="b" type="imsqti_item_xmlv2p1" href="choice_multiple.xml"/>'
            "</resources></manifest>"))
        for name in ("order.xml", "choice_multiple.xml"):
            archive.write(items / name, name)
    pack_id = import_quiz(window, qtbot, package)
    choose_on_home(window, qtbot, pack_id)
    window.learning.home.cards[0].start.click()
    practice = window.learning.practice
    assert window.pages.currentWidget() is practice
    seen = set()
    for question in practice.questions:  # both kinds are answerable on the screen
        practice.index = practice.questions.index(question)
        practice._show_question()
        seen.add(type(practice.input))
        assert practice.check_button.isEnabled()
    assert seen == {OrderInput, ChoiceInput}
