"""The layers hold (pyproject.toml [tool.importlinter], `lint-imports` in .ci/run), and the
contract is no formality: a copy of the package with one Qt import in the core fails it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root, env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def test_the_layers_are_kept() -> None:
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout


def test_a_qt_import_in_the_core_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(
        REPO / "kiosk", tmp_path / "kiosk", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    session = tmp_path / "kiosk" / "core" / "session.py"
    session.write_text(
        session.read_text(encoding="utf-8") + "\nfrom PySide6.QtCore import QObject\n",
        encoding="utf-8",
    )
    widgets = tmp_path / "kiosk" / "ui" / "widgets.py"
    widgets.write_text(
        widgets.read_text(encoding="utf-8") + "\nimport kiosk.app\n", encoding="utf-8"
    )
    done = lint_imports(tmp_path)
    assert done.returncode == 1
    assert "Contracts: 0 kept, 2 broken." in done.stdout
    assert "kiosk.core is not allowed to import PySide6" in done.stdout
    assert "kiosk.core.session -> PySide6" in done.stdout
    assert "kiosk.ui.widgets -> kiosk.app" in done.stdout
