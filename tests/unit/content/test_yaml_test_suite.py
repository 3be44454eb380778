"""Every case of the public YAML test suite, as a page and as settings: loads or a clear error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.core.config import load_settings
from kiosk.core.content.loader import load_model
from kiosk.core.content.model import Page
from kiosk.core.content.problems import ContentError

# The input documents of github.com/yaml/yaml-test-suite (MIT licence, see its LICENSE), kept in
# the project so that a bare clone tests them.
SUITE = Path(__file__).resolve().parents[2] / "data" / "yaml-test-suite"
CASES = sorted(SUITE.glob("*/in.yaml"))
CLEAR = re.compile(r"^\S.*:(\d+:\d+: )?\S")  # "file[:line:col]: what is wrong"


def test_the_suite_is_present() -> None:
    assert len(CASES) >= 400, f"expected the 402 cases in {SUITE}"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.parent.name)
def test_case_loads_or_is_refused_clearly(case: Path, tmp_path: Path) -> None:
    page = tmp_path / "lifestyle-steps.yaml"
    settings = tmp_path / "settings.yaml"
    shutil.copy(case, page)
    shutil.copy(case, settings)
    for path, load in ((page, lambda p: load_model(p, Page)), (settings, load_settings)):
        try:
            load(path)
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                text = str(problem)
                assert text.startswith(str(path)) and CLEAR.match(text), text
