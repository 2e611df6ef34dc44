"""Self-check of the warm-up exercise in ``notebooks/00_start_here.ipynb``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._core import CheckResult, check_function, check_value

__all__ = ["check_largest_stable_rate", "check_odds"]


def _odds(p: np.ndarray) -> np.ndarray:
    return p / (1 - p)


def check_odds(odds: Callable[[np.ndarray], np.ndarray]) -> CheckResult:
    """Check a function computing the odds ``p / (1 - p)`` of probabilities ``p``.

    Introduced in ``notebooks/00_start_here.ipynb``.
    """
    cases = [(np.array([0.5]),), (np.array([0.2, 0.75, 0.9]),)]
    mistakes = [
        (lambda p: (1 - p) / p, "the fraction is upside down: odds are p / (1 - p), chance for over chance against."),
        (lambda p: p / (1 + p), "the denominator is 1 - p (the chance against), not 1 + p."),
        (lambda p: np.log(p / (1 - p)), "that is the log-odds; the odds are p / (1 - p) without the log."),
    ]
    return check_function(odds, _odds, cases, mistakes, name="odds")


def check_largest_stable_rate(answer: float) -> CheckResult:
    """Check the learning rate above which descent on ``x**2 / 2`` diverges (it is 2).

    Introduced in ``notebooks/00_start_here.ipynb``.
    """
    mistakes = [
        (1.0, "α = 1 is the *fastest* rate (one step lands on the minimum); larger rates still converge."),
        (0.5, "solve |1 - α| < 1 for α: the zig-zag shrinks as long as the factor 1 - α stays above -1."),
        (-2.0, "learning rates are positive; solve 1 - α > -1."),
    ]
    return check_value(answer, 2.0, mistakes, name="the largest stable learning rate")
