"""The HTML handouts (``tools/handouts.py``): offline, complete, deterministic, typeset.

The static tests export two committed notebooks into a scratch folder once and read the
files: no script, stylesheet, font or image comes from another host, MathJax is the local
copy, every figure is an embedded PNG, the titles and the index are right, nbval's markers
are gone, and a second export is byte-identical. The browser test opens the handouts from
``file://`` in headless Chromium with every network request refused, waits for MathJax,
and checks that each equation was typeset without error, every figure decoded and the
print stylesheet applies; it saves a screenshot to ``artifacts/browser/``.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import nbformat
import pytest
from browser_lab import ARTIFACTS, launch, require_chromium

from tools.handouts import COURSE_TITLE, LIVE_NOTE, PRINT_ADVICE, ROOT, build_handouts, main

pytestmark = pytest.mark.slow  # exports and servers: the full run, not the fast lane

# 00 is short and has a live panel (an nbval marker); 01 has hundreds of equations and none.
NOTEBOOKS = [ROOT / "notebooks" / "00_start_here.ipynb", ROOT / "notebooks" / "01_sigmoid.ipynb"]

# A resource fetched from another host: an element that loads what its src/href names
# (hyperlinks <a href> are only followed if the reader clicks them), a CSS url() or
# @import, or a JavaScript module import, with http(s) or a protocol-relative "//".
REMOTE = re.compile(
    r"""<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//"""
    r"""|\bimport\(\s*["'](?:https?:)?//""",
    re.IGNORECASE,
)
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
MATHJAX_SCRIPT = re.compile(r"""<script\b[^>]*\bsrc="([^"]*MathJax\.js[^"]*)\"""")


