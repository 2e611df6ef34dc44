"""Real-browser plumbing for the tests: find Chromium, start JupyterLab or Voilà, drive notebooks.

Used by ``tests/test_browser.py`` (the notebooks in JupyterLab, lecture mode),
``tests/test_present.py`` (present mode in Voilà) and ``tests/test_handouts.py`` (the
HTML handouts). Playwright drives the system's Chromium
(Debian's ``chromium`` package); it never downloads a browser of its own.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from urllib.parse import urlparse

from conftest import is_live_cell

from tools.lecture import NO_NEWS, write_settings

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "browser"

#: Flags for Chromium on a machine without a screen, a GPU or internet access.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

HOW_TO_ENABLE = (
    "the browser tests need Chromium: on Debian or Ubuntu 'sudo apt-get install chromium' "
    "(CI's .ci/run does this), or set COURSE_CHROMIUM to a Chromium or Chrome executable"
)


def find_chromium() -> str | None:
    """Path of a Chromium (or Chrome) executable, or None.

    ``COURSE_CHROMIUM`` wins; then Debian's ``/usr/bin/chromium``; then the usual names
    on ``PATH``.
    """
    chosen = os.environ.get("COURSE_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The Chromium to use; skip the calling test without one, unless CI demands it.

    ``.ci/run`` sets ``COURSE_REQUIRE_BROWSER=1``: there a missing Chromium is a failure,
    so the browser tests can never pass by being skipped.
    """
    import pytest

    found = find_chromium()
    if found is None:
        if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"COURSE_REQUIRE_BROWSER=1 but no Chromium was found; {HOW_TO_ENABLE}")
        pytest.skip(HOW_TO_ENABLE)
    return found


def launch(playwright, executable: str):
    """Launch headless Chromium with the flags this machine needs."""
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


@contextmanager
def chromium_browser() -> Iterator:
    """Playwright's Chromium (the system's, see :func:`require_chromium`), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright, require_chromium())
        yield chromium
        chromium.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_server(process: subprocess.Popen | None, scratch: Path) -> None:
    """Stop a server started by :class:`JupyterLab` or :class:`Voila` and remove its scratch folder."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    shutil.rmtree(scratch, ignore_errors=True)


