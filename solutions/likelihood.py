"""Solutions of the exercises in ``notebooks/03_likelihood_cross_entropy.ipynb``,
``notebooks/04_gradient_descent.ipynb`` and ``notebooks/05_convexity_newton.ipynb`` (the likelihood topic)."""

from __future__ import annotations

import numpy as np

from helpers import data, logistic, optim
from helpers.sigmoid import sigmoid


def cost_from_logits(y: np.ndarray, z: np.ndarray) -> float:
    """Mean binary cross-entropy from scores ``z`` (shape (m,)) and labels ``y`` (shape (m,)), stably.

    One sample's loss is ``-[y ln σ(z) + (1 - y) ln(1 - σ(z))] = ln(1 + e^z) - y z``, and
    ``ln(1 + e^z) = max(z, 0) + log1p(exp(-|z|))`` never overflows and never takes ``log(0)``.
    """
    return float(np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))))


def gradient(theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Gradient of the mean cross-entropy, ``Xᵀ (σ(Xθ) - y) / m``, shape (n,)."""
    return X.T @ (sigmoid(X @ theta) - y) / X.shape[0]


def gradient_descent(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> tuple[np.ndarray, np.ndarray]:
    """Batch gradient descent on the mean cross-entropy from θ = 0: ``(theta, costs)``.

    ``costs`` has ``n_iter + 1`` values: the cost at θ = 0, then the cost after each step
    (recorded before the next step is taken), as ``optim.fit_logistic_gd`` records them.
    """
    m = X.shape[0]
    theta = np.zeros(X.shape[1])
    costs = [logistic.cost(theta, X, y)]
    for _ in range(n_iter):
        theta = theta - alpha * X.T @ (sigmoid(X @ theta) - y) / m   # one step with the whole gradient
        costs.append(logistic.cost(theta, X, y))
    return theta, np.array(costs)


def hessian(theta: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Hessian of the mean cross-entropy, ``Xᵀ S X / m`` with ``S = diag(h (1 - h))``, shape (n, n).

    ``X.T * s`` scales column i of ``X.T`` (sample i) by ``s_i``: the product with the
    diagonal matrix, without building the (m, m) matrix ``S``.
    """
    z = X @ theta
    s = sigmoid(z) * sigmoid(-z)  # h (1 - h), without the cancellation in 1 - h
    return (X.T * s) @ X / X.shape[0]


def newton(X: np.ndarray, y: np.ndarray, n_steps: int) -> np.ndarray:
    """θ after ``n_steps`` full Newton steps from θ = 0: ``θ ← θ − H⁻¹∇J`` (IRLS), shape (n,).

    The step solves ``H d = ∇J`` with ``np.linalg.solve`` (cheaper and more accurate than
    forming ``H⁻¹``); the Hessian is recomputed at every step because its weights
    ``h(1 − h)`` move with θ.
    """
    theta = np.zeros(X.shape[1])
    for _ in range(n_steps):
        theta = theta - np.linalg.solve(hessian(theta, X), gradient(theta, X, y))
    return theta


def largest_learning_rate_by_bisection(low: float = 10.0, high: float = 40.0, steps: int = 20,
                                       n_iter: int = 5000, tol: float = 1e-6) -> float:
    """The largest learning rate for which gradient descent reaches the minimum, found by experiment.

    On the scores scaled to [0, 1] by their minimum and maximum. ``low`` must converge and
    ``high`` must not (10 and 40 do); each step halves the interval. "Converges" means:
    after ``n_iter`` iterations from θ = 0 the cost is within ``tol`` of the minimum found
    by Newton's method.
    """
    scores, admitted = data.load_exam_scores()
    X = data.add_intercept(data.min_max_scale(scores)[0])
    minimum = optim.fit_logistic_newton(X, admitted).costs[-1]
    for _ in range(steps):
        middle = (low + high) / 2
        if optim.fit_logistic_gd(X, admitted, middle, n_iter).costs[-1] - minimum < tol:
            low = middle
        else:
            high = middle
    return low


def largest_learning_rate_by_theory() -> float:
    """``2 / λ_max`` of the Hessian at the minimum (min-max scaled scores): about 22.7."""
    scores, admitted = data.load_exam_scores()
    X = data.add_intercept(data.min_max_scale(scores)[0])
    best = optim.fit_logistic_newton(X, admitted).params
    return 2.0 / float(np.linalg.eigvalsh(logistic.hessian(best, X, admitted))[-1])
