"""The layers of ``helpers`` as ``pyproject.toml`` declares them for import-linter.

``course.py test`` runs ``lint-imports`` (the contracts) and ``mypy`` (the types) before
pytest. The contracts name the maths modules one by one; these tests make sure the list
keeps up with the package, and that the maths loads without the figures' libraries.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10: mypy brings tomli
    import tomli as tomllib

import helpers
import helpers.figures

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONTRACTS = {c["id"]: c for c in CONFIG["tool"]["importlinter"]["contracts"]}


def _children(package) -> set[str]:
    return {name for _, name, _ in pkgutil.iter_modules(package.__path__)}


def test_the_maths_contract_names_every_module_of_the_top_level():
    top = {f"helpers.{name}" for name in _children(helpers) if name != "figures"}
    listed = set(CONTRACTS["maths"]["source_modules"]) - {"solutions"}
    assert listed == top, f"add to / remove from the 'maths' contract in pyproject.toml: {sorted(top ^ listed)}"
    assert {"helpers.figures", "matplotlib", "ipywidgets"} <= set(CONTRACTS["maths"]["forbidden_modules"])


def test_the_figures_contract_names_every_figure_module():
    layers = CONTRACTS["figures"]["layers"]
    named = {part.strip() for layer in layers for part in layer.replace(":", "|").split("|")}
    actual = _children(helpers.figures)
    assert named == actual, f"update the 'figures' contract in pyproject.toml: {sorted(named ^ actual)}"


def test_importing_the_maths_loads_no_plotting_or_widget_library():
    modules = " ".join(f"helpers.{name}" for name in sorted(_children(helpers)) if name != "figures")
    code = (
        f"import sys, importlib\nfor m in '{modules}'.split(): importlib.import_module(m)\n"
        "loaded = [m for m in ('matplotlib', 'ipywidgets', 'IPython', 'helpers.figures') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
