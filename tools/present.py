"""Present mode: a notebook as a code-free page with live sliders, in Voilà, for a lecture.

Run by ``python3 course.py present [NOTEBOOK]``. It starts Voilà from the course's
environment on ``localhost``, serving the repository, and opens
``/voila/render/notebooks/NN_topic.ipynb`` in the browser with the course's own template
(``share/jupyter/nbconvert/templates/course``, see ``share/README.md``):

* no code: Markdown, figures, printed results and the live panels only; the code cells
  of each notebook's "Exercises" section (stubs and self-checks) and any cell tagged
  ``present-hide`` are left out;
* large type (``--font-size`` sets the prose size, default 28 pixels; everything scales
  with it), sliders with long tracks and their whole label;
* one section per screen: PageDown (a presenter's clicker) and PageUp step through the
  sections, the arrow keys move the focused slider;
* progressive rendering (Voilà's ``progressive_rendering``): the page, with all its
  prose, appears at once, and the figures and sliders fill in as the kernel runs the
  notebook top to bottom; or, with ``--preheat``, Voilà's ``preheat_kernel``: at start
  the server runs every notebook in a kernel of its own and keeps its page, so that a
  notebook opened later (a minute or more after the start) comes complete;
* nothing is loaded from the internet.

The same page on a JupyterHub that runs the course: ``/voila/render/notebooks/...``
(README, "Presenting the course in a lecture").
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

from tools.lecture import notebook_path

ROOT = Path(__file__).resolve().parent.parent
#: Jupyter data folder of the course: Voilà finds the "course" template under it.
DATA = ROOT / "share" / "jupyter"
TEMPLATE = "course"
#: Cells left out of the page, besides the code cells of the "## Exercises" section.
HIDE_TAG = "present-hide"
DEFAULT_FONT_SIZE = 28


def voila_arguments(font_size: int = DEFAULT_FONT_SIZE, preheat: bool = False) -> list[str]:
    """Voilà's options for present mode (template, type size, progressive rendering).

    Parameters
    ----------
    font_size : int
        Size of the prose in CSS pixels; headings, printed results, slider labels and
        handles scale with it.
    preheat : bool
        Run every notebook at start, in a kernel kept for it (Voilà's ``preheat_kernel``),
        instead of rendering progressively (Voilà allows only one of the two).

    Returns
    -------
    list of str
        Command-line options for ``python -m voila``.

    Raises
    ------
    ValueError
        If ``font_size`` is outside 12 to 48.

    Examples
    --------
    >>> voila_arguments(32)[:2]
    ['--template=course', '--VoilaConfiguration.progressive_rendering=True']
    """
    if not isinstance(font_size, int) or not 12 <= font_size <= 48:
        raise ValueError(f"font_size must be a whole number of pixels from 12 to 48; got {font_size!r}")
    mode = "--VoilaConfiguration.preheat_kernel=True" if preheat else "--VoilaConfiguration.progressive_rendering=True"
    return [
        f"--template={TEMPLATE}",
        mode,
        f"--VoilaConfiguration.resources=course_font_size={font_size}",
        "--theme=light",
    ]


def voila_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) with the course's data folder first on ``JUPYTER_PATH``."""
    env = dict(os.environ if env is None else env)
    paths = [str(DATA), *[p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    return env


def render_url(base: str, notebook: str) -> str:
    """The page of ``notebook`` (relative to the repository) on a Voilà serving the repository.

    >>> render_url("http://localhost:8866", "notebooks/06_cross_entropy_vs_mse.ipynb")
    'http://localhost:8866/voila/render/notebooks/06_cross_entropy_vs_mse.ipynb'
    """
    return f"{base.rstrip('/')}/voila/render/{notebook}"


def free_port(preferred: int = 8866) -> int:
    """``preferred`` (Voilà's usual port) if it is free on localhost, else any free port."""
    for port in (preferred, 0):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise OSError("no free port on 127.0.0.1")


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float = 60.0) -> bool:
    """Poll ``url`` until it answers; False if the server exited or the time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="course.py present", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", nargs="?", help="notebook path or number, e.g. 3 (default: 0)")
    parser.add_argument("--font-size", type=int, default=DEFAULT_FONT_SIZE,
                        help=f"prose size in pixels (default {DEFAULT_FONT_SIZE})")
    parser.add_argument("--preheat", action="store_true",
                        help="run every notebook at start and keep its page ready, instead of showing the "
                             "text at once and filling in the outputs")
    parser.add_argument("--port", type=int, default=None, help="port on localhost (default 8866 if free)")
    parser.add_argument("--no-browser", action="store_true", help="print the address instead of opening it")
    args, extra = parser.parse_known_args(argv)
    try:
        notebook = notebook_path(args.notebook)
        options = voila_arguments(args.font_size, preheat=args.preheat)
    except ValueError as error:
        parser.error(str(error))
    port = args.port or free_port()
    base = f"http://localhost:{port}"
    command = [
        sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=localhost",
        f"--Voila.root_dir={ROOT}", *options, *extra,
    ]
    url = render_url(base, notebook)
    print(f"[course] present mode: {notebook} at {url}", flush=True)
    print("[course] PageDown/PageUp: next/previous section; arrow keys: the focused slider; "
          "stop with Ctrl+C", flush=True)
    process = subprocess.Popen(command, cwd=ROOT, env=voila_environment())
    # Stopped with Ctrl+C (Voilà gets it too) or a termination signal: stop Voilà and its kernels.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        if wait_until_serving(f"{base}/voila/api/contents/notebooks", process) and not args.no_browser:
            webbrowser.open(url)
        return process.wait()
    except KeyboardInterrupt:
        return process.wait()
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    raise SystemExit(main())
