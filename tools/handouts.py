"""Export the course to HTML handouts that open offline, on screen and on paper.

    .venv/bin/python -m tools.handouts                         # every notebook, into handouts/
    .venv/bin/python -m tools.handouts notebooks/01_sigmoid.ipynb --out /tmp/h

Each committed notebook (with the outputs it was saved with; nothing is executed) becomes
``NN_topic.html`` in the output folder, next to an ``index.html`` that links them all.
The pages need no network: figures are embedded as ``data:`` PNGs, the stylesheets are
inlined, and the equations are typeset by a copy of MathJax 2.7 in ``_static/mathjax/``
(taken from the ``jupyter_server_mathjax`` package, with only the files these pages load),
referenced by a relative URL. The folder can be copied or zipped as a whole and opened
from ``file://``. The same notebooks give byte-identical pages.
"""

from __future__ import annotations

import argparse
import copy
import html
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
COURSE_TITLE = "Logistic and softmax regression, derived and built"

#: Where MathJax goes inside the output folder, and the combined configuration the pages
#: load. ``jupyter_server_mathjax`` ships MathJax 2.7 trimmed to the HTML-CSS output with
#: the STIX-Web fonts (no CommonHTML), so that is the renderer used here.
MATHJAX_DIR = "_static/mathjax"
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full"
MATHJAX_URL = f"{MATHJAX_DIR}/MathJax.js?config={MATHJAX_CONFIG},Safe"

#: What is copied from ``jupyter_server_mathjax/static``: single files, and folders copied
#: whole. The combined configuration already contains MathJax's core extensions, the TeX
#: input, the HTML-CSS output and the MathML element jax, so what remains to ship is what
#: MathJax loads on demand: TeX macros of the rarer packages (``\boldsymbol``,
#: ``\cancel`` ...), operator tables, the STIX-Web font metrics and the web fonts
#: themselves, and the help dialog of the right-click menu. The localisations, the SVG
#: output and the accessibility explorer (3.7 MB of speech rules) are never requested.
MATHJAX_PARTS = (
    "LICENSE",
    "MathJax.js",
    f"config/{MATHJAX_CONFIG}.js",
    "config/Safe.js",
    "extensions/Safe.js",
    "extensions/HelpDialog.js",
    "extensions/TeX",
    "jax/element/mml/optable",
    "jax/output/HTML-CSS",
    "fonts/HTML-CSS/STIX-Web/woff",
)

#: A line that only tells nbval what to do with a cell (``# NBVAL_IGNORE_OUTPUT``).
NBVAL_MARKER = re.compile(r"^[ \t]*#[ \t]*NBVAL_[A-Z_]+[ \t]*(?:\n|$)", re.MULTILINE)

#: Shown below a code cell that draws a live figure (an nbval marker and no saved output:
#: the widget views are not saved with the notebooks).
LIVE_NOTE = (
    "Interactive in JupyterLab: running this cell shows the figure with its sliders. "
    "The picture before it shows the default setting."
)

#: Shown on the index page, and used by the tests to check the index.
PRINT_ADVICE = (
    "To print a handout, open it, wait a moment until its equations are typeset, then use "
    "your browser's Print command (Ctrl+P, or ⌘P on a Mac) and choose a printer or "
    "“Save as PDF”; figures and code cells are kept whole on a page."
)

