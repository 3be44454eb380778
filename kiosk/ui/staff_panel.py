"""The staff panel: content status and errors, usage charts, screen previews and actions.

Staff-only and English only (staff read the YAML files, whose keys are English).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.content.model import Strings
from kiosk.core.usage_charts import FALLING_TITLE, charts, falling_text, headline, long_date
from kiosk.core.usage_summary import UsageSummary
from kiosk.runtime.reload import ContentReloader
from kiosk.ui.flow import FlowLayout
from kiosk.ui.icons import Icon
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.usage_chart import UsageChart
from kiosk.ui.widgets import Panel, TouchButton, callout_frame, clear_layout, set_label, text_label

THUMBNAIL_WIDTH = 320
FIGURES_PER_ROW = 3  # the usage key figures, in equal boxes
EXIT_CONFIRM_MS = 5000  # how long "Tap again to exit" waits for the second tap
EXIT_LABEL, EXIT_CONFIRM = "Exit the kiosk", "Tap again to exit"


def _section(title: str) -> tuple[QWidget, QVBoxLayout]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 16, 0, 0)
    layout.setSpacing(12)
    layout.addWidget(text_label(title, "h2"))
    body = QVBoxLayout()
    body.setSpacing(10)
    layout.addLayout(body)
    return box, body


def _figure(what: str, value: str) -> QWidget:
    box = Panel("row")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(20, 12, 20, 12)
    layout.setSpacing(2)
    layout.addWidget(text_label(value, "brand"))
    layout.addWidget(text_label(what, "muted"))
    layout.addStretch(1)  # figures and their words level across a row
    return box


class StaffPanel(ReadingScreen):
    """Emits one signal per action; the staff-mode controller carries them out."""

    leave_requested = Signal()
    reload_requested = Signal()
    preview_requested = Signal()
    export_requested = Signal()
    exit_requested = Signal()

    def __init__(self, strings: Strings, parent: QWidget | None = None):
        super().__init__(strings, parent=parent)
        self.setObjectName("StaffPanel")
        self.back_button.hide()
        self.home_button.hide()
        self.column.addWidget(text_label("Staff", "h1"))
        self.message = text_label("", "lead")
        self.column.addWidget(self.message)
        actions = [
            ("Back to patient mode", self.leave_requested, False),
            ("Reload content", self.reload_requested, True),
            ("Preview every screen", self.preview_requested, True),
            ("Save usage report", self.export_requested, True),
            (EXIT_LABEL, None, True),
        ]
        row = QWidget()
        flow = FlowLayout(row, spacing=20)
        self.buttons: dict[str, TouchButton] = {}
        for label, signal, secondary in actions:
            button = TouchButton(label, secondary=secondary)
            if signal is not None:
                button.clicked.connect(signal)
            self.buttons[label] = button
            flow.addWidget(button)
        # Exit asks twice: the first tap arms it ("Tap again to exit") for a few seconds.
        self.exit_button = self.buttons[EXIT_LABEL]
        self.exit_button.setProperty("danger", True)
        self.exit_button.icon_name = Icon.EXIT
        self.exit_button.setCheckable(True)
        self.exit_button.clicked.connect(self._exit_tapped)
        self._disarm = QTimer(self, singleShot=True, interval=EXIT_CONFIRM_MS)
        self._disarm.timeout.connect(self.disarm_exit)
        self.column.addWidget(row)
        status, self.status_layout = _section("Content")
        counts, self.counts_layout = _section("How the kiosk is used (anonymous)")
        previews, self.previews_layout = _section("Screens")
        for box in (status, counts, previews):
            self.column.addWidget(box)

    def _exit_tapped(self) -> None:
        if self.exit_button.isChecked():  # the first tap: armed, waiting for the second
            set_label(self.exit_button, EXIT_CONFIRM)
            self._disarm.start()
        else:
            self.disarm_exit()
            self.exit_requested.emit()

    def disarm_exit(self) -> None:
        """Back to "Exit the kiosk", waiting for a first tap again."""
        self._disarm.stop()
        self.exit_button.setChecked(False)
        set_label(self.exit_button, EXIT_LABEL)

    def reset(self) -> None:
        super().reset()
        self.disarm_exit()

    def show_status(self, reloader: ContentReloader | None) -> None:
        clear_layout(self.status_layout)
        if reloader is None:
            self.status_layout.addWidget(text_label("Files are not being watched."))
            return
        current = reloader.current
        lines = [f"Content folder: {current.content_dir}"]
        lines.append(f"Settings file: {current.settings_file}")
        if current.overlay_dir:
            lines.append(f"Clinic pages: {current.overlay_dir}")
        when = reloader.last_reload.strftime("%Y-%m-%d %H:%M:%S") if reloader.last_reload else None
        lines.append(f"Last reload: {when or 'none since start'}")
        for line in lines:
            self.status_layout.addWidget(text_label(line))
        if not reloader.problems:
            self.status_layout.addWidget(text_label("No problems: patients see your latest files."))
            return
        heading = (
            f"The last change was refused ({len(reloader.problems)} problem(s)). "
            "Patients still see the last good content. Fix these and save again:"
        )
        problems = [str(problem) for problem in reloader.problems]
        self.status_layout.addWidget(callout_frame("Changes not shown", heading, *problems))

    def show_usage(self, summary: UsageSummary, names: dict[str, str]) -> None:
        """Key figures, a warning when use is falling, then every chart with its reading."""
        clear_layout(self.counts_layout)
        period = f"The last {len(summary.daily)} days, to {long_date(summary.last_day)}."
        self.counts_layout.addWidget(text_label(period, "muted"))
        if summary.falling:
            alert = callout_frame(FALLING_TITLE, falling_text(summary.falling))
            alert.setObjectName("UsageFalling")
            self.counts_layout.addWidget(alert)
        figures = QWidget()
        grid = QGridLayout(figures)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(16)
        for index, (what, value) in enumerate(headline(summary)):
            grid.addWidget(_figure(what, value), index // FIGURES_PER_ROW, index % FIGURES_PER_ROW)
        for column in range(FIGURES_PER_ROW):
            grid.setColumnStretch(column, 1)
        self.counts_layout.addWidget(figures)
        for chart in charts(summary, names):
            card = Panel("row")
            card.setObjectName(f"UsageCard-{chart.key}")
            layout = QVBoxLayout(card)
            layout.setContentsMargins(24, 16, 24, 20)
            layout.addWidget(text_label(chart.title, "subhead"))
            if chart.reading:
                layout.addWidget(text_label(chart.reading, "muted"))
            layout.addWidget(UsageChart(chart))
            self.counts_layout.addWidget(card)

    def show_previews(self, images: list[tuple[str, QImage]]) -> None:
        clear_layout(self.previews_layout)
        grid = QWidget()
        layout = QGridLayout(grid)
        layout.setSpacing(16)
        for index, (name, image) in enumerate(images):
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            picture = QLabel()
            smooth = Qt.TransformationMode.SmoothTransformation
            picture.setPixmap(QPixmap.fromImage(image.scaledToWidth(THUMBNAIL_WIDTH, smooth)))
            cell_layout.addWidget(picture)
            cell_layout.addWidget(text_label(name, "muted"))
            layout.addWidget(cell, index // 3, index % 3, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.addWidget(grid)
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        self.previews_layout.addWidget(holder)
