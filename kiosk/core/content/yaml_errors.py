"""The YAML parser's errors in the words of someone who edits a text file, not a parser: what
is wrong at the spot, and how to fix it, for the mistakes staff really make (a colon inside a
sentence, quotes from a word processor, a tab, a missing colon, a quote never closed, a line
indented out of step). Anything else keeps the parser's words, with a hint where to look.
"""

from __future__ import annotations

import re

CURLY = "\u201c\u201d\u2018\u2019"  # what word processors put in for " and '
_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"][^:#]*?):(\s+|$)(.*)$")


def plain_words(  # noqa: PLR0911 - one answer for each kind of mistake
    lines: list[str],
    context: str | None,
    problem: str,
    at: tuple[int, int],
    opened: tuple[int, int],
) -> tuple[int, int, str]:
    """(line, column, message) for the parser's ``problem`` (and ``context``) at ``at``
    (1-based line and column), ``opened`` being where the parser's context began."""
    line, column = at
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    char = text[column - 1] if 0 < column <= len(text) else ""
    if problem.startswith("mapping values are not allowed"):
        return _stray_colon(lines, line, column)
    if problem == "found character that cannot start any token":
        if char == "\t":
            return line, column, _TAB
        return line, column, starts_with(char, text)
    if context and "quoted scalar" in context and "end of stream" in problem:
        return (
            *opened,
            "this quote is never closed: add the matching closing quote at the end of the text",
        )
    if context and "quoted scalar" in context and ("escape" in problem or "hex" in problem):
        return line, text.rfind("\\", 0, column) + 1 or column, _BACKSLASH  # at the backslash
    if problem == "did not find expected key":
        return _out_of_step(text, line, column)
    if context in ("while scanning an alias", "while scanning a block scalar"):
        start = lines[opened[0] - 1] if 0 < opened[0] <= len(lines) else ""
        return (*opened, starts_with(start[opened[1] - 1 : opened[1]] or "*", start))
    if problem.startswith("mapping keys are not allowed"):
        return line, column, starts_with("?", text)
    if "could not find expected ':'" in problem:
        return _no_colon(lines, opened[0])
    words = " ".join(part for part in (context, problem) if part)
    return line, column, f"YAML cannot read this ({words}); check the quotes, colons and indents"


_TAB = "this line is indented with a tab; YAML needs spaces: replace the tab with spaces"
_BACKSLASH = (
    "a backslash (\\) inside double quotes starts a special code; put the text in single "
    "quotes instead ('like this'), or write each backslash twice"
)


def _quoted(value: str) -> str:
    """``value`` in the quotes that need no escapes: double, or single if it has double."""
    text = value.strip().strip(CURLY)
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fix(text: str) -> str:
    """``key: "the value"`` for ``text`` (a ``key: value`` line), or nothing."""
    match = _KEY.match(text)
    if not match:
        return ""
    dash = "- " if match.group(1).strip() else ""
    return f": {dash}{match.group(2)}: {_quoted(match.group(4))}"


def starts_with(char: str, text: str) -> str:
    fix = _fix(text)
    return (
        f"a value cannot start with {char!r} (YAML gives it a meaning of its own); "
        f"put the whole text in quotes{fix}"
    )


def _stray_colon(lines: list[str], line: int, column: int) -> tuple[int, int, str]:
    text = lines[line - 1]
    before = _previous(lines, line)
    if any(mark in text for mark in CURLY):
        fix = _fix(text)
        return (
            line,
            column,
            "the quotes here are a word processor's curly quotes, which YAML does not take "
            f"as quotes; use straight quotes around the whole text{fix}",
        )
    match = _KEY.match(text)
    if match and len(match.group(1)) + len(match.group(2)) + 1 < column:
        return (
            line,
            column,
            "this text has a colon and a space in it, which YAML takes as the start of a new "
            f"key; put the whole text in quotes{_fix(text)}",
        )
    if before and ":" not in lines[before - 1]:
        return _no_colon(lines, before)
    if before and _indent(text) > _indent(lines[before - 1]):
        return (
            line,
            1,
            f"this line is indented more than line {before}, which already has its value; "
            "start the keys of one section in the same column",
        )
    return (
        line,
        column,
        "YAML took this colon as the start of a new key; if it is part of a text, "
        "put the whole text in quotes",
    )


def _no_colon(lines: list[str], line: int) -> tuple[int, int, str]:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    word = text.strip().split(" ", 1)
    example = f" ({word[0]}: {word[1]})" if len(word) == 2 else ""
    return (
        line,
        _indent(text) + 1,
        f"this line has no colon after its key; write the key, a colon and a space, then "
        f"the value{example}",
    )


def _out_of_step(text: str, line: int, column: int) -> tuple[int, int, str]:
    stripped = text.strip()
    if stripped.startswith("-"):
        return (
            line,
            _indent(text) + 1,
            "this list item is not in line with the ones above it; start every '- ' of "
            "one list in the same column",
        )
    if column > _indent(text) + 1 and text[: column - 1].rstrip()[-1:] in "\"']}":
        return (
            line,
            column,
            "text goes on after a closing quote or bracket; put the whole text in one pair "
            f"of quotes{_fix(text)}",
        )
    return (
        line,
        _indent(text) + 1,
        "this line is not in step with the lines around it; start the keys of one section "
        "in the same column",
    )


def _previous(lines: list[str], line: int) -> int:
    """The number of the last line before ``line`` with something on it (0: none)."""
    for number in range(line - 1, 0, -1):
        if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#"):
            return number
    return 0


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))
