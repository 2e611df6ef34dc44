"""The course set up the way JupyterHub, Binder and most people set up a course repository.

No ``course.py``: a new virtual environment, ``pip install -r requirements.txt`` run from
the repository's top folder, and nothing else (README, "Other ways to run the course").
Then, as ``jupyter lab`` started from the top folder would, every notebook runs in a kernel
whose working folder is ``notebooks/``, under nbval with the committed outputs. Nor does
this route set the one BLAS thread and the hash seed that ``course.py`` sets, so it is one
more machine the notebooks must print the same text on.

The environment lives in ``.venv-plain/`` and is built again only when the requirements or
the Python change (as ``course.py`` rebuilds ``.venv/``); CI starts from a fresh clone,
so there it is always new.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import course

ROOT = Path(__file__).resolve().parent.parent
ENV_DIR = ROOT / ".venv-plain"

pytestmark = pytest.mark.slow


def plain_environment() -> Path:
    """``.venv-plain/``: ``python -m venv``, then ``pip install -r requirements.txt``; its Python."""
    python = course.venv_python(ENV_DIR)
    stamp = ENV_DIR / ".course-fingerprint"
    wanted = hashlib.sha256(course.fingerprint(latest=False).encode() + b"plain").hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return python
    shutil.rmtree(ENV_DIR, ignore_errors=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(ENV_DIR)
    # Exactly what a reader types in the top folder, with the environment active.
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", "requirements.txt"], cwd=ROOT, check=True, env=outside_env())
    stamp.write_text(wanted, encoding="utf-8")
    return python


def outside_env() -> dict[str, str]:
    """This process's environment without what ``course.py`` and ``.venv`` add to it."""
    dropped = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHASHSEED", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
               "MKL_NUM_THREADS", "PYTHONUTF8"}
    return {k: v for k, v in os.environ.items() if k not in dropped}


@pytest.fixture(scope="module")
def plain_python() -> Path:
    return plain_environment()


def test_helpers_import_from_any_folder(plain_python, tmp_path):
    """``import helpers`` finds the repository's package from any working folder."""
    found = subprocess.run(
        [str(plain_python), "-c", "import helpers, solutions; print(helpers.__file__); print(solutions.__file__)"],
        cwd=tmp_path, env=outside_env(), capture_output=True, text=True, check=True,
    ).stdout.split()
    assert [Path(p).resolve() for p in found] == [
        ROOT / "helpers" / "__init__.py", ROOT / "solutions" / "__init__.py"
    ], found


def test_every_notebook_runs_under_nbval(plain_python):
    """Every notebook, in this environment's kernel, prints what the committed copy shows."""
    notebooks = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "notebooks").glob("*.ipynb"))
    result = subprocess.run(
        [str(plain_python), "-m", "pytest", "-p", "no:cacheprovider", "-q", *notebooks],
        cwd=ROOT, env=outside_env(), capture_output=True, text=True,
    )
    tail = "\n".join(result.stdout.splitlines()[-40:])
    assert result.returncode == 0, f"nbval in the plain pip environment failed ({sys.platform}):\n{tail}"
    assert " passed" in result.stdout.splitlines()[-1], tail