def png_outputs(path: Path) -> int:
    """Number of PNG outputs saved in a notebook."""
    nb = nbformat.read(path, as_version=4)
    return sum(
        "image/png" in output.get("data", {})
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


def read_pages(folder: Path) -> dict[str, str]:
    return {page.name: page.read_text(encoding="utf-8") for page in sorted(folder.glob("*.html"))}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two notebooks exported once for the whole module."""
    out = tmp_path_factory.mktemp("handouts")
    written = build_handouts(NOTEBOOKS, out)
    assert [p.name for p in written] == ["index.html", "00_start_here.html", "01_sigmoid.html"]
    return out


def test_the_remote_pattern_catches_what_the_stock_lab_template_loads() -> None:
    """Proof that the next test can fail: nbconvert's own lab export loads require.js from a CDN."""
    from nbconvert import HTMLExporter

    stock, _ = HTMLExporter(template_name="lab").from_filename(str(NOTEBOOKS[0]))
    assert REMOTE.search(stock)
    assert not REMOTE.search('<a href="https://example.org">a link to read later</a>')


def test_no_script_style_font_or_image_comes_from_another_host(built: Path) -> None:
    for name, text in read_pages(built).items():
        found = [m.group(0)[:120] for m in REMOTE.finditer(text)]
        assert not found, f"{name} loads remote resources: {found}"
    assert not list(built.rglob("*.css")), "stylesheets are inlined; a separate one would need checking too"


def test_mathjax_is_the_local_copy_with_a_relative_url(built: Path) -> None:
    for name in ("00_start_here.html", "01_sigmoid.html"):
        text = (built / name).read_text(encoding="utf-8")
        urls = MATHJAX_SCRIPT.findall(text)
        assert len(urls) == 1, f"{name}: expected one MathJax script, found {urls}"
        path, _, query = html.unescape(urls[0]).partition("?")
        assert not re.match(r"^([a-z]+:|/)", path), f"{name}: MathJax URL {path!r} is not relative"
        assert (built / path).is_file(), f"{name}: {path} does not exist next to the page"
        config = re.search(r"config=([^,&]+)", query).group(1)
        assert (built / path).parent.joinpath("config", config + ".js").is_file()
    mathjax = built / "_static" / "mathjax"
    assert (mathjax / "LICENSE").is_file()
    assert list((mathjax / "fonts").rglob("*.woff")), "the web fonts are shipped"
    assert not (mathjax / "localization").exists(), "only what the pages load is copied"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_is_an_embedded_png(built: Path, notebook: Path) -> None:
    text = (built / f"{notebook.stem}.html").read_text(encoding="utf-8")
    images = IMG.findall(text)
    expected = png_outputs(notebook)
    assert expected > 0
    assert len(images) == expected, f"{len(images)} <img> in the handout, {expected} PNG outputs in the notebook"
    for tag in images:
        src = re.search(r'\bsrc="data:image/png;base64,([^"]+)"', tag)
        assert src, f"not an embedded PNG: {tag[:100]}"
        assert base64.b64decode(src.group(1)[:24]).startswith(b"\x89PNG\r\n\x1a\n")


def test_titles_navigation_and_index(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{html.escape(COURSE_TITLE)}</h1>" in index
    assert html.escape(PRINT_ADVICE) in index
    for position, notebook in enumerate(NOTEBOOKS):
        heading = next(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "markdown")
        title = heading.splitlines()[0].lstrip("# ").strip()
        assert f'<a href="{notebook.stem}.html">{html.escape(title)}</a>' in index
        page = (built / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert f"<title>{html.escape(title)}</title>" in page
        assert re.search(r"<h1[^>]*>\s*" + re.escape(html.escape(title)), page), f"heading of {notebook.name}"
        assert page.count('href="index.html"') == 2, "a link back to the index above and below the handout"
        assert f"handout {position + 1} of {len(NOTEBOOKS)}" in page
    assert 'href="01_sigmoid.html">next:' in (built / "00_start_here.html").read_text(encoding="utf-8")


def test_print_stylesheet_keeps_figures_and_code_whole(built: Path) -> None:
    page = (built / "01_sigmoid.html").read_text(encoding="utf-8")
    media = page[page.rindex("@media print") :]
    assert "break-inside: avoid" in media and ".jp-CodeCell" in media and "img" in media
    assert "@page { margin:" in page


def test_nbval_markers_are_not_shown_and_live_figures_are_pointed_out(built: Path) -> None:
    panels = 0
    for notebook in NOTEBOOKS:  # 00 has a live panel, 01 (derivations only) none
        live = [
            cell
            for cell in nbformat.read(notebook, as_version=4).cells
            if cell.cell_type == "code" and "# NBVAL_IGNORE_OUTPUT" in cell.source and not cell.outputs
        ]
        panels += len(live)
        page = (built / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "NBVAL" not in page
        assert page.count(html.escape(LIVE_NOTE)) == len(live)
    assert panels, "neither notebook has a live panel any more: pick another notebook for this test"


def test_the_export_is_deterministic(built: Path, tmp_path: Path) -> None:
    build_handouts(NOTEBOOKS, tmp_path)
    first = {p.relative_to(built): p.read_bytes() for p in sorted(built.rglob("*")) if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert first.keys() == second.keys()
    differ = [str(name) for name in first if first[name] != second[name]]
    assert not differ, f"different bytes on a second export: {differ}"


def test_a_path_that_is_not_a_notebook_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a notebook")
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{ this is not JSON")
    out = tmp_path / "out"
    with pytest.raises(ValueError, match=r"notes\.txt: not a notebook \(expected a \.ipynb file"):
        build_handouts([NOTEBOOKS[0], text], out)
    with pytest.raises(ValueError, match=r"missing\.ipynb: no such notebook"):
        build_handouts([tmp_path / "missing.ipynb"], out)
    with pytest.raises(ValueError, match=r"broken\.ipynb: not a readable Jupyter notebook"):
        build_handouts([broken], out)
    assert not out.exists(), "nothing is written when an argument is wrong"

    with pytest.raises(SystemExit) as stop:
        main([str(text), "--out", str(out)])
    assert stop.value.code == 2
    assert "notes.txt: not a notebook" in capsys.readouterr().err


# --- in a real browser -----------------------------------------------------------------

# Set before MathJax loads: collect TeX and processing errors, and note when the first
# typesetting pass of the page has finished.
MATHJAX_PROBE = """
window.__handout = {errors: [], typeset: false};
window.MathJax = {AuthorInit: function () {
  MathJax.Hub.Register.MessageHook("TeX Jax - parse error", function (m) { __handout.errors.push(String(m[1])); });
  MathJax.Hub.Register.MessageHook("Math Processing Error", function (m) { __handout.errors.push(String(m[2])); });
  MathJax.Hub.Register.StartupHook("End", function () { __handout.typeset = true; });
}};
"""

REPORT = """() => {
  const sources = [...document.querySelectorAll('script[type^="math/tex"]')];
  const markdown = [...document.querySelectorAll('.jp-RenderedMarkdown')].map(e => e.innerText).join('\\n');
  const fonts = [...document.fonts].filter(f => f.family.startsWith('STIXMathJax'));
  return {
    equations: sources.length,
    untypeset: sources.filter(s => !document.getElementById(s.id + '-Frame')).map(s => s.text.slice(0, 80)),
    rendered: document.querySelectorAll('span.MathJax').length,
    errorBoxes: document.querySelectorAll('.merror, .noError, .MathJax_Error').length,
    errors: window.__handout.errors,
    rawTeX: (markdown.match(/\\$\\$|\\\\frac|\\\\begin\\{/g) || []).slice(0, 5),
    images: document.images.length,
    brokenImages: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length,
    fontsLoaded: fonts.filter(f => f.status === 'loaded').length,
    fontsFailed: fonts.filter(f => f.status === 'error').map(f => f.family),
  };
}"""

PRINTED = """() => ({
  image: getComputedStyle(document.querySelector('.jp-OutputArea-output img')).breakInside,
  code: getComputedStyle(document.querySelector('.jp-CodeCell')).breakInside,
  prompt: getComputedStyle(document.querySelector('.jp-InputPrompt')).display,
})"""


@pytest.mark.browser
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_handout_renders_offline_in_chromium(built: Path, notebook: Path) -> None:
    executable = require_chromium()  # skipped without Chromium, except in CI
    from playwright.sync_api import sync_playwright

    page_path = built / f"{notebook.stem}.html"
    refused: list[str] = []
    failed: list[str] = []

    def local_only(route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    def record_failure(request) -> None:
        # MathJax probes whether web fonts have loaded with an empty font at about:blank,
        # which a file:// page may not fetch; that failure is expected and harmless.
        if request.url != "about:blank":
            failed.append(f"{request.url} ({request.failure})")

    with sync_playwright() as playwright:
        browser = launch(playwright, executable)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1500})
            page.route("**/*", local_only)
            page.on("requestfailed", record_failure)
            page.add_init_script(MATHJAX_PROBE)
            page.goto(page_path.as_uri())
            page.wait_for_function("() => window.__handout.typeset === true", timeout=120_000)
            page.evaluate("() => document.fonts.ready.then(() => true)")
            report = page.evaluate(REPORT)

            figure = page.locator(".jp-OutputArea-output img").first
            figure.evaluate("(img) => img.scrollIntoView({block: 'center'})")
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"handout_{notebook.stem}.png"))

            page.emulate_media(media="print")
            printed = page.evaluate(PRINTED)
        finally:
            browser.close()

    assert not refused, f"the handout asked the network for {refused}"
    assert not failed, f"files the handout needs are missing: {failed}"
    assert report["equations"] > 0 and report["rendered"] >= report["equations"], report
    assert not report["untypeset"], f"equations MathJax did not typeset: {report['untypeset']}"
    assert not report["errors"] and not report["errorBoxes"], f"TeX errors: {report['errors']}"
    assert not report["rawTeX"], f"TeX source still visible in the text: {report['rawTeX']}"
    assert report["images"] == png_outputs(notebook) and not report["brokenImages"], report
    assert report["fontsLoaded"] > 0 and not report["fontsFailed"], f"MathJax's web fonts: {report}"
    assert printed == {"image": "avoid", "code": "avoid", "prompt": "none"}, printed
