"""How long a notebook takes to study, estimated the same way for every notebook.

``python -m tools.pacing [NOTEBOOK ...]`` prints a table; ``tests/test_pacing.py`` keeps every
notebook of the course at or under :data:`LIMIT_MINUTES`.

The estimate is deliberately simple, so that anyone can recount it by hand:

- prose is read at :data:`WORDS_PER_MINUTE` words a minute (slow, because it is technical text
  with equations; a word is anything between spaces, so a formula counts as several words);
- every code cell costs :data:`MINUTES_PER_CODE_CELL` minute: reading it, running it, looking at
  what it prints or draws, or moving its sliders;
- optional boxes are left out: a Markdown blockquote that starts with ``> **Optional`` and a
  code cell whose first line starts with ``# Optional box``. They are marked in the notebook as
  material to skip on a first reading.

The exercises count like everything else. The issue that asked for lecture-sized notebooks
(issue 19) judged the old notebooks 02, 04 and 05 at 90 to 120 minutes; this measure gives 98,
91 and 84 for them, so it is, if anything, generous.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

WORDS_PER_MINUTE = 100
MINUTES_PER_CODE_CELL = 1.0
LIMIT_MINUTES = 60.0
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


@dataclass(frozen=True)
class Pace:
    """The study-time estimate of one notebook."""

    name: str
    words: int
    code_cells: int
    optional_words: int
    optional_code_cells: int

    @property
    def minutes(self) -> float:
        """Estimated minutes of study, optional boxes excluded."""
        return self.words / WORDS_PER_MINUTE + self.code_cells * MINUTES_PER_CODE_CELL


def _markdown_words(source: str) -> tuple[int, int]:
    """Words outside and inside optional boxes of one Markdown cell."""
    counted = optional = 0
    in_box = False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("> **Optional"):
            in_box = True
        elif not stripped.startswith(">"):
            in_box = False
        words = len(stripped.lstrip(">").split())
        if in_box:
            optional += words
        else:
            counted += words
    return counted, optional


def measure(path: str | Path) -> Pace:
    """Count the words and code cells of the notebook at ``path``.

    Raises
    ------
    ValueError
        If ``path`` is not an existing ``.ipynb`` file.
    """
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ValueError(f"expected an existing .ipynb notebook; got {str(path)!r}")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    words = optional_words = code = optional_code = 0
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            counted, optional = _markdown_words(source)
            words += counted
            optional_words += optional
        elif cell["cell_type"] == "code":
            if source.lstrip().startswith("# Optional box"):
                optional_code += 1
            else:
                code += 1
    return Pace(path.stem, words, code, optional_words, optional_code)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; return 1 if a notebook is over the limit."""
    args = list(sys.argv[1:] if argv is None else argv)
    paths = [Path(a) for a in args] or sorted(NOTEBOOKS.glob("*.ipynb"))
    print(f"{'notebook':32} {'words':>6} {'code':>5} {'minutes':>8}   optional (words, code cells)")
    over = False
    for path in paths:
        pace = measure(path)
        over |= pace.minutes > LIMIT_MINUTES
        flag = "  over the limit" if pace.minutes > LIMIT_MINUTES else ""
        print(f"{pace.name:32} {pace.words:6d} {pace.code_cells:5d} {pace.minutes:8.0f}   "
              f"{pace.optional_words}, {pace.optional_code_cells}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
