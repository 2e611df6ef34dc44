"""Self-checks of the exercises in ``notebooks/10_regularisation.ipynb`` and ``notebooks/13_in_practice.ipynb``.

Each exercise asks for something the course already has (``logistic.gradient``,
``features.n_polynomial_features``, ``features.bin_index``, ``np.digitize``): the checks refuse
an answer that calls it (:func:`._core.forbidding`), and their reference values are computed
here from the formula, never through the function that is forbidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .. import features, logistic
from ..sigmoid import sigmoid
from ._core import CheckResult, check_function

__all__ = ["check_n_poly_features", "check_odds_ratio", "check_regularised_gradient", "check_which_bin"]


# ---------------------------------------------------------------------------------------
# cases with arguments of different shapes
# ---------------------------------------------------------------------------------------
class _Case:
    """The arguments of one test call, with a short readable description.

    ``check_function`` describes a failing input with ``np.asarray(case)``, which cannot
    hold arguments of different shapes (a vector and a matrix): it raises ``ValueError``
    instead of printing the verdict. Wrapping the arguments in one object, and the
    functions in :func:`_unpacked`, keeps every message printable.
    """

    def __init__(self, *args: Any) -> None:
        self.args = args

    def __repr__(self) -> str:
        parts = []
        for value in self.args:
            if isinstance(value, np.ndarray):
                parts.append(np.array2string(value, precision=3, threshold=6, separator=", ").replace("\n", ""))
            else:
                parts.append(repr(value))
        return "(" + ", ".join(parts) + ")"


def _unpacked(fn: Callable[..., Any]) -> Callable[[_Case], Any]:
    """``fn`` called on fresh copies of a :class:`_Case`'s arguments."""

    def _call(case: _Case) -> Any:
        return fn(*(np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in case.args))

    return _call


def _check_cases(
    learner: Callable[..., Any],
    reference: Callable[..., Any],
    cases: list[tuple[_Case]],
    mistakes: list[tuple[Callable[..., Any], str]],
    *,
    name: str,
    forbidden: list[Callable[..., Any]],
) -> CheckResult:
    """:func:`check_function` on :class:`_Case` arguments, refusing calls to ``forbidden``.

    The learner is called through a wrapper (:func:`_unpacked`); :func:`forbidding` finds the
    learner's function in the wrapper's closure and switches the helpers off in the
    notebook's names too (``from helpers.logistic import gradient``).
    """
    return check_function(
        _unpacked(learner),
        _unpacked(reference),
        cases,
        [(_unpacked(wrong), hint) for wrong, hint in mistakes],
        name=name,
        forbidden=forbidden,
    )


