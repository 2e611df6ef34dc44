"""Execute notebooks top to bottom in a fresh kernel and save them, as the course commits them.

``python3 course.py execute notebooks/NN_x.ipynb`` runs this module inside ``.venv``
(``python -m tools.execute PATH ...``). Each notebook is executed in a new kernel with
the notebooks folder as its working directory, then saved without the outputs of live
widgets: those only mean something with a running kernel (opened without one, JupyterLab
would show "Error displaying widget"), nbval ignores them, and their saved state would add
hundreds of kilobytes of pictures to every notebook. Each live panel is preceded by a
static figure, which is kept. A kernel that stops answering (idle, never replying) gets a
fresh one, up to three attempts.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError

WIDGET = "application/vnd.jupyter.widget-view+json"
ATTEMPTS = 3


def strip_widgets(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove live-widget outputs and the saved widget state from ``nb`` (in place); return it."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if WIDGET not in o.get("data", {})]
    nb.metadata.pop("widgets", None)
    return nb


def coalesce_streams(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Join consecutive stream outputs of the same stream in every cell (in place); return ``nb``.

    What a cell prints reaches the notebook in chunks as the kernel flushes them; on a busy
    machine one ``print`` can arrive as two outputs, and the saved notebook would then differ
    from run to run although the text is the same. Joined, the text is what was printed.
    """
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        joined: list[nbformat.NotebookNode] = []
        for output in cell.outputs:
            previous = joined[-1] if joined else None
            if (
                previous is not None
                and output.get("output_type") == "stream"
                and previous.get("output_type") == "stream"
                and previous.get("name") == output.get("name")
            ):
                previous["text"] = previous["text"] + output["text"]
            else:
                joined.append(output)
        cell.outputs = joined
    return nb


def execute(path: str | Path, timeout: int = 180) -> nbformat.NotebookNode:
    """Run the notebook at ``path`` in a fresh ``python3`` kernel and save it, widgets stripped.

    Parameters
    ----------
    path : str or Path
        A notebook of the course (run with its own folder as the working directory).
    timeout : int
        Seconds a cell may take.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook, as saved.
    """
    path = Path(path)
    for attempt in range(ATTEMPTS):
        nb = nbformat.read(path, as_version=4)
        try:
            NotebookClient(nb, timeout=timeout, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            break
        except CellTimeoutError:
            if attempt == ATTEMPTS - 1:
                raise
    nbformat.write(coalesce_streams(strip_widgets(nb)), path)
    return nb


def main(argv: Sequence[str] | None = None) -> None:
    """Execute every notebook named on the command line."""
    for path in sys.argv[1:] if argv is None else argv:
        execute(path)


if __name__ == "__main__":
    main()
