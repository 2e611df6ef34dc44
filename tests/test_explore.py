"""Changing what the text invites a learner to change never ends in an error (issue 19, part 4).

Cells that invite a change declare two other values per name in their metadata
(``tools/explore.py``). The slow test runs every such notebook twice, with all declared
names at their first and then at their second values, and requires no error and no warning.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tools import explore

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DECLARING = [p for p in NOTEBOOKS if explore.invitations(nbformat.read(p, as_version=4))]


def _notebook(*sources: str, explore_values: dict[str, list[str]] | None = None) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    if explore_values is not None:
        nb.cells[0].metadata["course"] = {"explore": explore_values}
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_declarations_are_well_formed(path):
    explore.invitations(nbformat.read(path, as_version=4))  # raises ValueError, naming the cell


def test_every_notebook_declares_its_knobs():
    # Every notebook has something a learner would change (a seed, a learning rate, a size).
    assert [p.name for p in NOTEBOOKS if p not in DECLARING] == []


def test_variants_replace_only_the_declared_assignment():
    nb = _notebook("ALPHA = 0.5  # try 0.1 or 3\nALPHA_2 = 1\nprint(ALPHA)", explore_values={"ALPHA": ["0.1", "3.0"]})
    first, second = explore.variants(nb)
    assert first.cells[0].source == "ALPHA = 0.1  # try 0.1 or 3\nALPHA_2 = 1\nprint(ALPHA)"
    assert second.cells[0].source.startswith("ALPHA = 3.0  # try")
    assert nb.cells[0].source.startswith("ALPHA = 0.5")  # the original is untouched


@pytest.mark.parametrize(
    ("values", "source", "message"),
    [
        ({"ALPHA": ["0.1"]}, "ALPHA = 1", "needs two values"),
        ({"ALPHA": [0.1, 3.0]}, "ALPHA = 1", "needs two values"),
        ({"ALPHA": ["0.1", "3"]}, "alpha = 1", "expected one line starting 'ALPHA = '"),
        ({"ALPHA": ["0.1", "3"]}, "ALPHA = 1\nALPHA = 2", "found 2"),
    ],
)
def test_bad_declarations_are_named(values, source, message):
    with pytest.raises(ValueError, match=message):
        explore.invitations(_notebook(source, explore_values=values))


@pytest.mark.slow
def test_a_pinned_number_is_caught(tmp_path):
    nb = _notebook("N = 3", "assert N == 3, 'this check only holds at the default'", explore_values={"N": ["4", "5"]})
    problems = explore.run(explore.variants(nb)[0], tmp_path)
    assert problems and "AssertionError" in problems[0]


@pytest.mark.slow
@pytest.mark.parametrize("path", DECLARING, ids=lambda p: p.name)
@pytest.mark.parametrize("variant", [0, 1], ids=["first values", "second values"])
def test_invited_changes_run_cleanly(path, variant):
    nb = explore.variants(nbformat.read(path, as_version=4))[variant]
    assert explore.run(nb, path.parent) == []
