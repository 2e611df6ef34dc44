"""What the figures of ``notebooks/06_cross_entropy_vs_mse.ipynb`` share: how each cost is drawn.

Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.
"""

from __future__ import annotations

from ..style import PALETTE

#: How the figures name the costs.
LOSS_LABELS: dict[str, str] = {"cross_entropy": "cross-entropy", "mse": "squared error"}
COLORS = {"cross_entropy": PALETTE["blue"], "mse": PALETTE["vermillion"]}
STYLES = {"cross_entropy": "-", "mse": "--"}
MARKERS = {"cross_entropy": "o", "mse": "s"}
