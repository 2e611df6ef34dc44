"""Solutions of the exercises in ``notebooks/08_softmax.ipynb`` and ``09_softmax_training.ipynb``."""

from __future__ import annotations

import numpy as np

from helpers import data, optim


def stable_softmax(Z: np.ndarray) -> np.ndarray:
    """Exercise 1: row-wise softmax of scores (K,) or (m, K), with each row's maximum subtracted.

    Shift invariance makes the result exact; after the shift every exponent is <= 0 (no
    overflow) and the largest term is 1 (the sum is >= 1, never 0).
    """
    shifted = Z - Z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


#: Exercise 2a: at z = (ln 2, 0, 0), p = (1/2, 1/4, 1/4) and ∂p_i/∂z_j = p_i (δ_ij - p_j),
#: i.e. diag(p) - p pᵀ. Diagonal p_i - p_i²: 1/2 - 1/4, 1/4 - 1/16, 1/4 - 1/16; off-diagonal -p_i p_j.
J_softmax = np.array(
    [
        [1 / 4, -1 / 8, -1 / 8],
        [-1 / 8, 3 / 16, -1 / 16],
        [-1 / 8, -1 / 16, 3 / 16],
    ]
)

#: Exercise 2b: ∂ log p_i / ∂z_j = δ_ij - p_j, i.e. I - 1 pᵀ: every row is -p plus 1 on the diagonal.
J_log_softmax = np.array(
    [
        [1 / 2, -1 / 4, -1 / 4],
        [-1 / 2, 3 / 4, -1 / 4],
        [-1 / 2, -1 / 4, 3 / 4],
    ]
)


def softmax_gradient(W: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float = 0.0) -> np.ndarray:
    """Exercise 3: ∇_W J = Xᵀ (P - Y) / m + (lam / m) W, with row 0 (the intercepts) not penalised."""
    m, k = X.shape[0], W.shape[1]
    Z = X @ W
    Z = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    P /= P.sum(axis=1, keepdims=True)
    Y = np.zeros((m, k))
    Y[np.arange(m), y] = 1.0
    grad = X.T @ (P - Y) / m
    grad[1:] += lam / m * W[1:]
    return grad


def natural_parameters(p: np.ndarray) -> np.ndarray:
    """Notebook 08, the GLM exercise: η_k = ln(p_k / p_{K-1}), row by row; the reference class gets 0."""
    log_p = np.log(p)
    return log_p - log_p[..., -1:]


def softmax_with_temperature(Z: np.ndarray, T: float) -> np.ndarray:
    """Notebook 08, the temperature exercise: softmax(Z / T), the row maximum subtracted before dividing by T."""
    shifted = (Z - Z.max(axis=-1, keepdims=True)) / T  # every entry <= 0: no overflow, however small T is
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def score_hessian(z: np.ndarray) -> np.ndarray:
    """Notebook 09, the Hessian exercise (one sample): ∂²L/∂z² = diag(p) - p pᵀ, whatever the label."""
    shifted = np.exp(z - z.max())
    p = shifted / shifted.sum()
    return np.diag(p) - np.outer(p, p)


def softmax_hessian(W: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Notebook 09, the Hessian exercise (the batch): (1/m) Σ_i (diag p_i - p_i p_iᵀ) ⊗ x_i x_iᵀ.

    vec(W) stacks the columns of W (W.T.reshape(-1)), so the class index is the outer block of
    np.kron and the feature index the inner one. Vectorised: block (k, l) is
    Xᵀ diag(δ_kl P[:, k] - P[:, k] P[:, l]) X / m.
    """
    m, n = X.shape
    K = W.shape[1]
    Z = X @ W
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    H = np.zeros((K, n, K, n))
    for k in range(K):  # K x K blocks of shape (n, n); a loop over classes, not samples
        for ell in range(K):
            weights = (P[:, k] if k == ell else 0.0) - P[:, k] * P[:, ell]  # (m,)
            H[k, :, ell, :] = (X.T * weights) @ X / m
    return H.reshape(K * n, K * n)


def one_vs_rest(features: np.ndarray, y: np.ndarray, K: int, lam: float = 0.0) -> np.ndarray:
    """Notebook 09: K binary models "class k" (1) against the rest (0), as the columns of Theta (n + 1, K)."""
    X = data.add_intercept(features)
    columns = [optim.fit_logistic_newton(X, (y == k).astype(float), lam=lam).params for k in range(K)]
    return np.column_stack(columns)


def ovr_predict(Theta: np.ndarray, features: np.ndarray) -> np.ndarray:
    """Notebook 09: the class whose model scores highest (the sigmoid is increasing: same as its probability)."""
    return np.argmax(data.add_intercept(features) @ Theta, axis=1)