# MathJax is configured before it loads. "noUndefined" is switched off so that an unknown
# macro is reported as a TeX error (and shown as its source by "noErrors") instead of being
# silently drawn in red. HTML-CSS uses the STIX-Web web fonts shipped next to MathJax, never
# fonts installed on the reader's machine, so every computer typesets the same way. The fast
# preview (a rough first rendering, replaced a moment later) is off: it needs fonts that are
# not shipped and only makes the page flicker. The right-click menu keeps what works
# offline and loses the choices of renderer, font and language, whose files are not copied.
MATHJAX_HEAD = """\
<script type="text/x-mathjax-config">
MathJax.Hub.Config({
  TeX: {
    equationNumbers: {autoNumber: "AMS", useLabelIds: true},
    noUndefined: {disabled: true}
  },
  tex2jax: {
    inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]],
    displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]],
    processEscapes: true,
    processEnvironments: true
  },
  MMLorHTML: {prefer: "HTML"},
  "HTML-CSS": {
    availableFonts: [],
    preferredFont: null,
    webFont: "STIX-Web",
    imageFont: null,
    linebreaks: {automatic: true}
  },
  "fast-preview": {disabled: true},
  menuSettings: {CHTMLpreview: false},
  MathMenu: {showRenderer: false, showFontMenu: false, showLocale: false},
  displayAlign: "center",
  messageStyle: "none"
});
</script>
<script src="{url}"></script>""".replace("{url}", MATHJAX_URL)

HANDOUT_CSS = """\
.handout-nav {
  display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; justify-content: space-between;
  font-family: var(--jp-ui-font-family); font-size: 0.9rem; color: #555;
  border-bottom: 1px solid #ccc; padding: 0.5rem 0; margin-bottom: 1rem;
}
.handout-nav.bottom { border-bottom: none; border-top: 1px solid #ccc; margin: 2rem 0 0; }
.handout-nav a { color: #0b5cad; text-decoration: none; }
.handout-nav a:hover { text-decoration: underline; }
main { max-width: 62rem; margin: 0 auto; padding: 0 1rem 1rem; }
.jp-RenderedHTMLCommon { font-size: 1rem; line-height: 1.55; }
.jp-OutputArea-output img { max-width: 100%; height: auto; }
.jp-InputArea-editor pre { white-space: pre-wrap; overflow-wrap: anywhere; }
/* The MathML that MathJax hides in the page for screen readers would otherwise get the
   font families of MathJax's native-MathML output, whose TeX fonts are not shipped. */
.MJX_Assistive_MathML [mathvariant] { font-family: inherit; }
.handout-live { font-style: italic; color: #555; margin: 0.2rem 0; }
@page { margin: 16mm 14mm 18mm; }
@media print {
  main { max-width: none; padding: 0; }
  .handout-nav .links { display: none; }
  .jp-InputPrompt, .jp-OutputPrompt { display: none; }
  .jp-CodeCell, .jp-CodeCell .jp-Cell-inputWrapper, .jp-Cell-outputWrapper,
  .jp-OutputArea-child, .jp-OutputArea-output, img, pre, table, .MathJax_Display {
    break-inside: avoid; page-break-inside: avoid;
  }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .jp-MarkdownCell a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
"""

