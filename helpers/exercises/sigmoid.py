"""Self-checks of the exercises in ``notebooks/01_sigmoid.ipynb`` and ``notebooks/02_decision_boundary.ipynb``.

Each ``check_*`` runs the learner's answer on a few inputs (including large scores, where
an unstable formula overflows), compares it with the reference, and when it is wrong names
the likely mistake from the lists below (``*_MISTAKES``: pairs of a wrong version and
its hint). The tests feed every wrong version to its check, so every hint is known to fire.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .. import logistic
from ..sigmoid import logit, sigmoid, sigmoid_grad
from ._core import CheckResult, check_function, check_value

__all__ = [
    "BOUNDARY_MISTAKES",
    "LABEL_PROBABILITY_MISTAKES",
    "ODDS_MISTAKES",
    "PREDICT_MISTAKES",
    "SIGMOID_GRAD_MISTAKES",
    "THRESHOLD_MISTAKES",
    "check_boundary_x1_intercept",
    "check_label_probability",
    "check_odds_one_to_three",
    "check_predict",
    "check_sigmoid_grad",
    "check_threshold_score",
]

STABILITY_HINT = (
    "np.exp(-z) overflows for z = -1000 (and np.exp(z) for z = 1000): build your function on the "
    "stable helpers.sigmoid.sigmoid (section 4) instead of 1 / (1 + np.exp(-z))."
)


# ---------------------------------------------------------------------------------------
# Exercise 1 of notebook 01: the derivative of the sigmoid
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

    Introduced in ``notebooks/01_sigmoid.ipynb``. An answer that calls the course's
    ``helpers.sigmoid.sigmoid_grad`` is refused (calling ``helpers.sigmoid.sigmoid`` is fine).

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
        fn, sigmoid_grad, cases, SIGMOID_GRAD_MISTAKES, name="sigmoid_grad",
        warning_hint=STABILITY_HINT, forbidden=[sigmoid_grad],
    )


# ---------------------------------------------------------------------------------------
# Exercise 1 of notebook 02: where the boundary crosses the x1 axis
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
    An answer that reads the crossing off ``helpers.logistic.boundary_line`` is refused.

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
    return check_function(
        fn, _x1_intercept, cases, BOUNDARY_MISTAKES, name="boundary_x1_intercept",
        forbidden=[logistic.boundary_line],
    )


# ---------------------------------------------------------------------------------------
# Exercise 2 of notebook 01: the symmetry σ(-z) = 1 - σ(z) gives P(y | x) in one formula
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
        fn, _label_probability, cases, LABEL_PROBABILITY_MISTAKES,
        name="label_probability", warning_hint=STABILITY_HINT,
    )


# ---------------------------------------------------------------------------------------
# Exercise 3 of notebook 01: from odds of 1 to 3 back to the probability and the log-odds
# ---------------------------------------------------------------------------------------
ODDS_ONE_TO_THREE = (0.25, float(-np.log(3.0)))

ODDS_MISTAKES: list[tuple[Any, str]] = [
    (
        (1 / 3, float(-np.log(3.0))),
        "1/3 is the odds themselves. Solve p / (1 - p) = 1/3 for p: p = odds / (1 + odds).",
    ),
    (
        (0.75, float(np.log(3.0))),
        "the odds are turned around: 1 to 3 means three times likelier benign, so p < 1/2 and the "
        "log-odds are negative.",
    ),
    (
        (0.25, float(np.log(3.0))),
        "the sign of the log-odds is flipped: p < 1/2, so ln(p / (1 - p)) = ln(1/3) < 0.",
    ),
    (
        (0.25, float(np.log10(1 / 3))),
        "that log-odds is log10(1/3); the course's logarithms are natural: np.log.",
    ),
    (
        (0.25, float(np.log(0.25))),
        "the log-odds are the log of the odds, ln(1/3), not the log of p.",
    ),
]


def check_odds_one_to_three(answer: Any) -> CheckResult:
    """Check the pair ``(p, log_odds)`` for odds of 1 to 3: ``(1/4, -ln 3)``.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    answer : tuple of two floats
        ``(p, log_odds)``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    return check_value(answer, ODDS_ONE_TO_THREE, ODDS_MISTAKES, name="(p, log-odds) for odds of 1 to 3")


# ---------------------------------------------------------------------------------------
# Exercise 2 of notebook 02: the score that matches a probability threshold
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
        lambda t: np.log1p(-t) - np.log(t),
        "the sign is flipped: a stricter threshold t > 1/2 needs a larger, positive score.",
    ),
    (
        lambda t: t - 0.5,
        "the score is not the probability shifted by 1/2: invert σ, z = ln(t / (1 - t)).",
    ),
]


