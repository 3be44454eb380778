from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.core.content.problems import ContentError
from kiosk.core.content.safe_yaml import MAX_DEPTH, load_yaml


def write(tmp_path: Path, text: str | bytes, name: str = "page.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_yaml(path)
    return [str(problem) for problem in caught.value.problems]


def test_loads_data_and_remembers_where_each_field_is(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Hello\nblocks:\n  - paragraph: One\n  - heading: Two\n")
    doc = load_yaml(path)
    assert doc.data == {"title": "Hello", "blocks": [{"paragraph": "One"}, {"heading": "Two"}]}
    assert doc.mark(("title",)) == (1, 1)
    assert doc.mark(("blocks", 1, "heading")) == (4, 5)
    assert doc.mark(("blocks", 1, "missing", "deeper")) == (4, 5)


def test_duplicate_keys_are_errors_naming_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "title: One\nid: x\ntitle: Two\n")
    assert problems(path) == [f"{path}:3:1: title: duplicate key 'title' (first given on line 1)"]


def test_python_object_tags_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "title: !!python/object/apply:os.system ['echo hacked']\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:1:8: title: the tag ")
    assert "python/object/apply:os.system" in message


def test_custom_tags_on_collections_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "items: !!set {a, b}\n")
    assert problems(path) == [
        f"{path}:1:8: items: the tag 'tag:yaml.org,2002:set' is not allowed here"
    ]


def test_syntax_errors_name_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Hello\n  bad: indent\n")
    [message] = problems(path)
    assert message == (
        f"{path}:2:1: this line is indented more than line 1, which already has its value; "
        "start the keys of one section in the same column"
    )


def test_non_utf8_bytes_are_refused_with_their_position(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: ok\ntext: caf\xe9\n")
    assert problems(path) == [
        f"{path}:2:10: byte 0xe9 is not UTF-8 text; save the file as UTF-8 in your editor"
    ]


def test_oversized_files_are_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, "text: " + "x" * 600_000 + "\n")
    [message] = problems(path)
    assert "the limit is 524,288" in message


def test_alias_bombs_are_bounded(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    [message] = problems(path)
    assert "more than 20000 values (are aliases repeating data?)" in message


def test_deep_nesting_is_bounded(tmp_path: Path) -> None:
    path = write(tmp_path, "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    [message] = problems(path)
    assert f"nested more than {MAX_DEPTH} levels deep" in message


def test_very_deep_nesting_does_not_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "[" * 50_000 + "]" * 50_000)
    assert problems(path)


def test_empty_file_loads_as_nothing(tmp_path: Path) -> None:
    assert load_yaml(write(tmp_path, "# only a comment\n")).data is None


def test_unreadable_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    [message] = problems(missing)
    assert message.startswith(f"{missing}: cannot read file")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000 + "]" * 50_000,
        "- " * 100_000 + "x\n",
        "".join(" " * i + f"k{i}:\n" for i in range(600)),
    ],
    ids=["flow", "compact-sequences", "indented-maps"],
)
def test_hostile_nesting_is_refused_with_a_position(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    [message] = problems(path)
    assert re.match(
        rf"{re.escape(str(path))}:\d+:\d+: nested more than {MAX_DEPTH} levels deep", message
    )
