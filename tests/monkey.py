"""A seeded monkey: random touches on the real kiosk window, with invariants checked throughout.

Full run (prints a summary; a failure prints the seed, event index and last actions to replay):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.monkey --events 100000 --seed 1

``MONKEY_SEED`` and ``MONKEY_EVENTS`` set the defaults. A seed fixes every decision, but
kinetic scrolling and the idle timers run on real time: a short run replays exactly (the test's
1,200 events do), a long one can drift (a fling ending at another offset puts another widget
under a later touch). So a failure also lists its last actions with their window coordinates.

Time: touches are sent back to back, without real waiting. Nothing in the kiosk times a press,
so a long press carries its intended hold (0.6-1.2 s) in its description only; 10 % of them
hold 30-60 ms of real time and 2 % hold 0.26-0.32 s, past QScroller's 0.25 s press delay, so
the delayed-press path runs too. 5 % of drags pause 4 ms between moves (truly slow drags).
Idle waits are real: the settings' short idle timeout runs through the real timers.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from PySide6.QtCore import (
    QDeadlineTimer,
    QEvent,
    QMessageLogContext,
    QPoint,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QScrollArea,
    QScroller,
    QWidget,
)

from kiosk.app import application
from kiosk.core.session import ATTRACT, SUMMARY, is_staff_screen
from kiosk.runtime.lockdown import CORNER_PX
from kiosk.ui.access_bar import AccessBar, AccessSheet
from kiosk.ui.window import KioskWindow
from tests.conftest import LANDSCAPE, PORTRAIT, Finger, QuickIdle, short_idle_settings
from tests.kiosk_state import dispose, fresh_kiosk, fresh_observable, leftovers, observable

IDLE_TIMEOUT = 0.4  # seconds; long enough that a restyle (~0.25 s) rarely reaches it
IDLE_WARNING = 0.25
KINDS = ("tap", "drag", "flick", "long-press", "two-finger", "corner")
KIND_WEIGHTS = (50, 15, 15, 9, 8, 0.5)
# Relative chances of touching a widget (others: 1). Text size, contrast and language restyle
# every screen (~0.2 s) and a QR code takes ~40 ms to make: the run stays fast.
BAR_WEIGHT = 0.01
TAKE_HOME_WEIGHT = 0.3
HISTORY = 20

# Notices about the offscreen test platform, not the kiosk. It cannot pass a window's size
# limits on to a window system (real platforms can), and says so when the minimum size changes.
PLATFORM_NOTICES = frozenset({"This plugin does not support propagateSizeHints()"})
# Its screen is 800x800, smaller than the kiosk window: a gesture starting beyond it has no
# window under its hot spot. Expected only for such touches (see ``off_screen_notices``).
GESTURE_OFF_SCREEN = "QGestureManager::deliverEvents: could not find the target for gesture"
PROBLEM_TYPES = frozenset({QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg})

MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], object]


class ProblemLog:
    """While entered, collects Qt warnings (and worse) and uncaught exceptions in Qt callbacks.

    Both are passed on to whatever handled them before (e.g. pytest-qt), which still sees them.
    Offscreen-platform notices are counted in ``ignored`` instead.
    """

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.ignored: Counter[str] = Counter()
        self.expected: frozenset[str] = frozenset()
        self._handler: MessageHandler | None = None
        self._hook = sys.excepthook

    def __enter__(self) -> ProblemLog:
        self._handler = qInstallMessageHandler(self._on_message)
        self._hook = sys.excepthook
        sys.excepthook = self._on_exception
        return self

    def __exit__(self, *exc_info: object) -> None:
        qInstallMessageHandler(self._handler)
        sys.excepthook = self._hook

    @contextmanager
    def expecting(self, notices: frozenset[str]) -> Iterator[None]:
        """Count these offscreen-platform ``notices`` as ignored while in the block."""
        before = self.expected
        self.expected = before | notices
        try:
            yield
        finally:
            self.expected = before

    def _on_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        offscreen = QGuiApplication.platformName() == "offscreen"
        if offscreen and (message in PLATFORM_NOTICES or message in self.expected):
            self.ignored[message] += 1
            return
        if kind in PROBLEM_TYPES:
            self.problems.append(f"Qt {kind.name}: {message}")
        if self._handler is not None:
            self._handler(kind, context, message)
        elif kind in PROBLEM_TYPES:
            print(message, file=sys.stderr)

    def _on_exception(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self.problems.append("".join(traceback.format_exception(kind, error, tb)).rstrip())
        self._hook(kind, error, tb)


class Waiter(Protocol):
    """Waits with the event loop running; pytest-qt's ``qtbot`` is one."""

    def waitUntil(self, callback: Callable[[], bool], *, timeout: int = ...) -> None: ...  # noqa: N802


