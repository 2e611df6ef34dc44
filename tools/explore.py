"""Run a notebook with the values its text invites a learner to try (issue 19, part 4).

A notebook invites exploration ("try ``ALPHA = 3``", "change the seed"). A learner who does
so must not meet an ``AssertionError``, a NaN or a warning. Each such cell declares what it
invites in its metadata::

    "course": {"explore": {"ALPHA": ["0.3", "3.0"], "SEED": ["1", "7"]}}

Every name maps to two other values, written as Python source. The cell must assign the
name exactly once at the start of a line (``ALPHA = 0.5  # try 0.3 or 3``).
:func:`variants` returns the notebook twice: once with every declared name set to its
first value, once to its second; :func:`run` executes a notebook in a fresh kernel and
returns the problems it showed (errors and warnings). ``tests/test_explore.py`` runs both
variants of every notebook that declares something; ``python -m tools.explore NOTEBOOK``
does it by hand.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

TIMEOUT = 600


def invitations(nb: nbformat.NotebookNode) -> list[tuple[int, dict[str, list[str]]]]:
    """The cells that declare invited values: ``(cell index, {name: [value, value]})``.

    Raises
    ------
    ValueError
        If a declaration does not give exactly two values as strings for a name, or the
        cell does not assign the name exactly once at the start of a line.
    """
    found = []
    for index, cell in enumerate(nb.cells):
        declared = cell.get("metadata", {}).get("course", {}).get("explore")
        if not declared:
            continue
        if cell.cell_type != "code":
            raise ValueError(f"cell {index}: only code cells can declare explore values; got a {cell.cell_type} cell")
        for name, values in declared.items():
            if not (isinstance(values, list) and len(values) == 2 and all(isinstance(v, str) for v in values)):
                raise ValueError(f"cell {index}: {name} needs two values written as Python source; got {values!r}")
            hits = re.findall(rf"^{re.escape(name)} = ", cell.source, flags=re.M)
            if len(hits) != 1:
                raise ValueError(f"cell {index}: expected one line starting '{name} = '; found {len(hits)}")
        found.append((index, dict(declared)))
    return found


def _assign(source: str, name: str, value: str) -> str:
    """Replace the right-hand side of ``name = ...`` (keeping a trailing comment)."""

    def replace(match: re.Match[str]) -> str:
        comment = match.group(2) or ""
        return f"{name} = {value}{'  ' + comment if comment else ''}"

    return re.sub(rf"^{re.escape(name)} = ([^#\n]*?)\s*(#.*)?$", replace, source, count=1, flags=re.M)


def variants(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The notebook with every invited name at its first value, then at its second."""
    declared = invitations(nb)
    if not declared:
        return []
    result = []
    for k in (0, 1):
        changed = copy.deepcopy(nb)
        for index, names in declared:
            for name, values in names.items():
                changed.cells[index].source = _assign(changed.cells[index].source, name, values[k])
        result.append(changed)
    return result


def run(nb: nbformat.NotebookNode, cwd: Path, env: dict[str, str] | None = None) -> list[str]:
    """Execute ``nb`` in a fresh kernel; return the errors and warnings it showed."""
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    try:
        if env is None:
            client.execute()
        else:
            client.execute(env=env)
    except CellExecutionError as error:
        return [str(error).strip().splitlines()[-1]]
    problems = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "error":
                problems.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = output.get("text", "")
                if "Warning" in text or "Error" in text:
                    problems.append(f"cell {index}: {text.strip().splitlines()[-1]}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Run the two variants of each notebook named on the command line; print what went wrong."""
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    failed = False
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for k, variant in enumerate(variants(nb)):
            problems = run(variant, path.parent)
            failed |= bool(problems)
            print(f"{path.name} variant {k + 1}: {'ok' if not problems else '; '.join(problems)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
