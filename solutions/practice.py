"""Solutions of the exercises in ``notebooks/10_regularisation.ipynb``."""

from __future__ import annotations

import numpy as np

from helpers.sigmoid import sigmoid


def regularised_gradient(theta: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """Gradient of the L2-regularised cross-entropy, intercept not penalised.

    ``X.T @ (sigmoid(X @ theta) - y) / m + (lam / m) * [0, theta_1, ..., theta_n]``.
    """
    m = X.shape[0]
    penalised = theta.copy()
    penalised[0] = 0.0
    return X.T @ (sigmoid(X @ theta) - y) / m + (lam / m) * penalised


def n_poly_features(d: int) -> int:
    """Monomials x1^i x2^j with i + j <= d, the ones column included: (d + 1)(d + 2) / 2."""
    return (d + 1) * (d + 2) // 2


def odds_ratio(theta_j: float, delta: float) -> float:
    """Factor by which the odds change when feature j grows by ``delta`` units: exp(delta * theta_j)."""
    return float(np.exp(delta * theta_j))


def which_bin(x: float, edges: np.ndarray) -> int:
    """Bin k with edges[k-1] <= x < edges[k]; 0 below the first edge, len(edges) from the last one up."""
    return int(np.sum(np.asarray(edges) <= x))
