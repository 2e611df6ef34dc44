"""Every committed notebook: executed once in order, with a kernelspec, clean outputs, the course's shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import is_live_cell

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found"
    assert NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_name_follows_the_convention(path):
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_once_top_to_bottom(path):
    counts = [c.get("execution_count") for c in code_cells(load(path))]
    command = f"python3 course.py execute notebooks/{path.name}"
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: counts {counts[:10]}...; re-run: {command}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_has_the_python3_kernelspec(path):
    spec = load(path)["metadata"].get("kernelspec", {})
    assert spec.get("name") == "python3" and spec.get("language") == "python", spec


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_error_or_stderr_output(path):
    for index, cell in enumerate(load(path)["cells"]):
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"{path.name}: cell {index} stores an error"
            assert not (output["output_type"] == "stream" and output["name"] == "stderr"), (
                f"{path.name}: cell {index} printed to stderr: {''.join(output['text'])[:200]!r}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opens_with_objectives_and_ends_with_summary_and_exercises(path):
    markdown = ["".join(c["source"]) for c in load(path)["cells"] if c["cell_type"] == "markdown"]
    opening = "\n".join(markdown[:3]).lower()
    assert "what you will learn" in opening and "what you need" in opening, f"{path.name}: opening section missing"
    headings = [line.lower() for text in markdown for line in text.splitlines() if line.startswith("#")]
    assert any("summary" in h for h in headings), f"{path.name}: no Summary section"
    assert any("exercise" in h for h in headings), f"{path.name}: no Exercises section"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_output_is_png_not_svg(path):
    for cell in load(path)["cells"]:
        for output in cell.get("outputs", []):
            assert "image/svg+xml" not in output.get("data", {}), f"{path.name}: SVG output (carries a date)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_widget_cells_are_excluded_from_output_comparison(path):
    for index, cell in enumerate(code_cells(load(path))):
        source = "".join(cell["source"])
        live = is_live_cell(source)
        has_widget_output = any(
            "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in cell.get("outputs", [])
        )
        if live or has_widget_output:
            tags = cell.get("metadata", {}).get("tags", [])
            assert source.lstrip().startswith("# NBVAL_IGNORE_OUTPUT") or "nbval-ignore-output" in tags, (
                f"{path.name}: code cell {index} shows a widget; mark it # NBVAL_IGNORE_OUTPUT"
            )


def test_every_notebook_has_the_live_panels_the_tests_look_for():
    # The checks above and the browser tests find live cells by their source: they must find them.
    found = {
        path.name[:2]: sum(is_live_cell("".join(c["source"])) for c in code_cells(load(path))) for path in NOTEBOOKS
    }
    assert found == {
        "00": 1, "01": 0, "02": 3, "03": 0, "04": 2, "05": 0, "06": 0, "07": 2, "08": 0, "09": 2, "10": 1, "13": 0
    }, found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_path_hacks_or_downloads(path):
    for cell in code_cells(load(path)):
        source = "".join(cell["source"])
        assert "sys.path" not in source, f"{path.name}: sys.path hack"
        assert not re.search(r"https?://", source), f"{path.name}: code refers to a URL (nothing is downloaded)"
        assert "np.random.seed" not in source and "np.random.rand" not in source, f"{path.name}: use default_rng"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_saved_widget_views(path):
    # Saved widget views show "Error displaying widget" in a notebook opened without a
    # kernel, and their state bloats the file; 'python3 course.py execute' strips them.
    nb = load(path)
    assert "widgets" not in nb["metadata"], f"{path.name}: saved widget state; re-run it with course.py execute"
    for cell in code_cells(nb):
        for output in cell.get("outputs", []):
            assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {}), (
                f"{path.name}: saved widget view; re-run it with 'python3 course.py execute'"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_answers_are_folded_away(path):
    # An answer a learner should try first is folded in <details>: collapsed in JupyterLab, on
    # GitHub, in the HTML handouts and in present mode alike (cell metadata such as
    # source_hidden is ignored by the last three).
    for index, cell in enumerate(load(path)["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] != "markdown" or "Answer (open after trying)" not in source:
            continue
        assert source.startswith("<details>\n<summary><b>Answer (open after trying)</b></summary>\n\n"), (
            f"{path.name} cell {index}: fold the answer in <details><summary>...</summary>"
        )
        assert source.rstrip().endswith("</details>"), f"{path.name} cell {index}: close the <details> block"
