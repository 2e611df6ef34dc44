"""Every notebook is one sitting: at most an hour of study by ``tools.pacing``'s measure (issue 19)."""

from __future__ import annotations

import json

import pytest

from tools import pacing

NOTEBOOKS = sorted(pacing.NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_fits_one_sitting(path):
    pace = pacing.measure(path)
    assert pace.minutes <= pacing.LIMIT_MINUTES, (
        f"{path.name}: {pace.minutes:.0f} minutes of study ({pace.words} words, {pace.code_cells} code cells); "
        f"split it or move material into an optional box"
    )


def _notebook(tmp_path, cells):
    path = tmp_path / "99_test.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    return path


def test_the_measure_counts_words_and_code_cells_and_skips_optional_boxes(tmp_path):
    cells = [
        {
            "cell_type": "markdown",
            "source": ["one two three\n", "\n", "> **Optional box: x.** skip\n", "> me too\n", "\n", "back"],
        },
        {"cell_type": "code", "source": ["x = 1"]},
        {"cell_type": "code", "source": ["# Optional box: a digression\n", "y = 2"]},
    ]
    pace = pacing.measure(_notebook(tmp_path, cells))
    assert (pace.words, pace.code_cells, pace.optional_words, pace.optional_code_cells) == (4, 1, 6, 1)
    assert pace.minutes == pytest.approx(4 / pacing.WORDS_PER_MINUTE + 1)


def test_a_long_notebook_is_over_the_limit(tmp_path):
    cells = [{"cell_type": "markdown", "source": ["word " * 5000]}] + [{"cell_type": "code", "source": ["pass"]}] * 20
    path = _notebook(tmp_path, cells)
    assert pacing.measure(path).minutes > pacing.LIMIT_MINUTES
    assert pacing.main([str(path)]) == 1


def test_bad_path_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"expected an existing \.ipynb notebook"):
        pacing.measure(tmp_path / "missing.ipynb")
