"""A short, seeded monkey run in the normal suite: it must reach every screen and break nothing.

The full run is ``python -m tests.monkey --events 100000 --seed 1`` (see tests/monkey.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.session import is_staff_screen
from kiosk.ui.window import KioskWindow
from tests.conftest import QuickIdle, open_kiosk, short_idle_settings
from tests.monkey import (
    IDLE_TIMEOUT,
    IDLE_WARNING,
    KINDS,
    Monkey,
    MonkeyError,
    Rates,
    reference_states,
)

SEED = 3
EVENTS = 1200
# Idle waits and turns far more often than in the full run, so a short run sees them all.
SHORT = Rates(idle=1 / 200, rotate=1 / 500, probe=400)


@pytest.fixture
def config(tmp_path: Path) -> QuickIdle:
    return short_idle_settings(tmp_path, IDLE_TIMEOUT, IDLE_WARNING)


@pytest.fixture
def references(config: QuickIdle, qtbot: QtBot) -> dict[tuple[int, int], dict[str, Any]]:
    return reference_states(config)  # before the kiosk under test, whose filters it must not see


def test_monkey_reaches_every_screen_and_breaks_nothing(
    qtbot: QtBot, config: QuickIdle, references: dict[tuple[int, int], dict[str, Any]]
) -> None:
    kiosk = open_kiosk(qtbot, config_path=config, watch=False)
    tally = Monkey(kiosk, qtbot, SEED, references, SHORT).run(EVENTS)
    print(tally.summary())
    patient_screens = {screen for screen in kiosk.screens if not is_staff_screen(screen)}
    assert len(patient_screens) == 10  # attract, home, six topics, checklist, summary
    assert patient_screens - set(tally.screens) == set(), "screens never reached"
    assert set(tally.overlays) == {"take-home", "idle warning"}
    assert set(tally.kinds) == set(KINDS) and sum(tally.kinds.values()) == EVENTS
    assert tally.idle_kept and tally.idle_timed_out and tally.resets >= tally.idle_timed_out
    assert tally.rotations and tally.probes
    assert tally.warnings == 0


def test_a_broken_invariant_is_reported_with_what_replays_it(
    qtbot: QtBot, config: QuickIdle, references: dict[tuple[int, int], dict[str, Any]]
) -> None:
    kiosk = open_kiosk(qtbot, config_path=config, watch=False)
    sabotage(kiosk)
    with pytest.raises(MonkeyError) as failure:
        Monkey(kiosk, qtbot, SEED, references, SHORT).run(EVENTS)
    report = str(failure.value)
    assert f"seed {SEED}, event " in report
    assert f"--seed {SEED} --events " in report
    assert "2 pages visible in the stack" in report
    actions = report.split("last ")[1].splitlines()[1:]
    assert 1 <= len(actions) <= 20 and all(line.split()[0].isdigit() for line in actions)


def sabotage(kiosk: KioskWindow) -> None:
    """Leave the home screen showing under whatever screen opens next."""
    kiosk.page_shown.connect(lambda screen: kiosk.home.setVisible(screen != "attract"))
