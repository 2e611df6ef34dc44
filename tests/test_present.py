"""Present mode (``course.py present``, ``tools/present.py``): Voilà with the course's template.

Without a browser: Voilà's options, and the template rendered offline from every
committed notebook, which shows that the code cells of each "Exercises" section (and only
they) are left out, that each slide becomes one section, and that the page names no
other host.

In headless Chromium (marked ``browser``), each notebook's page as a class sees it, at
1920 x 1080: it opens without errors and without any request to another host, shows no
code and no "not written yet" verdict, has lecture-size type and whole slider labels,
steps through its sections with PageDown/PageUp, and every slider moves its figure with
an arrow key. It records the time to the title, to the first slider, to the fully ready
page and from key press to new figure (``artifacts/browser/present_timings.md``) and
saves two screenshots per notebook, its title screen and its first live panel
(``artifacts/browser/present_NN_topic_title.png``, ``..._panel.png``). A last test
opens the address a JupyterHub serves, from Voilà's server extension in a Jupyter server.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import statistics
from pathlib import Path

import nbformat
import pytest
from browser_lab import (
    ARTIFACTS,
    ROOT,
    chromium_browser,
    clipped_texts,
    is_local,
    jupyterlab,
    live_panels,
    open_present,
    press,
    problems,
    sliders,
    voila,
)

from tools.present import DATA, DEFAULT_FONT_SIZE, HIDE_TAG, TEMPLATE, render_url, voila_arguments, voila_environment

pytestmark = pytest.mark.slow  # exports and servers: the full run, not the fast lane

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

# What a learner's exercise cell looks like, independently of the template's rule (which
# is: every code cell of the "## Exercises" section): a stub or a self-check.
# (the import of the checks alone in a cell counts; in the first cell, with numpy, it does not).
EXERCISE_CODE = re.compile(
    r"your code here|your answer|\bchecks?\.check_\w+\(|^check_\w+\(my_"
    r"|\A\s*from helpers\.exercises\S* import [^\n]+\s*\Z",
    re.MULTILINE,
)
# What a self-check prints before the learner has written anything.
VERDICT = re.compile(r"not written yet|not implemented yet|not answered yet|NotImplementedError|❌")
# An output as the page carries it, for Voilà's front end to render.
OUTPUT = r'<script type="application/vnd.voila.cell-output\+json">(.*?)</script>'


# --- without a browser -------------------------------------------------------------------


def test_voila_arguments_choose_the_template_progressive_rendering_and_type_size():
    arguments = voila_arguments(32)
    assert f"--template={TEMPLATE}" in arguments
    assert "--VoilaConfiguration.progressive_rendering=True" in arguments
    assert "--VoilaConfiguration.resources=course_font_size=32" in arguments
    preheated = voila_arguments(preheat=True)  # Voilà refuses both at once
    assert "--VoilaConfiguration.preheat_kernel=True" in preheated
    assert not any("progressive_rendering" in a for a in preheated)


@pytest.mark.parametrize("size", [11, 49, 20.5, "24"])
def test_voila_arguments_reject_unreadable_or_odd_sizes(size):
    with pytest.raises(ValueError, match=rf"font_size must be a whole number of pixels from 12 to 48; got {size!r}"):
        voila_arguments(size)


def test_the_address_is_the_one_a_jupyterhub_serves():
    assert render_url("http://localhost:8866/", "notebooks/06_cross_entropy_vs_mse.ipynb") == (
        "http://localhost:8866/voila/render/notebooks/06_cross_entropy_vs_mse.ipynb"
    )


def render_offline(nb: nbformat.NotebookNode, font_size: int | None = None) -> str:
    """The page Voilà would send for ``nb`` with the course template, its saved outputs as results."""
    from jupyter_core.paths import jupyter_path
    from voila.exporter import VoilaExporter
    from voila.paths import collect_template_paths

    paths = collect_template_paths(["voila", "nbconvert"], TEMPLATE, root_dirs=[str(DATA), *jupyter_path()])
    exporter = VoilaExporter(template_paths=paths, template_name=TEMPLATE, base_url="/")
    exporter.exclude_input = exporter.exclude_input_prompt = exporter.exclude_output_prompt = True

    async def cells(nb, kernel_id):
        for cell in nb.cells:
            yield cell

    context = {"frontend": "voila", "main_js": "voila.js", "kernel_start": lambda nb: "kernel",
               "progressive_rendering": False, "cell_generator": cells}
    resources = {"base_url": "/", "theme": "light", "template": TEMPLATE, "metadata": {"name": "notebook"}}
    if font_size is not None:
        resources["course_font_size"] = str(font_size)

    async def render() -> str:
        parts = [html async for html, _ in exporter.generate_from_notebook_node(
            nb, resources=resources, extra_context=context, page_config={})]
        return "".join(parts)

    return asyncio.run(render())


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[nbformat.NotebookNode, str]]:
    pages = {}
    for name in NOTEBOOKS:
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        pages[name] = (nb, render_offline(nb))
    return pages


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_exactly_the_exercise_code_cells_are_left_out(rendered, name):
    nb, page = rendered[name]
    shown = {int(k) - 1 for k in re.findall(r'<div cell-index="(\d+)"', page)}
    exercises = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and EXERCISE_CODE.search(c.source)]
    assert exercises, f"{name}: found no exercise cells; has the exercise convention changed?"
    assert not shown & set(exercises), f"{name}: exercise cells {sorted(shown & set(exercises))} are shown"
    others = [i for i, c in enumerate(nb.cells) if i not in exercises and HIDE_TAG not in c.metadata.get("tags", [])]
    assert set(others) <= shown, f"{name}: cells {sorted(set(others) - shown)} are left out but are no exercise"
    # Their saved verdicts are nowhere on the page, as printed text or as a rich output.
    verdicts = [line for i in exercises for o in nb.cells[i].outputs for line in o.get("text", "").splitlines()]
    assert verdicts, f"{name}: the exercise cells saved no verdict to look for"
    assert [v for v in verdicts if html.escape(v, quote=False) in page] == []
    outputs = [json.loads(o) for o in re.findall(OUTPUT, page, re.DOTALL)]
    assert [o for o in outputs if VERDICT.search(json.dumps(o, ensure_ascii=False))] == []


def test_a_cell_tagged_present_hide_is_left_out():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title", metadata={"slideshow": {"slide_type": "slide"}}),
        nbformat.v4.new_code_cell("print('shown')", outputs=[nbformat.v4.new_output("stream", text="shown\n")]),
        nbformat.v4.new_code_cell("print('hidden')", metadata={"tags": [HIDE_TAG]},
                                  outputs=[nbformat.v4.new_output("stream", text="hidden\n")]),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    page = render_offline(nb)
    assert "shown" in page
    assert "hidden" not in page.split('id="rendered_cells"', 1)[1]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_slide_is_one_section(rendered, name):
    nb, page = rendered[name]
    slides = sum(c.metadata.get("slideshow", {}).get("slide_type") == "slide" for c in nb.cells)
    assert page.count('<section class="course-section"') == slides
    assert page.count("</section>") == slides


def test_the_page_loads_nothing_from_another_host(rendered):
    for name, (_, page) in rendered.items():
        remote = re.findall(r"""<(?:script|link|img)\b[^>]*\b(?:src|href)=["']?((?:https?:)?//[^"' >]+)""", page)
        assert remote == [], f"{name}: the page loads {remote}"


def test_the_type_size_is_the_one_asked_for(rendered):
    nb, page = rendered["00_start_here.ipynb"]
    assert f"--course-font-size: {DEFAULT_FONT_SIZE}px" in page
    assert "--course-font-size: 36px" in render_offline(nb, font_size=36)


# --- in a real browser -------------------------------------------------------------------

NO_CODE = """() => ({
  inputs: document.querySelectorAll('.jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor').length,
  outputs: [...document.querySelectorAll('.jp-OutputArea-output')].map((e) => e.textContent),
})"""

TIMINGS: dict[str, dict] = {}


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def server(browser):  # the browser first, so a missing Chromium skips before Voilà starts
    with voila(arguments=voila_arguments()) as running:
        yield running
    write_timings()


def write_timings() -> None:
    if not TIMINGS:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "present_timings.json").write_text(json.dumps(TIMINGS, indent=1))
    lines = [
        "| notebook | title on screen (s) | first slider (s) | ready (s) | sliders "
        "| key → figure median (ms) | max (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, t in TIMINGS.items():
        keys = t["key_ms"]
        if keys:
            lines.append(
                f"| {name.removesuffix('.ipynb')} | {t['text_s']:.1f} | {t['slider_s']:.1f} | {t['ready_s']:.1f} "
                f"| {len(keys)} | {statistics.median(keys):.0f} | {max(keys):.0f} |"
            )
        else:
            lines.append(f"| {name.removesuffix('.ipynb')} | {t['text_s']:.1f} | - | {t['ready_s']:.1f} | 0 | - | - |")
    (ARTIFACTS / "present_timings.md").write_text("\n".join(lines) + "\n")


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, device_scale_factor=1)
    tab = context.new_page()
    tab.console_errors = []
    tab.remote = []
    tab.on("console", lambda m: tab.console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    tab.on("request", lambda r: None if is_local(r.url) else tab.remote.append(r.url))
    tab.on("websocket", lambda w: None if is_local(w.url) else tab.remote.append(w.url))
    yield tab
    context.close()  # Voilà stops the page's kernel when its websocket closes


@pytest.mark.browser
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_present_mode_shows_a_live_code_free_page(page, server, name):
    expected = live_panels(name)
    times = open_present(page, server.notebook_url(name), expected)
    stem = Path(name).stem
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    # What the class sees: prose, figures and sliders; no code, no error, no exercise verdict.
    found = problems(page)
    assert found == {"errors": [], "widgetErrors": []}, f"{name}: {found}"
    shown = page.evaluate(NO_CODE)
    assert shown["inputs"] == 0, f"{name}: {shown['inputs']} code cells are shown"
    leaks = [t[:120] for t in shown["outputs"] if VERDICT.search(t)]
    assert leaks == [], f"{name}: exercise verdicts on the page: {leaks}"
    size = page.evaluate("() => getComputedStyle(document.querySelector('.jp-RenderedMarkdown p')).fontSize")
    assert size == f"{DEFAULT_FONT_SIZE}px", f"{name}: prose should be {DEFAULT_FONT_SIZE}px; got {size}"
    assert page.locator("img.widget-image").count() == expected, f"{name}: not every live panel is shown"
    page.screenshot(path=str(ARTIFACTS / f"present_{stem}_title.png"))

    # One section per screen: PageDown steps through them all, Home returns to the first.
    count = page.evaluate("() => window.coursePresent.sections().length")
    seen = [page.evaluate("() => window.coursePresent.current()")]
    for _ in range(200):
        page.keyboard.press("PageDown")
        seen.append(page.evaluate("() => window.coursePresent.current()"))
        if seen[-1] == count - 1 and seen[-2] == count - 1:
            break
    assert seen[0] == 0 and seen[-1] == count - 1, f"{name}: PageDown went through sections {seen} of {count}"
    assert seen == sorted(seen) and set(seen) == set(range(count)), f"{name}: PageDown skipped a section: {seen}"
    assert page.evaluate("() => location.hash") == f"#section-{count}"
    # PageUp: back to the start of the (long) last section, then to the one before.
    page.keyboard.press("PageUp")
    if page.evaluate("() => window.coursePresent.current()") == count - 1:
        assert page.evaluate("() => window.location.hash") == f"#section-{count}"
        page.keyboard.press("PageUp")
    assert page.evaluate("() => window.coursePresent.current()") == count - 2
    page.keyboard.press("Home")
    assert page.evaluate("() => window.coursePresent.current()") == 0

    # Every slider moves its figure with an arrow key; its whole label shows.
    records = sliders(page)
    assert bool(records) == (expected > 0), f"{name}: {len(records)} sliders for {expected} live panels"
    assert clipped_texts(page) == [], f"{name}: widget texts cut off: {clipped_texts(page)}"
    key_ms = []
    for slider in records:
        assert not slider["labelClipped"], f"{name}: the label of {slider['label']!r} is cut off"
        assert slider["image"] >= 0, f"{name}: slider {slider['label']!r} has no figure in its panel"
        src = page.evaluate("(i) => document.querySelectorAll('img.widget-image')[i].src", slider["image"])
        readout, elapsed = press(page, slider, "ArrowRight")
        if elapsed is None:  # already at the right end
            readout, elapsed = press(page, slider, "ArrowLeft")
        assert elapsed is not None, f"{name}: the arrow keys did not move {slider['label']!r}"
        after = page.evaluate("(i) => document.querySelectorAll('img.widget-image')[i].src", slider["image"])
        assert after != src, f"{name}: moving {slider['label']!r} to {readout} did not change its figure"
        key_ms.append(elapsed)

    # The first live panel (its sliders and figure, moved by the keys above) as the class sees it.
    if expected:
        page.evaluate(
            "() => document.querySelector('img.widget-image').parentElement.scrollIntoView({block: 'center'})"
        )
        page.wait_for_timeout(200)
        page.screenshot(path=str(ARTIFACTS / f"present_{stem}_panel.png"))

    assert problems(page) == found, f"{name}: moving sliders produced errors: {problems(page)}"
    assert page.remote == [], f"{name}: requests to other hosts: {page.remote}"
    errors = [e for e in page.console_errors if "favicon" not in e]
    assert errors == [], f"{name}: the browser console reported errors: {errors}"
    TIMINGS[name] = {
        "text_s": times["text_s"], "slider_s": times["slider_s"], "ready_s": times["ready_s"],
        "key_ms": key_ms, "sliders": [s["label"] for s in records],
    }
    if key_ms:
        print(f"{name}: first section {times['text_s']:.1f} s, first slider {times['slider_s']:.1f} s, "
              f"ready {times['ready_s']:.1f} s; key → figure median {statistics.median(key_ms):.0f} ms")
    else:
        print(f"{name}: first section {times['text_s']:.1f} s, ready {times['ready_s']:.1f} s; no live panel")


@pytest.mark.browser
def test_the_jupyterhub_address_serves_the_course_page(browser):
    """``/voila/render/notebooks/...`` from Voilà's server extension in a Jupyter server.

    This is what a JupyterHub that installed ``requirements.txt`` serves: the server
    extension is enabled by Voilà's own installation, the course template is found through
    ``JUPYTER_PATH`` and chosen with ``?template=course``. Without progressive rendering
    (the server extension's default) the page appears once the notebook has run.
    """
    name = "07_learning_slowdown.ipynb"
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    with jupyterlab(env={"JUPYTER_PATH": voila_environment({})["JUPYTER_PATH"]}) as lab:
        context = browser.new_context(viewport={"width": 1920, "height": 1080}, device_scale_factor=1)
        page = context.new_page()
        remote: list[str] = []
        page.on("request", lambda r: None if is_local(r.url) else remote.append(r.url))
        try:
            url = f"{lab.url}/voila/render/notebooks/{name}?token={lab.token}&template={TEMPLATE}"
            times = open_present(page, url, live_panels(name))
            assert problems(page) == {"errors": [], "widgetErrors": []}
            assert page.evaluate(NO_CODE)["inputs"] == 0
            slides = sum(c.metadata.get("slideshow", {}).get("slide_type") == "slide" for c in nb.cells)
            assert page.evaluate("() => window.coursePresent.sections().length") == slides
            first = sliders(page)[0]
            readout, elapsed = press(page, first, "ArrowRight")
            assert elapsed is not None and readout != first["readout"], "the arrow key did not move the slider"
            assert remote == [], f"requests to other hosts: {remote}"
            TIMINGS[f"{name} (hub, no progressive rendering)"] = {
                "text_s": times["text_s"], "slider_s": times["slider_s"],
                "ready_s": times["ready_s"], "key_ms": [elapsed], "sliders": [first["label"]],
            }
        finally:
            context.close()
