"""Self-checks of the exercises in ``notebooks/01_sigmoid.ipynb``.

Each ``check_*`` runs the learner's answer on a few inputs (including large scores, where
an unstable formula overflows), compares it with the reference, and when it is wrong names
the likely mistake from the lists below (``*_MISTAKES``: pairs of a wrong version and
its hint). The tests feed every wrong version to its check, so every hint is known to fire.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..sigmoid import logit, sigmoid, sigmoid_grad
from ._core import CheckResult, check_function, check_value

__all__ = [
    "BOUNDARY_MISTAKES",
    "LABEL_PROBABILITY_MISTAKES",
    "ODDS_MISTAKES",
    "SIGMOID_GRAD_MISTAKES",
    "THRESHOLD_MISTAKES",
    "check_boundary_x1_intercept",
    "check_label_probability",
    "check_odds_of_08",
    "check_sigmoid_grad",
    "check_threshold_score",
]

STABILITY_HINT = (
    "np.exp(-z) overflows for z = -1000 (and np.exp(z) for z = 1000): build your function on the "
    "stable helpers.sigmoid.sigmoid (section 4) instead of 1 / (1 + np.exp(-z))."
)


def _underflow_is_fine(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` run with numpy underflow ignored (numpy's default), other floating-point errors unchanged.

    The shared checker runs learner code under ``np.errstate(all="warn")``, which also reports
    *underflow*: ``np.exp(-1000)`` rounding to 0, which is what the stable sigmoid is meant to do.
    Only overflow, division by zero and invalid operations are mistakes here.
    """

    def wrapped(*args: Any) -> Any:
        with np.errstate(under="ignore"):
            return fn(*args)

    return wrapped

# ---------------------------------------------------------------------------------------
# Exercise 1: the derivative of the sigmoid
# ---------------------------------------------------------------------------------------
SIGMOID_GRAD_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda z: z * (1 - z),
        "you applied s(1 - s) to the score z itself. Compute s = σ(z) first, then s * (1 - s).",
    ),
    (
        lambda z: -sigmoid(z) * (1 - sigmoid(z)),
        "the sign is flipped. σ is increasing, so σ'(z) > 0: the two minus signs (of -z inside "
        "the exponential and of the power -1) cancel.",
    ),
    (
        lambda z: sigmoid(-z),
        "that is 1 - σ(z) = σ(-z) alone. The derivative is the product σ(z) * (1 - σ(z)).",
    ),
    (
        lambda z: sigmoid(z) ** 2,
        "σ(z)² is only the first factor squared; the derivative is σ(z) * (1 - σ(z)).",
    ),
]


