"""Text size, high contrast, Spanish, read-aloud and the accessibility tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from PySide6.QtGui import QAccessible, QAccessibleInterface, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.core.colors import BODY_TEXT_MIN, OTHER_MIN, contrast
from kiosk.core.config import Theme
from kiosk.core.session import ATTRACT, CHECKLIST, HOME, SUMMARY, topic_screen
from kiosk.ui.access_bar import AccessBar, AccessSheet
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.theme import Palette, button_px, target_px
from kiosk.ui.window import KioskWindow
from tests.conftest import CONTENT, Finger, open_kiosk

# ---- contrast, from the colours the style sheet actually uses -------------------------------


def assert_readable(palette: Palette) -> None:
    grounds = (palette.background, palette.surface, palette.callout)
    for ground in grounds:
        assert contrast(palette.text, ground) >= BODY_TEXT_MIN
        assert contrast(palette.muted, ground) >= BODY_TEXT_MIN
    for fore, back in (
        (palette.on_primary, palette.primary),
        (palette.on_primary, palette.pressed),
        (palette.primary, palette.surface),
        (palette.primary, palette.background),
        (palette.border, palette.background),
        (palette.border, palette.surface),
    ):
        assert contrast(fore, back) >= OTHER_MIN, (fore, back)


def test_default_and_high_contrast_themes_are_readable() -> None:
    assert_readable(Palette.from_theme(Theme()))
    high = Palette.high_contrast()
    assert_readable(high)
    assert contrast(high.text, high.background) == pytest.approx(21)


def shade(low: int, high: int) -> st.SearchStrategy[str]:
    channel = st.integers(low, high)
    return st.tuples(channel, channel, channel).map(lambda rgb: "#{:02X}{:02X}{:02X}".format(*rgb))


def theme_of(primary: str, on_primary: str, background: str, surface: str, text: str) -> dict:
    return {"primary": primary, "on_primary": on_primary, "background": background,
            "surface": surface, "text": text}  # fmt: skip


# Mostly plausible clinic themes (light grounds and dark ink, or the reverse), some pure chance.
dark, light, anything = shade(0, 90), shade(170, 255), shade(0, 255)
themes = st.one_of(
    st.builds(theme_of, dark, light, light, light, dark),
    st.builds(theme_of, light, dark, dark, dark, light),
    st.builds(theme_of, anything, anything, anything, anything, anything),
)


@settings(max_examples=400, deadline=None)
@given(candidate=themes)
def test_every_theme_the_validator_accepts_is_readable(candidate: dict) -> None:
    try:
        theme = Theme.model_validate(candidate)
    except ValidationError as error:
        assert "colours too close to read" in str(error)  # refused, naming the pair
        return
    assert_readable(Palette.from_theme(theme))


# ---- patient choices -------------------------------------------------------------------------


def bar_on(kiosk: KioskWindow) -> AccessBar:
    bar = kiosk.stack.currentWidget().findChild(AccessBar)
    assert bar is not None and bar.isVisible()
    return bar


def sheet_on(kiosk: KioskWindow, finger: Finger) -> AccessSheet:
    """Tap "Aa" on the screen shown: the sheet of choices covers it."""
    finger.tap(bar_on(kiosk).sheet_button)
    sheet = kiosk.preferences.sheet
    assert sheet is not None and sheet.isVisible()
    return sheet


def body_px(kiosk: KioskWindow) -> int:
    """Body text size on a topic page, as shown (a screen takes a new size when it is shown)."""
    kiosk.go(topic_screen("lifestyle-steps"))
    screen = kiosk.screens[topic_screen("lifestyle-steps")]
    paragraph = next(
        label for label in screen.findChildren(QLabel) if label.property("role") is None
    )
    return paragraph.font().pixelSize()


def test_text_size_doubles_body_text_and_resets(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap(kiosk.attract)
    assert body_px(kiosk) == 30
    sheet = sheet_on(kiosk, finger)
    finger.tap(sheet.sizes[2.0])
    assert sheet.sizes[2.0].isChecked() and not sheet.sizes[1.0].isChecked()
    finger.tap(sheet.close_button)
    assert not sheet.isVisible()
    assert body_px(kiosk) == 60
    kiosk.reset()
    assert body_px(kiosk) == 30 and kiosk.session.text_scale == 1.0


def test_high_contrast_switches_every_screen_and_resets(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap(kiosk.attract)
    sheet = sheet_on(kiosk, finger)
    finger.tap(sheet.contrast)
    assert sheet.contrast.isChecked()
    finger.tap(sheet.close_button)
    for screen in (HOME, topic_screen(kiosk.pack.language().pages[-1].id), CHECKLIST):
        kiosk.go(screen)  # each screen shown after the change wears it, as drawn
        assert background_seen(kiosk) == "#000000", screen
    kiosk.reset()
    assert background_seen(kiosk) == kiosk.settings.theme.background.lower()
    assert not sheet.isVisible() and not sheet.contrast.isChecked()


def background_seen(kiosk: KioskWindow) -> str:
    """The colour drawn at the left edge, halfway down: the screen's background."""
    image = kiosk.grab().toImage()
    return str(image.pixelColor(4, image.height() // 2).name())


def test_spanish_keeps_the_patients_place_and_answers(kiosk: KioskWindow, finger: Finger) -> None:
    finger.tap(kiosk.attract)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.rows["bloating"])
    finger.tap(bar_on(kiosk).languages["es"])
    assert kiosk.current_screen() == CHECKLIST
    assert kiosk.checklist.rows["bloating"].isChecked()
    assert kiosk.checklist.rows["bloating"].accessibleName() == "Hinchazón"
    finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)
    assert kiosk.current_screen() == SUMMARY
    assert kiosk.summary.answer_labels() == ["Hinchazón"]
    shown = [label.text() for label in kiosk.summary.findChildren(QLabel)]
    assert "¿Preguntas? Pregunte en la recepción." in shown
    finger.tap(bar_on(kiosk).languages["en"])
    assert kiosk.summary.answer_labels() == ["Bloating"]
    finger.tap(bar_on(kiosk).languages["es"])
    kiosk.reset()
    assert (
        kiosk.language.code == "en" and kiosk.attract.title.text() == "Learn about your gut health"
    )


