"""Take it home: QR codes decoded from the screen, PDF handouts read back, nothing kept."""

from __future__ import annotations

import logging
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.core.content.loader import load_pack
from kiosk.core.content.model import HeadingBlock
from kiosk.ui.handouts import PdfPrinter
from kiosk.ui.window import KioskWindow
from tests.conftest import CONTENT, REPO, Finger, open_kiosk


def grey_buffer(image: QImage) -> memoryview:
    """The image as rows of 8-bit grey pixels, shaped (height, width) for the decoder."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits, stride, width = bytes(grey.constBits()), grey.bytesPerLine(), grey.width()
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(grey.height()))
    return memoryview(rows).cast("B", (grey.height(), width))


def decoded(kiosk: KioskWindow) -> str:
    QApplication.processEvents()
    image = grey_buffer(kiosk.take_home.qr.grab().toImage())
    result = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert result is not None, "no QR code could be read from the screen"
    return result.text


def open_topic(kiosk: KioskWindow, finger: Finger, index: int) -> None:
    finger.tap(kiosk.attract)
    finger.tap(kiosk.home.grid.tiles[index])


def test_topic_qr_holds_the_key_points_as_plain_text(kiosk: KioskWindow, finger: Finger) -> None:
    open_topic(kiosk, finger, 3)
    screen = kiosk.stack.currentWidget()
    finger.tap_row(screen.scroll_area, screen.take_home)  # type: ignore[attr-defined]
    assert kiosk.take_home.isVisible()
    page = kiosk.pack.language().page("lifestyle-steps")
    expected = "\n".join(
        [page.title, *(f"- {point}" for point in page.key_points), "Riverside Family Clinic"]
    )
    assert decoded(kiosk) == expected
    assert not kiosk.take_home.print_button.isVisible(), "no printer is configured"
    finger.tap(kiosk.take_home.close_button)
    assert not kiosk.take_home.isVisible() and kiosk.take_home.qr.matrix == []


def test_topic_qr_holds_the_clinic_url_when_set(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    settings = tmp_path / "settings.yaml"
    url = "https://clinic.example/gut/lifestyle?lang=en"
    settings.write_text(f"take_home:\n  urls:\n    lifestyle-steps: {url}\n", encoding="utf-8")
    kiosk = open_kiosk(qtbot, config_path=settings)
    open_topic(kiosk, finger, 3)
    kiosk.open_take_home()
    assert decoded(kiosk) == url


def test_summary_qr_holds_exactly_the_ticked_items(kiosk: KioskWindow, finger: Finger) -> None:
    finger.fill_checklist(kiosk, [0, 7, 15])
    finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.take_home)
    checklist = kiosk.pack.language().checklist
    warning = checklist.warning
    assert decoded(kiosk) == "\n".join(
        [
            checklist.summary.title,
            "- Gas",
            "- Eczema",
            "- Low mood",
            checklist.summary.care_team,
            checklist.summary.cannot_tell,
            "Warning signs",
            "Get care now. Call 911 now if you have:",
            *(f"- {sign}".replace("{crisis_line}", "988") for sign in warning.now.signs),
            "See your care team soon. Call your care team in the next few days if you have:",
            *(f"- {sign}" for sign in warning.soon.signs),
        ]
    )
    finger.tap(kiosk.take_home.close_button)
    finger.tap(
        kiosk.stack.currentWidget().findChild(type(kiosk.preferences.bars[0])).languages["es"]
    )
    kiosk.open_take_home()
    assert "- Gases\n- Eccema\n" in decoded(kiosk)


def test_qr_stays_crisp_at_any_size(kiosk: KioskWindow, finger: Finger) -> None:
    open_topic(kiosk, finger, 0)
    kiosk.open_take_home()
    for size in ((1920, 1080), (1080, 1920), (1280, 800)):
        kiosk.resize(*size)
        QApplication.processEvents()
        image = kiosk.take_home.qr.grab().toImage()
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)
        }
        background = kiosk.take_home.qr.palette().window().color().rgb()
        assert colours <= {0xFF000000, 0xFFFFFFFF, background}, "blurred (grey) modules"
        assert decoded(kiosk)


def test_missing_printer_gives_a_calm_message(
    qtbot: QtBot, tmp_path: Path, finger: Finger, caplog: pytest.LogCaptureFixture
) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text("take_home:\n  printer: Front desk laser\n", encoding="utf-8")
    kiosk = open_kiosk(qtbot, config_path=settings)
    open_topic(kiosk, finger, 1)
    kiosk.open_take_home()
    assert kiosk.take_home.print_button.isVisible()
    with caplog.at_level(logging.WARNING):
        finger.tap(kiosk.take_home.print_button)
    assert kiosk.take_home.message.text() == kiosk.language.strings.printing_failed
    assert "printer 'Front desk laser' not found" in caplog.text
    finger.tap(kiosk.take_home.close_button)
    assert kiosk.current_screen() == "topic/why-gut-becomes-leaky"


def test_a_handout_goes_to_the_clinics_printer(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    """Print support behind its interface: the printer named in the settings gets the page
    shown, and the patient is told it is printing."""
    settings = tmp_path / "settings.yaml"
    settings.write_text("take_home:\n  printer: Front desk laser\n", encoding="utf-8")
    kiosk = open_kiosk(qtbot, config_path=settings)
    printer, asked = PdfPrinter(tmp_path), []
    kiosk.handouts.printer_for = lambda name: asked.append(name) or printer
    open_topic(kiosk, finger, 1)
    kiosk.open_take_home()
    finger.tap(kiosk.take_home.print_button)
    assert asked == ["Front desk laser"]
    assert kiosk.take_home.message.text() == kiosk.language.strings.printing
    [handout] = printer.printed
    assert kiosk.language.pages[1].title in pdf_text(handout)


def test_reset_leaves_nothing_of_the_qr_or_summary(kiosk: KioskWindow, finger: Finger) -> None:
    finger.fill_checklist(kiosk, [1, 4])
    finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.take_home)
    assert kiosk.take_home.qr.matrix
    kiosk.reset()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # free removed widgets now
    assert not kiosk.take_home.isVisible() and kiosk.take_home.qr.matrix == []
    assert kiosk.summary.answer_labels() == []
    overlay_texts = [label.text() for label in kiosk.take_home.findChildren(QLabel)]
    summary_texts = [label.text() for label in kiosk.summary.findChildren(QLabel)]
    for secret in ("Bloating", "Cramping"):
        assert not any(secret in text for text in overlay_texts + summary_texts)


def handout_pdf(folder: Path, topic: str, language: str) -> Path:
    """``kiosk handout`` run as staff run it; the PDF it wrote."""
    out = folder / f"{topic}-{language}.pdf"
    subprocess.run(
        [sys.executable, "-m", "kiosk", "handout", topic, "--pdf", str(out), "--lang", language],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    return out


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("language", ["en", "es"])
def test_handout_pdf_has_the_headings_and_key_points(tmp_path: Path, language: str) -> None:
    out = handout_pdf(tmp_path, "what-is-leaky-gut", language)
    page = load_pack(CONTENT).language(language).page("what-is-leaky-gut")
    text = pdf_text(out)
    assert len(PdfReader(out).pages) <= 2
    expected = [page.title, *page.key_points]
    expected += [block.heading for block in page.blocks if isinstance(block, HeadingBlock)]
    for line in expected:
        assert " ".join(line.split()) in text, f"{line!r} missing from the {language} PDF"
    assert "Riverside Family Clinic" in text


def test_qr_and_handout_carry_the_clinics_numbers(
    qtbot: QtBot, tmp_path: Path, finger: Finger
) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text(
        "safety:\n  emergency_number: '112'\n  crisis_line: 0800 111 222\n"
        "  clinic_phone: 555-0100\n",
        encoding="utf-8",
    )
    kiosk = open_kiosk(qtbot, config_path=settings)
    finger.fill_checklist(kiosk, list(range(len(kiosk.checklist.rows))))
    kiosk.open_take_home()
    text = decoded(kiosk)
    assert "Call 112 now if you have:" in text and "call or text 0800 111 222" in text
    assert text.endswith("Your clinic's phone: 555-0100")
    assert "{" not in text and "911" not in text and "988" not in text
    assert not kiosk.take_home.print_button.isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_everything_ticked_still_fits_one_qr_code(
    kiosk: KioskWindow, finger: Finger, language: str
) -> None:
    kiosk.set_language(language)
    finger.fill_checklist(kiosk, list(range(len(kiosk.checklist.rows))))
    kiosk.open_take_home()
    text = decoded(kiosk)
    for item in kiosk.pack.language(language).checklist.items():
        assert f"- {item.label}\n" in text
    assert kiosk.pack.language(language).checklist.warning.soon.signs[-1] in text


def test_the_symptom_list_is_never_printed(qtbot: QtBot, tmp_path: Path, finger: Finger) -> None:
    """A front-desk printer is not the patient's own: answers go only to their phone."""
    settings = tmp_path / "settings.yaml"
    settings.write_text("take_home:\n  printer: Front desk laser\n", encoding="utf-8")
    kiosk = open_kiosk(qtbot, config_path=settings)
    finger.fill_checklist(kiosk, [0, 3])
    finger.tap_row(kiosk.summary.scroll_area, kiosk.summary.take_home)
    assert kiosk.take_home.isVisible() and not kiosk.take_home.print_button.isVisible()
    kiosk.print_current()  # even if asked directly
    assert kiosk.take_home.message.text() == ""


@pytest.mark.parametrize("language", ["en", "es"])
def test_signs_handout_carries_the_warning_and_its_review(tmp_path: Path, language: str) -> None:
    out = handout_pdf(tmp_path, "signs-people-report", language)
    page = load_pack(CONTENT).language(language).page("signs-people-report")
    text = pdf_text(out)
    warning = page.warnings()[0]
    for line in (warning.title, warning.now.heading, warning.soon.heading, *warning.soon.signs):
        assert " ".join(line.split()) in text, f"{line!r} missing from the {language} PDF"
    assert "911" in text and "988" in text and "{" not in text
    assert page.review is not None and page.review.by in text
    assert text.index(warning.now.heading) < text.index(page.blocks[1].paragraph)  # type: ignore[union-attr]
