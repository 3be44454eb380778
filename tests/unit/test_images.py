"""Pictures checked before patients see them: a hostile corpus, each case with its outcome."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from kiosk.core.content.images import MAX_IMAGE_BYTES, image_problem
from tests.conftest import CONTENT

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


def doubling_uses(levels: int) -> str:
    """About 1 KB: each level draws the one below twice; 2**levels shapes in the end."""
    defs = ['<circle id="l0" r="1"/>']
    for level in range(1, levels + 1):
        below = f"#l{level - 1}"
        defs.append(f'<g id="l{level}"><use href="{below}"/><use href="{below}"/></g>')
    return f'{SVG_OPEN}<defs>{"".join(defs)}</defs><use href="#l{levels}"/></svg>'


def png(size: tuple[int, int] = (40, 30), mode: str = "RGB", kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, kind)
    return out.getvalue()


HOSTILE_SVGS = {
    "use-bomb.svg": (doubling_uses(25), "the SVG draws 20,001 elements once its <use> copies"),
    "local-file.svg": (
        f'{SVG_OPEN}<image xlink:href="/etc/kiosk/secret.png" width="9" height="9"/></svg>',
        "the SVG refers to '/etc/kiosk/secret.png' outside itself",
    ),
    "web.svg": (
        f'{SVG_OPEN}<image href="https://tracker.example/p.png"/></svg>',
        "the SVG refers to 'https://tracker.example/p.png' outside itself",
    ),
    "other-svg.svg": (
        f'{SVG_OPEN}<use href="other.svg#shape"/></svg>',
        "the SVG refers to 'other.svg#shape' outside itself",
    ),
    "laughs.svg": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">]>'
        f"{SVG_OPEN}<text>&b;</text></svg>",
        "the SVG has a DTD or entities",
    ),
    "script.svg": (
        f"{SVG_OPEN}<script>alert(1)</script></svg>",
        "the SVG has a <script> element; pictures may only draw",
    ),
    "foreign.svg": (
        f"{SVG_OPEN}<foreignObject><p>hi</p></foreignObject></svg>",
        "the SVG has a <foreignObject> element",
    ),
    "cycle.svg": (
        f'{SVG_OPEN}<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>',
        "the SVG draws 20,001 elements",
    ),
    "broken.svg": (f"{SVG_OPEN}<circle r='1'>", "the SVG is not well-formed XML"),
    "not-svg.svg": ("<html><body/></html>", "not an SVG drawing"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SVGS))
def test_a_hostile_svg_is_refused_in_plain_words(tmp_path: Path, name: str) -> None:
    text, expected = HOSTILE_SVGS[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problem = image_problem(path)
    assert problem is not None and problem.startswith(expected), problem


def test_an_svg_that_only_draws_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "fine.svg"
    inline = "data:image/png;base64,iVBORw0KGgo="
    path.write_text(
        f'{SVG_OPEN}<defs><circle id="dot" r="2"/></defs>{doubling_uses(0)[len(SVG_OPEN) :]}'
        .replace("</svg>", f'<use href="#dot"/><image href="{inline}"/></svg>'),
        encoding="utf-8",
    )  # fmt: skip
    assert image_problem(path) is None
    assert image_problem(tmp_path.joinpath("ten.svg")) is not None  # not there: said so
    path.write_text(doubling_uses(10), encoding="utf-8")  # 1,024 circles: a busy drawing
    assert image_problem(path) is None


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("truncated.png", png()[:-30], "the PNG picture is damaged"),
        ("text.png", b"just some words, not a picture\n", "not a PNG picture"),
        ("photo.png", png(kind="JPEG"), "the file is JPEG, not PNG as its name says"),
        ("huge.png", png((5000, 4000), mode="1"), "the picture is 5000 x 4000 pixels"),
        ("empty.jpg", b"", "not a JPEG picture"),
        # Checked at 1/8 scale for speed, yet every byte is read: a cut photo is found.
        ("truncated.jpg", png((1600, 1200), kind="JPEG")[:-600], "the JPEG picture is damaged"),
        ("notes.bmp", png(), "not a picture the kiosk shows; use one of .gif, .jpeg"),
    ],
)
def test_a_damaged_or_oversized_picture_is_refused(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    problem = image_problem(path)
    assert problem is not None and problem.startswith(expected), problem


def test_a_picture_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    with path.open("wb") as file:
        file.truncate(MAX_IMAGE_BYTES + 1)  # sparse: no need to write 5 MB
    assert (
        image_problem(path)
        == f"the picture is {MAX_IMAGE_BYTES + 1:,} bytes; the limit is 5,000,000"
    )


def test_the_bundled_pictures_and_ordinary_ones_pass(tmp_path: Path) -> None:
    for path in (CONTENT / "images").iterdir():
        assert image_problem(path) is None, path
    for name, kind in (("a.png", "PNG"), ("b.jpg", "JPEG"), ("c.gif", "GIF"), ("d.webp", "WEBP")):
        (tmp_path / name).write_bytes(png(kind=kind))
        assert image_problem(tmp_path / name) is None, name
