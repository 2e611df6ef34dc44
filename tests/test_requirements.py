"""requirements-oldest.txt tests exactly the lower bounds that pyproject.toml declares.

``python3.10 course.py test --oldest`` installs requirements-oldest.txt; what it proves is
only worth something while its pins are the ``>=`` bounds of ``[project].dependencies``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_lower_bounds() -> dict[str, str]:
    """``{name: version}`` from ``dependencies = ["numpy>=1.26", ...]`` (no tomllib on 3.10)."""
    text = (ROOT / "pyproject.toml").read_text()
    block = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, re.MULTILINE | re.DOTALL)
    assert block, "pyproject.toml has no [project].dependencies list"
    bounds = {}
    for spec in re.findall(r'"([^"]+)"', block.group(1)):
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)(\s*,.*)?", spec)
        assert match, f"pyproject.toml: {spec!r} has no '>=' lower bound for requirements-oldest.txt to test"
        bounds[normalise(match.group(1))] = match.group(2)
    return bounds


def oldest_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements-oldest.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line).groups()
            pins[normalise(name)] = version
    return pins


def same_release(pin: str, bound: str) -> bool:
    """``1.26.0`` pins the bound ``1.26``; ``8.0.0`` pins ``8``."""
    def parts(version: str) -> list[int]:
        numbers = [int(p) for p in version.split(".")]
        while numbers and numbers[-1] == 0:
            numbers.pop()
        return numbers

    return parts(pin) == parts(bound)


def test_every_declared_lower_bound_is_pinned_in_requirements_oldest():
    pins = oldest_pins()
    for name, bound in declared_lower_bounds().items():
        assert name in pins, f"requirements-oldest.txt must pin {name}=={bound} (pyproject.toml: {name}>={bound})"
        assert same_release(pins[name], bound), (
            f"requirements-oldest.txt pins {name}=={pins[name]} but pyproject.toml says {name}>={bound}: "
            "raise or lower both together"
        )