# ---------------------------------------------------------------------------------------
# regularised gradient
# ---------------------------------------------------------------------------------------
def _data_part(theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    return X.T @ (sigmoid(X @ theta) - y)


def _masked(theta: np.ndarray) -> np.ndarray:
    out = theta.copy()
    out[0] = 0.0
    return out


def _gradient_cases() -> list[tuple[_Case]]:
    rng = np.random.default_rng(505)
    cases = []
    for m, n, lam in ((5, 3, 1.0), (8, 4, 10.0), (7, 2, 0.5), (6, 3, 0.0)):
        X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
        theta = rng.normal(size=n)
        y = (rng.uniform(size=m) < 0.5).astype(float)
        cases.append((_Case(theta, X, y, lam),))
    return cases


def check_regularised_gradient(
    gradient: Callable[[np.ndarray, np.ndarray, np.ndarray, float], np.ndarray],
) -> CheckResult:
    """Check ``gradient(theta, X, y, lam)`` of the L2-regularised cross-entropy cost.

    Introduced in ``notebooks/10_regularisation.ipynb``. The expected value is
    ``X.T @ (sigmoid(X @ theta) - y) / m + (lam / m) * [0, theta_1, ..., theta_n]``. An answer
    that calls ``logistic.gradient`` or ``logistic.cost_and_gradient`` is refused.
    """
    mistakes = [
        (
            lambda t, X, y, lam: _data_part(t, X, y) / X.shape[0] + lam / X.shape[0] * t,
            "the intercept theta_0 was penalised. The penalty sums theta_j^2 for j >= 1 only, "
            "so its gradient has a 0 in position 0.",
        ),
        (
            lambda t, X, y, lam: _data_part(t, X, y) + lam / X.shape[0] * _masked(t),
            "the data term is missing its 1/m: the cost is a mean over the m samples, so is its gradient.",
        ),
        (
            lambda t, X, y, lam: _data_part(t, X, y) / X.shape[0] + lam * _masked(t),
            "the penalty's gradient is (λ/m)·θ_j, not λ·θ_j: the penalty is λ/(2m)·Σθ_j².",
        ),
        (
            lambda t, X, y, lam: _data_part(t, X, y) / X.shape[0] + lam / (2 * X.shape[0]) * _masked(t),
            "the derivative of θ_j² is 2θ_j, which cancels the 1/2 of λ/(2m): the term is (λ/m)·θ_j.",
        ),
        (
            lambda t, X, y, lam: _data_part(t, X, y) / X.shape[0] - lam / X.shape[0] * _masked(t),
            "the penalty term has the wrong sign: the penalty adds to the cost, so (λ/m)·θ_j adds to the gradient.",
        ),
        (
            lambda t, X, y, lam: _data_part(t, X, y) / X.shape[0],
            "the penalty term is missing: add (λ/m)·θ_j for every j >= 1.",
        ),
    ]
    return _check_cases(
        gradient,
        lambda t, X, y, lam: _data_part(t, X, y) / X.shape[0] + lam / X.shape[0] * _masked(t),
        _gradient_cases(),
        mistakes,
        name="regularised gradient",
        forbidden=[logistic.gradient, logistic.cost_and_gradient, logistic._cost_and_gradient],
    )


# ---------------------------------------------------------------------------------------
# number of polynomial features
# ---------------------------------------------------------------------------------------
def check_n_poly_features(count: Callable[[int], int]) -> CheckResult:
    """Check ``count(d)``: the number of monomials x1^i x2^j with i + j <= d, the ones column included.

    Introduced in ``notebooks/10_regularisation.ipynb``. An answer that asks the course for
    the count (``features.n_polynomial_features``) or counts the columns it makes
    (``features.polynomial_features`` and its relatives) is refused: derive the formula.
    """
    mistakes = [
        (
            lambda d: (d + 1) * (d + 2) // 2 - 1,
            "one short: the ones column (i = j = 0, the intercept's feature) is a monomial too.",
        ),
        (
            lambda d: (d + 1) ** 2,
            "that counts every pair with i <= d and j <= d (a square); the total degree i + j must "
            "be <= d (a triangle).",
        ),
        (lambda d: 2 * d + 1, "the cross terms x1^i x2^j with both i and j >= 1 are missing."),
        (lambda d: 2 * d, "the cross terms and the ones column are missing."),
        (
            lambda d: d * (d + 1) // 2,
            "off by one in the degree: that is the count up to degree d - 1. Degree t has t + 1 monomials, "
            "for t = 0, 1, ..., d.",
        ),
    ]
    return check_function(
        count,
        lambda d: (d + 1) * (d + 2) // 2,
        [(d,) for d in range(1, 8)],
        mistakes,
        name="n_poly_features",
        forbidden=[
            features.n_polynomial_features,
            features.polynomial_exponents,
            features.polynomial_features,
            features.polynomial_feature_names,
            features.polynomial_design,
        ],
    )


# ---------------------------------------------------------------------------------------
# odds ratio
# ---------------------------------------------------------------------------------------
def check_odds_ratio(odds_ratio: Callable[[float, float], float]) -> CheckResult:
    """Check ``odds_ratio(theta_j, delta)``: the factor exp(delta * theta_j) on the odds.

    Introduced in ``notebooks/13_in_practice.ipynb``.
    """
    cases = [(0.2062, 10.0), (-0.5, 2.0), (1.3, 1.0), (0.05, 20.0)]
    mistakes = [
        (
            lambda t, d: np.exp(t),
            "exp(θ_j) is the odds ratio for one unit; for Δ units the log-odds change by Δ·θ_j, "
            "so the odds change by exp(Δ·θ_j).",
        ),
        (
            lambda t, d: d * np.exp(t),
            "odds ratios multiply, they do not add up: Δ units give exp(θ_j)^Δ = exp(Δ·θ_j), not Δ·exp(θ_j).",
        ),
        (
            lambda t, d: d * t,
            "Δ·θ_j is the change in the log-odds; the odds ratio is its exponential.",
        ),
        (
            lambda t, d: 1.0 / (1.0 + np.exp(-d * t)),
            "the sigmoid turns log-odds into a probability; an odds ratio is exp of a log-odds difference.",
        ),
    ]
    return check_function(
        odds_ratio, lambda t, d: np.exp(d * t), cases, mistakes, name="odds_ratio", rtol=1e-6
    )


# ---------------------------------------------------------------------------------------
# choosing a bin
# ---------------------------------------------------------------------------------------
def check_which_bin(which_bin: Callable[[float, np.ndarray], int]) -> CheckResult:
    """Check ``which_bin(x, edges)``: bin ``k`` with ``edges[k-1] <= x < edges[k]``.

    Introduced in ``notebooks/13_in_practice.ipynb``. Bin 0 holds everything
    below ``edges[0]``, bin ``len(edges)`` everything from ``edges[-1]`` up, so values
    outside the training range still get a bin. An answer that calls ``np.digitize``,
    ``features.bin_index`` or ``features.one_hot_bins`` is refused, as the exercise asks.
    """
    edges = np.array([25.0, 40.0, 60.0])
    values = [30.0, 40.0, 25.0, 59.9, 60.0, 12.0, 300.0, 45.5]
    cases = [(_Case(x, edges),) for x in values]
    # np.searchsorted(e, x, side="right") is np.digitize(x, e); side="left" is digitize(..., right=True).
    mistakes = [
        (
            lambda x, e: int(np.searchsorted(e, x, side="left")),
            "a value equal to an edge belongs to the bin that *starts* there (edges[k-1] <= x < edges[k]).",
        ),
        (
            lambda x, e: int(np.searchsorted(e, x, side="right")) + 1,
            "bins are numbered from 0: bin 0 is everything below edges[0].",
        ),
        (
            lambda x, e: int(np.searchsorted(e, x, side="right")) - 1,
            "bin 0 is the open bin *below* edges[0]; the first edge starts bin 1.",
        ),
        (
            lambda x, e: int(np.clip(np.searchsorted(e, x, side="right"), 1, len(e) - 1)),
            "values below the first or above the last edge go to the first or last bin (0 or len(edges)), "
            "which are open-ended.",
        ),
    ]
    return _check_cases(
        which_bin,
        lambda x, e: int(np.searchsorted(e, x, side="right")),
        cases,
        mistakes,
        name="which_bin",
        forbidden=[features.bin_index, features.one_hot_bins, np.digitize],
    )
