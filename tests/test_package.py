"""The helpers package as a whole: import without side effects, documented API."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import helpers

ROOT = Path(__file__).resolve().parent.parent

# Public modules only: private ones (helpers._validate, helpers.exercises._core) are internal.
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(helpers.__path__, prefix="helpers.")
    if not any(part.startswith("_") for part in name.split("."))
)


def test_import_has_no_side_effects():
    code = (
        "import sys, matplotlib as mpl\n"
        "before = dict(mpl.rcParams)\n"
        "import helpers, helpers.figures.style, helpers.figures.live\n"
        "changed = [k for k in before if mpl.rcParams[k] != before[k]]\n"
        "assert not changed, changed\n"
        "import matplotlib.pyplot as plt\n"
        "assert plt.get_fignums() == [], plt.get_fignums()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_core_import_needs_neither_matplotlib_nor_ipywidgets():
    code = (
        "import sys\nimport helpers\n"
        "loaded = [m for m in ('matplotlib', 'ipywidgets') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def public_functions():
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                yield f"{module_name}.{name}", obj


@pytest.mark.parametrize(("qualname", "obj"), list(public_functions()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_public_function_is_documented(qualname, obj):
    doc = inspect.getdoc(obj) or ""
    assert "Introduced in ``notebooks/" in doc, f"{qualname}: docstring must name the notebook that introduces it"
    for named in re.findall(r"``(notebooks/[^`]+\.ipynb)``", doc):
        assert (ROOT / named).is_file(), f"{qualname}: its docstring names {named}, which does not exist"
    if inspect.isfunction(obj):
        hints = {k: v for k, v in obj.__annotations__.items() if k != "return"}
        params = [
            p for p in inspect.signature(obj).parameters.values() if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
        ]
        missing = [p.name for p in params if p.name not in hints]
        assert not missing, f"{qualname}: parameters without type hints: {missing}"
        assert "return" in obj.__annotations__, f"{qualname}: no return type hint"


def test_every_module_names_its_notebook():
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        assert "notebooks/" in (module.__doc__ or ""), f"{module_name}: module docstring must name its notebook(s)"
