"""Warning signs that need care, in two tiers: "get care now" and "see your care team soon"."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.content.model import WarningSigns, WarningTier
from kiosk.core.content.placeholders import fill
from kiosk.ui.widgets import Panel, text_label

LINE_CHARS = 30  # a sign's column keeps at least this many characters a line


def _sign(text: str) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(14)
    layout.addWidget(text_label("\u2022", "sign"), 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(text_label(text, "sign"), 1)
    return row


def _split(texts: list[str], columns: int) -> list[range]:
    """Consecutive runs of ``texts`` for ``columns`` columns of about equal length, the first
    column never the shorter, so the list reads down the first column then the next."""
    if columns == 1 or len(texts) < 2:
        return [range(len(texts))]
    weights = [len(text) + 20 for text in texts]  # each sign costs a bullet and a gap too
    half = sum(weights) / 2
    running, cut = 0, len(texts) - 1
    for index, weight in enumerate(weights[:-1]):
        running += weight
        if running >= half:
            cut = index + 1
            break
    return [range(cut), range(cut, len(texts))]


class _Tier(Panel):
    """One tier: its heading, what to do, then its signs in one or two columns."""

    def __init__(self, tier: WarningTier, level: str, numbers: Mapping[str, str], extra: str):
        super().__init__(f"tier-{level}")
        self.setObjectName("WarningTier")
        self.setProperty("level", level)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(26, 12, 20, 14)
        layout.setSpacing(4)
        layout.addWidget(text_label(tier.heading, "tier-heading"))
        layout.addWidget(text_label(fill(tier.action, numbers), "tier-action"))
        self.texts = [fill(sign, numbers) for sign in tier.signs]
        self.signs = [_sign(text) for text in self.texts]
        self.lists = QHBoxLayout()
        self.lists.setSpacing(28)
        self.lists_of: list[QVBoxLayout] = []
        for _ in range(2):  # made once: layouts are never deleted while Qt may use them
            column = QVBoxLayout()
            column.setSpacing(4)
            column.addStretch(1)
            self.lists.addLayout(column, 1)
            self.lists_of.append(column)
        layout.addLayout(self.lists)
        if extra:
            layout.addWidget(text_label(extra, "tier-action"))
        layout.addStretch(1)
        self.columns = 0
        self.set_columns(1)

    def set_columns(self, columns: int) -> None:
        """Signs in ``columns`` columns, each flowing on its own, the first one fuller."""
        if columns == self.columns:
            return
        self.columns = columns
        for column in self.lists_of:
            for sign in self.signs:
                column.removeWidget(sign)
        for column, part in zip(self.lists_of, _split(self.texts, columns), strict=False):
            for row, index in enumerate(part):
                column.insertWidget(row, self.signs[index])
        self.lists.setStretch(1, 1 if columns == 2 else 0)


class WarningPanel(Panel):
    """The whole warning, always in full, arranged for the width it has: on a wide screen the
    tiers sit side by side (the longer one in two columns), else the urgent one first.
    ``numbers`` fill the blanks ({emergency_number}, ...)."""

    def __init__(
        self,
        warning: WarningSigns,
        numbers: Mapping[str, str],
        parent: QWidget | None = None,
        *,
        titled: bool = True,
    ):
        super().__init__("warning", parent)
        self.setObjectName("WarningPanel")
        self.setAccessibleName(warning.title)
        self.warning = warning
        clinic = fill(warning.clinic_line, numbers) if numbers.get("clinic_phone") else ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 18)
        layout.setSpacing(8)
        self.title = text_label("\u26a0 " + warning.title, "warning-title")
        self.title.setVisible(titled)  # without: the tier headings say it (saves a line)
        layout.addWidget(self.title)
        self.now = _Tier(warning.now, "now", numbers, "")
        self.soon = _Tier(warning.soon, "soon", numbers, clinic)
        self.grid = QGridLayout()
        self.grid.setSpacing(18)
        layout.addLayout(self.grid)
        self.side_by_side: bool | None = None
        self._arrange(side_by_side=False)

    def _arrange(self, *, side_by_side: bool) -> None:
        if side_by_side == self.side_by_side:
            return
        self.side_by_side = side_by_side
        self.grid.removeWidget(self.now)
        self.grid.removeWidget(self.soon)
        self.grid.addWidget(self.now, 0, 0)
        self.grid.addWidget(self.soon, 0 if side_by_side else 1, 1 if side_by_side else 0)
        self.grid.setColumnStretch(1, 1 if side_by_side else 0)

    def _share(self, width: int) -> None:
        """Split ``width`` between the tiers side by side so the taller one is as short as
        it can be (each tier measured by height-for-width)."""
        usable = width - self.grid.spacing()
        best = min(
            range(30, 61, 2),
            key=lambda part: max(
                self.now.heightForWidth(usable * part // 100),
                self.soon.heightForWidth(usable - usable * part // 100),
            ),
        )
        self.grid.setColumnStretch(0, best)
        self.grid.setColumnStretch(1, 100 - best)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        sign = self.now.signs[0].findChildren(QLabel)[-1]
        column = LINE_CHARS * sign.fontMetrics().averageCharWidth() + 90
        width = event.size().width() - 48
        side_by_side = width >= 3 * column + self.grid.spacing()
        self._arrange(side_by_side=side_by_side)
        if side_by_side:
            self.now.set_columns(1)
            self.soon.set_columns(2)
            self._share(width)
        else:
            columns = 2 if width >= 2 * column else 1
            self.now.set_columns(columns)
            self.soon.set_columns(columns)