def check_sigmoid_grad(fn: Callable[[np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``fn(z)``, the derivative ``σ'(z) = σ(z)(1 - σ(z))``, on arrays including ``z = ±1000``.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    fn : callable
        The learner's function, array of shape (n,) -> array of shape (n,).

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = [
        (np.array([0.0]),),
        (np.array([-3.0, -0.5, 0.25, 2.0, 6.0]),),
        (np.array([-1000.0, -40.0, 40.0, 1000.0]),),
    ]
    return check_function(
        _underflow_is_fine(fn), sigmoid_grad, cases, SIGMOID_GRAD_MISTAKES, name="sigmoid_grad",
        warning_hint=STABILITY_HINT,
    )


# ---------------------------------------------------------------------------------------
# Exercise 2: where the boundary crosses the x1 axis
# ---------------------------------------------------------------------------------------
def _x1_intercept(theta: np.ndarray) -> float:
    return -theta[0] / theta[1]


BOUNDARY_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda theta: theta[0] / theta[1],
        "the sign is flipped. On the x1 axis x2 = 0, so θ0 + θ1 x1 = 0 and x1 = -θ0 / θ1.",
    ),
    (
        lambda theta: -theta[0] / theta[2],
        "that is where the boundary crosses the x2 axis (set x1 = 0). On the x1 axis, x2 = 0.",
    ),
    (
        lambda theta: -theta[1] / theta[0],
        "the fraction is upside down: solve θ0 + θ1 x1 = 0 for x1.",
    ),
    (
        lambda theta: (0.5 - theta[0]) / theta[1],
        "0.5 is the probability on the boundary; the score there is 0. Solve θ0 + θ1 x1 = 0.",
    ),
]


def check_boundary_x1_intercept(fn: Callable[[np.ndarray], float]) -> CheckResult:
    """Check ``fn(theta)``: the ``x1`` where the boundary ``θ0 + θ1 x1 + θ2 x2 = 0`` meets ``x2 = 0``.

    Introduced in ``notebooks/02_decision_boundary.ipynb``. Every test ``theta`` has ``θ1 ≠ 0``.

    Parameters
    ----------
    fn : callable
        The learner's function, ``theta`` of shape (3,) -> float.

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = [
        (np.array([-3.0, 1.0, 1.0]),),
        (np.array([2.0, -0.5, 4.0]),),
        (np.array([-25.16, 0.206, 0.201]),),
        (np.array([1.5, 3.0, 0.0]),),
    ]
    return check_function(fn, _x1_intercept, cases, BOUNDARY_MISTAKES, name="boundary_x1_intercept")


# ---------------------------------------------------------------------------------------
# Exercise 3: the symmetry σ(-z) = 1 - σ(z) gives P(y | x) in one formula
# ---------------------------------------------------------------------------------------
def _label_probability(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    return sigmoid((2 * y - 1) * z)


LABEL_PROBABILITY_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda z, y: sigmoid(z),
        "that is P(y = 1 | x) for every sample; where y = 0 you need P(y = 0 | x) = σ(-z).",
    ),
    (
        lambda z, y: sigmoid((1 - 2 * y) * z),
        "the sign is flipped: y = 1 must give σ(+z) and y = 0 must give σ(-z), so use 2y - 1.",
    ),
    (
        lambda z, y: sigmoid(y * z),
        "σ(y z) is σ(0) = 1/2 whenever y = 0. Map the labels 0, 1 to the signs -1, +1 first: 2y - 1.",
    ),
    (
        lambda z, y: y * sigmoid(z),
        "this is 0 whenever y = 0; the probability of the label 0 is 1 - σ(z) = σ(-z), not 0.",
    ),
]


def check_label_probability(fn: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``fn(z, y)``: the probability ``P(y | x)`` of the observed label, ``σ((2y - 1) z)``.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    fn : callable
        The learner's function: scores ``z`` and labels ``y`` (0 or 1), both of shape (n,),
        -> probabilities of shape (n,).

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = [
        (np.array([2.0, 2.0]), np.array([1.0, 0.0])),
        (np.array([-1.5, 0.0, 0.7, 3.0]), np.array([0.0, 1.0, 0.0, 1.0])),
        (np.array([-1000.0, -1000.0, 1000.0, 1000.0]), np.array([0.0, 1.0, 0.0, 1.0])),
    ]
    return check_function(
        _underflow_is_fine(fn), _label_probability, cases, LABEL_PROBABILITY_MISTAKES,
        name="label_probability", warning_hint=STABILITY_HINT,
    )


# ---------------------------------------------------------------------------------------
# Exercise 4: odds and log-odds of p = 0.8
# ---------------------------------------------------------------------------------------
ODDS_08 = (4.0, float(np.log(4.0)))

ODDS_MISTAKES: list[tuple[Any, str]] = [
    ((0.25, float(np.log(0.25))), "the odds are upside down: p / (1 - p) = 0.8 / 0.2, chance for over chance against."),
    ((4.0, float(np.log10(4.0))), "that log-odds is log10(4); the course's logarithms are natural: np.log."),
    ((4.0, float(np.log(0.8))), "the log-odds are the log of the odds, ln 4, not the log of p."),
    ((0.8 / 1.8, float(np.log(0.8 / 1.8))), "the denominator of the odds is 1 - p, not 1 + p."),
]


def check_odds_of_08(answer: Any) -> CheckResult:
    """Check the pair ``(odds, log_odds)`` for a probability of 0.8: ``(4, ln 4)``.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    answer : tuple of two floats
        ``(odds, log_odds)``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    return check_value(answer, ODDS_08, ODDS_MISTAKES, name="(odds, log-odds) of p = 0.8")


# ---------------------------------------------------------------------------------------
# Exercise 5: the score that matches a probability threshold
# ---------------------------------------------------------------------------------------
THRESHOLD_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda t: t,
        "scores and probabilities live on different scales. p ≥ t means σ(z) ≥ t, i.e. z ≥ ln(t / (1 - t)).",
    ),
    (
        lambda t: np.log(t),
        "ln t is the log of the probability; the cut on the score is the log of the odds, ln(t / (1 - t)).",
    ),
    (
        lambda t: -logit(t),
        "the sign is flipped: a stricter threshold t > 1/2 needs a larger, positive score.",
    ),
    (
        lambda t: t - 0.5,
        "the score is not the probability shifted by 1/2: invert σ, z = ln(t / (1 - t)).",
    ),
]


def check_threshold_score(fn: Callable[[np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``fn(t)``: the score ``c`` with ``σ(z) ≥ t ⇔ z ≥ c``, that is ``c = logit(t)``.

    Introduced in ``notebooks/02_decision_boundary.ipynb``.

    Parameters
    ----------
    fn : callable
        The learner's function, thresholds of shape (n,) in (0, 1) -> scores of shape (n,).

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = [(np.array([0.5]),), (np.array([0.9, 0.2, 0.99, 0.75]),)]
    return check_function(fn, logit, cases, THRESHOLD_MISTAKES, name="threshold_score")
