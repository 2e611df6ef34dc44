"""Key press → new figure on screen, in JupyterLab in headless Chromium, for every slider.

    .venv/bin/python benchmarks/browser.py [--presses N] [NOTEBOOK ...]
    python3 course.py bench --browser          # the same, through course.py

For each notebook: a fresh JupyterLab kernel runs it top to bottom (as a learner does
with Run All); then every slider of every live panel gets ``N`` arrow-key presses
(right, then left at the end of its range). Each press is timed in the page, from the
``keydown`` event to the first animation frame after the panel's new picture has been
decoded: what a learner waits for. Beside it is the kernel's share: the median time of
the panel's refreshes (``draw``, render, sending the picture; ``LivePanel.refresh_ms``)
over all its moves; the difference is the round trip through the websocket and the
browser's decoding and painting.

The plumbing is ``tests/browser_lab.py``, the same code the browser test uses.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # tests/browser_lab.py uses tools/

from browser_lab import exercise_sliders, find_chromium, jupyterlab, launch, open_and_run  # noqa: E402

KERNEL_TIMES = """async () => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const code = [
    "import gc, json",
    "from helpers.widgets import LivePanel",
    "print(json.dumps([list(p.refresh_ms) for p in gc.get_objects() if isinstance(p, LivePanel)]))",
  ].join("\\n");
  let text = "";
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  future.onIOPub = (msg) => { if (msg.header.msg_type === "stream") text += msg.content.text; };
  await future.done;
  return text;
}"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(notebooks: list[str], presses: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("no Chromium found: install Debian's 'chromium' package or set COURSE_CHROMIUM")
    rows = []
    with jupyterlab() as lab, sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        for name in notebooks:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            run_all = open_and_run(page, lab, name)
            records = exercise_sliders(page, presses=presses)
            kernel = json.loads(page.evaluate(KERNEL_TIMES))
            for r in records:
                # The kernel's share: the panel's refreshes during this run (every move of
                # every slider of that panel, the first render left out).
                own = kernel[r["image"]][1:] if 0 <= r["image"] < len(kernel) else []
                rows.append({"notebook": Path(name).stem, "run_all_s": run_all, **r, "kernel_ms": own})
            context.close()
            lab.shutdown_kernels()
        browser.close()
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| notebook | slider | presses | median (ms) | p95 (ms) | max (ms) | panel's kernel median (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        t = r["key_ms"]
        if not t:
            continue
        kernel = f"{statistics.median(r['kernel_ms']):.0f}" if r["kernel_ms"] else "-"
        lines.append(
            f"| {r['notebook']} | {r['label']} | {len(t)} | {statistics.median(t):.0f} | "
            f"{percentile(t, 0.95):.0f} | {max(t):.0f} | {kernel} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook file names (default: all)")
    parser.add_argument("--presses", type=int, default=12, help="arrow-key presses per slider (default 12)")
    args = parser.parse_args(argv)
    if args.presses < 1:
        parser.error(f"--presses must be at least 1; got {args.presses}")
    names = [Path(n).name for n in args.notebooks] or sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    rows = measure(names, args.presses)
    print("Key press → new figure on screen (JupyterLab, headless Chromium):\n")
    print(table(rows))


if __name__ == "__main__":
    main()