class LoopWaiter:
    """``qtbot.waitUntil`` for runs outside pytest."""

    def waitUntil(self, callback: Callable[[], bool], *, timeout: int = 5000) -> None:  # noqa: N802
        deadline = QDeadlineTimer(timeout)
        while not callback():
            if deadline.hasExpired():
                raise TimeoutError(f"waited {timeout} ms for {callback}")
            QTest.qWait(5)


@dataclass(frozen=True)
class Stroke:
    """One touch gesture: fingers go down at ``starts``, move in ``steps`` to ``ends``, lift."""

    kind: str
    starts: tuple[QPoint, ...]
    ends: tuple[QPoint, ...]
    steps: int = 0
    pause_ms: int = 0  # real time between moves
    hold_ms: int = 0  # real time between press and the first move (or release)
    note: str = ""

    def describe(self) -> str:
        pairs = zip(self.starts, self.ends, strict=True)
        points = " ".join(f"({a.x()},{a.y()})->({b.x()},{b.y()})" for a, b in pairs)
        timing = f" steps={self.steps}" + (f" pause={self.pause_ms}ms" if self.pause_ms else "")
        held = f" hold={self.hold_ms}ms" if self.hold_ms else ""
        return f"{self.kind} {points}{timing}{held} {self.note}".rstrip()