class JupyterLab:
    """A JupyterLab server on 127.0.0.1 with a token, in scratch folders, for one test session.

    The notebooks are copied into a scratch folder first, so nothing the browser does
    (autosave, a stray keystroke) can touch the repository's notebooks. Settings,
    workspaces and configuration live in scratch folders too, with the news pop-up off.

    Parameters
    ----------
    python : str
        The interpreter of the course's environment (its ``jupyter lab`` is started).
    settings : dict, optional
        Extra JupyterLab settings, ``{"@jupyterlab/plugin:id": {...}}`` (lecture mode).
    env : dict, optional
        Extra environment variables for the server (present mode's ``JUPYTER_PATH``).
    """

    def __init__(self, python: str = sys.executable, settings: dict[str, dict] | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.python = python
        self.extra_env = dict(env or {})
        self.settings = {
            **NO_NEWS,
            **(settings or {}),
        }
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.scratch = Path(tempfile.mkdtemp(prefix="course-lab-"))
        self.root = self.scratch / "course"
        self.process: subprocess.Popen | None = None
        self.log = self.scratch / "jupyterlab.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name: str, *, simple: bool = False) -> str:
        """The address that opens ``notebooks/<name>`` (in the simple interface if asked)."""
        # "reset": a fresh workspace, so tabs left open by an earlier test are not restored.
        return f"{self.url}/{'doc' if simple else 'lab'}/tree/notebooks/{name}?token={self.token}&reset"

    def start(self, timeout: float = 90.0) -> None:
        shutil.copytree(ROOT / "notebooks", self.root / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        env = dict(os.environ)
        env.update(self.extra_env)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.scratch / "config"),
            JUPYTERLAB_SETTINGS_DIR=str(write_settings(self.scratch / "settings", self.settings)),
            JUPYTERLAB_WORKSPACES_DIR=str(self.scratch / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(self.scratch / "runtime"),
            JUPYTER_PLATFORM_DIRS="1",
            PYTHONHASHSEED="0",
            OPENBLAS_NUM_THREADS="1",
            OMP_NUM_THREADS="1",
            MKL_NUM_THREADS="1",
        )
        command = [
            self.python, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
            "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}", timeout=5):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"JupyterLab did not start; its log:\n{self.log.read_text()}") from None
                time.sleep(0.3)

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(f"{self.url}{path}?token={self.token}", method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Stop every kernel, so the next notebook starts in a fresh one."""
        for kernel in self.api("GET", "/api/kernels") or []:
            self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def stop(self) -> None:
        stop_server(self.process, self.scratch)


@contextmanager
def _running(server):
    """Start ``server`` (a :class:`JupyterLab` or :class:`Voila`) and stop it afterwards."""
    server.start()
    try:
        yield server
    finally:
        server.stop()


def jupyterlab(**kwargs) -> AbstractContextManager[JupyterLab]:
    return _running(JupyterLab(**kwargs))


class Voila:
    """Voilà serving the repository on 127.0.0.1 as ``course.py present`` runs it.

    Configuration, data and runtime files go to a scratch folder; the notebooks are
    served from the repository itself (Voilà only reads them). Each page gets a fresh
    kernel, which Voilà stops when the page is closed.

    Parameters
    ----------
    python : str
        The interpreter of the course's environment (its ``voila`` is started).
    arguments : list of str
        Voilà options, e.g. ``tools.present.voila_arguments()``.
    root : Path, optional
        The folder served (default: the repository); it must hold ``notebooks/``.
    """

    def __init__(self, python: str = sys.executable, arguments: list[str] | None = None,
                 root: Path = ROOT) -> None:
        self.python = python
        self.arguments = list(arguments or [])
        self.root = root
        self.port = free_port()
        self.scratch = Path(tempfile.mkdtemp(prefix="course-voila-"))
        self.process: subprocess.Popen | None = None
        self.log = self.scratch / "voila.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name: str) -> str:
        """The page of ``notebooks/<name>``: the same address as on a JupyterHub."""
        return f"{self.url}/voila/render/notebooks/{name}"

    def start(self, timeout: float = 90.0) -> None:
        from tools.present import voila_environment

        env = voila_environment()
        env.update(
            JUPYTER_CONFIG_DIR=str(self.scratch / "config"),
            JUPYTER_DATA_DIR=str(self.scratch / "data"),
            JUPYTER_RUNTIME_DIR=str(self.scratch / "runtime"),
            JUPYTER_PLATFORM_DIRS="1",
            PYTHONHASHSEED="0",
            OPENBLAS_NUM_THREADS="1",
            OMP_NUM_THREADS="1",
            MKL_NUM_THREADS="1",
        )
        command = [
            self.python, "-m", "voila", "--no-browser", "--Voila.ip=127.0.0.1", f"--port={self.port}",
            "--Voila.port_retries=0", f"--Voila.root_dir={self.root}", *self.arguments,
        ]
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/voila/api/contents/notebooks", timeout=5):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"Voilà did not start; its log:\n{self.log.read_text()}") from None
                time.sleep(0.3)

    def stop(self) -> None:
        stop_server(self.process, self.scratch)


def voila(**kwargs) -> AbstractContextManager[Voila]:
    return _running(Voila(**kwargs))


# --- driving a notebook in the page -----------------------------------------------------

KERNEL_READY = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}"""

# Every code cell has run (execution count set after "clear all outputs" removed the
# saved ones) and the kernel is idle again.
ALL_RAN = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session.kernel;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  return k.status === 'idle' && cells.every(c => c.model.executionCount !== null);
}"""


def open_and_run(page, lab: JupyterLab, name: str, *, simple: bool = False, timeout_ms: int = 240_000) -> float:
    """Open ``notebooks/<name>``, wait for its kernel's websocket, clear outputs, run all.

    Returns the seconds that "Run All" took.
    """
    page.goto(lab.notebook_url(name, simple=simple))
    page.wait_for_function(
        "(name) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " return !!w && !!w.context && w.context.path === 'notebooks/' + name && !!w.content; }",
        arg=name, timeout=60_000,
    )
    open_notebooks = page.evaluate(
        "() => [...window.jupyterapp.shell.widgets('main')].filter(w => w.context).map(w => w.context.path)"
    )
    if open_notebooks != [f"notebooks/{name}"]:
        raise RuntimeError(f"expected only notebooks/{name} open in JupyterLab; found {open_notebooks}")
    page.wait_for_function(KERNEL_READY, timeout=120_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.wait_for_function(
        "() => window.jupyterapp.shell.currentWidget.content.widgets"
        ".filter(c => c.model.type === 'code').every(c => c.model.executionCount === null)"
    )
    start = time.monotonic()
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_RAN, timeout=timeout_ms, polling=250)
    return time.monotonic() - start


# The page side of a slider test. Each live panel is a VBox of controls above one
# <img class="widget-image">; a move replaces that image's src (a new blob URL).
INSTALL_PROBES = """() => {
  if (window.__course) return;
  window.__course = {keyAt: null, figAt: null, changes: 0};
  document.addEventListener('keydown', () => { window.__course.keyAt = performance.now(); }, true);
  document.addEventListener('pointerdown', () => { window.__course.keyAt = performance.now(); }, true);
  // "On screen": the new picture is decoded and the next frame has been painted.
  const shown = (img) => img.decode().catch(() => null).then(() => requestAnimationFrame(() => {
    window.__course.figAt = performance.now();
    window.__course.changes += 1;
  }));
  // One observer for the whole page, not one per <img>: JupyterLab may render an output
  // again after the probes are installed (a widget view still arriving on a cold start),
  // and a new <img> must be watched as well as the one it replaced.
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes') {
        if (m.target.matches('img.widget-image')) shown(m.target);
        continue;
      }
      for (const node of m.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.matches('img.widget-image')) shown(node);
        for (const img of node.querySelectorAll('img.widget-image')) shown(img);
      }
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
}"""

SLIDERS = """() => [...document.querySelectorAll('.widget-slider')].map((el, index) => {
  let box = el.parentElement;
  while (box && !box.querySelector(':scope > img.widget-image, :scope > .widget-image')) box = box.parentElement;
  const label = el.querySelector('.widget-label');
  const readout = el.querySelector('.widget-readout');
  const img = box ? box.querySelector(':scope > img.widget-image') : null;
  const r = label.getBoundingClientRect();
  return {
    index,
    label: label.textContent,
    labelClipped: label.scrollWidth > label.clientWidth + 1 || r.width < 1,
    readout: readout ? readout.textContent : null,
    image: img ? [...document.querySelectorAll('img.widget-image')].indexOf(img) : -1,
  };
})"""


def sliders(page) -> list[dict]:
    """Every slider on the page: label, whether the label is clipped, readout, its figure."""
    return page.evaluate(SLIDERS)


def _image_src(page, image: int) -> str:
    return page.evaluate("(i) => document.querySelectorAll('img.widget-image')[i].src", image)


def _readout(page, index: int) -> str:
    return page.evaluate(
        "(i) => document.querySelectorAll('.widget-slider')[i].querySelector('.widget-readout').textContent", index
    )


# What the page looks like when a figure does not come: for the failure message.
FIGURE_STATE = """(image) => {
  const imgs = [...document.querySelectorAll('img.widget-image')];
  const img = image >= 0 ? imgs[image] : null;
  const kernel = window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel;
  return {
    src: img ? img.src.length + ':' + img.src.slice(-24) : null,
    images: imgs.length,
    changes: window.__course.changes,
    kernel: kernel ? kernel.status + '/' + kernel.connectionStatus : 'none',
  };
}"""


def _wait_for_figure(
    page, before_changes: int, timeout_ms: int = 20_000, image: int = -1, what: str = "", before: dict | None = None
) -> float:
    """Wait for a new figure after a move; its time from the move (ms). ``before``: FIGURE_STATE before it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        page.wait_for_function(
            "(n) => window.__course.changes > n && window.__course.figAt > window.__course.keyAt",
            arg=before_changes, timeout=timeout_ms, polling="raf",
        )
    except PlaywrightTimeoutError:
        now = page.evaluate(FIGURE_STATE, image)
        raise AssertionError(
            f"no new figure on screen {timeout_ms / 1000:g} s after {what or 'the move'}; "
            f"the page before the move: {before}, now: {now} (a changed src means the picture "
            f"arrived but was not seen decoded; an unchanged one, that the kernel sent none)"
        ) from None
    return page.evaluate("() => window.__course.figAt - window.__course.keyAt")


