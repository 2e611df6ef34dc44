"""Solutions of the exercises in ``notebooks/06_cross_entropy_vs_mse.ipynb``."""

from __future__ import annotations

import math

import numpy as np

from helpers.sigmoid import sigmoid


def mse_grad_z(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Exercise 1: ∂/∂z of (σ(z) - y)²/2 is (h - y) · h (1 - h), with h = σ(z) and 1 - h = σ(-z)."""
    h = sigmoid(z)
    return (h - y) * h * sigmoid(-z)


#: Exercise 2: maximise (1 - h)² h: derivative (1 - h)(1 - 3h) = 0 gives h = 1/3, so
#: z* = ln(h / (1 - h)) = ln(1/2) = -ln 2.
z_star = -math.log(2)

#: Exercise 3a: ∂CE/∂z = h - y at z = -10, y = 1: σ(-10) - 1, about -0.99995.
ce_grad = float(sigmoid(-10.0)) - 1.0

#: Exercise 3b: |∂CE/∂z| / |∂MSE/∂z| = |h - y| / (|h - y| h (1 - h)) = 1 / (h (1 - h)), about 22 028.
ratio = 1.0 / float(sigmoid(-10.0) * sigmoid(10.0))


def mse_curvature_z(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Exercise 4: d/dz [(h - y) h (1 - h)] = [h (1 - h)]² + (h - y)(1 - 2h) h (1 - h)."""
    h, g = sigmoid(z), sigmoid(-z)
    s = h * g
    return s * (s + (h - y) * (g - h))


def cost_for_scaled_gradient(a: np.ndarray, y: np.ndarray, k: float) -> np.ndarray:
    """Notebook 06, Nielsen's question with a factor: ∂C/∂z = k (a - y) needs ∂C/∂a = k (a - y) / (a (1 - a)).

    Integrating in a: C = -k [y ln a + (1 - y) ln(1 - a)] + const, and const = 0 makes C = 0 at a = y.
    """
    return -k * (y * np.log(a) + (1 - y) * np.log(1 - a))
