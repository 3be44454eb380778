"""Pictures staff add to pages, checked before a patient sees them. Qt-free.

Every file: at most ``MAX_IMAGE_BYTES``. PNG, JPEG, GIF and WebP files: what their name
says, whole (decoded once here), and at most ``MAX_PIXELS`` when decoded. SVG files: plain
drawings -- well-formed XML without DTDs or entities (defusedxml), no scripts, no references
outside the file (an href is "#id" or a data: image), and at most ``MAX_SVG_ELEMENTS``
elements once every <use> is expanded, so a small file cannot make a huge drawing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from xml.etree.ElementTree import Element

MAX_IMAGE_BYTES = 5_000_000
MAX_PIXELS = 16_000_000  # 4000 x 4000: more than any kiosk screen shows
MAX_SVG_ELEMENTS = 20_000
RASTER_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
SVG = "{http://www.w3.org/2000/svg}"
HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
UNSAFE = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video"}
INSIDE = re.compile(r"#[A-Za-z_][\w.:-]*|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*")


def image_problem(path: Path) -> str | None:
    """Why ``path`` cannot be shown to patients, in plain words; None when it can. A file
    unchanged since it was last checked (same size and time) is not checked again."""
    try:
        status = path.stat()
    except OSError as error:
        return f"cannot read the picture: {error.strerror}"
    return _checked(path, status.st_size, status.st_mtime_ns)


@lru_cache(maxsize=512)
def _checked(path: Path, size: int, _mtime_ns: int) -> str | None:
    if size > MAX_IMAGE_BYTES:
        return f"the picture is {size:,} bytes; the limit is {MAX_IMAGE_BYTES:,}"
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _svg_problem(path)
    if suffix in RASTER_FORMATS:
        return _raster_problem(path, RASTER_FORMATS[suffix])
    kinds = ", ".join(sorted({".svg", *RASTER_FORMATS}))
    return f"not a picture the kiosk shows; use one of {kinds}"


def _raster_problem(path: Path, expected: str) -> str | None:
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 - only when checking

    try:
        with Image.open(path) as image:
            found, (width, height) = image.format, image.size
            if found != expected:
                return f"the file is {found or 'not a picture'}, not {expected} as its name says"
            if width * height > MAX_PIXELS:
                return (
                    f"the picture is {width} x {height} pixels; the limit is "
                    f"{MAX_PIXELS:,} pixels (e.g. 4000 x 4000)"
                )
            if found == "JPEG":  # every byte still read, decoded at 1/8 scale: 20x quicker
                image.draft(image.mode, (width // 8, height // 8))
            image.load()  # a truncated or damaged file fails here, not on a patient's screen
    except UnidentifiedImageError:
        return f"not a {expected} picture (the file is damaged or of another kind)"
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        return f"the {expected} picture is damaged: {error}"
    return None


def _svg_problem(path: Path) -> str | None:
    from defusedxml import DefusedXmlException  # noqa: PLC0415
    from defusedxml.ElementTree import ParseError, parse  # noqa: PLC0415

    try:
        root = parse(path, forbid_dtd=True).getroot()
    except DefusedXmlException:
        return "the SVG has a DTD or entities; save it as a plain SVG"
    except ParseError as error:
        return f"the SVG is not well-formed XML: {error}"
    if root is None or root.tag != f"{SVG}svg":
        return "not an SVG drawing (no <svg> element at its top)"
    return _drawing_problem(root)


def _drawing_problem(root: Element) -> str | None:
    """What in a parsed SVG is more than a self-contained drawing of bounded size."""
    ids: dict[str, Element] = {}
    for element in root.iter():
        name = _local(element.tag)
        if name in UNSAFE:
            return f"the SVG has a <{name}> element; pictures may only draw"
        link = _link(element)
        if link is not None and not INSIDE.fullmatch(link.strip()):
            return f"the SVG refers to {link[:80]!r} outside itself; pictures must be whole"
        if (element_id := element.get("id")) is not None:
            ids[element_id] = element
    try:
        drawn = _drawn_elements(root, ids)
    except RecursionError:
        return "the SVG is nested too deeply to draw"
    if drawn > MAX_SVG_ELEMENTS:
        return (
            f"the SVG draws {drawn:,} elements once its <use> copies are counted; "
            f"the limit is {MAX_SVG_ELEMENTS:,}"
        )
    return None


def _link(element: Element) -> str | None:
    return next((link for a in HREFS if (link := element.get(a)) is not None), None)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _drawn_elements(root: Element, ids: dict[str, Element]) -> int:
    """Elements drawn, each <use> counting what it copies; a <use> cycle counts as too many."""
    too_many = MAX_SVG_ELEMENTS + 1
    visiting: set[int] = set()

    @cache
    def drawn(element: Element) -> int:
        if id(element) in visiting:
            return too_many
        visiting.add(id(element))
        total = 1 + sum(drawn(child) for child in element)
        if _local(element.tag) == "use":
            link = (_link(element) or "").strip()
            target = ids.get(link[1:]) if link.startswith("#") else None
            if target is not None:
                total += drawn(target)
        visiting.discard(id(element))
        return min(total, too_many)

    return drawn(root)