def press(page, slider: dict, key: str) -> tuple[str, float | None]:
    """Focus the slider's handle, press ``key``; return the new readout and the key → figure ms.

    The time is None when the key did not change the value (already at the end).
    """
    page.evaluate(INSTALL_PROBES)
    handle = page.locator(".widget-slider").nth(slider["index"]).locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    before = _readout(page, slider["index"])
    changes = page.evaluate("() => window.__course.changes")
    state = page.evaluate(FIGURE_STATE, slider.get("image", -1))
    page.keyboard.press(key)
    page.wait_for_timeout(20)
    after = _readout(page, slider["index"])
    if after == before:
        return after, None
    what = f"{key} on {slider['label']!r} ({before} -> {after})"
    return after, _wait_for_figure(page, changes, image=slider.get("image", -1), what=what, before=state)


def drag(page, slider: dict, dx: float) -> tuple[str, str, float]:
    """Drag the slider's handle ``dx`` pixels with the mouse; readouts before/after and ms."""
    page.evaluate(INSTALL_PROBES)
    handle = page.locator(".widget-slider").nth(slider["index"]).locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    before = _readout(page, slider["index"])
    changes = page.evaluate("() => window.__course.changes")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=4)
    page.mouse.up()
    page.wait_for_timeout(20)
    after = _readout(page, slider["index"])
    elapsed = _wait_for_figure(page, changes) if after != before else float("nan")
    return before, after, elapsed


