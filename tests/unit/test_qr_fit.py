"""A "Take this with you" code always fits: content that validates but is more than a QR
code holds (a long checklist, all ticked) gives a shortened code, never none."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import load_settings
from kiosk.core.content.loader import load_pack
from kiosk.core.content.model import Checklist
from kiosk.core.content.problems import ContentError
from kiosk.core.take_home import MORE, checklist_text, fits_a_qr_code, fitted, qr_matrix
from tests.conftest import CONTENT

NUMBERS = {"emergency_number": "911", "crisis_line": "988", "clinic_phone": ""}


def longest_valid_checklist() -> Checklist:
    """The bundled checklist with every label and the care-team line at their longest."""
    data = load_pack(CONTENT).language("en").checklist.model_dump()
    for group in data["groups"]:
        for index, item in enumerate(group["items"]):
            item["label"] = f"{index:02d} " + "a symptom described at length " * 4
            item["label"] = item["label"][:120]
    data["summary"]["care_team"] = "Bring this list to your care team. " * 42
    return Checklist.model_validate(data)  # as the loader checks it: valid


def test_a_long_valid_checklist_all_ticked_still_gives_a_code() -> None:
    checklist = longest_valid_checklist()
    ticked = {item.id for item in checklist.items()}
    lines = ["- " + item.label for item in checklist.items()]
    assert not fits_a_qr_code("\n".join(lines * 4)), "the case this guards against"
    text = checklist_text(checklist, ticked, NUMBERS)
    assert qr_matrix(text)  # no DataOverflowError
    shown = text.splitlines()
    assert shown[0] == checklist.summary.title
    assert MORE in shown, "items that did not fit are marked"
    # The care-team line and every warning sign are kept whole.
    assert checklist.summary.care_team.strip() in shown
    # No clinic phone here, so the last line is the last "see your care team soon" sign.
    assert shown[-1].endswith(checklist.warning.soon.signs[-1])


def test_fitted_keeps_what_fits_and_marks_the_rest() -> None:
    items = [f"- item {n:03d} " + "x" * 100 for n in range(60)]
    lines = ["Title", *items, "Care team line", "Warning line"]
    text = fitted(lines, slice(1, 61))
    shown = text.splitlines()
    assert fits_a_qr_code(text)
    assert shown[0] == "Title" and shown[-3:] == [MORE, "Care team line", "Warning line"]
    assert shown[1:-3] == items[: len(shown) - 4], "the first items, in order"
    assert len(shown) - 4 > 10
    assert fitted(["Title", "- one", "End"], slice(1, 2)) == "Title\n- one\nEnd"


def test_when_even_the_fixed_lines_are_too_long_the_code_holds_the_title() -> None:
    text = fitted(["Title", "- one", "z" * 3000], slice(1, 2))
    assert text == f"Title\n{MORE}"


@pytest.mark.parametrize("url", ["https://clinic.example/" + "a" * 1000, "not a url"])
def test_a_clinic_url_a_code_cannot_carry_is_refused(tmp_path: Path, url: str) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(f"take_home:\n  urls:\n    lifestyle-steps: {url}\n", encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_settings(path)
    [problem] = refused.value.problems
    assert str(problem) == (
        f"{path}:3:5: take_home.urls.lifestyle-steps: a web address starting with https:// "
        "(or http://), no spaces, at most 1000 characters: what a QR code can carry"
    )
