"""Load one staff-edited YAML file safely, remembering where every value came from.

PyYAML's SafeLoader already refuses Python object tags. On top of it this module:
reads plain values as YAML 1.2's core schema does, like the editors staff use
(yaml-language-server): ``yes``, ``no``, ``on`` and ``off`` stay words, ``012`` is twelve,
dates are text (the schema checks their form), ``1:20`` and ``<<`` are text; refuses files
over a size bound and bytes that are not UTF-8; treats duplicate keys as
errors (YAML would silently keep the last one); bounds nesting depth and the number of
values after alias expansion ("billion laughs"); and records the line and column of
every value so validation errors can point at them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from kiosk.core.content.problems import ContentError, Problem
from kiosk.core.content.yaml_errors import plain_words, starts_with

MAX_BYTES = 512 * 1024
MAX_VALUES = 20_000
MAX_DEPTH = 40

FieldPath = tuple[str | int, ...]

# libyaml's parser when PyYAML has it (about 10x faster); both refuse Python object tags.
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Parser):  # type: ignore[misc]
    """The parser with YAML 1.2's core schema for plain values instead of YAML 1.1's
    (https://yaml.org/spec/1.2.2/#1032-tag-resolution)."""

    yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, re.Pattern[str]]]]] = {}


_CORE_SCHEMA = {  # tag: (pattern, the characters it can start with; "" for an empty value)
    "bool": (r"true|True|TRUE|false|False|FALSE", [*"tTfF"]),
    "null": (r"~|null|Null|NULL|", [*"~nN", ""]),
    "int": (r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", [*"-+0123456789"]),
    "float": (
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
        [*"-+.0123456789"],
    ),
}
for _name, (_pattern, _first) in _CORE_SCHEMA.items():
    _Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_name}", re.compile(f"^(?:{_pattern})$"), _first
    )


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    value = str(loader.construct_scalar(node))
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value, 10)  # "012" is twelve, not YAML 1.1's octal ten


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)

_PLAIN_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def dotted(path: FieldPath) -> str:
    """``("blocks", 2, "text")`` -> ``"blocks.2.text"``."""
    return ".".join(str(part) for part in path)


# Spaces that look like spaces but are not, at the start of a line (pasted from Word or a web
# page): YAML takes them as part of the text, not as indentation.
SPACES_THAT_ARE_NOT = {
    "\u00a0": "non-breaking spaces",
    "\u2003": "wide spaces",
    "\u3000": "wide spaces",
}
_NOT_SPACES = (
    "this line starts with {name} (pasted from a word processor or a web page), which YAML "
    "does not take as indentation; delete them and type ordinary spaces"
)

# What staff most often paste without seeing it (Word's Shift+Enter is a vertical tab).
CONTROL_NAMES = {0x0B: "a vertical tab", 0x0C: "a page break", 0x00: "a null character"}


@dataclass(frozen=True)
class YamlDocument:
    """Plain Python data from one file plus the 1-based (line, column) of each field path."""

    path: Path
    data: Any
    marks: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    lines: tuple[str, ...] = ()  # the file's text, to show the line a problem is on

    def mark(self, at: FieldPath) -> tuple[int, int]:
        """Where ``at`` (or its nearest recorded parent) starts in the file."""
        for end in range(len(at), -1, -1):
            found = self.marks.get(tuple(at[:end]))
            if found:
                return found
        return (1, 1)

    def problem(self, at: FieldPath, message: str) -> Problem:
        line, column = self.mark(at)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return Problem(self.path, line, column, dotted(at), message, text)


