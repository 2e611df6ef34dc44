#!/usr/bin/env python3
"""Set up the course's environment and run it: the only commands a learner needs.

    python3 course.py open     # set up .venv (first time only) and open the course in JupyterLab
    python3 course.py test     # set up .venv (first time only) and run every test

Maintainers also have:

    python3 course.py execute [NOTEBOOK ...]   # re-run notebooks top to bottom in a fresh
                                               # kernel and save their outputs (all if none named)
    python3 course.py test --latest            # the tests against the newest releases of every
                                               # dependency, in .venv-latest (what CI runs weekly)
    python3.10 course.py test --oldest         # the tests against the oldest releases the
                                               # requirements allow (requirements-oldest.txt),
                                               # in .venv-oldest, on the oldest supported Python
    python3 course.py bench [--browser]        # the speed benchmark (benchmarks/README.md)
    python3 course.py present [NOTEBOOK]       # a notebook as a code-free page with live sliders,
                                               # in Voilà, in large type, a section per screen
    python3 course.py lecture [NOTEBOOK]       # a notebook in JupyterLab's simple interface, large type
    python3 course.py handouts [NOTEBOOK ...]  # HTML handouts in handouts/ that open offline and print

Everything is installed into a virtual environment inside the repository (``.venv``),
from the pinned ``requirements.txt``; nothing outside the repository is changed. The
environment is rebuilt automatically when ``requirements.txt`` or ``pyproject.toml``
change. This file uses only the standard library, so it runs before anything is
installed, on Linux, macOS and Windows.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REQUIREMENTS = ROOT / "requirements.txt"
OLDEST_REQUIREMENTS = ROOT / "requirements-oldest.txt"  # pyproject's lower bounds, for --oldest
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
#: The Python versions CI tests the course on (.github/workflows/tests.yml). An older one is
#: refused (the pinned releases need 3.10); a newer one is tried, with a warning.
SUPPORTED = ((3, 10), (3, 14))


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def warn(message: str) -> None:
    print(f"[course] warning: {message}", file=sys.stderr, flush=True)


def fail(message: str) -> None:
    print(f"[course] error: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def check_python(version: tuple[int, int] | None = None) -> None:
    """Refuse a Python older than the oldest supported one; warn about one newer than tested."""
    low, high = SUPPORTED
    version = version or sys.version_info[:2]
    running = f"Python {version[0]}.{version[1]} ({sys.executable})"
    if version < low:
        fail(
            f"this course needs Python {low[0]}.{low[1]} or newer; you ran it with {running}. "
            f"Run it with a newer interpreter, for example 'python3.{high[1]} course.py open'."
        )
    if version > high:
        warn(
            f"the course is tested on Python {low[0]}.{low[1]} to {high[0]}.{high[1]}; you ran it with "
            f"{running}. Trying anyway: if installing the pinned requirements fails, run it with "
            f"'python{high[0]}.{high[1]} course.py ...'."
        )


def venv_python(env_dir: Path) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    name = "python.exe" if os.name == "nt" else "python"
    return env_dir / scripts / name


def latest_requirements() -> list[str]:
    """The requirement names without their pins (one per package, markers dropped)."""
    names: list[str] = []
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):  # options such as '-e .' (the course itself)
            continue
        name = re.split(r"[=<>!~;\[ ]", line, maxsplit=1)[0]
        if name not in names:
            names.append(name)
    return names


def fingerprint(latest: bool, oldest: bool = False) -> str:
    """What the environment depends on: the requirements, the package metadata, the Python.

    Only the part of pyproject.toml before the ``[tool.*]`` tables counts, so changing a
    pytest or ruff setting does not rebuild the environment.
    """
    digest = hashlib.sha256()
    digest.update((OLDEST_REQUIREMENTS if oldest else REQUIREMENTS).read_bytes())
    digest.update((ROOT / "pyproject.toml").read_text(encoding="utf-8").split("\n[tool.", 1)[0].encode())
    digest.update(sys.version.encode())
    digest.update(b"latest" if latest else b"oldest" if oldest else b"pinned")
    return digest.hexdigest()


def run(command: list[str], **kwargs: object) -> None:
    result = subprocess.run(command, cwd=ROOT, **kwargs)
    if result.returncode != 0:
        fail(f"this command failed (exit code {result.returncode}): {' '.join(map(str, command))}")


def ensure_environment(latest: bool = False, oldest: bool = False) -> Path:
    """Create or update the virtual environment; return its Python interpreter."""
    check_python()
    if oldest and sys.version_info[:2] != SUPPORTED[0]:
        low = SUPPORTED[0]
        fail(
            f"--oldest tests the oldest releases on the oldest supported Python, {low[0]}.{low[1]} "
            f"(requirements-oldest.txt is for it); you ran it with Python {sys.version.split()[0]}. "
            f"Run 'python{low[0]}.{low[1]} course.py test --oldest'."
        )
    env_dir = ROOT / (".venv-latest" if latest else ".venv-oldest" if oldest else ".venv")
    python = venv_python(env_dir)
    stamp = env_dir / ".course-fingerprint"
    wanted = fingerprint(latest, oldest)
    if python.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return python
    if env_dir.exists():
        say(f"requirements changed: rebuilding {env_dir.name}/")
        shutil.rmtree(env_dir)
    say(f"creating the virtual environment {env_dir.name}/ with Python {sys.version.split()[0]}")
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    except Exception as exc:  # e.g. Debian/Ubuntu without the python3-venv package
        fail(
            f"could not create a virtual environment ({exc}). On Debian or Ubuntu install "
            "it with 'sudo apt install python3-venv', then run this command again."
        )
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    say("installing the pinned requirements (a few minutes the first time)")
    run([*pip, "install", "--quiet", "--upgrade", "pip"])
    # requirements.txt ends with '-e .', which installs the course itself (helpers/,
    # solutions/) in editable mode, as 'pip install -r requirements.txt' does for anyone
    # who sets up the course without this script (JupyterHub, Binder); the other two
    # routes name it here.
    if latest:
        run([*pip, "install", "--quiet", "--upgrade", *latest_requirements(), "--editable", str(ROOT)])
    elif oldest:
        run([*pip, "install", "--quiet", "-r", str(OLDEST_REQUIREMENTS), "--editable", str(ROOT)])
    else:
        run([*pip, "install", "--quiet", "-r", str(REQUIREMENTS)])
    # A kernel named like the notebooks' ("python3") inside the environment, so JupyterLab
    # and the tests run the notebooks with this environment's Python.
    run([str(python), "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3",
         "--display-name", "Python 3 (ipykernel)"], stdout=subprocess.DEVNULL)
    # matplotlib builds its font cache on first import and says so on stderr; do it now, so
    # that the message never lands in a notebook's output.
    run([str(python), "-c", "import matplotlib.font_manager"], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    stamp.write_text(wanted, encoding="utf-8")
    say(f"environment ready: {python}")
    return python


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("JUPYTER_PLATFORM_DIRS", "1")  # silences a jupyter_core deprecation notice
    # Files are UTF-8 (θ, σ, → in notebooks and docs); on Windows Python would otherwise
    # read and print them in the locale's code page.
    env["PYTHONUTF8"] = "1"
    env["PYTHONHASHSEED"] = "0"
    # The course's matrices are small: one BLAS thread is faster than two competing ones on
    # a laptop that is also running a browser, and it makes timings repeatable.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    return env


def command_open(args: argparse.Namespace) -> None:
    python = ensure_environment()
    say(f"opening JupyterLab at {FIRST_NOTEBOOK} (stop it with Ctrl+C)")
    env = child_env()
    command = [str(python), "-m", "jupyterlab", FIRST_NOTEBOOK, *args.extra]
    raise SystemExit(subprocess.call(command, cwd=ROOT, env=env))


def command_test(args: argparse.Namespace) -> None:
    python = ensure_environment(latest=args.latest, oldest=args.oldest)
    env = child_env()
    checks = {
        "ruff (style and errors: helpers, tools, tests, notebooks)": [str(python), "-m", "ruff", "check", "."],
        "import-linter (the layers: maths < figures < notebooks, no cycles; pyproject.toml)": [
            str(python), "-c", "import sys; from importlinter.cli import lint_imports_command; "
            "sys.exit(lint_imports_command())", "--no-cache",
        ],
        "mypy (the types of helpers/)": [str(python), "-m", "mypy"],
    }
    failed = []
    for what, command in checks.items():
        say(what)
        if subprocess.call(command, cwd=ROOT, env=env) != 0:
            failed.append(what.split()[0])
    say("pytest: unit tests, then every notebook under nbval")
    tests = subprocess.call([str(python), "-m", "pytest", *args.extra], cwd=ROOT, env=env)
    if failed:
        say(f"{', '.join(failed)} found problems (listed above)")
    raise SystemExit(tests or bool(failed))


def command_execute(args: argparse.Namespace) -> None:
    python = ensure_environment()
    notebooks = args.notebooks or sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb"))
    for notebook in notebooks:
        say(f"executing {notebook} top to bottom in a fresh kernel")
        run([str(python), "-m", "tools.execute", notebook], env=child_env())


def command_bench(args: argparse.Namespace) -> None:
    python = ensure_environment()
    if args.browser:
        say("benchmark: key press -> new figure for every slider, in JupyterLab in headless Chromium")
        command = [str(python), "benchmarks/browser.py", *args.extra]
    else:
        say("benchmark: sliders in a real kernel, helper speed, Newton vs scikit-learn, nbval time")
        command = [str(python), "benchmarks/run.py", *args.extra]
    raise SystemExit(subprocess.call(command, cwd=ROOT, env=child_env()))


def command_present(args: argparse.Namespace) -> None:
    python = ensure_environment()
    command = [str(python), "-m", "tools.present", *args.extra]
    raise SystemExit(subprocess.call(command, cwd=ROOT, env=child_env()))


def command_lecture(args: argparse.Namespace) -> None:
    python = ensure_environment()
    command = [str(python), "-m", "tools.lecture", *args.extra]
    raise SystemExit(subprocess.call(command, cwd=ROOT, env=child_env()))


def command_handouts(args: argparse.Namespace) -> None:
    python = ensure_environment()
    out = Path(args.out).resolve()
    say(f"exporting the notebooks, as committed, to offline HTML handouts in {out}")
    notebooks = [str(Path(n).resolve()) for n in args.notebooks]
    command = [str(python), "-m", "tools.handouts", *notebooks, "--out", str(out)]
    raise SystemExit(subprocess.call(command, cwd=ROOT, env=child_env()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="course.py",
        description="Set up the course's environment (.venv) and open it or test it.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    opener = sub.add_parser("open", help="set up .venv and open the course in JupyterLab")
    opener.set_defaults(func=command_open)
    tester = sub.add_parser("test", help="set up .venv and run every test")
    releases = tester.add_mutually_exclusive_group()
    releases.add_argument("--latest", action="store_true",
                          help="test against the newest releases (in .venv-latest) instead of the pins")
    releases.add_argument("--oldest", action="store_true",
                          help="test against the oldest releases the requirements allow, from "
                               "requirements-oldest.txt (in .venv-oldest; Python 3.10)")
    tester.set_defaults(func=command_test)
    bencher = sub.add_parser("bench", help="maintainers: measure slider, helper and test speed")
    bencher.add_argument("--browser", action="store_true",
                         help="time key press -> new figure in JupyterLab in headless Chromium instead")
    bencher.set_defaults(func=command_bench)
    presenter = sub.add_parser("present", add_help=False,  # --help goes to tools/present.py
                               help="present a notebook (number or path) as a code-free page with live "
                                    "sliders, in Voilà, in large type")
    presenter.set_defaults(func=command_present)
    lecturer = sub.add_parser("lecture", add_help=False,  # --help goes to tools/lecture.py
                              help="present a notebook (number or path) in large type with live sliders")
    lecturer.set_defaults(func=command_lecture)
    handouts = sub.add_parser("handouts", help="export the course to HTML handouts that open offline and print well")
    handouts.add_argument("notebooks", nargs="*", help="notebooks to export (default: all)")
    handouts.add_argument("--out", default="handouts", help="output folder (default: handouts/)")
    handouts.set_defaults(func=command_handouts)
    executor = sub.add_parser("execute", help="maintainers: re-execute notebooks and save their outputs")
    executor.add_argument("notebooks", nargs="*", help="notebooks to execute (default: all)")
    executor.set_defaults(func=command_execute)
    # Anything the course does not know is passed on: to 'jupyter lab' after 'open', to
    # pytest after 'test' (for example 'python3 course.py test -k sigmoid').
    args, extra = parser.parse_known_args(argv)
    if extra and args.command in ("execute", "handouts"):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    args.func(args)


if __name__ == "__main__":
    main()
