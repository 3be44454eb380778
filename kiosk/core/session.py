"""The one place a patient's state lives. Qt-free, memory only, never written anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field

ATTRACT = "attract"
HOME = "home"
CHECKLIST = "checklist"
SUMMARY = "summary"
STAFF_PREFIX = "staff/"  # screens reached through staff mode only
STAFF_PIN = "staff/pin"
STAFF_PANEL = "staff/panel"


def is_staff_screen(screen: str) -> bool:
    return screen.startswith(STAFF_PREFIX)


TOPIC_PREFIX = "topic/"


def topic_screen(page_id: str) -> str:
    return TOPIC_PREFIX + page_id


@dataclass
class Session:
    """Which screen the patient is on, how they got there, and what they ticked."""

    screen: str = ATTRACT
    history: list[str] = field(default_factory=list)
    ticked: set[str] = field(default_factory=set)
    language: str | None = None  # None: the clinic's default
    text_scale: float = 1.0
    high_contrast: bool = False

    def set_ticked(self, item_id: str, ticked: bool) -> None:
        if ticked:
            self.ticked.add(item_id)
        else:
            self.ticked.discard(item_id)

    def clear_answers(self) -> None:
        self.ticked.clear()

    def go(self, screen: str) -> None:
        """Move to ``screen``, remembering the current one for Back. Home forgets the trail."""
        if screen == self.screen:
            return
        if screen == HOME:
            self.history.clear()
        else:
            self.history.append(self.screen)
        self.screen = screen

    def back(self) -> str:
        """Return to the previous screen (home when there is none) and return it."""
        self.screen = self.history.pop() if self.history else HOME
        return self.screen

    def reset(self) -> None:
        """Forget everything about the patient."""
        self.screen = ATTRACT
        self.history.clear()
        self.ticked.clear()
        self.language = None
        self.text_scale = 1.0
        self.high_contrast = False