class _Walker:
    """Turns a composed node tree into plain data, checking bounds and duplicates."""

    def __init__(self, path: Path, loader: Any, lines: list[str]) -> None:
        self.path = path
        self.loader = loader
        self.lines = lines
        self.marks: dict[FieldPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.values = 0

    def fail(self, node: yaml.Node, at: FieldPath, message: str) -> None:
        mark = node.start_mark
        line = self.lines[mark.line] if mark.line < len(self.lines) else ""
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, dotted(at), message, line)
        )

    def walk(self, node: yaml.Node, at: FieldPath, depth: int) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise _TooBigError(node, f"more than {MAX_VALUES} values (are aliases repeating data?)")
        if depth > MAX_DEPTH:
            raise _TooBigError(node, f"nested more than {MAX_DEPTH} levels deep")
        self.marks.setdefault(at, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, at)
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, at, f"the tag {node.tag!r} is not allowed here")
            return None
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*at, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return dict(self.pairs(node, at, depth))

    def pairs(self, node: yaml.MappingNode, at: FieldPath, depth: int) -> Iterator[tuple[Any, Any]]:
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = (
                self.walk(key_node, at, depth + 1)
                if isinstance(key_node, yaml.ScalarNode)
                else None
            )
            if key is None or not isinstance(key, str | int | float | bool):
                self.fail(key_node, at, "a key must be a single word or number")
                continue
            if isinstance(key, str) and key[:1] in SPACES_THAT_ARE_NOT:
                self.fail(key_node, at, _NOT_SPACES.format(name=SPACES_THAT_ARE_NOT[key[0]]))
                continue
            child = (*at, key if isinstance(key, str) else str(key))
            line = key_node.start_mark.line + 1
            if key in seen:
                self.fail(
                    key_node, child, f"duplicate key {key!r} (first given on line {seen[key]})"
                )
                continue
            seen[key] = line
            self.marks[child] = (line, key_node.start_mark.column + 1)
            yield child[-1], self.walk(value_node, child, depth + 1)

    def scalar(self, node: yaml.ScalarNode, at: FieldPath) -> Any:
        if node.tag == _TIMESTAMP:
            return node.value  # even tagged !!timestamp: dates are text, in the schema's form
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            self.fail(node, at, self._tag_words(node))
        except ValueError as error:
            self.fail(node, at, f"cannot read this value: {error}")
        return None

    def _tag_words(self, node: yaml.ScalarNode) -> str:
        """A text that starts with "!" is a tag to YAML; staff meant the text."""
        line, column = node.start_mark.line, node.start_mark.column
        text = self.lines[line] if line < len(self.lines) else ""
        if text[column : column + 1] == "!":
            return starts_with("!", text)
        return f"the tag {node.tag!r} is not allowed here"


class _TooBigError(Exception):
    def __init__(self, node: yaml.Node | yaml.Token, message: str) -> None:
        super().__init__(message)
        self.node = node


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        message = (
            f"byte 0x{raw[error.start]:02x} is not UTF-8 text; "
            "save the file as UTF-8 in your editor"
        )
        raise ContentError([Problem(path, line, column, "", message)]) from None


_OPENERS = (
    yaml.BlockSequenceStartToken,
    yaml.BlockMappingStartToken,
    yaml.FlowSequenceStartToken,
    yaml.FlowMappingStartToken,
)
_CLOSERS = (yaml.BlockEndToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def _check_nesting(text: str) -> None:
    """Refuse deep nesting before composing: libyaml's composer recurses in C and would crash."""
    scanner = _Parser(text)
    depth = 0
    try:
        while (token := scanner.get_token()) is not None:
            if isinstance(token, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _TooBigError(token, f"nested more than {MAX_DEPTH} levels deep")
            elif isinstance(token, _CLOSERS):
                depth -= 1
    finally:
        scanner.dispose()


def _syntax_problem(path: Path, lines: list[str], error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    opened = error.context_mark or mark
    at = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    start = (opened.line + 1, opened.column + 1) if opened else at
    line, column, message = plain_words(lines, error.context, error.problem or "", at, start)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return Problem(path, line, column, "", message, text)


def load_yaml(path: Path, *, max_bytes: int = MAX_BYTES) -> YamlDocument:
    """Read ``path`` as one YAML document, or raise ContentError naming file, line and column."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            message = f"file is {size:,} bytes; the limit is {max_bytes:,}"
            raise ContentError([Problem(path, 0, 0, "", message)])
        raw = path.read_bytes()[: max_bytes + 1]
    except OSError as error:
        raise ContentError(
            [Problem(path, 0, 0, "", f"cannot read file: {error.strerror}")]
        ) from None
    text = _decode(path, raw)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    loader = _Loader(text)
    walker = _Walker(path, loader, lines)
    try:
        _check_nesting(text)
        node = loader.get_single_node()
        data = None if node is None else walker.walk(node, (), 0)
    except yaml.MarkedYAMLError as error:
        raise ContentError([_syntax_problem(path, lines, error)]) from None
    except yaml.reader.ReaderError as error:  # a control character, e.g. pasted from Word
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        name = CONTROL_NAMES.get(code) or unicodedata.name(chr(code), "a control character")
        message = (
            f"{name} (U+{code:04X}) that cannot be shown; delete it (a line break "
            "pasted from a word processor often is one)"
        )
        raise ContentError([Problem(path, line, column, "", message)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(path, 0, 0, "", f"YAML syntax: {error}")]) from None
    except _TooBigError as error:
        mark = error.node.start_mark
        message = str(error)
        raise ContentError([Problem(path, mark.line + 1, mark.column + 1, "", message)]) from None
    except RecursionError:
        raise ContentError([Problem(path, 0, 0, "", "nested too deeply to read")]) from None
    finally:
        loader.dispose()
    if walker.problems:
        raise ContentError(walker.problems)
    return YamlDocument(path, data, walker.marks, tuple(lines))
