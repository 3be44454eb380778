"""Problems found in staff-edited files, reported as ``file:line:column: field: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as data_field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file. Lines and columns count from 1; 0 means unknown."""

    file: Path
    line: int
    column: int
    field: str
    message: str
    source: str = data_field(default="", compare=False)  # the line it is on, as typed

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else str(self.file)
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )

    def pointed(self) -> str:
        """The problem, then its line as typed with a caret under the spot."""
        if not self.source.strip() or not self.column:
            return str(self)
        shown = self.source.expandtabs(1)  # one column a character, as the parser counts
        caret = " " * (self.column - 1) + "^"
        return f"{self}\n    {shown}\n    {caret}"


class ContentError(Exception):
    """Raised with every problem found, so staff can fix them all in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
