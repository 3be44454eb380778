"""A pinned npm package's tarball, for the scripts that make bundled files from one."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def fetch(package: str, integrity: str, folder: Path) -> Path:
    """``package`` (name@version) packed by npm into ``folder``, checked against ``integrity``
    (npm's dist.integrity for that version)."""
    done = subprocess.run(
        ["npm", "pack", "--silent", package], cwd=folder, check=True, capture_output=True, text=True
    )
    tarball = folder / done.stdout.strip().splitlines()[-1]
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != integrity:
        raise SystemExit(f"{tarball.name} is not the package pinned ({integrity})")
    return tarball


@contextmanager
def unpacked(package: str, integrity: str) -> Iterator[Path]:
    """The checked package unpacked in a temporary folder: its ``package/`` folder."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        with tarfile.open(fetch(package, integrity, folder)) as archive:
            archive.extractall(folder, filter="data")
        yield folder / "package"


def write_source(out: Path, script: str, package: str, integrity: str, made: str) -> None:
    """SOURCE.txt in ``out``: where its files come from and how they were made."""
    (out / "SOURCE.txt").write_text(
        f"Made by scripts/{script} from the npm package {package}\n({integrity}): {made}\n",
        encoding="utf-8",
    )
