"""Run a notebook in a real kernel, then move every slider of every live panel in it.

Used by ``benchmarks/run.py`` (timings) and by ``tests/test_slider_sweep.py`` (every
slider position is safe). The notebook runs as a learner runs it, with the inline
backend; then code sent to the same kernel finds each :class:`helpers.figures.live.LivePanel`
and sets each of its sliders to every position in turn (up the range, then back down, so
the second half hits the caches), timing each move: the callback, the figure's redraw and
the PNG sent to the page. Warnings are errors during the sweep, and after each move the
data of every line, collection and image in the figure are checked to be finite.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError

ROOT = Path(__file__).resolve().parent.parent

SWEEP_CODE = r'''
import gc, json, time, warnings
import numpy as np
import ipywidgets as widgets
from helpers.figures.live import LivePanel, slider_positions

def _positions(control, limit):
    values = slider_positions(control)  # every position of a slider, as LivePanel.prepare visits them
    if values and not isinstance(control, widgets.FloatLogSlider):
        idx = np.unique(np.linspace(0, len(values) - 1, min(len(values), limit)).round().astype(int))
        values = [values[int(i)] for i in idx]
    elif hasattr(control, "options"):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
    elif isinstance(control, (widgets.Checkbox, widgets.ToggleButton)):
        values = [not control.value, control.value]
    return values

def _finite_figure(fig):
    bad = []
    for ax in fig.axes:
        for line in ax.get_lines():
            for arr in (line.get_xdata(), line.get_ydata()):
                a = np.asarray(arr, dtype=float)
                if a.size and not np.all(np.isfinite(a)):
                    bad.append(f"line {line.get_label()!r} in {ax.get_title()!r}")
        for image in ax.get_images():
            # Masked cells are deliberate gaps (not drawn); every other cell must be finite.
            a = image.get_array()
            if a is not None and np.asarray(a).dtype.kind == "f":
                shown = np.ma.compressed(np.ma.asarray(a))
                if not np.all(np.isfinite(shown)):
                    bad.append(f"image in {ax.get_title()!r}")
        for coll in ax.collections:
            offsets = np.asarray(coll.get_offsets(), dtype=float)
            if offsets.size and not np.all(np.isfinite(offsets)):
                bad.append(f"points in {ax.get_title()!r}")
    return bad

_report = []
_panels = [o for o in gc.get_objects() if isinstance(o, LivePanel)]
for _p_index, _panel in enumerate(_panels):
    _start = dict(_panel.values())
    for _name, _control in _panel.controls.items():
        _values = _positions(_control, __LIMIT__)
        _order = _values + _values[::-1]
        _times, _problems = [], []
        for _v in _order:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                _t = time.perf_counter()
                try:
                    if _control.value == _v:
                        _panel.refresh()  # same position: redraw anyway, so every move is timed
                    else:
                        _control.value = _v  # the panel observes the slider and redraws
                except Exception as _exc:
                    _problems.append(f"{_name}={_v!r}: {type(_exc).__name__}: {_exc}")
                _times.append(time.perf_counter() - _t)
            for _b in _finite_figure(_panel.fig):
                _problems.append(f"{_name}={_v!r}: non-finite data in {_b}")
        _control.value = _start[_name]
        _report.append({
            "panel": _p_index, "figure": _panel.fig.get_suptitle(),
            "control": _name, "description": getattr(_control, "description", _name),
            "positions": len(_values), "moves": len(_order), "prepared_ms": _panel.prepared_ms,
            "times_ms": [t * 1e3 for t in _times], "problems": _problems[:10],
        })
    # the corners of multi-slider panels: every combination of each slider's two ends
    _ends = {n: (lambda v: (v[0], v[-1]) if v else ())(_positions(c, __LIMIT__)) for n, c in _panel.controls.items()}
    _names = [n for n in _ends if _ends[n]]
    import itertools
    _corner_problems = []
    for _combo in itertools.product(*[_ends[n] for n in _names]):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                for _n, _v in zip(_names, _combo):
                    _panel.controls[_n].value = _v
                _panel.refresh()
            except Exception as _exc:
                _corner_problems.append(f"{dict(zip(_names, _combo))}: {type(_exc).__name__}: {_exc}")
        for _b in _finite_figure(_panel.fig):
            _corner_problems.append(f"{dict(zip(_names, _combo))}: non-finite data in {_b}")
    for _n in _names:
        _panel.controls[_n].value = _start[_n]
    _report.append({"panel": _p_index, "control": "(corners)", "combinations": 2 ** len(_names),
                    "problems": _corner_problems[:10], "times_ms": []})
print("SWEEP-REPORT " + json.dumps(_report))
'''


def sweep_notebook(
    path: Path,
    limit: int = 25,
    timeout: int = 120,
    executed: nbformat.NotebookNode | None = None,
    attempts: int = 3,
    env: dict[str, str] | None = None,
    code: str = SWEEP_CODE,
) -> list[dict]:
    """Execute ``path`` in a fresh kernel and sweep its sliders; return one record per slider.

    Parameters
    ----------
    path : Path
        The notebook.
    limit : int
        At most this many positions per integer slider (every position of a log slider).
    timeout : int
        Seconds allowed per cell.
    executed : nbformat.NotebookNode, optional
        The notebook as read from ``path``; if given, its cells are replaced by the freshly
        executed ones, so the caller can inspect the outputs.
    attempts : int
        Fresh kernels to try when a cell exceeds ``timeout`` (a stuck kernel); an error in
        a cell is never retried.
    env : dict of str to str, optional
        The kernel's whole environment (default: this process's).
    code : str
        What runs in the kernel after the notebook (``__LIMIT__`` is replaced by ``limit``);
        it prints one line ``SWEEP-REPORT <json>``. The slider sweep by default;
        ``benchmarks/engine.py`` passes its own.

    Returns
    -------
    list of dict
        ``panel``, ``control``, ``positions``, ``times_ms`` (one per move) and ``problems``.
    """
    original = executed if executed is not None else nbformat.read(path, as_version=4)
    for attempt in range(1, attempts + 1):
        nb = copy.deepcopy(original)
        nb.cells.append(nbformat.v4.new_code_cell(code.replace("__LIMIT__", str(limit))))
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute(**({} if env is None else {"env": env}))
            break
        except CellTimeoutError:
            # Seen here under heavy load: the kernel sits idle and the client waits for a
            # message that never comes. A stuck kernel is not a failure of the notebook, so
            # start a fresh one; a cell that errors is not retried.
            if attempt == attempts:
                raise
    if executed is not None:
        executed.cells = nb.cells[:-1]
    sweep_cell = nb.cells.pop()
    errors = [o for o in sweep_cell.outputs if o.get("output_type") == "error"]
    if errors:
        raise RuntimeError(f"the sweep of {path.name} failed: {errors[0].get('ename')}: {errors[0].get('evalue')}")
    text = "".join(o.get("text", "") for o in sweep_cell.outputs if o.get("output_type") == "stream")
    for line in text.splitlines():
        if line.startswith("SWEEP-REPORT "):
            return json.loads(line[len("SWEEP-REPORT "):])
    raise RuntimeError(f"the sweep of {path.name} printed no report: {text[:2000]}")
