"""Solutions of the exercises in ``notebooks/01_sigmoid.ipynb`` and ``notebooks/02_decision_boundary.ipynb``."""

from __future__ import annotations

import numpy as np

from helpers.sigmoid import sigmoid


def sigmoid_grad(z: np.ndarray) -> np.ndarray:
    """Notebook 01, exercise 1: ``σ'(z) = σ(z)(1 - σ(z))``, from the stable sigmoid (no overflow at ``z = ±1000``)."""
    s = sigmoid(z)
    return s * (1 - s)


def boundary_x1_intercept(theta: np.ndarray) -> float:
    """Notebook 02, exercise 1: on the x1 axis ``x2 = 0``, so ``θ0 + θ1 x1 = 0`` and ``x1 = -θ0 / θ1``.

    Needs ``θ1 ≠ 0``.
    """
    return -theta[0] / theta[1]


def label_probability(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Notebook 01, exercise 2: ``P(y | x) = σ(z)`` if ``y = 1``, ``1 - σ(z) = σ(-z)`` if ``y = 0``.

    In one expression: ``σ((2y - 1) z)``.
    """
    return sigmoid((2 * y - 1) * z)


#: Notebook 01, exercise 3: odds of 1 to 3 mean p / (1 - p) = 1/3, so p = (1/3) / (1 + 1/3) = 1/4,
#: and the log-odds are ln(1/3) = -ln 3 ≈ -1.099.
ODDS_ONE_TO_THREE = (0.25, float(-np.log(3.0)))


def threshold_score(t: np.ndarray) -> np.ndarray:
    """Notebook 02, exercise 2: σ is increasing, so ``σ(z) ≥ t ⇔ z ≥ σ⁻¹(t) = ln(t / (1 - t))``."""
    return np.log(t) - np.log1p(-t)


def predict(theta: np.ndarray, X: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Notebook 02, exercise 3: label 1 where ``σ(θᵀx) ≥ t``, that is where the score ``θᵀx ≥ ln(t / (1 - t))``.

    Comparing scores needs no sigmoid and has no rounding near ``p = 1`` (σ(40) is exactly 1.0
    in floating point); for ``t = 1/2`` the cut is exactly 0, so points on the boundary get 1.
    """
    cut = threshold_score(np.array([threshold]))[0]
    return (X @ theta >= cut).astype(int)
