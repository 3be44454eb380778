"""The self-reflection checklist and its summary. No score: the summary only echoes answers."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.content.model import Checklist, Strings
from kiosk.core.content.placeholders import fill
from kiosk.ui.flow import FlowLayout
from kiosk.ui.icons import Icon
from kiosk.ui.look import dress_label
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.warning import WarningPanel
from kiosk.ui.widgets import CheckRow, TouchButton, callout_frame, set_label, text_label


class ChecklistScreen(ReadingScreen):
    """Groups of large toggle rows. Emits ``answer_changed(item_id, ticked)`` and ``finished``."""

    answer_changed = Signal(str, bool)
    finished = Signal()

    def __init__(
        self,
        checklist: Checklist,
        strings: Strings,
        *,
        numbers: Mapping[str, str],
        clear_time: str,
        parent: QWidget | None = None,
    ):
        super().__init__(strings, parent=parent, wide_row=True)
        self.setObjectName("ChecklistScreen")
        self.header.addWidget(text_label(checklist.title, "h1"))
        privacy = fill(checklist.privacy, {"clear_time": clear_time})
        self.notice = callout_frame("", privacy, checklist.not_a_test)
        self.header.addWidget(self.notice)
        self.warning = WarningPanel(checklist.warning, numbers, titled=False)
        self.wide.addWidget(self.warning)
        self.column.addWidget(text_label(checklist.intro, "lead"))
        self.rows: dict[str, CheckRow] = {}
        for group in checklist.groups:
            heading = text_label(group.heading, "h2")
            heading.setContentsMargins(0, 20, 0, 0)
            self.column.addWidget(heading)
            for item in group.items:
                safety = fill(item.safety, numbers)
                row = CheckRow(item.label, item.hint, strings.ticked, safety)
                row.toggled.connect(
                    lambda ticked, item_id=item.id: self.answer_changed.emit(item_id, ticked)
                )
                self.rows[item.id] = row
                self.column.addWidget(row)
        self.see_my_list = strings.see_my_list
        self.see_list = TouchButton(strings.see_my_list, icon=Icon.CHECKLIST)
        self.see_list.clicked.connect(self.finished)
        self.add_action(self.see_list)
        for row in self.rows.values():
            row.toggled.connect(self._count)

    def show_answers(self, ticked: set[str]) -> None:
        for item_id, row in self.rows.items():
            row.set_ticked(item_id in ticked)
        self._count()

    def _count(self) -> None:
        """ "See my list (3)": how many are ticked, on the button that shows them."""
        ticked = sum(row.isChecked() for row in self.rows.values())
        set_label(self.see_list, f"{self.see_my_list} ({ticked})" if ticked else self.see_my_list)


class SummaryScreen(ReadingScreen):
    """Echoes only the ticked items, then the same care-team message whatever was ticked.

    Emits ``edit_requested`` and ``clear_requested``.
    """

    edit_requested = Signal()
    clear_requested = Signal()
    take_home_requested = Signal()

    def __init__(
        self,
        checklist: Checklist,
        strings: Strings,
        contact: str,
        numbers: Mapping[str, str],
        parent: QWidget | None = None,
    ):
        super().__init__(strings, parent=parent, wide_row=True)
        self.setObjectName("SummaryScreen")
        self.checklist = checklist
        self.numbers = numbers
        summary = checklist.summary
        self.header.addWidget(text_label(summary.title, "h1"))
        self.warning = WarningPanel(checklist.warning, numbers, titled=False)
        self.wide.addWidget(self.warning)
        self.answers = QWidget()
        self.answers_layout = QVBoxLayout(self.answers)
        self.answers_layout.setContentsMargins(0, 0, 0, 0)
        self.answers_layout.setSpacing(14)
        everything = {item.id for item in checklist.items()}
        self.lines = [text_label("") for _ in self._lines(everything)]  # see show_answers
        for label in self.lines:
            label.hide()
            self.answers_layout.addWidget(label)
        self.column.addWidget(self.answers)
        texts = [summary.care_team] + ([contact] if contact else [])
        self.column.addWidget(callout_frame("", *texts))
        self.column.addWidget(text_label(summary.cannot_tell))
        self.column.addSpacing(24)
        self.edit_button = TouchButton(strings.edit_answers, secondary=True, icon=Icon.EDIT)
        self.clear_button = TouchButton(strings.clear_answers, secondary=True, icon=Icon.CLEAR)
        self.take_home = TouchButton(strings.take_home, icon=Icon.TAKE_HOME)
        self.edit_button.clicked.connect(self.edit_requested)
        self.clear_button.clicked.connect(self.clear_requested)
        self.take_home.clicked.connect(self.take_home_requested)
        self.add_action(self.take_home)
        buttons = QWidget()
        flow = FlowLayout(buttons, spacing=28)
        flow.addWidget(self.edit_button)
        flow.addWidget(self.clear_button)
        self.column.addWidget(buttons)

    def show_answers(self, ticked: set[str]) -> None:
        """Show the items in ``ticked``, grouped under the checklist's own headings.

        The lines are labels made once, enough for every item ticked (making new ones each
        time left a little native memory behind, every patient); the ones not needed are
        hidden and emptied, so nothing of an earlier list stays in them.
        """
        lines = self._lines(ticked)
        for index, label in enumerate(self.lines):
            if index >= len(lines):
                label.hide()
                label.clear()
                continue
            text, role, indent = lines[index]
            if label.property("role") != role:
                label.setProperty("role", role)
                dress_label(label)
            label.setContentsMargins(*indent)
            label.setText(text)
            label.show()

    def _lines(self, ticked: set[str]) -> list[tuple[str, str, tuple[int, int, int, int]]]:
        """(text, role, margins) of each line of the list for ``ticked``."""
        summary, flush = self.checklist.summary, (0, 0, 0, 0)
        if not ticked:
            return [(summary.nothing_ticked, "lead", flush)]
        lines = [(summary.intro, "lead", flush)]
        for group in self.checklist.groups:
            chosen = [item for item in group.items if item.id in ticked]
            if chosen:
                lines.append((group.heading, "group", (0, 16, 0, 0)))
            for item in chosen:
                lines.append((f"\u2713  {item.label}", "item", flush))
                if item.safety:
                    lines.append((fill(item.safety, self.numbers), "safety", (52, 0, 0, 0)))
        return lines

    def answer_labels(self) -> list[str]:
        """The item labels the screen is showing now (for tests and preview)."""
        labels = [label.text() for label in self.lines if not label.isHidden()]
        return [text.removeprefix("\u2713  ") for text in labels if text.startswith("\u2713")]

    def reset(self) -> None:
        super().reset()
        for label in self.lines:
            label.hide()
            label.clear()
