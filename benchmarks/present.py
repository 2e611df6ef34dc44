"""Present mode: how long a class waits, in three ways of running Voilà, in headless Chromium.

    .venv/bin/python benchmarks/present.py [--modes progressive,plain,preheat] [NOTEBOOK ...]

For each notebook, a fresh page at 1920 x 1080 in a fresh kernel; timed in the page from
the start of navigation: the notebook's title on screen, the first slider on screen, and
the page fully ready (every cell run, every live figure shown). Modes, all with the
course template:

* ``progressive`` (what ``course.py present`` runs): the page comes with all its text at
  once and the kernel runs the notebook while the page is shown;
* ``plain``: Voilà's default, the page is sent cell by cell as the kernel runs it and
  shown when the whole notebook has run (what a JupyterHub serves without configuration);
* ``preheat`` (``course.py present --preheat``): Voilà's ``preheat_kernel``: at start the
  server runs every notebook in a kernel of its own and keeps the page; the browser is
  sent to it once all six have run. A page taken from the pool is replaced at once:
  another kernel runs that notebook again while the class looks at the page.

The plumbing is ``tests/browser_lab.py``, the same code the browser test uses.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # tests/browser_lab.py uses tools/

from browser_lab import find_chromium, launch, live_panels, open_present, voila  # noqa: E402

from tools.present import voila_arguments  # noqa: E402

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def arguments(mode: str) -> list[str]:
    if mode == "plain":
        return [a for a in voila_arguments() if "progressive_rendering" not in a]
    return voila_arguments(preheat=mode == "preheat")


def wait_for_pools(server, count: int, timeout: float = 900.0) -> float:
    """Seconds until every notebook has a kernel and all of them have finished running it.

    Voilà logs "filled" when a pool's kernel has started; the notebook then still runs in
    it. Finished means: the server's kernels used less than 5 % of a core over 3 s.
    """
    import psutil

    start = time.monotonic()
    voila_process = psutil.Process(server.process.pid)
    while time.monotonic() - start < timeout:
        if server.log.read_text().count("is filled with") >= count:
            kernels = voila_process.children(recursive=True)
            before = sum(sum(k.cpu_times()[:2]) for k in kernels)
            time.sleep(3)
            if sum(sum(k.cpu_times()[:2]) for k in kernels) - before < 0.15:
                return time.monotonic() - start
        else:
            time.sleep(0.5)
    raise TimeoutError("the kernel pools were not ready in time")


def measure(mode: str, notebooks: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("no Chromium found: install Debian's 'chromium' package or set COURSE_CHROMIUM")
    # Preheating runs every notebook under the served folder: serve a copy of notebooks/ only.
    root = Path(tempfile.mkdtemp(prefix="course-present-bench-"))
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    rows = []
    try:
        with voila(arguments=arguments(mode), root=root) as server, sync_playwright() as playwright:
            if mode == "preheat":
                filled = wait_for_pools(server, len(NOTEBOOKS))
                print(f"preheat: all {len(NOTEBOOKS)} notebooks ready {filled:.0f} s after the server started")
            browser = launch(playwright, chromium)
            for name in notebooks:
                context = browser.new_context(viewport={"width": 1920, "height": 1080}, device_scale_factor=1)
                page = context.new_page()
                times = open_present(page, server.notebook_url(name), live_panels(name))
                context.close()
                rows.append({"mode": mode, "notebook": name, **times})
                print(f"{mode:11} {name:36} title {times['text_s']:5.1f} s   first slider {times['slider_s']:5.1f} s"
                      f"   ready {times['ready_s']:5.1f} s", flush=True)
                time.sleep(2)  # let the refilled pool (preheat) or the closed kernel settle
            browser.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", default=NOTEBOOKS)
    parser.add_argument("--modes", default="progressive,plain,preheat")
    args = parser.parse_args(argv)
    rows = []
    for mode in args.modes.split(","):
        rows += measure(mode, args.notebooks)
    print("\n| mode | notebook | title (s) | first slider (s) | ready (s) |\n|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['mode']} | {r['notebook'].removesuffix('.ipynb')} | {r['text_s']:.1f} | {r['slider_s']:.1f} "
              f"| {r['ready_s']:.1f} |")


if __name__ == "__main__":
    main()
