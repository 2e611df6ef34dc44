"""The course in a real browser: every notebook in JupyterLab, driven by headless Chromium.

For each notebook, in a fresh kernel: open it, wait for the kernel's websocket, clear the
saved outputs, run all cells, then check that no cell shows an error and no widget failed
to render ("Error displaying widget", "Loading widget..."), that every slider shows its
whole label, and that moving each slider, by keyboard and by mouse drag, changes its
figure. The key press → new figure times are written to ``artifacts/browser/`` with a
screenshot of every panel after its sliders moved.

Skipped, with a message saying how to enable it, when no Chromium is installed.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest
from browser_lab import (
    ARTIFACTS,
    INSTALL_PROBES,
    ROOT,
    _wait_for_figure,
    chromium_browser,
    clipped_texts,
    exercise_sliders,
    is_training_slider,
    jupyterlab,
    live_panels,
    open_and_run,
    press,
    problems,
    settle,
    sliders,
)

from tools.lecture import lecture_settings

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.browser

TIMINGS: dict[str, list[dict]] = {}


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def lab(browser):  # needs the browser first, so a missing Chromium skips before a server starts
    with jupyterlab() as server:
        yield server
    write_timings()


def write_timings() -> None:
    if not TIMINGS:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "timings.json").write_text(json.dumps(TIMINGS, indent=1, ensure_ascii=False))
    lines = ["| notebook | slider | key presses | median (ms) | max (ms) | drag |", "|---|---|---|---|---|---|"]
    for notebook, records in TIMINGS.items():
        for r in records:
            times = r["key_ms"]
            median = f"{statistics.median(times):.0f}" if times else "-"
            worst = f"{max(times):.0f}" if times else "-"
            lines.append(
                f"| {notebook.removesuffix('.ipynb')} | {r['label']} | {len(times)} | {median} | {worst} "
                f"| {r['drag'][0]} → {r['drag'][1]} |"
            )
    (ARTIFACTS / "timings.md").write_text("\n".join(lines) + "\n")


@pytest.fixture
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, device_scale_factor=1)
    tab = context.new_page()
    console_errors: list[str] = []
    tab.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: console_errors.append(str(e)))
    tab.console_errors = console_errors
    yield tab
    context.close()
    lab.shutdown_kernels()  # the next notebook gets a fresh kernel


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_every_slider_moves_its_figure(page, lab, name):
    seconds = open_and_run(page, lab, name)
    found = problems(page)
    assert found["errors"] == [], f"{name}: error output after Run All: {found['errors']}"
    assert found["widgetErrors"] == [], f"{name}: widgets failed to render: {found['widgetErrors']}"

    stem = Path(name).stem
    records = exercise_sliders(page, presses=4, shots=ARTIFACTS, prefix=f"{stem}_")
    TIMINGS[name] = records
    page.screenshot(path=str(ARTIFACTS / f"{stem}_page.png"))
    labels = [r["label"] for r in records]
    # Notebooks without a live panel (derivations only) show no slider; a training demo shows
    # a learning-rate slider and an iterations (or epochs) slider (which notebooks have live
    # panels is pinned in tests/test_notebook_hygiene.py).
    assert bool(records) == (live_panels(name) > 0), f"{name}: {len(records)} sliders for {live_panels(name)} panels"
    if any("learning rate" in label for label in labels):
        assert any(is_training_slider(label) and "learning" not in label for label in labels), (
            f"{name}: a learning-rate slider but no iterations/epochs slider among {labels}"
        )
    assert clipped_texts(page) == [], f"{name}: widget texts cut off: {clipped_texts(page)}"
    for r in records:
        assert not r["labelClipped"], f"{name}: the label of slider {r['label']!r} is cut off"
        assert r["image"] >= 0, f"{name}: slider {r['label']!r} has no figure in its panel"
        assert r["keyboard_changed_figure"], f"{name}: arrow keys on {r['label']!r} did not change its figure"
        assert r["drag_changed_figure"], f"{name}: dragging {r['label']!r} did not change its figure ({r['drag']})"
    assert found == problems(page), f"{name}: moving sliders produced errors: {problems(page)}"
    errors = [e for e in page.console_errors if "favicon" not in e]
    assert errors == [], f"{name}: the browser console reported errors: {errors}"
    print(f"{name}: Run All {seconds:.1f} s, {len(records)} sliders")


# 1 x 1 pictures, white and black
WHITE = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="
BLACK = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw=="
SET_SRC = "(src) => { document.querySelector('img.widget-image').src = src; }"
RENDER_AGAIN = "(src) => { document.getElementById('out').innerHTML = `<img class='widget-image' src='${src}'>`; }"


def test_the_figure_probes_follow_a_picture_into_a_new_element(browser):
    """The key press -> figure probe sees a new src, a new <img> put in its place, and says when none comes."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(f"<div id='out'><img class='widget-image' src='{WHITE}'></div>")
        page.evaluate(INSTALL_PROBES)
        for changes, (script, src) in enumerate([(SET_SRC, BLACK), (RENDER_AGAIN, WHITE), (SET_SRC, BLACK)]):
            # a new src; an output rendered again (the <img> the probes were installed on is
            # gone); a new src on that new <img>
            page.keyboard.press("Shift")  # the probes' keyAt
            page.evaluate(script, src)
            assert _wait_for_figure(page, changes, timeout_ms=5000) >= 0
        page.keyboard.press("Shift")
        with pytest.raises(AssertionError, match=r"no new figure on screen 0\.3 s after a test press.*'changes': 3"):
            _wait_for_figure(page, 3, timeout_ms=300, image=0, what="a test press", before={"changes": 3})
    finally:
        context.close()