def test_every_language_in_the_pack_is_offered_without_code(kiosk: KioskWindow) -> None:
    names = {
        code: language.strings.language_name for code, language in kiosk.pack.languages.items()
    }
    kiosk.go(HOME)
    bar = bar_on(kiosk)
    assert {code: button.text() for code, button in bar.languages.items()} == names
    assert not bar.languages["en"].isVisible() and bar.languages["es"].isVisible()


def test_small_screens_get_bigger_buttons(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("display:\n  diagonal_inches: 8\n", encoding="utf-8")
    kiosk = open_kiosk(qtbot, config_path=path)
    screen = kiosk.screen().size()
    needed = target_px(screen.width(), screen.height(), 8)
    kiosk.go(HOME)
    QApplication.processEvents()
    assert needed > 72
    for button in kiosk.home.findChildren(QPushButton):
        if button.isVisible():
            assert button.height() >= button_px(needed) >= needed


# ---- accessibility tree ------------------------------------------------------------------------

INTERACTIVE = {
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.Button,
    QAccessible.Role.ButtonMenu,
    QAccessible.Role.Link,
    QAccessible.Role.EditableText,
    QAccessible.Role.ComboBox,
    QAccessible.Role.Slider,
}


def walk(node: QAccessibleInterface, depth: int = 0) -> list[QAccessibleInterface]:
    found = [node]
    if depth < 40:
        for index in range(node.childCount()):
            child = node.child(index)
            if child is not None and child.isValid():
                found += walk(child, depth + 1)
    return found


def test_accessibility_tree_has_no_unnamed_control(kiosk: KioskWindow) -> None:
    for screen_id in list(kiosk.screens):
        if screen_id == ATTRACT:
            kiosk.reset()
        else:
            kiosk.go(screen_id)
        QApplication.processEvents()
        root = QAccessible.queryAccessibleInterface(kiosk.screens[screen_id])
        assert root is not None
        nodes = walk(root)
        controls = [
            node for node in nodes if node.role() in INTERACTIVE and not node.state().invisible
        ]
        assert controls, f"{screen_id}: no controls in the accessibility tree"
        for node in controls:
            assert node.text(QAccessible.Text.Name).strip(), f"{screen_id}: unnamed {node.role()}"


# ---- read aloud --------------------------------------------------------------------------------


@pytest.fixture
def speaking_kiosk(qtbot: QtBot, tmp_path: Path) -> KioskWindow:
    path = tmp_path / "settings.yaml"
    path.write_text("features:\n  read_aloud: true\n  speech_engine: mock\n", encoding="utf-8")
    return open_kiosk(qtbot, config_path=path)


def test_read_aloud_speaks_the_page_and_stops_on_navigation(
    speaking_kiosk: KioskWindow, finger: Finger, qtbot: QtBot
) -> None:
    kiosk = speaking_kiosk
    assert kiosk.read_aloud.available and kiosk.read_aloud._tts is None, "engine made too early"
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[0])
    button = sheet_on(kiosk, finger).read_aloud
    assert button.isVisible() and button.accessibleName() == "Read aloud"
    with qtbot.waitSignal(kiosk.read_aloud.speaking_changed, timeout=2000):
        finger.tap(button)
    assert kiosk.read_aloud.speaking
    assert not button.isVisible(), "the sheet gives way to the page being read"
    assert sheet_on(kiosk, finger).read_aloud.accessibleName() == "Stop reading"
    finger.tap(button)
    assert not kiosk.read_aloud.speaking
    with qtbot.waitSignal(kiosk.read_aloud.speaking_changed, timeout=2000):
        finger.tap(sheet_on(kiosk, finger).read_aloud)
    assert kiosk.read_aloud._tts.state().name == "Speaking"
    screen = kiosk.stack.currentWidget()
    finger.tap(screen.home_button)  # type: ignore[attr-defined]
    assert not kiosk.read_aloud.speaking
    assert kiosk.read_aloud._tts.state().name != "Speaking"
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.grid.tiles[1])
    finger.tap(sheet_on(kiosk, finger).read_aloud)
    assert kiosk.read_aloud.speaking
    kiosk.reset()
    assert not kiosk.read_aloud.speaking