class TouchDriver:
    """Sends strokes to ``window`` through QTest touch sequences, as a touchscreen would."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.device = Finger().device

    def _send(self, stage: str, points: Sequence[QPoint], *, process: bool = True) -> None:
        sequence = QTest.touchEvent(self.window, self.device)
        for touch_id, point in enumerate(points):
            if stage == "press":
                sequence.press(touch_id, point, self.window)
            elif stage == "move":
                sequence.move(touch_id, point, self.window)
            else:
                sequence.release(touch_id, point, self.window)
        sequence.commit(process)

    def perform(self, stroke: Stroke) -> None:
        """Events are handled after the press and the release; moves are delivered without
        repainting in between (as when a busy screen coalesces them), unless the stroke pauses."""
        self._send("press", stroke.starts)
        if stroke.hold_ms:
            QTest.qWait(stroke.hold_ms)
        for step in range(1, stroke.steps + 1):
            if stroke.pause_ms:
                QTest.qWait(stroke.pause_ms)
            fraction = step / stroke.steps
            pairs = zip(stroke.starts, stroke.ends, strict=True)
            self._send("move", [a + (b - a) * fraction for a, b in pairs], process=False)
        self._send("release", stroke.ends)


def off_screen_notices(stroke: Stroke, window: QWidget) -> frozenset[str]:
    """The gesture notice, if a finger of ``stroke`` lands beyond every (offscreen) screen."""
    starts = [window.mapToGlobal(point) for point in stroke.starts]
    if any(QGuiApplication.screenAt(point) is None for point in starts):
        return frozenset({GESTURE_OFF_SCREEN})
    return frozenset()


# --- Where to touch -----------------------------------------------------------------------------


def top_layer(kiosk: KioskWindow) -> QWidget:
    """What a finger lands on: the idle warning, else the take-home overlay or the sheet of
    choices, else the screen."""
    for overlay in (kiosk.overlay, kiosk.take_home, kiosk.preferences.sheet):
        if overlay is not None and overlay.isVisible():
            return overlay
    return kiosk.screens[kiosk.current_screen()]


def touch_targets(layer: QWidget) -> list[QAbstractButton]:
    """Buttons, rows and tiles a patient can touch on ``layer`` (itself, if it is one)."""
    found = [layer] if isinstance(layer, QAbstractButton) else []
    found += layer.findChildren(QAbstractButton)
    return [button for button in found if button.isVisible() and button.isEnabled()]


def weight(layer: QWidget, button: QWidget) -> float:
    if isinstance(button.parentWidget(), AccessBar):
        return BAR_WEIGHT
    if isinstance(layer, AccessSheet) and button is not layer.close_button:
        return BAR_WEIGHT
    return TAKE_HOME_WEIGHT if button is getattr(layer, "take_home", None) else 1.0


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def point_on(rng: random.Random, widget: QWidget, window: QWidget) -> QPoint | None:
    """A random window point on the part of ``widget`` that is on screen, if any."""
    shown = widget.visibleRegion().boundingRect()
    if shown.isEmpty():
        return None
    local = QPoint(
        rng.randint(shown.left(), shown.right()), rng.randint(shown.top(), shown.bottom())
    )
    return widget.mapTo(window, local)


def random_point(rng: random.Random, window: QWidget) -> QPoint:
    return QPoint(rng.randrange(window.width()), rng.randrange(window.height()))


def clamp(point: QPoint, window: QWidget) -> QPoint:
    return QPoint(
        min(max(point.x(), 0), window.width() - 1), min(max(point.y(), 0), window.height() - 1)
    )


def label_of(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__} {name[:40]!r}"


def aim(rng: random.Random, kiosk: KioskWindow, on_target: float) -> tuple[QPoint, str]:
    """Mostly a point on a touchable widget (scrolled into view first), else anywhere."""
    layer = top_layer(kiosk)
    targets = touch_targets(layer)
    if targets and rng.random() < on_target:
        target = rng.choices(targets, [weight(layer, t) for t in targets])[0]
        note = f"on {label_of(target)}"
        point = point_on(rng, target, kiosk)
        if point is None and (area := scroll_area_of(target)) is not None:
            area.ensureWidgetVisible(target, 0, 120)  # as a patient's swipe would; moves it now
            point = point_on(rng, target, kiosk)
            note += " after scrolling to it"
        if point is not None:
            return point, note
    return random_point(rng, kiosk), "anywhere"


# --- Which gesture ------------------------------------------------------------------------------


def plan_tap(rng: random.Random, start: QPoint, window: QWidget, note: str) -> Stroke:
    return Stroke("tap", (start,), (start,), note=note)


def plan_drag(rng: random.Random, start: QPoint, window: QWidget, note: str) -> Stroke:
    end = clamp(
        start + QPoint(rng.randint(-40, 40), rng.choice((-1, 1)) * rng.randint(150, 900)), window
    )
    pause = 4 if rng.random() < 0.05 else 0
    return Stroke("drag", (start,), (end,), steps=rng.randint(8, 20), pause_ms=pause, note=note)


def plan_flick(rng: random.Random, start: QPoint, window: QWidget, note: str) -> Stroke:
    end = clamp(
        start + QPoint(rng.randint(-20, 20), rng.choice((-1, 1)) * rng.randint(60, 300)), window
    )
    return Stroke("flick", (start,), (end,), steps=rng.randint(2, 4), note=note)


def plan_long_press(rng: random.Random, start: QPoint, window: QWidget, note: str) -> Stroke:
    chance = rng.random()
    real = rng.randint(260, 320) if chance < 0.02 else rng.randint(30, 60) if chance < 0.12 else 0
    held = f"held {rng.uniform(0.6, 1.2):.2f} s (simulated)"
    return Stroke("long-press", (start,), (start,), hold_ms=real, note=f"{note}, {held}")


def plan_two_finger(rng: random.Random, start: QPoint, window: QWidget, note: str) -> Stroke:
    second = clamp(start + QPoint(rng.randint(-400, 400), rng.randint(-300, 300)), window)
    if rng.random() < 0.5:  # pan: both fingers move together
        shift = QPoint(rng.randint(-100, 100), rng.randint(-500, 500))
        ends = (clamp(start + shift, window), clamp(second + shift, window))
    else:  # pinch in or out
        spread = (second - start) * rng.uniform(-0.4, 0.6)
        ends = (clamp(start - spread, window), clamp(second + spread, window))
    return Stroke("two-finger", (start, second), ends, steps=rng.randint(3, 8), note=note)


def plan_corner(rng: random.Random, kiosk: KioskWindow) -> list[Stroke]:
    """Quick taps in the staff corner (no PIN is set, so nothing may happen)."""
    corner = kiosk.settings.staff.corner
    x = (
        rng.randrange(CORNER_PX)
        if "left" in corner
        else kiosk.width() - 1 - rng.randrange(CORNER_PX)
    )
    y = (
        rng.randrange(CORNER_PX)
        if "top" in corner
        else kiosk.height() - 1 - rng.randrange(CORNER_PX)
    )
    taps = kiosk.settings.staff.gesture_taps
    return [
        Stroke("corner", (QPoint(x, y),), (QPoint(x, y),), note=f"{corner} tap {n + 1}/{taps}")
        for n in range(taps)
    ]


PLANS = {
    "tap": plan_tap,
    "drag": plan_drag,
    "flick": plan_flick,
    "long-press": plan_long_press,
    "two-finger": plan_two_finger,
}


# --- What must always hold ----------------------------------------------------------------------


def one_screen_shown(kiosk: KioskWindow) -> list[str]:
    stack = kiosk.stack
    pages = [stack.widget(index) for index in range(stack.count())]
    shown = [page for page in pages if page is not None and page.isVisible()]
    if shown != [stack.currentWidget()]:
        return [f"{len(shown)} pages visible in the stack"]
    if kiosk.screens.get(kiosk.current_screen()) is not stack.currentWidget():
        return ["the visible page is not a known screen"]
    return []


def session_in_step(kiosk: KioskWindow) -> list[str]:
    screen = kiosk.current_screen()
    found = []
    if is_staff_screen(screen):
        found.append(f"reached staff screen {screen!r} without a PIN")
    if kiosk.session.screen != screen:
        found.append(f"session says {kiosk.session.screen!r} but {screen!r} is shown")
    if kiosk.idle_watcher.is_armed != (screen != ATTRACT):
        found.append(f"idle watcher armed={kiosk.idle_watcher.is_armed} on {screen!r}")
    return found


def answers_in_step(kiosk: KioskWindow) -> list[str]:
    ticked = kiosk.session.ticked
    rows = {item_id for item_id, row in kiosk.checklist.rows.items() if row.isChecked()}
    found = [] if rows == ticked else [f"rows show {sorted(rows)}, session has {sorted(ticked)}"]
    if kiosk.current_screen() == SUMMARY:
        items = kiosk.language.checklist.items()
        expected = [item.label for item in items if item.id in ticked]
        if kiosk.summary.answer_labels() != expected:
            found.append(f"summary shows {kiosk.summary.answer_labels()}, expected {expected}")
    return found


def overlays_sound(kiosk: KioskWindow) -> list[str]:
    found = []
    for overlay in (kiosk.overlay, kiosk.take_home, kiosk.preferences.sheet):
        if overlay is not None and overlay.isVisible() and overlay.geometry() != kiosk.rect():
            found.append(f"{overlay.objectName()} does not cover the window")
    if kiosk.take_home.isVisible() and not kiosk.take_home.qr.matrix:
        found.append("the take-home overlay shows no QR code")
    return found


def flings_stopped(kiosk: KioskWindow) -> list[str]:
    """Screens out of sight have no kinetic scrolling attached or running."""
    found = []
    for screen_id, screen in kiosk.screens.items():
        if screen is kiosk.stack.currentWidget():
            continue
        for area in screen.findChildren(QScrollArea):
            viewport = area.viewport()
            if QScroller.hasScroller(viewport):
                state = QScroller.scroller(viewport).state()
                if state != QScroller.State.Inactive:
                    found.append(f"hidden {screen_id!r} scroller is {state.name}")
    return found


INVARIANTS = (one_screen_shown, session_in_step, answers_in_step, overlays_sound, flings_stopped)


def broken_invariants(kiosk: KioskWindow) -> list[str]:
    return [problem for check in INVARIANTS for problem in check(kiosk)]


# --- The run ------------------------------------------------------------------------------------


@dataclass
class Rates:
    """How often, per touch event, the monkey does something other than touch."""

    idle: float = 1 / 1000  # wait for the idle warning (on a patient screen)
    rotate: float = 1 / 5000  # turn the window between landscape and portrait
    probe: int = 2000  # every this many events, check a slow swipe still scrolls
    on_target: float = 0.75  # touches aimed at a touchable widget


@dataclass
class Tally:
    seed: int
    kinds: Counter[str] = field(default_factory=Counter)
    screens: Counter[str] = field(default_factory=Counter)
    overlays: Counter[str] = field(default_factory=Counter)
    resets: int = 0
    idle_kept: int = 0
    idle_timed_out: int = 0
    rotations: int = 0
    probes: int = 0
    warnings: int = 0
    ignored_notices: Counter[str] = field(default_factory=Counter)
    elapsed: float = 0.0

    def summary(self) -> str:
        events = sum(self.kinds.values())
        per_event = 1000 * self.elapsed / max(1, events)
        lines = [
            f"seed {self.seed}: {events} touch events in {self.elapsed:.1f} s"
            f" ({per_event:.1f} ms per event)",
            "events: " + ", ".join(f"{kind} {self.kinds[kind]}" for kind in KINDS),
            f"idle waits: {self.idle_kept + self.idle_timed_out} ({self.idle_kept} still here,"
            f" {self.idle_timed_out} timed out); resets {self.resets}; rotations"
            f" {self.rotations}; scroll probes {self.probes}",
            "screens: " + ", ".join(f"{s} {n}" for s, n in sorted(self.screens.items())),
            "overlays: " + ", ".join(f"{s} {n}" for s, n in sorted(self.overlays.items())),
            f"Qt warnings and exceptions: {self.warnings}",
            *(
                f"offscreen-platform notice ignored {n}x: {m}"
                for m, n in self.ignored_notices.items()
            ),
        ]
        return "\n".join(lines)


class MonkeyError(AssertionError):
    """A broken invariant, exception or Qt warning, with what it takes to replay it."""


class Monkey:
    """Drives one kiosk with seeded random touches; ``run`` raises MonkeyError on a problem.

    ``references`` maps a window size to ``observable()`` of a fresh kiosk at that size.
    """

    def __init__(
        self,
        kiosk: KioskWindow,
        waiter: Waiter,
        seed: int,
        references: dict[tuple[int, int], dict[str, Any]],
        rates: Rates | None = None,
    ) -> None:
        self.kiosk, self.waiter, self.references = kiosk, waiter, references
        self.rates = rates or Rates()
        self.rng = random.Random(seed)
        self.driver = TouchDriver(kiosk)
        self.tally = Tally(seed)
        self.history: deque[str] = deque(maxlen=HISTORY)
        self.problems: list[str] = []
        self.log = ProblemLog()
        self.index = 0
        self.probe_due = False
        self._open: set[str] = set()

    def run(self, events: int) -> Tally:
        kiosk = self.kiosk
        self.tally.screens[kiosk.current_screen()] += 1
        kiosk.page_shown.connect(self._page_shown)
        kiosk.session_reset.connect(self._reset)
        started = time.perf_counter()
        try:
            with self.log:
                for self.index in range(events):
                    self._step()
                    self._raise_if()
        finally:
            kiosk.page_shown.disconnect(self._page_shown)
            kiosk.session_reset.disconnect(self._reset)
            self.tally.elapsed = time.perf_counter() - started
        self.tally.ignored_notices = self.log.ignored
        return self.tally

    def _page_shown(self, screen_id: str) -> None:
        self.tally.screens[screen_id] += 1

    def _reset(self) -> None:
        self.tally.resets += 1
        self.problems += [f"after reset: {problem}" for problem in leftovers(self.kiosk)]

    def _note(self, text: str) -> None:
        self.history.append(f"{self.index:>7} [{self.kiosk.current_screen()}] {text}")

    def _raise_if(self) -> None:
        found = self.log.problems + self.problems
        self.tally.warnings = len(self.log.problems)
        if found:
            raise MonkeyError(self.report(found))

    def report(self, problems: list[str]) -> str:
        seed, index = self.tally.seed, self.index
        lines = [
            f"MONKEY FAILURE: seed {seed}, event {index}",
            f"replay: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.monkey"
            f" --seed {seed} --events {index + 1}",
            *problems,
            f"last {len(self.history)} actions:",
            *self.history,
        ]
        return "\n".join(lines)

    def _step(self) -> None:
        rng, rates = self.rng, self.rates
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the main loop does
        if rng.random() < rates.idle and self.kiosk.current_screen() != ATTRACT:
            self._idle()
        if rng.random() < rates.rotate:
            self._rotate()
        if self.index and self.index % rates.probe == 0:
            self.probe_due = True
        if self.probe_due:
            self.probe_due = not self._probe()  # due until a page that scrolls is up
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        self.tally.kinds[kind] += 1
        if kind == "corner":
            strokes = plan_corner(rng, self.kiosk)
        else:
            start, note = aim(rng, self.kiosk, rates.on_target)
            strokes = [PLANS[kind](rng, start, self.kiosk, note)]
        for stroke in strokes:
            self._perform(stroke)

    def _perform(self, stroke: Stroke) -> None:
        """Touch, then check; the touch that dismisses the idle warning must do nothing else."""
        kiosk = self.kiosk
        warned = kiosk.overlay.isVisible()
        before = (kiosk.current_screen(), set(kiosk.session.ticked))
        self._note(stroke.describe())
        with self.log.expecting(off_screen_notices(stroke, kiosk)):
            self.driver.perform(stroke)
        after = (kiosk.current_screen(), set(kiosk.session.ticked))
        if warned and after != before:
            self.problems.append(f"the touch dismissing the idle warning went {before} -> {after}")
        self.problems += broken_invariants(kiosk)
        self._note_overlays()

    def _note_overlays(self) -> None:
        kiosk = self.kiosk
        for name, overlay in (("take-home", kiosk.take_home), ("idle warning", kiosk.overlay)):
            if not overlay.isVisible():
                self._open.discard(name)
            elif name not in self._open:
                self._open.add(name)
                self.tally.overlays[name] += 1

    def _idle(self) -> None:
        """Leave the kiosk alone until the warning shows, then answer it or let it reset."""
        kiosk = self.kiosk
        self._note("wait idle for the warning")
        self.waiter.waitUntil(kiosk.overlay.isVisible, timeout=round(IDLE_TIMEOUT * 1000) + 3000)
        self._note_overlays()
        # Answered and left to time out by turns, so every run sees both, however the
        # seed's other choices fall; where the answering touch lands stays random.
        if self.tally.idle_kept <= self.tally.idle_timed_out:
            button = self.rng.random() < 0.6
            start = point_on(self.rng, kiosk.overlay.button, kiosk) if button else None
            start = start or random_point(self.rng, kiosk)
            self._perform(Stroke("tap", (start,), (start,), note="to stay (idle warning)"))
            if kiosk.overlay.isVisible():
                self.problems.append("the idle warning stayed up after a touch")
            self.tally.idle_kept += 1
            return
        resets = self.tally.resets
        self._note("let the warning time out")
        timeout = round(IDLE_WARNING * 1000) + 3000
        self.waiter.waitUntil(lambda: self.tally.resets > resets, timeout=timeout)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if observable(kiosk) != self.references[(kiosk.width(), kiosk.height())]:
            self.problems.append("after the idle reset the kiosk differs from a fresh one")
        self.problems += broken_invariants(kiosk)
        self.tally.idle_timed_out += 1
        self._note_overlays()

    def _rotate(self) -> None:
        size = PORTRAIT if self.kiosk.width() > self.kiosk.height() else LANDSCAPE
        self._note(f"turn the window to {size[0]}x{size[1]}")
        self.kiosk.resize(*size)
        QApplication.processEvents()
        if (self.kiosk.width(), self.kiosk.height()) != size:
            self.problems.append(f"window is {self.kiosk.size()} after resizing to {size}")
        self.tally.rotations += 1

    def _probe(self) -> bool:
        """After many flicks, a slow swipe must still scroll the page under the finger.
        Returns whether it could try (a long page, no overlay)."""
        kiosk = self.kiosk
        screen = top_layer(kiosk)
        if screen is not kiosk.stack.currentWidget():
            return False  # an overlay is open
        areas = [area for area in screen.findChildren(QScrollArea) if area.isVisible()]
        bar = areas[0].verticalScrollBar() if areas else None
        if bar is None or bar.maximum() < 400:
            return False
        QScroller.scroller(areas[0].viewport()).stop()
        viewport = areas[0].viewport()
        middle = viewport.mapTo(kiosk, viewport.rect().center())
        dy = -300 if bar.value() < bar.maximum() / 2 else 300
        before = bar.value()
        self._note(f"probe: slow swipe {dy} px from {bar.value()}/{bar.maximum()}")
        end = middle + QPoint(0, dy)
        probe = Stroke("probe", (middle,), (end,), steps=12, pause_ms=8)
        with self.log.expecting(off_screen_notices(probe, kiosk)):
            self.driver.perform(probe)
        if bar.value() == before:
            self.problems.append("a slow swipe no longer scrolls the page")
        self.problems += broken_invariants(kiosk)
        self.tally.probes += 1
        return True


# --- Command line -------------------------------------------------------------------------------


def reference_states(config: Path | QuickIdle) -> dict[tuple[int, int], dict[str, Any]]:
    """``observable()`` of a fresh kiosk in each orientation (build before the kiosk under test)."""
    return {size: fresh_observable(config, size) for size in (LANDSCAPE, PORTRAIT)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.monkey", description=__doc__)
    parser.add_argument(
        "--events", type=int, default=int(os.environ.get("MONKEY_EVENTS", "100000"))
    )
    parser.add_argument("--seed", type=int, default=int(os.environ.get("MONKEY_SEED", "1")))
    parser.add_argument("--portrait", action="store_true", help="start at 1080x1920")
    args = parser.parse_args(argv)
    application()
    with tempfile.TemporaryDirectory(prefix="kiosk-monkey-") as folder:
        config = short_idle_settings(Path(folder), IDLE_TIMEOUT, IDLE_WARNING)
        references = reference_states(config)
        kiosk = fresh_kiosk(config, PORTRAIT if args.portrait else LANDSCAPE)
        try:
            tally = Monkey(kiosk, LoopWaiter(), args.seed, references).run(args.events)
        except MonkeyError as failure:
            print(failure, file=sys.stderr)
            return 1
        finally:
            kiosk.allow_close = True
            dispose(kiosk)
    print(tally.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
