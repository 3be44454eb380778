"""Print a handout, or write it as a PDF, with Qt's text layout. Content is always escaped."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.core.take_home import Handout

STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 12pt; color: #000; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 10pt; }
p { margin: 4pt 0; } .footer { font-size: 10pt; color: #333; margin-top: 14pt; }
"""


def document(handout: Handout) -> QTextDocument:
    parts = [f"<h1>{html.escape(handout.title)}</h1>"]
    for heading, lines in handout.sections:
        if heading:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.extend(f"<p>{html.escape(line)}</p>" for line in lines)
    if handout.footer:
        parts.append(f"<p class='footer'>{html.escape(handout.footer)}</p>")
    doc = QTextDocument()
    doc.setDefaultStyleSheet(STYLE)
    doc.setHtml("<body>" + "".join(parts) + "</body>")
    return doc


PAPER = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}


def _page_layout(device: QPagedPaintDevice, paper: str = "letter") -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(PAPER[paper]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )


def write_pdf(handout: Handout, path: Path, *, paper: str = "letter") -> Path:
    """Write ``handout`` to ``path``; raise OSError when no PDF came of it (Qt only warns)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(handout.title)
    writer.setResolution(300)
    _page_layout(writer, paper)
    doc = document(handout)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # closes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")
    return path


def print_handout(handout: Handout, printer_name: str) -> str | None:
    """Send ``handout`` to the named printer; return why it could not, or None on success."""
    if printer_name not in {info.printerName() for info in QPrinterInfo.availablePrinters()}:
        return f"printer {printer_name!r} not found"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    if not printer.isValid():
        return f"printer {printer_name!r} is not ready"
    printer.setDocName(handout.title)
    _page_layout(printer)
    document(handout).print_(printer)
    return None