def test_read_aloud_is_hidden_without_an_engine(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(
        "features:\n  read_aloud: true\n  speech_engine: nonexistent\n", encoding="utf-8"
    )
    kiosk = open_kiosk(qtbot, config_path=path)
    kiosk.go(HOME)
    assert not kiosk.read_aloud.available
    assert not sheet_on(kiosk, Finger()).read_aloud.isVisible()


def test_read_aloud_is_off_unless_the_clinic_enables_it(kiosk: KioskWindow) -> None:
    kiosk.go(HOME)
    assert not sheet_on(kiosk, Finger()).read_aloud.isVisible()


def test_an_ampersand_in_a_label_is_shown_as_written(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    """Qt reads "&" in a button as a keyboard shortcut: "Back & forth" showed "Back _forth"."""
    pack = tmp_path / "content"
    shutil.copytree(CONTENT, pack)
    strings = pack / "en" / "strings.yaml"
    strings.write_text(
        strings.read_text(encoding="utf-8").replace("\nback: Back\n", "\nback: Back & forth\n"),
        encoding="utf-8",
    )
    kiosk = open_kiosk(qtbot, content_dir=pack)
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[0])
    back = kiosk.screens[topic_screen(kiosk.language.pages[0].id)].back_button  # type: ignore[attr-defined]
    assert isinstance(kiosk.screens[kiosk.current_screen()], ReadingScreen)
    assert back.accessibleName() == "Back & forth"
    assert QKeySequence.mnemonic(back.text()).isEmpty(), "no underlined shortcut letter"
    assert back.text().replace("&&", "&") == "Back & forth", "what the style draws"