def check_threshold_score(fn: Callable[[np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``fn(t)``: the score ``c`` with ``σ(z) ≥ t ⇔ z ≥ c``, that is ``c = logit(t)``.

    Introduced in ``notebooks/02_decision_boundary.ipynb``. An answer that calls the course's
    ``helpers.sigmoid.logit`` is refused: the exercise is to invert σ yourself.

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
    return check_function(fn, logit, cases, THRESHOLD_MISTAKES, name="threshold_score", forbidden=[logit])


# ---------------------------------------------------------------------------------------
# Exercise 3 of notebook 02: your own predict function
# ---------------------------------------------------------------------------------------
class _Case(tuple):
    """The arguments of one test call, described in words in the check's messages."""

    label: str

    def __new__(cls, label: str, *args: Any) -> _Case:
        case = super().__new__(cls, args)
        case.label = label
        return case

    def __repr__(self) -> str:
        return self.label


def _cut(threshold: float) -> float:
    """The score where σ reaches ``threshold``: ``ln t - ln(1 - t)`` (exactly 0 for t = 1/2)."""
    return float(np.log(threshold) - np.log1p(-threshold))


PREDICT_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (
        lambda theta, X, threshold=0.5: (X @ theta >= threshold).astype(int),
        "you compared the score θᵀx with the threshold. The threshold is a probability: compare "
        "σ(θᵀx) with it, or the score with the score where σ reaches it, ln(t / (1 - t)) (0 for t = 1/2).",
    ),
    (
        lambda theta, X, threshold=0.5: (X @ theta > _cut(threshold)).astype(int),
        "a point exactly on the boundary (score 0, p = 1/2) must get the label 1: the rule is p ≥ t, "
        "so use >=, not >.",
    ),
    (
        lambda theta, X, threshold=0.5: (X @ theta >= 0).astype(int),
        "your labels ignore the threshold argument: with t ≠ 1/2 the cut on the score is ln(t / (1 - t)), not 0.",
    ),
    (
        lambda theta, X, threshold=0.5: (X @ theta < _cut(threshold)).astype(int),
        "the labels are swapped: label 1 goes to the side where p ≥ t (large scores), 0 to the other side.",
    ),
    (
        lambda theta, X, threshold=0.5: sigmoid(X @ theta),
        "those are the probabilities σ(θᵀx); return labels, 1 where the probability reaches the threshold, else 0.",
    ),
    (
        lambda theta, X, threshold=0.5: (X @ theta >= _cut(threshold))[:, None],
        "your labels have shape (m, 1), a column; return a flat array of shape (m,), one label per row of X "
        "(X @ theta with theta of shape (n,) is already flat).",
    ),
]


def check_predict(fn: Callable[..., np.ndarray]) -> CheckResult:
    """Check ``fn(theta, X, threshold=0.5)``: labels 1 where ``σ(θᵀx) ≥ threshold``, else 0.

    Introduced in ``notebooks/02_decision_boundary.ipynb``. The test points include some
    exactly on the boundary (score 0), where the label is 1. Labels may be integers or
    booleans, but must have shape (m,). An answer that calls ``helpers.logistic.predict`` or
    ``helpers.logistic.predict_proba`` is refused; ``helpers.sigmoid.sigmoid`` is allowed.

    Parameters
    ----------
    fn : callable
        The learner's function: ``theta`` of shape (n,), ``X`` of shape (m, n) and an optional
        probability ``threshold`` in (0, 1) -> labels of shape (m,).

    Returns
    -------
    CheckResult
        Also printed.
    """
    theta = np.array([-3.0, 1.0, 1.0])
    # scores: 0 (on the boundary, three times), 0.25 and 1.5 (between 0 and the score of p = 0.9,
    # ln 9 ≈ 2.2), -1, -4 and 3.5
    X = np.array([
        [1.0, 1.0, 2.0], [1.0, 3.0, 0.0], [1.0, 1.5, 1.5], [1.0, 1.25, 2.0],
        [1.0, 2.5, 2.0], [1.0, 1.0, 1.0], [1.0, -1.0, 0.0], [1.0, 4.0, 2.5],
    ])
    rng = np.random.default_rng(19)
    theta_random = np.array([0.4, -1.2, 0.7, 2.0])
    X_random = np.column_stack([np.ones(40), rng.normal(size=(40, 3))])
    cases = [
        _Case("θ = (-3, 1, 1) and 8 points, 3 of them on the boundary (threshold left at its default)", theta, X),
        _Case("θ = (-3, 1, 1), the same 8 points, threshold 0.9", theta, X, 0.9),
        _Case("θ = (0.4, -1.2, 0.7, 2), 40 random points, threshold 0.3", theta_random, X_random, 0.3),
        _Case("θ = (0.4, -1.2, 0.7, 2), the same 40 points (threshold left at its default)", theta_random, X_random),
    ]
    return check_function(
        fn, logistic.predict, cases, PREDICT_MISTAKES, name="my_predict",
        forbidden=[logistic.predict, logistic.predict_proba],
    )
