"""Solution of the warm-up exercise in ``notebooks/00_start_here.ipynb``."""

from __future__ import annotations

import numpy as np


def odds(p: np.ndarray) -> np.ndarray:
    """Odds ``p / (1 - p)`` of probabilities ``p`` in [0, 1): how many times likelier yes than no."""
    return p / (1 - p)


#: Descent on f(x) = 2 x**2 (f'(x) = 4x) multiplies x by (1 - 4α) each step; |1 - 4α| < 1 needs 0 < α < 1/2.
LARGEST_STABLE_RATE = 0.5