# The handout template: JupyterLab's nbconvert template with every remote resource
# removed (require.js and the widget manager are not needed, since the notebooks are saved
# without widget views; mermaid diagrams are not used), MathJax loaded locally, the print
# stylesheet last so that it wins, and a navigation bar above and below the notebook. Code
# is shown as Pygments highlights it, without the lab template's pass through bleach:
# Pygments escapes the source itself, and that pass took half of the export time.
TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_js_mathjax -%}
{{ resources.handout.mathjax_head }}
{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
<style type="text/css">
{{ resources.handout.css }}
</style>
{%- endblock html_head_css -%}
{%- block input -%}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">
<div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
</div>
</div>
{%- endblock input -%}
{%- block body_header -%}
{{ super() }}
{{ resources.handout.nav_top }}
{%- endblock body_header -%}
{%- block body_footer -%}
{{ resources.handout.nav_bottom }}
{{ super() }}
{%- endblock body_footer -%}
"""


@dataclass(frozen=True)
class Handout:
    """One notebook to export: where it is, its title, and the page it becomes."""

    notebook: Path
    title: str

    @property
    def page(self) -> str:
        """File name of the handout, ``NN_topic.html``."""
        return self.notebook.stem + ".html"


def _mathjax_source() -> Path:
    """Folder of the MathJax 2.7 files installed by ``jupyter_server_mathjax``."""
    import jupyter_server_mathjax

    return Path(jupyter_server_mathjax.__file__).resolve().parent / "static"


def copy_mathjax(out: Path) -> Path:
    """Copy the MathJax files the handouts load into ``out/_static/mathjax``.

    Parameters
    ----------
    out : Path
        The handouts folder.

    Returns
    -------
    Path
        The ``MathJax.js`` that was copied. The folder is emptied first, so no stale
        file survives a rebuild.
    """
    source = _mathjax_source()
    target = out / MATHJAX_DIR
    if target.exists():
        shutil.rmtree(target)
    for part in MATHJAX_PARTS:
        origin = source / part
        files = sorted(p for p in origin.rglob("*") if p.is_file()) if origin.is_dir() else [origin]
        for file in files:
            destination = target / file.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, destination)
    return target / "MathJax.js"


def strip_nbval_markers(source: str) -> str:
    """Remove the lines that only speak to nbval (``# NBVAL_IGNORE_OUTPUT`` and friends).

    >>> strip_nbval_markers("# NBVAL_IGNORE_OUTPUT\\nLivePanel(fig)")
    'LivePanel(fig)'
    >>> strip_nbval_markers("x = 1  # NBVAL_IGNORE_OUTPUT stays: it is not alone on its line")
    'x = 1  # NBVAL_IGNORE_OUTPUT stays: it is not alone on its line'
    """
    return NBVAL_MARKER.sub("", source)


def _prepare_code_cell(cell) -> None:
    """Drop nbval's markers from a code cell, and say where a live figure would appear."""
    from nbformat.v4 import new_output

    stripped = strip_nbval_markers(cell.source)
    if stripped != cell.source and not cell.outputs:
        note = f'<p class="handout-live">{html.escape(LIVE_NOTE)}</p>'
        cell.outputs = [new_output("display_data", data={"text/html": note})]
    cell.source = stripped


def notebook_title(nb, fallback: str) -> str:
    """Text of the notebook's first Markdown heading, or ``fallback`` if it has none.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Intro\\n\\n# 01 · *The* sigmoid")])
    >>> notebook_title(nb, "01_sigmoid")
    '01 · The sigmoid'
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading:
                return re.sub(r"[*_`]", "", heading.group(1)).strip() or fallback
    return fallback


def _read_notebook(path: Path):
    """Read a notebook (format 4), or raise a ValueError that says what is wrong with it."""
    import nbformat

    if not path.is_file():
        raise ValueError(f"{path}: no such notebook (expected an existing .ipynb file)")
    if path.suffix != ".ipynb":
        raise ValueError(f"{path}: not a notebook (expected a .ipynb file, got '{path.suffix or 'no suffix'}')")
    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several kinds (JSON, schema, version)
        raise ValueError(f"{path}: not a readable Jupyter notebook ({type(error).__name__}: {error})") from error


def _nav(handouts: Sequence[Handout], index: int, where: str) -> str:
    """The navigation bar above (``where="top"``) or below (``"bottom"``) handout ``index``."""
    here = handouts[index]
    links = ['<a href="index.html">← all handouts</a>']
    if index > 0:
        before = handouts[index - 1]
        links.append(f'<a href="{before.page}">previous: {html.escape(before.title)}</a>')
    if index + 1 < len(handouts):
        after = handouts[index + 1]
        links.append(f'<a href="{after.page}">next: {html.escape(after.title)}</a>')
    if where == "top":
        label = f"<span>{html.escape(COURSE_TITLE)} · handout {index + 1} of {len(handouts)}</span>"
    else:
        label = (
            f"<span>Exported from <code>notebooks/{html.escape(here.notebook.name)}</code>; "
            "run it live with <code>python3 course.py open</code></span>"
        )
    return f'<nav class="handout-nav {where}">{label}<span class="links">{" · ".join(links)}</span></nav>'


def _exporter():
    """An HTMLExporter on the lab template, with the handout template on top of it."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.raw_template = TEMPLATE
    exporter.mathjax_url = MATHJAX_URL
    exporter.require_js_url = ""
    exporter.exclude_anchor_links = True
    return exporter


def render_index(handouts: Sequence[Handout]) -> str:
    """The ``index.html`` page: the course title, one link per handout, how to print."""
    items = "\n".join(
        f'    <li><a href="{h.page}">{html.escape(h.title)}</a></li>' for h in handouts
    )
    return f"""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(COURSE_TITLE)}: handouts</title>
<style type="text/css">
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       line-height: 1.55; color: #1a1a1a; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }}
a {{ color: #0b5cad; }}
ul.handouts {{ list-style: none; padding-left: 0; }}
li {{ margin: 0.4rem 0; }}
@page {{ margin: 16mm 14mm 18mm; }}
</style>
</head>
<body>
<main>
  <h1>{html.escape(COURSE_TITLE)}</h1>
  <p>The course's notebooks as handouts, with their equations, figures and printed results.
  To change the code and move the sliders, open the notebooks themselves:
  <code>python3 course.py open</code>.</p>
  <ul class="handouts">
{items}
  </ul>
  <p>{html.escape(PRINT_ADVICE)}</p>
  <p>This folder works without internet access: copy or zip all of it (keep
  <code>_static/</code> next to the pages) and open <code>index.html</code> in a browser.</p>
</main>
</body>
</html>
"""


def build_handouts(notebooks: list[Path] | None = None, out: Path = ROOT / "handouts") -> list[Path]:
    """Export notebooks to self-contained HTML handouts.

    Parameters
    ----------
    notebooks : list of Path, optional
        Notebooks to export, in the order of the index; by default every
        ``notebooks/NN_topic.ipynb`` of the course, sorted by name. They are exported as
        committed, with their saved outputs; none is executed.
    out : Path
        Folder to write into (created if needed): ``index.html``, one ``NN_topic.html``
        per notebook, and ``_static/mathjax/``.

    Returns
    -------
    list of Path
        The pages written: ``index.html`` first, then the handouts in order.

    Raises
    ------
    ValueError
        If a path is not an existing, readable ``.ipynb`` notebook (nothing is written).
    """
    paths = sorted(NOTEBOOKS.glob("*.ipynb")) if notebooks is None else [Path(p) for p in notebooks]
    if not paths:
        raise ValueError("no notebooks to export")
    read = [(path, _read_notebook(path)) for path in paths]  # check them all before writing
    handouts = [Handout(path, notebook_title(nb, path.stem)) for path, nb in read]
    if len({h.page for h in handouts}) != len(handouts):
        raise ValueError("two notebooks have the same file name; their handouts would overwrite each other")

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    copy_mathjax(out)
    exporter = _exporter()
    written = [out / "index.html"]
    written[0].write_text(render_index(handouts), encoding="utf-8", newline="\n")
    for position, ((_, original), handout) in enumerate(zip(read, handouts, strict=True)):
        nb = copy.deepcopy(original)
        nb.metadata["title"] = handout.title
        for cell in nb.cells:
            if cell.cell_type == "code":
                _prepare_code_cell(cell)
        resources = {
            "metadata": {"name": handout.notebook.stem},
            "handout": {
                "mathjax_head": MATHJAX_HEAD,
                "css": HANDOUT_CSS,
                "nav_top": _nav(handouts, position, "top"),
                "nav_bottom": _nav(handouts, position, "bottom"),
            },
        }
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        page = out / handout.page
        page.write_text(body, encoding="utf-8", newline="\n")
        written.append(page)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m tools.handouts [NOTEBOOK ...] [--out DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.handouts",
        description="Export the course's notebooks (as committed, with their outputs) to HTML "
        "handouts that open offline and print well.",
    )
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to export (default: all of the course)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "handouts", metavar="DIR", help="output folder (default: handouts/)"
    )
    args = parser.parse_args(argv)
    try:
        pages = build_handouts(args.notebooks or None, args.out)
    except ValueError as error:
        parser.error(str(error))
    count = len(pages) - 1
    print(f"wrote {count} handout{'' if count == 1 else 's'} and their index, {pages[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
