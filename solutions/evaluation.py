"""Solutions of the exercises in ``notebooks/11_evaluation.ipynb`` and ``notebooks/12_choosing_lambda.ipynb``."""

from __future__ import annotations

import numpy as np

from helpers import data, logistic, optim


# notebook 11
def precision_recall(y: np.ndarray, p: np.ndarray, threshold: float) -> tuple[float, float]:
    """Precision TP / (TP + FP) and recall TP / (TP + FN), calling a sample positive when p >= threshold."""
    called = p >= threshold
    tp = np.sum(called & (y == 1))
    fp = np.sum(called & (y == 0))
    fn = np.sum(~called & (y == 1))
    return float(tp / (tp + fp)), float(tp / (tp + fn))


def rank_auc(y: np.ndarray, scores: np.ndarray) -> float:
    """Share of (positive, negative) pairs where the positive scores higher, a tie counting one half."""
    positive = scores[y == 1][:, None]
    negative = scores[y == 0][None, :]
    return float(np.mean((positive > negative) + 0.5 * (positive == negative)))


# notebook 12
def lam_from_prior(prior_sd: float, m: int) -> float:
    """λ = 1/σ²: m·J has penalty (λ/2)‖w‖², the prior gives ‖w‖²/(2σ²); m plays no part."""
    return 1.0 / prior_sd**2


def reliability(y: np.ndarray, p: np.ndarray, n_bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean predicted probability, observed share of 1s and count in each of n_bins equal bins of [0, 1]."""
    index = np.minimum(np.floor(p * n_bins).astype(int), n_bins - 1)  # p = 1 joins the last bin
    counts = np.bincount(index, minlength=n_bins)
    mean_p = np.full(n_bins, np.nan)
    observed = np.full(n_bins, np.nan)
    filled = counts > 0
    mean_p[filled] = np.bincount(index, weights=p, minlength=n_bins)[filled] / counts[filled]
    observed[filled] = np.bincount(index, weights=y, minlength=n_bins)[filled] / counts[filled]
    return mean_p, observed, counts


def cross_validation(X: np.ndarray, y: np.ndarray, lams: np.ndarray, folds: np.ndarray) -> np.ndarray:
    """Mean held-out cross-entropy of each λ over the folds (standardised with the training folds' statistics)."""
    k = int(folds.max()) + 1
    costs = np.zeros((len(lams), k))
    for f in range(k):
        held = folds == f
        Z, mean, std = data.standardize(X[~held])
        A_train = data.add_intercept(Z)
        A_held = data.add_intercept(data.apply_standardization(X[held], mean, std))
        for j, lam in enumerate(lams):
            theta = optim.fit_logistic_newton(A_train, y[~held], lam=float(lam)).params
            costs[j, f] = logistic.cost(theta, A_held, y[held])  # no penalty on held-out data
    return costs.mean(axis=1)