KERNEL_IDLE = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  return w.sessionContext.session.kernel.status === 'idle';
}"""


def settle(page, quiet_ms: int = 150) -> None:
    """Wait until the kernel is idle and no figure has changed for ``quiet_ms``."""
    for _ in range(100):
        page.wait_for_function(KERNEL_IDLE, timeout=60_000, polling=50)
        changes = page.evaluate("() => window.__course ? window.__course.changes : 0")
        page.wait_for_timeout(quiet_ms)
        if page.evaluate("() => window.__course ? window.__course.changes : 0") == changes:
            return


PROBLEMS = """() => {
  const text = (sel) => [...document.querySelectorAll(sel)].map(e => e.textContent.slice(0, 300));
  return {
    errors: text('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'),
    widgetErrors: [...document.querySelectorAll('.jp-OutputArea-output')]
      .map(e => e.textContent)
      .filter(t => /Error displaying widget|Loading widget|Failed to load model|model not found/i.test(t))
      .map(t => t.slice(0, 300)),
  };
}"""


CLIPPED = """() => [...document.querySelectorAll(
    '.widget-label, .widget-readout, .widget-toggle-button, .widget-button, .widget-dropdown select')]
  .filter(e => e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim() || e.value)"""


def clipped_texts(page) -> list[str]:
    """Texts of widget labels, readouts and buttons that do not fit their box ("learning r...")."""
    return page.evaluate(CLIPPED)


def problems(page) -> dict[str, list[str]]:
    """Error outputs (tracebacks, stderr) and widget failures visible in the notebook."""
    return page.evaluate(PROBLEMS)


def is_training_slider(label: str) -> bool:
    """Learning-rate, iteration and epoch sliders (the ones issue 8 times)."""
    return any(word in label.lower() for word in ("learning rate", "iterations", "epochs"))


def exercise_sliders(page, presses: int = 4, shots: Path | None = None, prefix: str = "") -> list[dict]:
    """Move every slider on the page by keyboard and by mouse drag; time key → figure.

    For each slider: ``presses`` arrow-key presses (right, or left once the end is
    reached), each timed from the keydown event to the frame after the new picture is
    decoded; then one mouse drag. Returns one record per slider.
    """
    records = []
    for slider in sliders(page):
        settle(page)
        start_src = _image_src(page, slider["image"]) if slider["image"] >= 0 else None
        times: list[float] = []
        readouts = [slider["readout"]]
        key = "ArrowRight"
        for _ in range(presses):
            readout, elapsed = press(page, slider, key)
            if elapsed is None and key == "ArrowRight":
                key = "ArrowLeft"
                readout, elapsed = press(page, slider, key)
            if elapsed is not None:
                times.append(elapsed)
                readouts.append(readout)
            settle(page, quiet_ms=60)
        keyboard_src = _image_src(page, slider["image"]) if slider["image"] >= 0 else None
        settle(page)
        width = page.locator(".widget-slider").nth(slider["index"]).locator(".noUi-base, .noUi-target").first
        track = width.bounding_box()["width"]
        # Drag a fifth of the track towards the side with more room.
        position = page.evaluate(
            "(i) => { const h = document.querySelectorAll('.widget-slider')[i].querySelector('.noUi-handle');"
            " const t = h.closest('.noUi-target').getBoundingClientRect(); const b = h.getBoundingClientRect();"
            " return (b.x + b.width / 2 - t.x) / t.width; }", slider["index"],
        )
        dx = track / 5 * (1 if position < 0.5 else -1)
        before, after, drag_ms = drag(page, slider, dx)
        settle(page)
        if shots is not None and slider["image"] >= 0:
            shots.mkdir(parents=True, exist_ok=True)
            panel = page.locator("img.widget-image").nth(slider["image"]).locator("xpath=..")
            panel.screenshot(path=str(shots / f"{prefix}slider{slider['index']}.png"))
        records.append({
            **slider,
            "key_ms": times,
            "readouts": readouts,
            "keyboard_changed_figure": keyboard_src is not None and keyboard_src != start_src and len(times) > 0,
            "drag": (before, after),
            "drag_ms": drag_ms,
            "drag_changed_figure": after != before and drag_ms == drag_ms,
        })
    return records


# --- present mode (Voilà) -----------------------------------------------------------------

# Recorded in the page from the start of navigation (performance.now(), ms): the first
# section's title on screen, the first slider, and the page fully ready (every cell run,
# EXPECTED live figures shown).
PRESENT_MILESTONES = """
window.__present = {text: null, slider: null, ready: null};
(function poll() {
  const p = window.__present;
  const cells = document.getElementById('rendered_cells');
  if (cells && cells.style.display !== 'none') {
    const visible = (el) => !!el && el.getBoundingClientRect().height > 0;
    if (p.text === null && visible(cells.querySelector('.jp-RenderedMarkdown h1'))) p.text = performance.now();
    if (p.slider === null && visible(cells.querySelector('.widget-slider .noUi-handle'))) p.slider = performance.now();
    const images = [...cells.querySelectorAll('img.widget-image')];
    if (p.ready === null && !document.querySelector('.voila-skeleton-container')
        && images.length >= EXPECTED && images.every((i) => i.complete && i.naturalWidth > 0)) {
      p.ready = performance.now();
    }
  }
  if (p.ready === null) requestAnimationFrame(poll);
})();
"""


def live_panels(name: str) -> int:
    """Live panels of ``notebooks/<name>``: its code cells that show one (``conftest.is_live_cell``)."""
    notebook = json.loads((ROOT / "notebooks" / name).read_text())
    return sum(c["cell_type"] == "code" and is_live_cell("".join(c["source"])) for c in notebook["cells"])


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (or in the page: data:, blob:)."""
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in ("127.0.0.1", "localhost")


def open_present(page, url: str, panels: int, timeout_ms: int = 240_000) -> dict[str, float | None]:
    """Open a present-mode page; seconds from navigation to title, first slider (None without one), ready."""
    page.add_init_script(PRESENT_MILESTONES.replace("EXPECTED", str(panels)))
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => window.__present && window.__present.ready !== null",
                           timeout=timeout_ms, polling=200)
    times = page.evaluate("() => window.__present")
    return {f"{key}_s": None if value is None else value / 1000 for key, value in times.items()}
