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
    """Check the learning rate above which descent on ``f(x) = 2 x**2`` diverges (it is 1/2).

    Introduced in ``notebooks/00_start_here.ipynb``. With ``f'(x) = 4x`` a step multiplies
    ``x`` by ``1 - 4α``, which shrinks ``|x|`` exactly when ``0 < α < 1/2``.
    """
    mistakes = [
        (2.0, "2 is the limit for x²/2, whose derivative is x. Here f'(x) = 4x: one step multiplies x by 1 - 4α."),
        (0.25, "α = 1/4 is the *fastest* rate (1 - 4α = 0: one step lands on the minimum); larger rates still "
               "converge, zig-zagging."),
        (8.0, "the curvature divides the limit, it does not multiply it: |1 - 4α| < 1 gives α < 2/4."),
        (1.0, "f'(x) = 4x, not 2x: the derivative of 2x² is 4x, so one step multiplies x by 1 - 4α."),
        (-0.5, "learning rates are positive; solve 1 - 4α > -1."),
    ]
    return check_value(answer, 0.5, mistakes, name="the largest stable learning rate")
