"""Solutions of the exercises in ``notebooks/01_sigmoid.ipynb``."""

from __future__ import annotations

import numpy as np

from helpers.sigmoid import sigmoid


def sigmoid_grad(z: np.ndarray) -> np.ndarray:
    """Exercise 1: ``σ'(z) = σ(z)(1 - σ(z))``, from the stable sigmoid (no overflow at ``z = ±1000``)."""
    s = sigmoid(z)
    return s * (1 - s)


def boundary_x1_intercept(theta: np.ndarray) -> float:
    """Exercise 2: on the x1 axis ``x2 = 0``, so ``θ0 + θ1 x1 = 0`` and ``x1 = -θ0 / θ1`` (needs ``θ1 ≠ 0``)."""
    return -theta[0] / theta[1]


def label_probability(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Exercise 3: ``P(y | x) = σ(z)`` if ``y = 1`` and ``1 - σ(z) = σ(-z)`` if ``y = 0``: ``σ((2y - 1) z)``."""
    return sigmoid((2 * y - 1) * z)


#: Exercise 4: p = 0.8 has odds 0.8 / 0.2 = 4 (4 to 1) and log-odds ln 4 ≈ 1.386.
ODDS_OF_08 = (4.0, float(np.log(4.0)))


def threshold_score(t: np.ndarray) -> np.ndarray:
    """Exercise 5: σ is increasing, so ``σ(z) ≥ t ⇔ z ≥ σ⁻¹(t) = ln(t / (1 - t))``."""
    return np.log(t) - np.log1p(-t)
