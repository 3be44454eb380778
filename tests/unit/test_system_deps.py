"""scripts/system_deps.py asks the system itself what is there, and names packages apt knows."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import REPO


def _load() -> ModuleType:
    path = REPO / "scripts" / "system_deps.py"
    spec = importlib.util.spec_from_file_location("system_deps", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["system_deps"] = module
    spec.loader.exec_module(module)
    return module


deps = _load()


def test_a_library_is_found_through_the_dynamic_loader() -> None:
    assert deps.Need("library", "libc.so.6", ("libc6",), "").met()
    assert not deps.Need("library", "libnot-a-real-kiosk-lib.so.7", ("x",), "").met()


def test_a_command_is_found_on_path_or_in_sbin() -> None:
    assert deps.Need("command", "sh", ("dash",), "").met()
    assert deps.Need("command", "ldconfig", ("libc-bin",), "").met()  # in /sbin, off a user's PATH
    assert not deps.Need("command", "not-a-real-kiosk-tool", ("x",), "").met()


def test_a_python_module_and_fonts_are_found_by_looking() -> None:
    assert deps.Need("module", "ensurepip", ("python3-venv",), "").met()  # setup made .venv
    assert not deps.Need("module", "not_a_real_kiosk_module", ("x",), "").met()
    assert deps.Need("fonts", "a font", ("fonts-dejavu-core",), "").met()


def test_everything_the_test_profile_needs_is_here_after_setup() -> None:
    """scripts/test.sh ran setup first: a second check finds nothing missing."""
    assert [need.name for need in deps.needs("test") if not need.met()] == []


def test_the_name_apt_knows_is_chosen_over_a_renamed_one() -> None:
    """Debian 13 renamed libglib2.0-0 to libglib2.0-0t64; whichever name this release's apt
    has a candidate for is the one installed."""
    glib = next(need for need in deps.needs("run") if need.name == "libglib-2.0.so.0")
    assert glib.packages == ("libglib2.0-0t64", "libglib2.0-0")
    known = deps._candidates(list(glib.packages))
    assert known, "apt-cache knows neither name"
    assert deps.packages_for([glib]) == [next(n for n in glib.packages if n in known)]
    invented = deps.Need("library", "libx.so.1", ("no-such-package-t64", "libc6"), "")
    assert deps.packages_for([invented]) == ["libc6"]
