"""Key press → new figure on screen, and a 1 s mouse drag, in JupyterLab in headless Chromium.

    .venv/bin/python benchmarks/browser.py [--presses N] [--no-drag] [NOTEBOOK ...]
    python3 course.py bench --browser          # the same, through course.py

For each notebook: a fresh JupyterLab kernel runs it top to bottom (as a learner does
with Run All); then every slider of every live panel gets ``N`` arrow-key presses
(right, then left at the end of its range). Each press is timed in the page, from the
``keydown`` event to the first animation frame after the panel's new picture has been
decoded: what a learner waits for. Beside it is the kernel's share: the median time of
the panel's refreshes (``draw``, render, sending the picture; ``LivePanel.refresh_ms``)
over all its moves; the difference is the round trip through the websocket and the
browser's decoding and painting.

Then each slider is dragged with the mouse across its whole track in 1 s (the handle is
first sent to the start of the track with the Home key and the page left to settle): 60
mouse moves of equal length, one every 1/60 s, then the button is released. The second
table gives the slider positions the handle passed, the figures shown (decoded and
painted) between pressing and releasing the button, and the time from the release to the
frame that shows the figure of the final position (0 when it was already on screen).

The plumbing is ``tests/browser_lab.py``, the same code the browser test uses.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # tests/browser_lab.py uses tools/

from browser_lab import (  # noqa: E402
    INSTALL_PROBES,
    exercise_sliders,
    find_chromium,
    jupyterlab,
    launch,
    open_and_run,
    settle,
    sliders,
)

KERNEL_TIMES = """async () => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const code = [
    "import gc, json",
    "from helpers.figures.live import LivePanel",
    "print(json.dumps([list(p.refresh_ms) for p in gc.get_objects() if isinstance(p, LivePanel)]))",
  ].join("\\n");
  let text = "";
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  future.onIOPub = (msg) => { if (msg.header.msg_type === "stream") text += msg.content.text; };
  await future.done;
  return text;
}"""


# Counts, in the page, the readout changes of one slider (positions passed) and keeps the
# times at which the mouse button went up; figure changes are counted by INSTALL_PROBES.
DRAG_PROBES = """(i) => {
  const readout = document.querySelectorAll('.widget-slider')[i].querySelector('.widget-readout');
  window.__drag = {positions: 0, upAt: null, frames: []};
  if (window.__dragObserver) window.__dragObserver.disconnect();
  window.__dragObserver = new MutationObserver(() => { window.__drag.positions += 1; });
  window.__dragObserver.observe(readout, {childList: true, characterData: true, subtree: true});
  if (!window.__dragUp) {
    window.__dragUp = true;
    document.addEventListener('pointerup', () => { if (window.__drag) window.__drag.upAt = performance.now(); }, true);
  }
  if (!window.__frameLog) {
    window.__frameLog = true;
    for (const img of document.querySelectorAll('img.widget-image')) {
      new MutationObserver(() => {
        const src = img.src;
        img.decode().catch(() => null).then(() => requestAnimationFrame(() => {
          if (window.__drag) window.__drag.frames.push([performance.now(), src === img.src]);
        }));
      }).observe(img, {attributes: true, attributeFilter: ['src']});
    }
  }
}"""


def drag_across(page, slider: dict, seconds: float = 1.0, moves: int = 60) -> dict:
    """Drag ``slider``'s handle from the start to the end of its track in ``seconds``.

    Returns the slider positions passed, the figures shown between pressing and releasing
    the button, and the milliseconds from the release to the frame showing the final figure.
    """
    page.evaluate(INSTALL_PROBES)
    handle = page.locator(".widget-slider").nth(slider["index"]).locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("Home")  # the start of the track
    settle(page)
    track = page.locator(".widget-slider").nth(slider["index"]).locator(".noUi-target").first.bounding_box()
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    end = track["x"] + track["width"] + box["width"]  # past the end: the handle stops at the last position
    page.evaluate(DRAG_PROBES, slider["index"])
    page.mouse.move(x, y)
    page.mouse.down()
    downAt = page.evaluate("() => performance.now()")
    start = time.perf_counter()
    for step in range(1, moves + 1):
        page.mouse.move(x + (end - x) * step / moves, y)
        delay = start + seconds * step / moves - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
    page.mouse.up()
    settle(page)
    result = page.evaluate("() => window.__drag")
    up = result["upAt"]
    during = [t for t, _ in result["frames"] if downAt <= t <= up]
    final = [t for t, current in result["frames"] if current]
    last = max(final) if final else up
    return {"positions": result["positions"], "frames": len(during), "release_ms": max(0.0, last - up),
            "drag_s": (up - downAt) / 1000}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(notebooks: list[str], presses: int, drag: bool = True) -> list[dict]:
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
            kernel = json.loads(page.evaluate(KERNEL_TIMES))  # before the drags: key presses only
            if drag:
                for r, slider in zip(records, sliders(page), strict=True):
                    settle(page)
                    r["drag_across"] = drag_across(page, slider)
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


def drag_table(rows: list[dict]) -> str:
    lines = [
        "| notebook | slider | positions passed | figures shown during the drag | release → final figure (ms) |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        d = r.get("drag_across")
        if d is None:
            continue
        lines.append(f"| {r['notebook']} | {r['label']} | {d['positions']} | {d['frames']} | {d['release_ms']:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook file names (default: all)")
    parser.add_argument("--presses", type=int, default=12, help="arrow-key presses per slider (default 12)")
    parser.add_argument("--no-drag", action="store_true", help="leave out the 1 s mouse drags")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    if args.presses < 1:
        parser.error(f"--presses must be at least 1; got {args.presses}")
    names = [Path(n).name for n in args.notebooks] or sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    print(f"Load average before: {os.getloadavg()[0]:.2f}\n")
    rows = measure(names, args.presses, drag=not args.no_drag)
    print("Key press → new figure on screen (JupyterLab, headless Chromium):\n")
    print(table(rows))
    if not args.no_drag:
        print("\nA 1 s mouse drag across each slider's track:\n")
        print(drag_table(rows))
    print(f"\nLoad average after: {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
