"""Mistakes staff make in YAML files, each with the exact message the kiosk gives: where (line
and column), what is wrong in everyday words, and how to fix it, with the line shown and a
caret under the spot. docs/staff-guide.md lists the same messages (checked below)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.core.content.problems import ContentError
from kiosk.core.content.safe_yaml import load_yaml
from kiosk.core.sources import load_all
from tests.conftest import CONTENT, REPO

QUOTE_IT = "put the whole text in quotes"
STARTS = "a value cannot start with {!r} (YAML gives it a meaning of its own); " + QUOTE_IT
# (what staff did, the file, where, the message)
SYNTAX = [
    ("a colon inside a sentence", "title: Leaky gut: what is it\n", "1:17",
     "this text has a colon and a space in it, which YAML takes as the start of a new key; "
     f'{QUOTE_IT}: title: "Leaky gut: what is it"'),
    ("Word's curly quotes around a text with a colon", "title: \u201cGut: a guide\u201d\n", "1:12",
     "the quotes here are a word processor's curly quotes, which YAML does not take as quotes; "
     'use straight quotes around the whole text: title: "Gut: a guide"'),
    ("indented with non-breaking spaces", "clinic:\n\u00a0\u00a0name: Elm Street\n", "2:1",
     "this line starts with non-breaking spaces (pasted from a word processor or a web page), "
     "which YAML does not take as indentation; delete them and type ordinary spaces"),
    ("indented with a tab", "clinic:\n\tname: Elm Street\n", "2:1",
     "this line is indented with a tab; YAML needs spaces: replace the tab with spaces"),
    ("a missing colon", "clinic:\n  name Elm Street\n  contact: Ask at the desk.\n", "2:3",
     "this line has no colon after its key; write the key, a colon and a space, then the value "
     "(name: Elm Street)"),
    ("a quote never closed", 'title: "Leaky gut\nsummary: What it is.\n', "1:8",
     "this quote is never closed: add the matching closing quote at the end of the text"),
    ("a key indented too far", "clinic:\n  name: Elm Street\n   contact: Ask.\n", "3:1",
     "this line is indented more than line 2, which already has its value; start the keys of "
     "one section in the same column"),
    ("a key indented too little", "clinic:\n  name: Elm Street\n contact: Ask.\n", "3:2",
     "this line is not in step with the lines around it; start the keys of one section in the "
     "same column"),
    ("a list item out of line", "key_points:\n  - Sleep well.\n - Eat plants.\n", "3:2",
     "this list item is not in line with the ones above it; start every '- ' of one list in the "
     "same column"),
    ("a Windows path in double quotes", 'logo: "C:\\Users\\desk\\logo.png"\n', "1:10",
     "a backslash (\\) inside double quotes starts a special code; put the text in single quotes "
     "instead ('like this'), or write each backslash twice"),
    ("text after a closing quote", 'title: "Leaky" gut\n', "1:16",
     "text goes on after a closing quote or bracket; put the whole text in one pair of quotes: "
     "title: '\"Leaky\" gut'"),
    ("a text starting with @", "contact: @ the front desk\n", "1:10",
     STARTS.format("@") + ': contact: "@ the front desk"'),
    ("a text starting with *", "title: *New* gut guide\n", "1:8",
     STARTS.format("*") + ': title: "*New* gut guide"'),
    ("a text starting with !", "title: !Important\n", "1:8",
     "title: " + STARTS.format("!") + ': title: "!Important"'),
    ("a text starting with |", "title: | Gut health\n", "1:8",
     STARTS.format("|") + ': title: "| Gut health"'),
    ("a text starting with %", "title: %100 natural\n", "1:8",
     STARTS.format("%") + ': title: "%100 natural"'),
    ("the same key twice", "title: Gut\ntitle: Gut health\n", "2:1",
     "title: duplicate key 'title' (first given on line 1)"),
]  # fmt: skip


# Settings that read as YAML but are not what the kiosk takes (settings.yaml, whole file).
SETTINGS = [
    ("a colour without quotes: # starts a comment", "theme:\n  primary: #1F4E79\n", "2:3",
     'theme.primary: a # starts a comment in YAML, so this is empty; put the value in quotes: '
     'primary: "#1F4E79"'),
    ("a colour by its name", "theme:\n  primary: navy\n", "2:3",
     'theme.primary: a colour is a # and six hexadecimal digits, in quotes, like "#1F4E79"; '
     "'navy' is not one (a colour picker shows the digits)"),
    ("the PIN instead of its hash", "staff:\n  pin_hash: 1234\n", "2:3",
     "staff.pin_hash: this looks like the PIN itself, which must never be written down here; "
     "run `kiosk hash-pin`, type the PIN there, and paste the line it prints"),
    ("the PIN in quotes instead of its hash", 'staff:\n  pin_hash: "4321"\n', "2:3",
     "staff.pin_hash: this looks like the PIN itself, which must never be written down here; "
     "run `kiosk hash-pin`, type the PIN there, and paste the line it prints"),
    ("a key the section does not have", "theme:\n  accent: \"#1F4E79\"\n", "2:3",
     "theme.accent: unknown key 'accent'; the keys here are: primary, on_primary, background, "
     "surface, text"),
    ("a misspelt key", "clinic:\n  nmae: Elm Street\n", "2:3",
     "clinic.nmae: unknown key 'nmae'; did you mean 'name'?"),
    ("a number where text belongs", "clinic:\n  name: 2024\n", "2:3",
     'clinic.name: this needs text; put it in quotes: name: "2024"'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "text", "where", "message"), SETTINGS, ids=[c[0] for c in SETTINGS]
)
def test_a_settings_mistake_is_told_in_plain_words(
    what: str, text: str, where: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_all(path)
    assert [str(problem) for problem in caught.value.problems] == [f"{path}:{where}: {message}"]


def test_a_wrong_language_code_is_one_problem_at_its_place_in_pack_yaml(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    pack = content / "pack.yaml"
    pack.write_text(
        pack.read_text("utf-8").replace("languages: [en, es]", "languages: [en, sp]"), "utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_all(None, content)
    line = pack.read_text("utf-8").splitlines().index("languages: [en, sp]") + 1
    assert [str(problem) for problem in caught.value.problems] == [
        f"{pack}:{line}:17: languages.1: {LANGUAGE}"
    ]


def test_a_number_as_a_list_item_is_told_as_a_list_item(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = content / "en" / "pages" / "lifestyle-steps.yaml"
    lines = page.read_text("utf-8").splitlines()
    first = lines.index("key_points:") + 1
    lines[first] = "  - 2024"
    page.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        load_all(None, content)
    assert [str(problem) for problem in caught.value.problems] == [
        f'{page}:{first + 1}:5: key_points.0: this needs text; put it in quotes: - "2024"'
    ]


LANGUAGE = (
    "unknown language 'sp': no folder sp/ here; did you mean 'es'? (the language folders are: "
    "en, es)"
)


@pytest.mark.parametrize(("what", "text", "where", "message"), SYNTAX, ids=[c[0] for c in SYNTAX])
def test_a_syntax_mistake_is_told_in_plain_words(
    what: str, text: str, where: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "page.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_yaml(path)
    [problem] = caught.value.problems
    assert str(problem) == f"{path}:{where}: {message}"
    line, column = (int(part) for part in where.split(":"))
    _, shown, caret = problem.pointed().split("\n")
    assert shown.strip() == text.splitlines()[line - 1].expandtabs(1).strip()
    assert caret == "    " + " " * (column - 1) + "^", "the caret under the spot"


def test_the_staff_guide_gives_every_message() -> None:
    guide = (REPO / "docs" / "staff-guide.md").read_text("utf-8").replace("\\|", "|")
    missing = [
        what for what, _, where, message in SYNTAX + SETTINGS if f"{where}: {message}" not in guide
    ]
    missing += [] if LANGUAGE in guide else ["a wrong language code"]
    assert not missing, f"docs/staff-guide.md lacks the messages for: {missing}"
