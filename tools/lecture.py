"""Lecture mode: one notebook in JupyterLab's simple interface, in type a room can read.

Run by ``python3 course.py lecture [NOTEBOOK]``. It starts JupyterLab from the course's
environment with its own settings folder (so a lecturer's personal settings are neither
used nor changed), in which:

* the fonts of notebooks, code and menus are large (``--font-size`` sets the prose size;
  code and menus scale with it);
* the news pop-up is off;
* the notebook opens in the simple (single-document) interface, without side panels.

Each slide of a lecture is one section of a notebook: the cells carry RISE-style
``slideshow`` metadata, and every ``slide`` starts with a heading, so JupyterLab's heading
folds (the ▾ beside a heading, or *View → Collapse All Headings*) show one slide at a
time. The sliders are the notebook's own live widgets, driven by mouse or arrow keys.

Why not a slide extension: ``jupyterlab-rise`` 0.43.1 registers no commands in
JupyterLab 4.6 and needs older ipywidgets pins, and ``jupyterlab-deck`` 0.2.0 shows a
blank page; JupyterLab's own presentation mode only enlarges fonts, which these
settings already do for the whole interface.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".lecture"
DEFAULT_NOTEBOOK = "notebooks/00_start_here.ipynb"
#: JupyterLab setting that turns off the news pop-up (also used by the browser tests).
NO_NEWS: dict[str, dict] = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def lecture_settings(font_size: int = 24) -> dict[str, dict]:
    """JupyterLab settings for lecture mode, by ``"package:plugin"`` id.

    Parameters
    ----------
    font_size : int
        Size of notebook prose in CSS pixels (JupyterLab's default is 14); code is set
        to 5/6 of it and menus to 3/4.

    Returns
    -------
    dict
        ``{"@jupyterlab/apputils-extension:themes": {...}, ...}``.

    Raises
    ------
    ValueError
        If ``font_size`` is outside 12 to 48.
    """
    if not isinstance(font_size, int) or not 12 <= font_size <= 48:
        raise ValueError(f"font_size must be a whole number of pixels from 12 to 48; got {font_size!r}")
    return {
        "@jupyterlab/apputils-extension:themes": {
            "theme": "JupyterLab Light",
            "overrides": {
                "content-font-size1": f"{font_size}px",
                "code-font-size": f"{round(font_size * 5 / 6)}px",
                "ui-font-size1": f"{round(font_size * 3 / 4)}px",
            },
        },
        **NO_NEWS,
    }


def write_settings(folder: Path, settings: dict[str, dict]) -> Path:
    """Write ``settings`` as JupyterLab ``.jupyterlab-settings`` files under ``folder``."""
    for plugin_id, values in settings.items():
        package, plugin = plugin_id.split(":")
        path = folder / package / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))
    return folder


def notebook_path(name: str | None) -> str:
    """The notebook to open, relative to the repository, from a path or a number ("3")."""
    if not name:
        return DEFAULT_NOTEBOOK
    candidates = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if name.isdigit():
        matches = [p for p in candidates if p.name.startswith(f"{int(name):02d}_")]
    else:
        target = (ROOT / name).resolve() if (ROOT / name).exists() else (ROOT / "notebooks" / name).resolve()
        matches = [p for p in candidates if p.resolve() == target]
    if len(matches) != 1:
        known = ", ".join(p.name for p in candidates)
        highest = max((int(p.name[:2]) for p in candidates if p.name[:2].isdigit()), default=0)
        raise ValueError(f"no notebook called {name!r}; give a number (0-{highest}) or one of: {known}")
    return matches[0].relative_to(ROOT).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="course.py lecture", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", nargs="?", help="notebook path or number, e.g. 3 (default: 0)")
    parser.add_argument("--font-size", type=int, default=24, help="notebook text size in pixels (default 24)")
    args, extra = parser.parse_known_args(argv)
    try:
        notebook = notebook_path(args.notebook)
        settings = lecture_settings(args.font_size)
    except ValueError as error:
        parser.error(str(error))
    # Fresh settings every time: whatever the lecturer changed last time is not carried over.
    shutil.rmtree(SCRATCH, ignore_errors=True)
    env = dict(os.environ)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(write_settings(SCRATCH / "settings", settings))
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(SCRATCH / "workspaces")
    command = [
        sys.executable, "-m", "jupyterlab",
        f"--LabApp.default_url=/doc/tree/{notebook}",
        f"--ServerApp.root_dir={ROOT}",
        *extra,
    ]
    print(f"[course] lecture mode: {notebook} in large type (stop with Ctrl+C)", flush=True)
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main())
