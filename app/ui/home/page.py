"""The Home screen: today's plan — what to do next, and why.

The recommender's picks for the chosen subject are computed on the ``db`` lane
(:func:`app.ops.practice.load_snapshot`) and shown as :class:`RecommendationCard`s with
"Why this?". The same snapshot feeds the Progress page (``snapshot_ready``), so the two
never disagree. The subject chosen here is the learner's subject: it is remembered in
their profile (``subject_chosen``) and chosen again at their next sign-in.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.core.content.library import LibraryPack
from app.core.content.model import Pack
from app.core.learner.activities import Recommendation
from app.ops import practice as practice_ops
from app.ops.context import AppContext
from app.ui.button_row import ButtonRow
from app.ui.errors import describe_error
from app.ui.progress.why import RecommendationCard
from app.ui.style import narrow_combo


class HomePage(QWidget):
    """Signals:
    activity_chosen(pack, recommendation): a card's Start was pressed.
    snapshot_ready(progress, recommendations): fresh figures for the chosen subject.
    subject_chosen(pack_id): the learner chose another subject here.
    """

    activity_chosen = Signal(object, object)
    snapshot_ready = Signal(object, object)
    subject_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.packs: dict[str, Pack] = {}
        self.cards: list[RecommendationCard] = []
        self.title = QLabel(self.tr("Today's plan"))
        self.title.setObjectName("pageTitle")
        self.subject = narrow_combo(QComboBox())
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject.currentIndexChanged.connect(self._on_subject_changed)
        self.message = QLabel()
        self.message.setObjectName("pageIntro")
        self.message.setWordWrap(True)
        self._cards_box = QVBoxLayout()
        label = QLabel(self.tr("Subject:"))
        label.setBuddy(self.subject)
        column = QVBoxLayout(self)
        # Title and subject side by side when there is room, else the subject below.
        column.addWidget(ButtonRow.header(self.title, label, self.subject))
        column.addWidget(self.message)
        column.addLayout(self._cards_box)
        column.addStretch(1)
        self._say(self.tr("Loading your plan…"))

    @property
    def pack(self) -> Pack | None:
        return self.packs.get(self.subject.currentData() or "")

    def choose_subject(self, pack_id: str) -> bool:
        """Show ``pack_id``'s plan (not a choice of the learner's: nothing is remembered).

        Returns False, changing nothing, when that pack is not installed.
        """
        index = self.subject.findData(pack_id)
        if index < 0:
            return False
        if index != self.subject.currentIndex():
            self.subject.blockSignals(True)
            self.subject.setCurrentIndex(index)
            self.subject.blockSignals(False)
        self.refresh()
        return True

    def _on_subject_changed(self) -> None:
        self.refresh()
        if self.pack is not None:
            self.subject_chosen.emit(self.pack.info.id)

    def set_packs(self, packs: list[LibraryPack]) -> None:
        """The subjects to plan for; keeps the chosen one if it is still installed."""
        chosen = self.subject.currentData()
        self.packs = {entry.pack.info.id: entry.pack for entry in packs}
        self.subject.blockSignals(True)
        self.subject.clear()
        for entry in packs:
            self.subject.addItem(entry.pack.info.title, entry.pack.info.id)
        if chosen in self.packs:
            self.subject.setCurrentIndex(self.subject.findData(chosen))
        self.subject.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the plan in the background (after sign-in and after each answer)."""
        pack = self.pack
        if pack is None:
            self._set_cards([])
            self._say(self.tr("There is nothing to learn yet. Ask your teacher to add a "
                              "subject."))
            return
        if self.ctx.profile is None:
            return
        practice_ops.load_snapshot(parent=self, ctx=self.ctx, pack=pack,
                                   on_done=lambda snap: self._on_snapshot(pack, snap),
                                   on_error=lambda error: self._say(describe_error(error)))

    def _on_snapshot(self, pack: Pack, snapshot: practice_ops.Snapshot) -> None:
        if pack is not self.pack:
            return  # the subject changed while this was computed: a newer one is coming
        progress, recommendations = snapshot
        self._set_cards(recommendations)
        self._say(self.tr("Here is what to do next. Press “Why this?” to see why.")
                  if recommendations else
                  self.tr("You have done everything for now. Well done! Come back "
                          "tomorrow for a review."))
        self.snapshot_ready.emit(progress, recommendations)

    def _set_cards(self, recommendations: list[Recommendation]) -> None:
        for card in self.cards:
            self._cards_box.removeWidget(card)
            card.deleteLater()
        self.cards = [RecommendationCard(rec) for rec in recommendations]
        for card in self.cards:
            card.chosen.connect(self._on_chosen)
            card.start.setAccessibleName(self.tr("Start: {title}").format(title=card.rec.title))
            self._cards_box.addWidget(card)

    def _on_chosen(self, rec: Recommendation) -> None:
        if self.pack is not None:
            self.activity_chosen.emit(self.pack, rec)

    def clear(self) -> None:
        """Forget the plan (at sign-out): the next learner must not see it."""
        self._set_cards([])
        self._say(self.tr("Loading your plan…"))

    def _say(self, text: str) -> None:
        self.message.setText(text)
