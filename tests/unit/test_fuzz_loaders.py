"""A bounded fuzz run of the loaders in every test run (the benchmark runs 20,000 inputs):
mutated staff files load or are refused with a ContentError naming a file, nothing else."""

from __future__ import annotations

import argparse

from tests.benchmarks.fuzz import measure


def test_mutated_staff_files_are_loaded_or_refused_never_anything_else() -> None:
    result = measure(argparse.Namespace(quick=False, inputs=400, seed=20261130))
    assert result["findings"] == []
    assert set(result["outcomes"]) == {"loaded", "refused"}
    assert result["outcomes"]["refused"] > 100 and result["outcomes"]["loaded"] > 20
