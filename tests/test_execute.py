"""``tools/execute.py``: what ``course.py execute`` runs to execute and save a notebook."""

from __future__ import annotations

import nbformat
import pytest

from tools import execute


def _notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("print(6 * 7)"),
        nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.IntSlider(3)"),
    ]
    nb.metadata["widgets"] = {"state": "stale"}
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_execute_runs_the_notebook_in_a_kernel_and_saves_it_without_widget_outputs(tmp_path):
    path = _notebook(tmp_path)
    execute.main([str(path)])
    saved = nbformat.read(path, as_version=4)
    assert saved.cells[0].outputs[0]["text"] == "42\n"
    # the slider's output (its widget view with its plain-text stand-in) is gone
    assert all(execute.WIDGET not in o.get("data", {}) for o in saved.cells[1].outputs)
    assert "widgets" not in saved.metadata


def test_strip_widgets_keeps_every_other_output():
    nb = nbformat.v4.new_notebook()
    kept = nbformat.v4.new_output("stream", name="stdout", text="hi\n")
    widget = nbformat.v4.new_output("display_data", data={execute.WIDGET: {"model_id": "x"}, "text/plain": "w"})
    nb.cells = [nbformat.v4.new_code_cell("x", outputs=[kept, widget]), nbformat.v4.new_markdown_cell("m")]
    nb.metadata["widgets"] = {}
    execute.strip_widgets(nb)
    assert nb.cells[0].outputs == [kept] and "widgets" not in nb.metadata


def test_coalesce_streams_joins_what_one_print_split():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('a b')")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a "),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
        nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=1),
        nbformat.v4.new_output("stream", name="stdout", text="c\n"),
    ]
    nb.cells = [cell]
    execute.coalesce_streams(nb)
    assert [(o.output_type, o.get("name"), o.get("text")) for o in cell.outputs] == [
        ("stream", "stdout", "a b\n"),
        ("stream", "stderr", "warn\n"),
        ("execute_result", None, None),
        ("stream", "stdout", "c\n"),
    ]
