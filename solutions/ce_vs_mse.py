"""Solutions of the exercises in ``notebooks/06_cross_entropy_vs_mse.ipynb`` and ``07_learning_slowdown.ipynb``."""

from __future__ import annotations

import math

import numpy as np

from helpers.sigmoid import sigmoid


def mse_grad_z(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Notebook 06, exercise 1: ∂/∂z of (σ(z) - y)²/2 is (h - y) · h (1 - h), with h = σ(z) and 1 - h = σ(-z)."""
    h = sigmoid(z)
    return (h - y) * h * sigmoid(-z)


#: Notebook 06, exercise 2: for ℓ₃ = |h - y|³ / 3 and y = 1, ∂ℓ₃/∂h = -(1 - h)², so
#: |∂ℓ₃/∂z| = (1 - h)² · h (1 - h) = h (1 - h)³. Its derivative in h is (1 - h)²(1 - 4h), zero at
#: h = 1/4, so z* = ln((1/4) / (3/4)) = -ln 3. For |h - y|^p / p the same steps give h = 1/(1 + p)
#: and z* = -ln p (p = 2: the squared error's -ln 2).
z_star = -math.log(3)

#: Notebook 07, exercise 1a: ∂CE/∂z = h - y at z = 6, y = 0: σ(6), about 0.99753.
ce_grad = float(sigmoid(6.0))

#: Notebook 07, exercise 1b: |∂CE/∂z| / |∂MSE/∂z| = |h - y| / (|h - y| h (1 - h)) = 1 / (h (1 - h))
#: = (1 + e⁻ᶻ)(1 + eᶻ) = 2 + e⁶ + e⁻⁶ at z = 6, about 405.4: the sigmoid's slope, which the
#: logarithm's derivative 1 / (h (1 - h)) cancels in cross-entropy.
ratio = 1.0 / float(sigmoid(6.0) * sigmoid(-6.0))


def mse_curvature_z(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Notebook 06, exercise 3: d/dz [(h - y) h (1 - h)] = [h (1 - h)]² + (h - y)(1 - 2h) h (1 - h)."""
    h, g = sigmoid(z), sigmoid(-z)
    s = h * g
    return s * (s + (h - y) * (g - h))


def cost_for_scaled_gradient(a: np.ndarray, y: np.ndarray, k: float) -> np.ndarray:
    """Notebook 06, Nielsen's question with a factor: ∂C/∂z = k (a - y) needs ∂C/∂a = k (a - y) / (a (1 - a)).

    Integrating in a: C = -k [y ln a + (1 - y) ln(1 - a)] + const, and const = 0 makes C = 0 at a = y.
    """
    return -k * (y * np.log(a) + (1 - y) * np.log(1 - a))
