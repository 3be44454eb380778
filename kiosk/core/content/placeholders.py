"""Named blanks in staff text, such as ``{emergency_number}``, filled from clinic settings. Qt-free.

Only the names a field allows are accepted, so a typo is a validation error naming the field,
never a literal ``{emergncy_number}`` on a patient's screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

# Numbers a warning sign may tell a patient to call, from settings.yaml `safety`.
SAFETY = ("emergency_number", "crisis_line", "clinic_phone")
# How long answers stay if the patient walks away, from settings.yaml `idle`.
CLEAR_TIME = ("clear_time",)

_BLANK = re.compile(r"\{([^{}]*)\}")


def names(text: str) -> list[str]:
    return _BLANK.findall(text)


def allowing(*allowed: str) -> Callable[[str], str]:
    """A validator that refuses any ``{blank}`` not in ``allowed``."""

    def check(text: str) -> str:
        for name in names(text):
            if name not in allowed:
                choices = ", ".join("{" + each + "}" for each in allowed) or "none here"
                raise ValueError(f"unknown blank {{{name}}}; the blanks you can use: {choices}")
        return text

    return check


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each known ``{name}`` replaced; other braces are left as written."""
    return _BLANK.sub(lambda match: values.get(match.group(1), match.group(0)), text)
