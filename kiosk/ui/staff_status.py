"""What staff see about their content: where it comes from, the last reload, and any errors."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Strings
from kiosk.reload import ContentReloader
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.widgets import callout_frame, clear_layout, text_label


class StaffStatusScreen(ReadingScreen):
    """Content status for staff (English only: staff read the files, which name keys in English)."""

    def __init__(self, strings: Strings, parent: QWidget | None = None):
        super().__init__(strings, "Staff", parent)
        self.setObjectName("StaffStatusScreen")
        self.column.addWidget(text_label("Content status", "h1"))
        self.details = QWidget()
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setContentsMargins(0, 0, 0, 0)
        self.details_layout.setSpacing(16)
        self.column.addWidget(self.details)

    def show_status(self, reloader: ContentReloader | None) -> None:
        clear_layout(self.details_layout)
        if reloader is None:
            self.details_layout.addWidget(text_label("Files are not being watched.", "lead"))
            return
        current = reloader.current
        lines = [
            f"Content folder: {current.content_dir}",
            f"Settings file: {current.settings_file}",
        ]
        if current.overlay_dir:
            lines.append(f"Clinic pages: {current.overlay_dir}")
        when = reloader.last_reload.strftime("%Y-%m-%d %H:%M:%S") if reloader.last_reload else None
        lines.append(f"Last reload: {when or 'none since start'}")
        for line in lines:
            self.details_layout.addWidget(text_label(line))
        if not reloader.problems:
            self.details_layout.addWidget(
                text_label("No problems: the kiosk shows your latest files.")
            )
            return
        heading = (
            f"The last change was refused ({len(reloader.problems)} problem(s)). "
            "Patients still see the last good content. Fix these and save again:"
        )
        problems = [str(problem) for problem in reloader.problems]
        self.details_layout.addWidget(callout_frame("Changes not shown", heading, *problems))