def test_lecture_mode_shows_a_live_slide(browser):
    """``course.py lecture``'s settings: simple interface, large type, a slider that works.

    Saves ``artifacts/browser/lecture_07_before.png`` and ``..._after.png``: the section
    of notebook 07 that races the two losses, as a projector (1920 x 1080) shows it,
    before and after one arrow-key press on its learning-rate slider.
    """
    name = "07_learning_slowdown.ipynb"
    with jupyterlab(settings=lecture_settings()) as lecture:
        context = browser.new_context(viewport={"width": 1920, "height": 1080}, device_scale_factor=1)
        page = context.new_page()
        try:
            open_and_run(page, lecture, name, simple=True)
            assert page.evaluate("() => window.jupyterapp.shell.mode") == "single-document"
            size = page.evaluate(
                "() => getComputedStyle(document.querySelector('.jp-RenderedMarkdown p')).fontSize"
            )
            assert size == "24px", f"lecture prose should be 24px; got {size}"
            found = problems(page)
            assert found == {"errors": [], "widgetErrors": []}, found
            first = sliders(page)[0]
            assert "learning rate" in first["label"]
            # The slide as a lecturer shows it: code folded away (View → Collapse All Code),
            # the first live panel (its sliders and figure) filling the screen.
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:hide-all-cell-code')")
            heading = page.evaluate(
                """(i) => { const nb = window.jupyterapp.shell.currentWidget.content;
                   const slider = document.querySelectorAll('.widget-slider')[i];
                   const k = nb.widgets.findIndex(c => c.node.contains(slider));
                   nb.activeCellIndex = k;
                   slider.closest('.widget-vbox').scrollIntoView({block: 'start'});
                   return nb.widgets[k - 1].node.textContent.slice(0, 60); }""",
                first["index"],
            )
            page.wait_for_timeout(300)
            settle(page)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "lecture_07_before.png"))
            before = page.evaluate("() => document.querySelector('img.widget-image').src")
            readout, elapsed = press(page, first, "ArrowRight")
            settle(page)
            page.screenshot(path=str(ARTIFACTS / "lecture_07_after.png"))
            assert elapsed is not None and readout != first["readout"], "the arrow key did not move the slider"
            print(f"lecture slide after {heading!r}: key press → new figure {elapsed:.0f} ms")
            assert page.evaluate("() => document.querySelector('img.widget-image').src") != before
        finally:
            context.close()
