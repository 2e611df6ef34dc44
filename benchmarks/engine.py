"""What each piece of the live-panel engine saves, measured with it switched off.

``.venv/bin/python benchmarks/engine.py [notebooks ...]`` executes each notebook in a fresh
kernel (inline backend, as a learner runs it), then moves every learning-rate and
iterations slider of every live panel through its positions in three set-ups, timing each
move (the panel's callback: ``draw``, render, PNG, sending the picture):

1. **full**: no blitting (``panel.dynamic = None``): every move draws the whole figure;
2. **blit**: the static background drawn once and kept, the dynamic artists drawn over a
   copy of it, but every dynamic text laid out and rasterised again
   (``panel.text_pictures = False``);
3. **blit + text pictures**: the course's default, unchanged texts pasted as pictures.

It then encodes each panel's last frame with the course's PNG writer
(:func:`helpers.figures.live.png_bytes`) and with Pillow at its fastest setting
(``compress_level=1``), the library matplotlib itself uses, and prints both. Medians over
the moves of each slider, in one run; the machine's load is printed with them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.sweep import sweep_notebook  # noqa: E402

ENGINE_CODE = r'''
import gc, io, json, statistics, time
import numpy as np
import ipywidgets as widgets
from PIL import Image
from helpers.figures.live import LivePanel, png_bytes, slider_positions

def _moves(panel, name, limit):
    values = slider_positions(panel.controls[name])
    if len(values) > limit:
        idx = np.unique(np.linspace(0, len(values) - 1, limit).round().astype(int))
        values = [values[int(i)] for i in idx]
    return values + values[::-1]

def _median_ms(panel, name, values):
    control, times = panel.controls[name], []
    for v in values:
        t = time.perf_counter()
        if control.value == v:
            panel.refresh()
        else:
            control.value = v
        times.append(1e3 * (time.perf_counter() - t))
    return statistics.median(times)

_report = []
for _i, _panel in enumerate(o for o in gc.get_objects() if isinstance(o, LivePanel)):
    _names = [n for n, c in _panel.controls.items() if isinstance(c, (widgets.FloatLogSlider, widgets.IntSlider))]
    _start = dict(_panel.values())
    _dynamic = _panel.dynamic
    for _name in _names:
        _values = _moves(_panel, _name, __LIMIT__)
        _row = {"panel": _i, "figure": _panel.fig.get_suptitle(), "control": _panel.controls[_name].description}
        for _mode in ("full", "blit", "blit + text pictures"):
            _panel.dynamic = None if _mode == "full" else _dynamic
            _panel.text_pictures = _mode != "blit"
            _median_ms(_panel, _name, _values)  # once to warm up: backgrounds, pictures, caches
            _row[_mode] = _median_ms(_panel, _name, _values)
        _panel.controls[_name].value = _start[_name]
        _report.append(_row)
    _panel.dynamic, _panel.text_pictures = _dynamic, True
    _pixels = np.asarray(_panel._canvas.buffer_rgba()) if _panel._canvas is not None else None
    if _pixels is not None:
        _ours, _pillow, _sizes = [], [], []
        for _ in range(15):
            t = time.perf_counter(); _a = png_bytes(_pixels); _ours.append(1e3 * (time.perf_counter() - t))
            t = time.perf_counter(); _buf = io.BytesIO(); Image.fromarray(_pixels).save(_buf, "png", compress_level=1)
            _pillow.append(1e3 * (time.perf_counter() - t))
        _report.append({"panel": _i, "png": True, "size": list(_pixels.shape[:2]),
                        "ours": statistics.median(_ours), "pillow": statistics.median(_pillow),
                        "ours_kb": len(_a) / 1024, "pillow_kb": len(_buf.getvalue()) / 1024})
print("SWEEP-REPORT " + json.dumps(_report))
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks (default: all)")
    parser.add_argument("--limit", type=int, default=12, help="positions per slider (default 12)")
    args = parser.parse_args()
    paths = [Path(p) for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"load average before: {os.getloadavg()[0]:.2f}\n")
    rows, pngs = [], []
    for path in paths:
        for record in sweep_notebook(path.resolve(), limit=args.limit, code=ENGINE_CODE):
            (pngs if record.get("png") else rows).append((path.stem, record))
    print("| notebook | panel | slider | full redraw (ms) | blit (ms) | blit + text pictures (ms) |")
    print("|---|---|---|---|---|---|")
    for stem, r in rows:
        print(f"| {stem} | {r['panel']} | {r['control']} | {r['full']:.0f} | {r['blit']:.0f} | "
              f"{r['blit + text pictures']:.0f} |")
    print("\n| notebook | panel | frame (px) | course PNG writer (ms, kB) | Pillow, compress_level=1 (ms, kB) |")
    print("|---|---|---|---|---|")
    for stem, r in pngs:
        h, w = r["size"]
        print(f"| {stem} | {r['panel']} | {w} x {h} | {r['ours']:.1f}, {r['ours_kb']:.0f} | "
              f"{r['pillow']:.1f}, {r['pillow_kb']:.0f} |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
