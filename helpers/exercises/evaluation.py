"""Self-checks of the exercises in ``notebooks/11_evaluation.ipynb`` and ``notebooks/12_choosing_lambda.ipynb``.

Each exercise asks for something a course helper already does (precision and recall, the
AUC, reliability bins, cross-validation, the prior's λ). A check that only compared answers
would pass a learner who calls that helper, so each check forbids it
(``check_function(..., forbidden=[...])``): while the learner's function runs, the helper is
a tripwire, and the verdict names it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .. import logistic, metrics, model_selection
from ..sigmoid import sigmoid
from ._core import CheckResult, check_function

__all__ = [
    "check_cross_validation",
    "check_lam_from_prior",
    "check_precision_recall",
    "check_rank_auc",
    "check_reliability_bins",
]


# ---------------------------------------------------------------------------------------
# notebook 11, exercise 1: precision and recall at a threshold
# ---------------------------------------------------------------------------------------
def _counts(y: np.ndarray, p: np.ndarray, t: float, strict: bool = False) -> tuple[float, float, float, float]:
    called = p > t if strict else p >= t
    tp = float(np.sum(called & (y == 1)))
    fp = float(np.sum(called & (y == 0)))
    tn = float(np.sum(~called & (y == 0)))
    fn = float(np.sum(~called & (y == 1)))
    return tp, fp, tn, fn


def _specificity(counts: tuple[float, float, float, float]) -> float:
    _, fp, tn, _ = counts
    return tn / (tn + fp)


def _accuracy(counts: tuple[float, float, float, float]) -> float:
    tp, fp, tn, fn = counts
    return (tp + tn) / (tp + fp + tn + fn)


def _precision_recall_cases() -> list[tuple[Any, ...]]:
    rng = np.random.default_rng(1101)
    cases = []
    for m, t in ((12, 0.5), (30, 0.3), (25, 0.7), (40, 0.15)):
        y = (rng.random(m) < 0.4).astype(float)
        y[:2] = [0.0, 1.0]
        p = np.round(np.clip(0.35 * y + 0.65 * rng.random(m), 0, 1), 2)
        p[:2] = [t, 0.99]  # a negative exactly at the threshold; a confident positive
        cases.append((y, p, t))
    return cases


def check_precision_recall(
    precision_recall: Callable[[np.ndarray, np.ndarray, float], tuple[float, float]],
) -> CheckResult:
    """Check ``precision_recall(y, p, threshold) -> (precision, recall)``, positive when ``p >= threshold``.

    Introduced in ``notebooks/11_evaluation.ipynb``. Every test input has at least one
    predicted positive, so neither ratio is 0/0.
    """

    def pair(tp: float, fp: float, tn: float, fn: float) -> tuple[float, float]:
        return tp / (tp + fp), tp / (tp + fn)

    def ref(y: np.ndarray, p: np.ndarray, t: float) -> tuple[float, float]:
        return pair(*_counts(y, p, t))

    def c(y: np.ndarray, p: np.ndarray, t: float, strict: bool = False) -> tuple[float, float, float, float]:
        return _counts(y, p, t, strict)

    mistakes = [
        (lambda y, p, t: ref(y, p, t)[::-1], "the two are swapped: return (precision, recall) in that order."),
        (lambda y, p, t: pair(*c(y, p, t, strict=True)),
         "a probability equal to the threshold counts as positive: use p >= threshold, not p > threshold."),
        (lambda y, p, t: (ref(y, p, t)[1], ref(y, p, t)[1]),
         "precision divides by everything *called* positive, TP + FP; TP + FN (everything truly positive) "
         "is recall's denominator."),
        (lambda y, p, t: (ref(y, p, t)[0], ref(y, p, t)[0]),
         "recall divides by everything *truly* positive, TP + FN, not by the samples called positive."),
        (lambda y, p, t: (ref(y, p, t)[0], _specificity(c(y, p, t))),
         "that second number is the specificity TN / (TN + FP), the recall of the negatives; "
         "recall is TP / (TP + FN)."),
        (lambda y, p, t: (_accuracy(c(y, p, t)), ref(y, p, t)[1]),
         "that first number is the accuracy; precision is TP / (TP + FP), the share of alarms that are right."),
    ]
    return check_function(
        precision_recall,
        ref,
        _precision_recall_cases(),
        mistakes,
        name="precision_recall",
        forbidden=[metrics.threshold_metrics, metrics.threshold_counts, metrics.binary_confusion],
    )


# ---------------------------------------------------------------------------------------
# notebook 11, exercise 2: the AUC by its ranking definition
# ---------------------------------------------------------------------------------------
def _pairs(y: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    return (pos > neg).astype(float), (pos == neg).astype(float)


def _auc_cases() -> list[tuple[Any, ...]]:
    rng = np.random.default_rng(1102)
    cases = []
    for m in (6, 15, 30, 50):
        y = (rng.random(m) < 0.45).astype(float)
        y[:2] = [0.0, 1.0]
        s = rng.integers(-4, 5, size=m) + 1.2 * y  # whole numbers and steps of 1.2: ties within and across classes
        s[:2] = [2.0, 2.0]  # one tie between a negative and a positive for sure
        cases.append((y, s))
    return cases


def check_rank_auc(auc: Callable[[np.ndarray, np.ndarray], float]) -> CheckResult:
    """Check ``auc(y, scores)``: the share of (positive, negative) pairs the positive wins, a tie half a win.

    Introduced in ``notebooks/11_evaluation.ipynb``.
    """

    def ref(y: np.ndarray, s: np.ndarray) -> float:
        wins, ties = _pairs(y, s)
        return float(np.mean(wins + 0.5 * ties))

    mistakes = [
        (lambda y, s: float(np.mean(_pairs(y, s)[0])),
         "ties count for nothing there; a tied pair is a coin toss for any threshold: count it as one half."),
        (lambda y, s: float(np.mean(_pairs(y, s)[0] + _pairs(y, s)[1])),
         "ties count as whole wins there (>=); a tied pair is a coin toss: count it as one half."),
        (lambda y, s: 1.0 - ref(y, s),
         "that is the probability that the *negative* scores higher: compare positive > negative."),
        (lambda y, s: float(np.sum(_pairs(y, s)[0] + 0.5 * _pairs(y, s)[1]) / y.size**2),
         "divide by the number of (positive, negative) pairs, P·N, not by m²."),
        (lambda y, s: float(np.sum(_pairs(y, s)[0] + 0.5 * _pairs(y, s)[1]) / (y.size * (y.size - 1) / 2)),
         "divide by the number of (positive, negative) pairs, P·N, not by all m(m-1)/2 pairs of samples."),
    ]
    return check_function(
        auc,
        ref,
        _auc_cases(),
        mistakes,
        name="rank_auc",
        forbidden=[metrics.rank_auc, metrics.roc_auc, metrics.roc_curve],
    )


# ---------------------------------------------------------------------------------------
# notebook 12, exercise 1: the λ of a Gaussian prior
# ---------------------------------------------------------------------------------------
def check_lam_from_prior(lam_from_prior: Callable[[float, int], float]) -> CheckResult:
    """Check ``lam_from_prior(prior_sd, m)``: the course's λ for independent N(0, σ²) priors, with m samples.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. The answer is :math:`1/\\sigma^2`;
    ``m`` is given because a likely mistake uses it.
    """
    cases = [(0.5, 100), (2.0, 398), (1.0, 10), (0.1, 50), (3.0, 7)]
    mistakes = [
        (lambda s, m: 1 / (m * s**2),
         "the course's cost is a *mean* with penalty λ/(2m)·Σθ_j², so m·J has penalty (λ/2)·Σθ_j²; "
         "matching ‖w‖²/(2σ²) gives λ = 1/σ², with no m left over."),
        (lambda s, m: m / s**2, "m·J has penalty (λ/2)·Σθ_j²: the m multiplies the whole cost, it does not stay in λ."),
        (lambda s, m: 1 / s, "σ is a standard deviation: the prior's exponent has σ², so λ = 1/σ²."),
        (lambda s, m: s**2, "upside down: a narrow prior (small σ) is a strong penalty (large λ), so λ = 1/σ²."),
        (lambda s, m: 1 / (2 * s**2),
         "the 1/2 is already in the penalty λ/(2m)·Σθ_j²: matching (λ/2)‖w‖² with ‖w‖²/(2σ²) gives λ = 1/σ²."),
        (lambda s, m: 2 / s**2,
         "the 1/2 is already in the penalty λ/(2m)·Σθ_j²: matching (λ/2)‖w‖² with ‖w‖²/(2σ²) gives λ = 1/σ²."),
    ]
    return check_function(
        lam_from_prior,
        lambda s, m: 1 / s**2,
        cases,
        mistakes,
        name="lam_from_prior",
        forbidden=[logistic.lam_from_prior_sd],
    )


# ---------------------------------------------------------------------------------------
# notebook 12, exercise 2: reliability bins
# ---------------------------------------------------------------------------------------
def _bins_cases() -> list[tuple[Any, ...]]:
    rng = np.random.default_rng(1201)
    cases = []
    for m, bins in ((40, 5), (60, 10), (25, 4)):
        p = np.round(rng.random(m), 3)
        p[:3] = [0.0, 1.0, 0.5]  # the ends and a middle edge (exact in binary)
        y = (rng.random(m) < p).astype(float)
        cases.append((y, p, bins))
    p = np.array([0.05, 0.1, 0.15, 0.95, 1.0, 0.9])  # bins 1 and 2 of 4 are empty: NaN means
    cases.append((np.array([0.0, 0.0, 1.0, 1.0, 1.0, 0.0]), p, 4))
    return cases


def _bins(y: np.ndarray, p: np.ndarray, bins: int, index: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keep = (index >= 0) & (index < bins)
    counts = np.bincount(index[keep], minlength=bins).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_p = np.bincount(index[keep], weights=p[keep], minlength=bins) / counts
        mean_y = np.bincount(index[keep], weights=y[keep], minlength=bins) / counts
    return mean_p, mean_y, counts


def _swapped(bins: tuple[np.ndarray, np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean_p, observed, counts = bins
    return observed, mean_p, counts


def check_reliability_bins(
    reliability: Callable[[np.ndarray, np.ndarray, int], tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> CheckResult:
    """Check ``reliability(y, p, n_bins) -> (mean_predicted, observed, counts)`` over equal bins of [0, 1].

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. Bin k holds k/B <= p < (k+1)/B, the
    last bin also p = 1; an empty bin has NaN means and count 0.
    """

    def floor_index(p: np.ndarray, bins: int) -> np.ndarray:
        return np.minimum((p * bins).astype(int), bins - 1)

    def ref(y: np.ndarray, p: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return _bins(y, p, bins, floor_index(p, bins))

    def centres(y: np.ndarray, p: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        _, mean_y, counts = ref(y, p, bins)
        return np.where(counts > 0, (np.arange(bins) + 0.5) / bins, np.nan), mean_y, counts

    def zeros_for_empty(y: np.ndarray, p: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        mean_p, mean_y, counts = ref(y, p, bins)
        return np.nan_to_num(mean_p), np.nan_to_num(mean_y), counts

    mistakes = [
        (lambda y, p, b: _bins(y, p, b, (p * b).astype(int)),
         "a probability of exactly 1 falls out: (p·B) rounds down to B, one past the last bin; "
         "put it in the last bin (np.minimum(..., B - 1))."),
        (lambda y, p, b: _bins(y, p, b, np.minimum(np.round(p * b).astype(int), b - 1)),
         "bins are cut by rounding *down*: bin k is k/B <= p < (k+1)/B (np.floor), not the nearest whole number."),
        (lambda y, p, b: _swapped(ref(y, p, b)),
         "the first two are swapped: the mean *predicted* probability comes first, the observed share second."),
        (centres,
         "the x of a bin is the mean of the probabilities in it, not the bin's centre: predictions need not "
         "sit in the middle of their bin."),
        (zeros_for_empty, "an empty bin has no mean: give it NaN (and count 0), not 0, so it is not plotted."),
    ]
    return check_function(
        reliability,
        ref,
        _bins_cases(),
        mistakes,
        name="reliability_bins",
        forbidden=[metrics.reliability_bins],
    )


# ---------------------------------------------------------------------------------------
# notebook 12, exercise 3: cross-validation for λ
# ---------------------------------------------------------------------------------------
def _cv_cases() -> list[tuple[Any, ...]]:
    rng = np.random.default_rng(1202)
    cases = []
    for m, k in ((40, 4), (36, 3)):
        X = rng.normal(size=(m, 2)) * [1.0, 20.0] + [0.0, 50.0]
        X[: m // 3, 1] += 30.0  # the columns' statistics differ between folds: leaking them shows
        y = (rng.random(m) < sigmoid(1.5 * X[:, 0] - 0.05 * (X[:, 1] - 55.0))).astype(float)
        y[:2] = [0.0, 1.0]
        folds = model_selection.stratified_folds(y, k, rng)
        cases.append((X, y, np.array([0.1, 1.0, 10.0]), folds))
    return cases


def _cv(X: np.ndarray, y: np.ndarray, lams: np.ndarray, folds: np.ndarray, *, leak: bool = False,
        penalised: bool = False, training: bool = False, no_holdout: bool = False) -> np.ndarray:
    from .. import data, optim

    k = int(folds.max()) + 1
    out = np.zeros((lams.size, k))
    for f in range(k):
        held = folds == f
        fit_rows = np.ones_like(held) if no_holdout else ~held
        stats_rows = np.ones_like(held) if leak else fit_rows
        _, mean, std = data.standardize(X[stats_rows])
        A = data.add_intercept(data.apply_standardization(X, mean, std))
        for j, lam in enumerate(lams):
            theta = optim.fit_logistic_newton(A[fit_rows], y[fit_rows], lam=float(lam), max_iter=100).params
            rows = fit_rows if training else held
            out[j, f] = logistic.cost(theta, A[rows], y[rows], float(lam) if penalised else 0.0)
    return out.mean(axis=1)


def check_cross_validation(
    cross_validation: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray],
) -> CheckResult:
    """Check ``cross_validation(X, y, lams, folds)``: the mean held-out cross-entropy of each λ, shape (L,).

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. For each fold, standardise with the
    other folds' statistics, fit at each λ on the other folds (Newton), and score the fold with
    the unpenalised mean cross-entropy; then average over the folds.
    """
    mistakes = [
        (lambda X, y, L, F: _cv(X, y, L, F, leak=True),
         "the held-out fold leaked into the standardisation: take the mean and standard deviation from "
         "the training folds only, then apply them to the held-out fold."),
        (lambda X, y, L, F: _cv(X, y, L, F, penalised=True),
         "the held-out score includes the penalty; score held-out data with the plain cross-entropy "
         "(lam = 0), so that every λ is judged by the same yardstick."),
        (lambda X, y, L, F: _cv(X, y, L, F, training=True),
         "that is the cost on the training folds; score each model on the fold it did not see."),
        (lambda X, y, L, F: _cv(X, y, L, F, no_holdout=True),
         "the model was fitted on all samples, the held-out fold included; fit on the other folds only."),
    ]
    return check_function(
        cross_validation,
        lambda X, y, L, F: model_selection.cross_validate(X, y, L, F)[0].mean(axis=1),
        _cv_cases(),
        mistakes,
        name="cross_validation",
        rtol=1e-5,
        atol=1e-7,
        forbidden=[model_selection.cross_validate],
    )
