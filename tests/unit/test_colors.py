from __future__ import annotations

import pytest
from pydantic import ValidationError

from kiosk.core.colors import contrast, luminance, mix
from kiosk.core.config import Theme
from kiosk.ui.theme import Palette


def test_contrast_matches_the_wcag_reference_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert luminance("#FFFFFF") == pytest.approx(1.0)


def test_mix_moves_between_colours() -> None:
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"
    assert mix("#123456", "#FFFFFF", 0) == "#123456"


def test_theme_refuses_unreadable_colours() -> None:
    with pytest.raises(ValidationError, match=r"text on background is 4\.48:1, needs 7:1"):
        Theme(text="#777777", background="#FFFFFF")
    with pytest.raises(ValidationError, match="on_primary on primary"):
        Theme(primary="#7FB3D5")


def test_derived_palette_keeps_contrast_for_the_default_and_a_dark_theme() -> None:
    for theme in (Theme(), Theme(primary="#FFD166", on_primary="#111111", background="#101418",
                                 surface="#1B2228", text="#F2F2F2")):  # fmt: skip
        palette = Palette.from_theme(theme)
        for ground in (palette.background, palette.surface, palette.callout):
            assert contrast(palette.text, ground) >= 7
            assert contrast(palette.muted, ground) >= 7
        assert contrast(palette.border, palette.background) >= 4.5
        assert contrast(palette.on_primary, palette.pressed) >= 4.5
