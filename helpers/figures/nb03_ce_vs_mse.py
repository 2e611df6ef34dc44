"""Figures, sliders and small numerical tools of ``notebooks/03_cross_entropy_vs_mse.ipynb``.

The notebook compares two costs for the same model ``h = sigmoid(z)``:

* cross-entropy, per sample ``-[y ln h + (1 - y) ln(1 - h)]``, whose derivative with
  respect to the score is ``h - y``;
* half the squared error, per sample ``(h - y)**2 / 2``, whose derivative with respect to
  the score is ``(h - y) h (1 - h)``: the extra factor ``h (1 - h)`` vanishes when the
  model is confidently wrong, which is the *learning slowdown*.

This module holds the per-sample formulas (vectorised, stable for every finite score),
the cost surfaces and Hessians of a small 1-D problem, and three figures: the static
comparison plots, :class:`SlowdownExplorer` (one neuron, ``x = 1``, ``y = 0``) and
:class:`ExamScoresRace` (the exam-score data from a confidently wrong start). Each
interactive class builds its figure once; ``draw`` only updates artists and slices
trajectories (and the curves derived from them) cached per learning rate. Each lists the
artists ``draw`` changes in ``dynamic_artists`` and keeps its axes fixed, so a live panel
(``LivePanel(..., dynamic=...)``) repaints only those over one cached background.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import NamedTuple

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from numpy.typing import ArrayLike

from .. import logistic, optim
from .._validate import (
    as_float_array,
    check_binary_labels,
    check_iterations,
    check_learning_rate,
    check_matching_rows,
    check_params,
    describe,
)
from ..sigmoid import _sigmoid
from .style import PALETTE, course_style, new_figure, show_divergence, style_axes

__all__ = [
    "LOSSES",
    "LOSS_LABELS",
    "START_POINTS",
    "ExamScoresRace",
    "SlowdownExplorer",
    "accuracy_per_iteration",
    "ce_curvature_z",
    "ce_grad_z",
    "ce_loss_z",
    "central_difference",
    "cost_surfaces",
    "epochs_to_halve",
    "finite_difference_hessian",
    "first_index_at_or_above",
    "first_index_at_or_below",
    "make_toy_data",
    "min_eigenvalue_grid",
    "min_eigenvalues",
    "mse_curvature_z",
    "mse_grad_z",
    "mse_hessian",
    "mse_loss_z",
    "plot_cost_surfaces",
    "plot_probability_view",
    "plot_score_view",
    "train_single_neuron",
]

#: The two costs, in the order used everywhere (names as ``helpers.optim.fit_logistic_gd`` spells them).
LOSSES: tuple[str, str] = ("cross_entropy", "mse")
#: How the figures name the costs.
LOSS_LABELS: dict[str, str] = {"cross_entropy": "cross-entropy", "mse": "squared error"}
_COLORS = {"cross_entropy": PALETTE["blue"], "mse": PALETTE["vermillion"]}
_STYLES = {"cross_entropy": "-", "mse": "--"}
_MARKERS = {"cross_entropy": "o", "mse": "s"}

#: The two starting points of the one-neuron experiment, as ``label -> (w, b)``.
START_POINTS: dict[str, tuple[float, float]] = {
    "(w, b) = (0.6, 0.9)": (0.6, 0.9),
    "(w, b) = (2, 2)": (2.0, 2.0),
}


# ---------------------------------------------------------------------------------------
# one sample: losses and derivatives as functions of the score z
# ---------------------------------------------------------------------------------------
def _scores_and_labels(z: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Check a score array and 0/1 targets that broadcast against it; return float64 arrays."""
    scores = as_float_array(z, "z", allow_empty=True).astype(np.float64, copy=False)
    labels = as_float_array(y, "y", allow_empty=True)
    if np.any((labels != 0) & (labels != 1)):
        bad = labels[(labels != 0) & (labels != 1)].flat[0]
        raise ValueError(f"y must hold targets 0 or 1; got {bad:g}")
    try:
        np.broadcast_shapes(scores.shape, labels.shape)
    except ValueError:
        raise ValueError(
            f"y must be a scalar or broadcast against z; got z of shape {scores.shape} and y of shape {labels.shape}"
        ) from None
    return scores, labels.astype(np.float64, copy=False)


def ce_loss_z(z: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Per-sample cross-entropy as a function of the score, :math:`\ln(1 + e^{z}) - y z`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Equal to
    :math:`-[y \ln h + (1-y)\ln(1-h)]` with :math:`h = \sigma(z)`, but computed from ``z``
    with ``numpy.logaddexp`` so it never takes ``log(0)``: a confidently wrong score
    ``z = -800`` with ``y = 1`` costs 800 nats, not infinity.

    Parameters
    ----------
    z : array_like, any shape
        Scores (log-odds).
    y : array_like of 0/1, broadcastable against ``z``
        Targets.

    Returns
    -------
    numpy.ndarray, broadcast shape of ``z`` and ``y``
        Losses in nats, >= 0.

    Raises
    ------
    ValueError
        If ``z`` is not finite, ``y`` holds values other than 0 and 1, or the shapes
        do not broadcast.

    Examples
    --------
    >>> float(ce_loss_z(-800.0, 1))
    800.0
    """
    scores, labels = _scores_and_labels(z, y)
    return (np.logaddexp(0.0, scores) - labels * scores)[()]


def ce_grad_z(z: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Derivative of the per-sample cross-entropy with respect to the score: :math:`h - y`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

    Parameters
    ----------
    z : array_like, any shape
    y : array_like of 0/1, broadcastable against ``z``

    Returns
    -------
    numpy.ndarray, broadcast shape
        Values in (-1, 1); close to -1 when ``y = 1`` and ``z`` is very negative.

    Raises
    ------
    ValueError
        As :func:`ce_loss_z`.

    Examples
    --------
    >>> round(float(ce_grad_z(-10.0, 1)), 5)
    -0.99995
    """
    scores, labels = _scores_and_labels(z, y)
    return (_sigmoid(scores) - labels)[()]


def mse_loss_z(z: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Per-sample half squared error through the sigmoid, :math:`(\sigma(z) - y)^2 / 2`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

    Parameters
    ----------
    z : array_like, any shape
    y : array_like of 0/1, broadcastable against ``z``

    Returns
    -------
    numpy.ndarray, broadcast shape
        Values in [0, 1/2].

    Raises
    ------
    ValueError
        As :func:`ce_loss_z`.

    Examples
    --------
    >>> float(mse_loss_z(0.0, 1))
    0.125
    """
    scores, labels = _scores_and_labels(z, y)
    return (0.5 * (_sigmoid(scores) - labels) ** 2)[()]


def mse_grad_z(z: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Derivative of :func:`mse_loss_z` with respect to the score: :math:`(h - y)\,h\,(1 - h)`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. ``h (1 - h)`` is computed as
    ``sigmoid(z) * sigmoid(-z)``, free of the cancellation in ``1 - h``.

    Parameters
    ----------
    z : array_like, any shape
    y : array_like of 0/1, broadcastable against ``z``

    Returns
    -------
    numpy.ndarray, broadcast shape
        Values in [-4/27, 4/27]; the extremes sit at ``z = -ln 2`` (``y = 1``) and
        ``z = +ln 2`` (``y = 0``).

    Raises
    ------
    ValueError
        As :func:`ce_loss_z`.

    Examples
    --------
    >>> f"{float(mse_grad_z(-10.0, 1)):.3e}"
    '-4.539e-05'
    """
    scores, labels = _scores_and_labels(z, y)
    h = _sigmoid(scores)
    return ((h - labels) * h * _sigmoid(-scores))[()]


def ce_curvature_z(z: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Second derivative of the per-sample cross-entropy in ``z``: :math:`h(1-h) \ge 0`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. It does not depend on ``y``
    (``y`` is checked only so that the signature matches :func:`mse_curvature_z`).

    Parameters
    ----------
    z : array_like, any shape
    y : array_like of 0/1, broadcastable against ``z``

    Returns
    -------
    numpy.ndarray, broadcast shape
        Values in [0, 1/4].

    Raises
    ------
    ValueError
        As :func:`ce_loss_z`.
    """
    scores, labels = _scores_and_labels(z, y)
    shape = np.broadcast_shapes(scores.shape, labels.shape)
    return np.broadcast_to(_sigmoid(scores) * _sigmoid(-scores), shape).copy()[()]


def mse_curvature_z(z: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Second derivative of :func:`mse_loss_z` in ``z``: :math:`s\,[s + (h - y)(1 - 2h)]`, :math:`s = h(1-h)`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. For ``y = 1`` it equals
    :math:`h(1-h)^2(3h - 1)`, negative whenever :math:`h < 1/3`: the squared error is
    concave in ``z`` on the confidently wrong side. ``1 - 2h`` is computed as
    ``sigmoid(-z) - sigmoid(z)``.

    Parameters
    ----------
    z : array_like, any shape
    y : array_like of 0/1, broadcastable against ``z``

    Returns
    -------
    numpy.ndarray, broadcast shape

    Raises
    ------
    ValueError
        As :func:`ce_loss_z`.

    Examples
    --------
    >>> abs(float(mse_curvature_z(-math.log(2), 1))) < 1e-15  # zero at the gradient's peak, h = 1/3
    True
    """
    scores, labels = _scores_and_labels(z, y)
    h, g = _sigmoid(scores), _sigmoid(-scores)
    s = h * g
    return (s * (s + (h - labels) * (g - h)))[()]


def central_difference(f: Callable[[np.ndarray], np.ndarray], z: ArrayLike, eps: float = 1e-5) -> np.ndarray:
    r"""Element-wise central difference :math:`(f(z + \varepsilon) - f(z - \varepsilon)) / 2\varepsilon`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. For functions that act on
    each entry of ``z`` separately (a per-sample loss), one call checks a whole grid; use
    :func:`helpers.gradcheck.numerical_gradient` for functions of a parameter vector.

    Parameters
    ----------
    f : callable
        ``f(z) -> array`` of the shape of ``z``, element-wise.
    z : array_like, any shape
    eps : float, default 1e-5

    Returns
    -------
    numpy.ndarray, shape of ``z``

    Raises
    ------
    ValueError
        If ``z`` is not finite or ``eps`` is not a positive number.

    Examples
    --------
    >>> central_difference(lambda v: v**3, [1.0, 2.0]).round(6)
    array([ 3., 12.])
    """
    points = as_float_array(z, "z").astype(np.float64)
    if not (isinstance(eps, (int, float)) and not isinstance(eps, bool) and np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive, finite number; got {describe(eps)}")
    return (np.asarray(f(points + eps)) - np.asarray(f(points - eps))) / (2 * eps)


# ---------------------------------------------------------------------------------------
# a small 1-D data set, its cost surfaces and Hessians
# ---------------------------------------------------------------------------------------
def make_toy_data(
    rng: np.random.Generator, m: int = 20, weight: float = 2.0, bias: float = -0.5, spread: float = 1.5
) -> tuple[np.ndarray, np.ndarray]:
    """A small 1-D classification problem: ``x ~ N(0, spread²)``, ``y ~ Bernoulli(σ(weight·x + bias))``.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

    Parameters
    ----------
    rng : numpy.random.Generator
        Pass ``np.random.default_rng(seed)`` for a reproducible data set.
    m : int, default 20
        Number of samples.
    weight, bias, spread : float
        The model the labels are drawn from and the spread of ``x``.

    Returns
    -------
    x : numpy.ndarray, shape (m,)
    y : numpy.ndarray of float64 0/1, shape (m,)

    Raises
    ------
    ValueError
        If ``rng`` is not a Generator, ``m`` is not a positive integer, or ``spread <= 0``.
    """
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {describe(rng)}")
    count = check_iterations(m, "m")
    if not (np.isfinite(spread) and spread > 0):
        raise ValueError(f"spread must be a positive, finite number; got {spread!r}")
    x = rng.normal(0.0, spread, count)
    y = (rng.random(count) < _sigmoid(weight * x + bias)).astype(np.float64)
    return x, y


def cost_surfaces(
    x: ArrayLike, y: ArrayLike, w_values: ArrayLike, b_values: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Cross-entropy and half-MSE costs of ``h = σ(w x + b)`` on a grid of ``(w, b)``.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Vectorised over the grid
    and the samples (memory ``len(b_values) * len(w_values) * m`` floats).

    Parameters
    ----------
    x : array_like, shape (m,)
        The one feature.
    y : array_like, shape (m,)
        Labels 0 or 1.
    w_values : array_like, shape (p,)
        Weights (columns of the grid).
    b_values : array_like, shape (q,)
        Biases (rows of the grid).

    Returns
    -------
    ce : numpy.ndarray, shape (q, p)
        Mean cross-entropy (nats); ``ce[i, j]`` belongs to ``(w_values[j], b_values[i])``.
    mse : numpy.ndarray, shape (q, p)
        Mean half squared error.

    Raises
    ------
    ValueError
        On non-finite or mismatched input, or labels other than 0 and 1.
    """
    features = as_float_array(x, "x", ndim=1)
    labels = check_binary_labels(y)
    check_matching_rows(features, labels, "x", "y")
    w = as_float_array(w_values, "w_values", ndim=1)
    b = as_float_array(b_values, "b_values", ndim=1)
    z = w[None, :, None] * features + b[:, None, None]
    h = _sigmoid(z)
    ce = np.mean(np.logaddexp(0.0, z) - labels * z, axis=-1)
    mse = 0.5 * np.mean((h - labels) ** 2, axis=-1)
    return ce, mse


def min_eigenvalue_grid(
    x: ArrayLike, y: ArrayLike, w_values: ArrayLike, b_values: ArrayLike, loss: str
) -> np.ndarray:
    r"""Smallest eigenvalue of the cost's Hessian over ``(b, w)`` at every grid point, vectorised.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. With per-sample curvature
    :math:`c_i = \ell''(z_i)` (:func:`ce_curvature_z` or :func:`mse_curvature_z`) the
    Hessian is :math:`\frac1m\sum_i c_i \begin{pmatrix}1 & x_i\\ x_i & x_i^2\end{pmatrix}`,
    whose smaller eigenvalue is :math:`\frac{p + r}{2} - \sqrt{(\frac{p - r}{2})^2 + q^2}`
    for the entries ``p = H_bb``, ``q = H_bw``, ``r = H_ww``.

    Parameters
    ----------
    x : array_like, shape (m,)
    y : array_like, shape (m,)
        Labels 0 or 1.
    w_values : array_like, shape (p,)
    b_values : array_like, shape (q,)
    loss : {"cross_entropy", "mse"}

    Returns
    -------
    numpy.ndarray, shape (q, p)
        ``out[i, j]`` belongs to ``(w_values[j], b_values[i])``.

    Raises
    ------
    ValueError
        On non-finite or mismatched input, labels other than 0 and 1, or an unknown loss.
    """
    features = as_float_array(x, "x", ndim=1)
    labels = check_binary_labels(y)
    check_matching_rows(features, labels, "x", "y")
    w = as_float_array(w_values, "w_values", ndim=1)
    b = as_float_array(b_values, "b_values", ndim=1)
    curvature = ce_curvature_z if _check_loss(loss) == "cross_entropy" else mse_curvature_z
    c = curvature(w[None, :, None] * features + b[:, None, None], labels)
    p, q, r = c.mean(axis=-1), (c * features).mean(axis=-1), (c * features**2).mean(axis=-1)
    return (p + r) / 2 - np.hypot((p - r) / 2, q)


def mse_hessian(theta: ArrayLike, X: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Analytic Hessian of :func:`helpers.logistic.mse_cost`: :math:`X^T \mathrm{diag}(c)\,X / m`.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Here ``c_i`` is
    :func:`mse_curvature_z` at ``z_i = x_i · theta``; since ``c_i`` can be negative, this
    matrix, unlike the cross-entropy Hessian, can have negative eigenvalues.

    Parameters
    ----------
    theta : array_like, shape (n,)
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels 0 or 1.

    Returns
    -------
    numpy.ndarray, shape (n, n)
        Symmetric.

    Raises
    ------
    ValueError
        On mismatched shapes, non-finite data or labels other than 0 and 1.
    """
    design = as_float_array(X, "X", ndim=2)
    weights = check_params(theta, design, "theta", ndim=1)
    labels = check_binary_labels(y)
    check_matching_rows(design, labels)
    c = mse_curvature_z(design @ weights, labels)
    return (design.T * c) @ design / design.shape[0]


def finite_difference_hessian(
    grad: Callable[[np.ndarray], np.ndarray], theta: ArrayLike, eps: float = 1e-5
) -> np.ndarray:
    r"""Hessian by central differences of an analytic gradient, symmetrised.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Column ``j`` is
    :math:`(\nabla f(\theta + \varepsilon e_j) - \nabla f(\theta - \varepsilon e_j)) / 2\varepsilon`;
    the result is :math:`(H + H^T)/2`. It loops over the ``n`` parameters (2n gradient calls).

    Parameters
    ----------
    grad : callable
        ``grad(theta) -> array of shape (n,)``.
    theta : array_like, shape (n,)
    eps : float, default 1e-5

    Returns
    -------
    numpy.ndarray, shape (n, n)

    Raises
    ------
    ValueError
        If ``theta`` is not a finite 1-D array, ``eps`` is not positive, or ``grad``
        returns the wrong shape.

    Examples
    --------
    >>> finite_difference_hessian(lambda t: np.array([2 * t[0] + t[1], t[0]]), [1.0, 1.0]).round(6)
    array([[2., 1.],
           [1., 0.]])
    """
    point = as_float_array(theta, "theta", ndim=1).astype(np.float64)
    if not (isinstance(eps, (int, float)) and not isinstance(eps, bool) and np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive, finite number; got {describe(eps)}")
    n = point.size
    H = np.empty((n, n))
    for j in range(n):
        step = np.zeros(n)
        step[j] = eps
        plus, minus = np.asarray(grad(point + step)), np.asarray(grad(point - step))
        if plus.shape != (n,):
            raise ValueError(f"grad(theta) must have shape ({n},); got {plus.shape}")
        H[:, j] = (plus - minus) / (2 * eps)
    return (H + H.T) / 2


def min_eigenvalues(
    hessian: Callable[[np.ndarray], np.ndarray], w_values: ArrayLike, b_values: ArrayLike
) -> np.ndarray:
    """Smallest Hessian eigenvalue at every grid point ``theta = (b, w)``.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Calls ``hessian`` once per
    grid point (a loop over grid points, not samples), then one vectorised ``eigvalsh``.

    Parameters
    ----------
    hessian : callable
        ``hessian(theta) -> (2, 2) array`` with ``theta = [b, w]``.
    w_values : array_like, shape (p,)
    b_values : array_like, shape (q,)

    Returns
    -------
    numpy.ndarray, shape (q, p)
        ``out[i, j]`` belongs to ``(w_values[j], b_values[i])``.

    Raises
    ------
    ValueError
        If the grids are not finite 1-D arrays.
    """
    w = as_float_array(w_values, "w_values", ndim=1)
    b = as_float_array(b_values, "b_values", ndim=1)
    stack = np.array([hessian(np.array([bias, weight])) for bias in b for weight in w])
    return np.linalg.eigvalsh(stack)[:, 0].reshape(b.size, w.size)


# ---------------------------------------------------------------------------------------
# small utilities for "how long until ..."
# ---------------------------------------------------------------------------------------
def first_index_at_or_below(values: ArrayLike, threshold: float) -> int | None:
    """Index of the first entry ``<= threshold``, or ``None`` if there is none.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

    Examples
    --------
    >>> first_index_at_or_below([4.0, 3.0, 1.9, 1.0], 2.0)
    2
    >>> first_index_at_or_below([4.0, 3.0], 2.0) is None
    True
    """
    array = as_float_array(values, "values", ndim=1)
    hits = np.flatnonzero(array <= threshold)
    return int(hits[0]) if hits.size else None


def first_index_at_or_above(values: ArrayLike, threshold: float) -> int | None:
    """Index of the first entry ``>= threshold``, or ``None`` if there is none.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

    Examples
    --------
    >>> first_index_at_or_above([0.1, 0.5, 0.9], 0.85)
    2
    """
    array = as_float_array(values, "values", ndim=1)
    hits = np.flatnonzero(array >= threshold)
    return int(hits[0]) if hits.size else None


def _check_start(start: object) -> tuple[float, float]:
    try:
        w, b = (float(v) for v in start)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise ValueError(f"start must be a pair (w, b) of numbers; got {describe(start)}") from None
    if not (math.isfinite(w) and math.isfinite(b)):
        raise ValueError(f"start must be a pair (w, b) of finite numbers; got ({w!r}, {b!r})")
    return w, b


def _check_loss(loss: object) -> str:
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}; got {describe(loss)}")
    return str(loss)


# ---------------------------------------------------------------------------------------
# the one-neuron experiment
# ---------------------------------------------------------------------------------------
#: Design matrix of the one-neuron problem: intercept column and the single input x = 1.
NEURON_X = np.array([[1.0, 1.0]])
#: Target of the one-neuron problem.
NEURON_Y = np.array([0.0])


def train_single_neuron(
    start: tuple[float, float], learning_rate: float, n_epochs: int, loss: str
) -> optim.Trajectory:
    """Gradient descent on one neuron ``a = σ(w·1 + b)`` with target 0, by the true gradient.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Calls
    :func:`helpers.optim.fit_logistic_gd` with ``X = [[1, 1]]``, ``y = [0]`` and
    ``theta0 = [b, w]``, so ``path[:, 0]`` is the bias and ``path[:, 1]`` the weight.

    Parameters
    ----------
    start : (float, float)
        Starting ``(w, b)``.
    learning_rate : float
        > 0.
    n_epochs : int
        >= 1 (one epoch is one step: there is one sample).
    loss : {"cross_entropy", "mse"}

    Returns
    -------
    helpers.optim.Trajectory
        Path of shape (n_epochs + 1, 2).

    Raises
    ------
    ValueError
        On a bad start, learning rate, epoch count or loss name.
    """
    w, b = _check_start(start)
    return optim.fit_logistic_gd(
        NEURON_X, NEURON_Y, check_learning_rate(learning_rate), check_iterations(n_epochs, "n_epochs"),
        theta0=[b, w], loss=_check_loss(loss),
    )


@lru_cache(maxsize=64)
def _neuron_runs(w: float, b: float, learning_rate: float, n_epochs: int) -> dict[str, optim.Trajectory]:
    """Both costs' runs from ``(w, b)``, cached across figures (the static and the live one share them)."""
    return {loss: train_single_neuron((w, b), learning_rate, n_epochs, loss) for loss in LOSSES}


def epochs_to_halve(costs: ArrayLike) -> int | None:
    """First epoch whose cost is at most half the starting cost ``costs[0]``; ``None`` if never.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

    Examples
    --------
    >>> epochs_to_halve([4.0, 3.0, 2.0, 1.0])
    2
    """
    array = as_float_array(costs, "costs", ndim=1)
    return first_index_at_or_below(array, array[0] / 2)


def _halving_text(epochs: Mapping[str, int | None], horizon: int) -> str:
    short = {"cross_entropy": "CE", "mse": "MSE"}
    parts = [f"{short[loss]} {epochs[loss] if epochs[loss] is not None else f'> {horizon}'}" for loss in LOSSES]
    return "epochs to halve the cost: " + ", ".join(parts)


def _slowdown_lesson(halving: Mapping[str, int | None]) -> str:
    """The one-line verdict of the slowdown figure, from the epochs each cost needed to halve."""
    ce, mse = halving["cross_entropy"], halving["mse"]
    if ce is None and mse is None:
        return "neither cost has halved yet"
    if mse is None:
        return "squared error has not even halved its cost: the slowdown"
    if ce is None:
        return "squared error halved its cost first"
    ratio = mse / ce
    if ratio >= 10:
        return f"squared error needs {ratio:.0f} times as many epochs: the slowdown"
    return f"squared error needs {ratio:.1f} times as many epochs: no real slowdown"


class _NeuronCurves(NamedTuple):
    """What the slowdown figure shows of one run, computed once for the whole run."""

    outputs: np.ndarray  # a = sigmoid(w + b) per epoch
    relative: np.ndarray  # cost / starting cost per epoch
    halved_at: int | None  # first epoch at or below half the starting cost


class SlowdownExplorer:
    """One neuron, ``x = 1``, target ``y = 0``: output and cost per epoch under both costs.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Left panel: the output
    ``a`` per epoch; right panel: each cost divided by its starting value, with the
    halving line and the epoch where each cost first halves. The axes always span all
    ``max_epochs`` epochs, whatever the controls, so that a live panel can keep one
    background and repaint only :attr:`dynamic_artists`. One
    :class:`helpers.optim.Trajectory` per ``(start, learning rate, cost)`` is cached (shared
    by every explorer with the same ``max_epochs``), and so are the curves drawn from it,
    so moving the epochs slider never retrains or recomputes.

    Parameters
    ----------
    max_epochs : int, default 400
        The longest run the epochs slider can ask for (each new learning rate trains
        both costs for this many epochs).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    max_epochs : int
    dynamic_artists : list of matplotlib.artist.Artist
        The artists :meth:`draw` changes on every move (curves, markers, the halving text,
        the figure title): what a live panel repaints. The two axes titles change only with
        the start and stay in the background (a live panel keeps one per start).
    """

    def __init__(self, max_epochs: int = 400) -> None:
        self.max_epochs = check_iterations(max_epochs, "max_epochs")
        fig, (ax_out, ax_cost) = new_figure(1, 2, width=12.0, height=4.8)
        self._lines: dict[str, dict[str, object]] = {}
        with course_style():
            ax_out.axhline(0.0, color=PALETTE["grey"], lw=1.5, ls=":")
            ax_cost.axhline(0.5, color=PALETTE["grey"], lw=1.5, ls=":")
            # under the curves (zorder 1.5), so that a live panel can leave it in the background
            ax_cost.text(0.98, 0.48, "half the starting cost", transform=ax_cost.get_yaxis_transform(),
                         ha="right", va="top", color=PALETTE["grey"], zorder=1.5)
            for loss in LOSSES:
                style = {"color": _COLORS[loss], "ls": _STYLES[loss]}
                (out,) = ax_out.plot([], [], label=LOSS_LABELS[loss], **style)
                (cost,) = ax_cost.plot([], [], label=LOSS_LABELS[loss], **style)
                (mark,) = ax_cost.plot([], [], _MARKERS[loss], color=_COLORS[loss], markersize=10)
                vline = ax_cost.axvline(0.0, color=_COLORS[loss], lw=1.2, ls=_STYLES[loss], alpha=0.8)
                self._lines[loss] = {"out": out, "cost": cost, "mark": mark, "vline": vline}
            ax_out.set(xlim=(0, self.max_epochs), ylim=(-0.03, 1.2), xlabel="epoch",
                       ylabel="output a = σ(w + b)  (target 0)", yticks=np.linspace(0, 1, 6))
            ax_cost.set(xlim=(0, self.max_epochs), ylim=(0.0, 1.2), xlabel="epoch",
                        ylabel="cost / starting cost", yticks=np.linspace(0, 1, 6))
            ax_out.legend(loc="upper center", ncols=2)  # in the headroom above 1, where no curve goes
            self._out_title = ax_out.set_title("", fontsize=13)
            self._cost_title = ax_cost.set_title("", fontsize=13)
            # one line in the headroom above 1, where no curve goes
            self._text = ax_cost.text(0.5, 1.1, "", transform=ax_cost.get_yaxis_transform(), ha="center",
                                      va="center", fontsize=12)
            self._suptitle = fig.suptitle("", fontsize=15, fontweight="bold")
        self._banner = show_divergence(ax_cost, None, 0)
        self.fig: Figure = fig
        self._curves: dict[tuple[float, float, float], dict[str, _NeuronCurves]] = {}
        # In drawing order (the order of creation). The two axes titles change only with the
        # start: they stay in the background, which a live panel redraws once per start.
        self.dynamic_artists = [
            *(self._lines[loss]["out"] for loss in LOSSES),
            *(self._lines[loss][key] for loss in LOSSES for key in ("cost", "mark", "vline")),
            self._text, self._suptitle, self._banner,
        ]

    def trajectories(self, start: tuple[float, float], learning_rate: float) -> dict[str, optim.Trajectory]:
        """Both costs' runs of ``max_epochs`` epochs from ``start``, trained once and cached.

        Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

        Parameters
        ----------
        start : (float, float)
            Starting ``(w, b)``.
        learning_rate : float

        Returns
        -------
        dict
            ``{"cross_entropy": Trajectory, "mse": Trajectory}``.
        """
        w, b = _check_start(start)
        return _neuron_runs(w, b, check_learning_rate(learning_rate), self.max_epochs)

    def _curves_for(self, start: tuple[float, float], learning_rate: float) -> dict[str, _NeuronCurves]:
        """Outputs, relative costs and halving epoch of both whole runs, computed once per run."""
        key = (*_check_start(start), check_learning_rate(learning_rate))
        if key not in self._curves:
            self._curves[key] = {
                loss: _NeuronCurves(
                    outputs=_sigmoid(run.path.sum(axis=1)),  # z = b * 1 + w * 1
                    relative=run.costs / run.costs[0],
                    halved_at=epochs_to_halve(run.costs),
                )
                for loss, run in self.trajectories(start, learning_rate).items()
            }
        return self._curves[key]

    def draw(
        self, learning_rate: float = 0.15, iterations: int = 300, start: tuple[float, float] = (2.0, 2.0)
    ) -> Figure:
        """Show ``iterations`` epochs from ``start`` with step size ``learning_rate``.

        Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

        Parameters
        ----------
        learning_rate : float, default 0.15
            > 0, the same for both costs.
        iterations : int, default 300
            Epochs shown, 1 to ``max_epochs``.
        start : (float, float), default (2.0, 2.0)
            Starting ``(w, b)``.

        Returns
        -------
        matplotlib.figure.Figure
            The same figure, updated.

        Raises
        ------
        ValueError
            On a non-positive learning rate, an epoch count outside 1..max_epochs or a bad start.
        """
        shown = check_iterations(iterations, "iterations")
        if shown > self.max_epochs:
            raise ValueError(f"iterations must be at most max_epochs = {self.max_epochs}; got {shown}")
        runs = self.trajectories(start, learning_rate)
        curves = self._curves_for(start, learning_rate)
        w, b = _check_start(start)
        halving: dict[str, int | None] = {}
        diverged = [run.diverged_at for run in runs.values() if run.diverged_at is not None]
        for loss, run in runs.items():
            k = min(shown, run.n_iter)
            epochs = np.arange(k + 1)
            curve = curves[loss]
            lines = self._lines[loss]
            lines["out"].set_data(epochs, curve.outputs[: k + 1])
            lines["cost"].set_data(epochs, curve.relative[: k + 1])
            # the first halving of the whole run is the first among the epochs shown, if shown
            n = curve.halved_at if curve.halved_at is not None and curve.halved_at <= k else None
            halving[loss] = n
            lines["mark"].set_data([n] if n is not None else [], [curve.relative[n]] if n is not None else [])
            lines["vline"].set_xdata([n, n] if n is not None else [0, 0])
            lines["vline"].set_visible(n is not None)
        self._text.set_text(_halving_text(halving, shown))
        self._out_title.set_text(f"start (w, b) = ({w:g}, {b:g}), a₀ = {float(_sigmoid(np.array(w + b))):.2f}")
        self._cost_title.set_text(
            f"starting cost: CE {runs['cross_entropy'].costs[0]:.2f} nats, MSE {runs['mse'].costs[0]:.3f}"
        )
        self._suptitle.set_text(f"α = {learning_rate:.3g}, {shown} epochs: {_slowdown_lesson(halving)}")
        show_divergence(self._lines["mse"]["cost"].axes, min(diverged) if diverged else None, shown, self._banner)
        return self.fig


# ---------------------------------------------------------------------------------------
# the exam-score race
# ---------------------------------------------------------------------------------------
def accuracy_per_iteration(path: ArrayLike, X: ArrayLike, y: ArrayLike) -> np.ndarray:
    """Training accuracy of every iterate of a run: share of samples with ``(z >= 0) == y``.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. One matrix product for
    the whole path; ``z >= 0`` is the same rule as ``h >= 0.5``
    (:func:`helpers.logistic.predict`).

    Parameters
    ----------
    path : array_like, shape (k + 1, n)
        ``Trajectory.path``.
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels 0 or 1.

    Returns
    -------
    numpy.ndarray, shape (k + 1,)
        Accuracies in [0, 1].

    Raises
    ------
    ValueError
        On mismatched shapes, non-finite input or labels other than 0 and 1.
    """
    thetas = as_float_array(path, "path", ndim=2)
    design = as_float_array(X, "X", ndim=2)
    labels = check_binary_labels(y)
    check_matching_rows(design, labels)
    if thetas.shape[1] != design.shape[1]:
        raise ValueError(
            f"path must have {design.shape[1]} columns to match X; got path of shape {thetas.shape}"
        )
    predicted = design @ thetas.T >= 0
    return np.mean(predicted == (labels[:, None] == 1), axis=0)


class ExamScoresRace:
    """Cross-entropy against squared error on a real data set, from a confidently wrong start.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Left panel: training
    accuracy per iteration with the target line; right panel: each cost divided by its
    starting value. One trajectory per learning rate and cost is cached, with the curves
    drawn from it. The axes always span all ``max_iterations`` iterations, so that a live
    panel can keep one background and repaint only :attr:`dynamic_artists`.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column (standardised features).
    y : array_like, shape (m,)
        Labels 0 or 1.
    theta0 : array_like, shape (n,)
        The starting weights (the poor initialisation).
    target_accuracy : float, default 0.85
        The accuracy the race is to, in (0, 1].
    max_iterations : int, default 400
        The longest run the iterations slider can ask for.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    dynamic_artists : list of matplotlib.artist.Artist
        Every artist :meth:`draw` changes (curves, markers, the text box, the figure title):
        what a live panel repaints on each move.
    """

    def __init__(
        self,
        X: ArrayLike,
        y: ArrayLike,
        theta0: ArrayLike,
        target_accuracy: float = 0.85,
        max_iterations: int = 400,
    ) -> None:
        self.X = as_float_array(X, "X", ndim=2)
        self.y = check_binary_labels(y)
        check_matching_rows(self.X, self.y)
        self.theta0 = check_params(theta0, self.X, "theta0", ndim=1).astype(np.float64)
        if not (isinstance(target_accuracy, (int, float)) and 0 < target_accuracy <= 1):
            raise ValueError(f"target_accuracy must be a number in (0, 1]; got {describe(target_accuracy)}")
        self.target = float(target_accuracy)
        self.max_iterations = check_iterations(max_iterations, "max_iterations")
        self._cache: dict[float, dict[str, tuple[optim.Trajectory, np.ndarray]]] = {}
        self._curves: dict[float, dict[str, tuple[np.ndarray, np.ndarray, int | None]]] = {}
        fig, (ax_acc, ax_cost) = new_figure(1, 2, width=12.0, height=4.8)
        self._lines: dict[str, dict[str, object]] = {}
        with course_style():
            ax_acc.axhline(100 * self.target, color=PALETTE["grey"], lw=1.5, ls=":")
            for loss in LOSSES:
                style = {"color": _COLORS[loss], "ls": _STYLES[loss]}
                (acc,) = ax_acc.plot([], [], label=LOSS_LABELS[loss], **style)
                (mark,) = ax_acc.plot([], [], _MARKERS[loss], color=_COLORS[loss], markersize=10)
                (cost,) = ax_cost.plot([], [], label=LOSS_LABELS[loss], **style)
                self._lines[loss] = {"acc": acc, "mark": mark, "cost": cost}
            ax_acc.set(xlim=(0, self.max_iterations), ylim=(0, 100), xlabel="iteration",
                       ylabel="training accuracy (%)")
            ax_cost.set(xlim=(0, self.max_iterations), ylim=(0.0, 1.2), xlabel="iteration",
                        ylabel="cost / starting cost", yticks=np.linspace(0, 1, 6))
            ax_cost.legend(loc="upper center", ncols=2)  # in the headroom above 1, where no curve goes
            self._text = ax_acc.text(0.97, 0.40, "", transform=ax_acc.transAxes, ha="right", va="top",
                                     fontsize=12, bbox={"facecolor": "white", "edgecolor": PALETTE["grey"],
                                                        "alpha": 0.9})
            # the starting costs do not depend on the learning rate: a title that never changes
            ce, mse = logistic.cost(self.theta0, self.X, self.y), logistic.mse_cost(self.theta0, self.X, self.y)
            ax_cost.set_title(f"starting cost: CE {ce:.2f} nats, MSE {mse:.3f}", fontsize=13)
            self._suptitle = fig.suptitle("", fontsize=15, fontweight="bold")
        self._banner = show_divergence(ax_cost, None, 0)
        self.fig: Figure = fig
        self.dynamic_artists = [
            *(self._lines[loss][key] for loss in LOSSES for key in ("acc", "mark", "cost")),
            self._text, self._suptitle, self._banner,
        ]

    def runs(self, learning_rate: float) -> dict[str, tuple[optim.Trajectory, np.ndarray]]:
        """Both costs' runs of ``max_iterations`` steps and their accuracy per iteration (cached).

        Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

        Parameters
        ----------
        learning_rate : float

        Returns
        -------
        dict
            ``{loss: (Trajectory, accuracy array of shape (k + 1,))}``.
        """
        rate = check_learning_rate(learning_rate)
        if rate not in self._cache:
            entry = {}
            for loss in LOSSES:
                run = optim.fit_logistic_gd(self.X, self.y, rate, self.max_iterations, theta0=self.theta0, loss=loss)
                entry[loss] = (run, accuracy_per_iteration(run.path, self.X, self.y))
            self._cache[rate] = entry
        return self._cache[rate]

    def iterations_to_target(self, learning_rate: float) -> dict[str, int | None]:
        """First iteration at or above the target accuracy, per cost (``None``: not within the run).

        Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.
        """
        return {loss: first_index_at_or_above(acc, self.target) for loss, (_, acc) in self.runs(learning_rate).items()}

    def _curves_for(self, learning_rate: float) -> dict[str, tuple[np.ndarray, np.ndarray, int | None]]:
        """Accuracy (%), cost / starting cost and first iteration at the target, once per whole run."""
        rate = check_learning_rate(learning_rate)
        if rate not in self._curves:
            reached = self.iterations_to_target(rate)
            self._curves[rate] = {
                loss: (100 * acc, run.costs / run.costs[0], reached[loss])
                for loss, (run, acc) in self.runs(rate).items()
            }
        return self._curves[rate]

    def draw(self, learning_rate: float = 1.0, iterations: int = 200) -> Figure:
        """Show ``iterations`` steps of both runs at ``learning_rate``.

        Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

        Parameters
        ----------
        learning_rate : float, default 1.0
        iterations : int, default 200
            1 to ``max_iterations``.

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            On a non-positive learning rate or an iteration count outside 1..max_iterations.
        """
        shown = check_iterations(iterations, "iterations")
        if shown > self.max_iterations:
            raise ValueError(f"iterations must be at most max_iterations = {self.max_iterations}; got {shown}")
        runs = self.runs(learning_rate)
        curves = self._curves_for(learning_rate)
        reached: dict[str, int | None] = {}
        diverged = [run.diverged_at for run, _ in runs.values() if run.diverged_at is not None]
        for loss, (run, _) in runs.items():
            k = min(shown, run.n_iter)
            steps = np.arange(k + 1)
            percent, relative, first = curves[loss]
            lines = self._lines[loss]
            lines["acc"].set_data(steps, percent[: k + 1])
            lines["cost"].set_data(steps, relative[: k + 1])
            # the first iteration at the target in the whole run is the first among those shown, if shown
            n = first if first is not None and first <= k else None
            reached[loss] = n
            lines["mark"].set_data([n] if n is not None else [], [percent[n]] if n is not None else [])
        parts = [
            f"{LOSS_LABELS[loss]}: {reached[loss] if reached[loss] is not None else f'not in {shown}'}"
            for loss in LOSSES
        ]
        self._text.set_text(f"iterations to {100 * self.target:.0f} % (dotted)\n" + "\n".join(parts))
        ce_first = reached["cross_entropy"] is not None and (
            reached["mse"] is None or reached["mse"] > reached["cross_entropy"]
        )
        if ce_first:
            lesson = "cross-entropy recovers from the bad start first"
        elif reached["cross_entropy"] is None and reached["mse"] is None:
            lesson = "neither cost has reached the target yet"
        else:
            lesson = "squared error got there first"
        self._suptitle.set_text(f"α = {learning_rate:.3g}, {shown} iterations: {lesson}")
        show_divergence(self._lines["mse"]["cost"].axes, min(diverged) if diverged else None, shown, self._banner)
        return self.fig


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def plot_score_view(z: ArrayLike | None = None, y: int = 1) -> Figure:
    """Per-sample losses (left) and their derivatives with respect to ``z`` (right) for one target.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``.

    Parameters
    ----------
    z : array_like, shape (k,), optional
        Scores to plot; by default 801 points in [-10, 10].
    y : {0, 1}, default 1
        The target.

    Returns
    -------
    matplotlib.figure.Figure
    """
    scores = np.linspace(-10, 10, 801) if z is None else as_float_array(z, "z", ndim=1)
    if y not in (0, 1):
        raise ValueError(f"y must be 0 or 1; got {describe(y)}")
    wrong = (scores.min(), -2.0) if y == 1 else (2.0, scores.max())
    fig, (ax_loss, ax_grad) = new_figure(1, 2, width=12.0, height=4.8)
    with course_style():
        for ax in (ax_loss, ax_grad):
            ax.axvspan(*wrong, color=PALETTE["grey"], alpha=0.12, lw=0)
        ax_loss.text(np.mean(wrong), 0.30, "confidently\nwrong", transform=ax_loss.get_xaxis_transform(),
                     ha="center", va="center", color=PALETTE["black"])
        for loss, f, g in (("cross_entropy", ce_loss_z, ce_grad_z), ("mse", mse_loss_z, mse_grad_z)):
            style = {"color": _COLORS[loss], "ls": _STYLES[loss], "label": LOSS_LABELS[loss]}
            ax_loss.plot(scores, f(scores, y), **style)
            ax_grad.plot(scores, g(scores, y), **style)
        peak = -math.log(2) if y == 1 else math.log(2)
        ax_grad.plot([peak], [float(mse_grad_z(peak, y))], "v" if y == 1 else "^", color=_COLORS["mse"],
                     markersize=11, label=f"largest |MSE slope|, z = {'-' if y == 1 else '+'}ln 2")
        ax_grad.axhline(0.0, color=PALETTE["grey"], lw=1)
        ax_loss.set(xlabel="score z", ylabel="loss of one sample (nats / ½ squared error)",
                    ylim=(-0.2, 6.0), xlim=(scores.min(), scores.max()))
        ax_grad.set(xlabel="score z", ylabel="derivative ∂loss/∂z", xlim=(scores.min(), scores.max()),
                    ylim=(-1.1, 0.15) if y == 1 else (-0.15, 1.1))
        ax_loss.set_title(f"loss for target y = {y}")
        ax_grad.set_title("slope: what gradient descent feels")
        ax_loss.legend(loc="upper right" if y == 1 else "upper left")
        ax_grad.legend(loc="center right" if y == 1 else "center left", fontsize=11)
        fig.suptitle("Confidently wrong: cross-entropy's slope stays near 1, squared error's vanishes",
                     fontsize=15, fontweight="bold")
    return fig


def plot_probability_view(y: int = 1) -> Figure:
    """Losses against the predicted probability (left) and their slope in ``z`` (right).

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``; the picture seed 000 sums up
    as "cross-entropy: steep → flat; squared error: flat → flatter → steep".

    Parameters
    ----------
    y : {0, 1}, default 1
        The target.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if y not in (0, 1):
        raise ValueError(f"y must be 0 or 1; got {describe(y)}")
    z = np.linspace(-9, 9, 721)
    h = _sigmoid(z)
    fig, (ax_loss, ax_grad) = new_figure(1, 2, width=12.0, height=4.8)
    with course_style():
        for loss, f, g in (("cross_entropy", ce_loss_z, ce_grad_z), ("mse", mse_loss_z, mse_grad_z)):
            style = {"color": _COLORS[loss], "ls": _STYLES[loss], "label": LOSS_LABELS[loss]}
            ax_loss.plot(h, f(z, y), **style)
            ax_grad.plot(h, np.abs(g(z, y)), **style)
        peak_h = 1 / 3 if y == 1 else 2 / 3
        ax_grad.plot([peak_h], [4 / 27], "v", color=_COLORS["mse"], markersize=11)
        ax_grad.annotate(f"peak 4/27 at h = {'1/3' if y == 1 else '2/3'}", (peak_h, 4 / 27),
                         xytext=(0.03 if y == 1 else 0.62, 0.32), textcoords="data", fontsize=12, color=_COLORS["mse"],
                         arrowprops={"arrowstyle": "->", "color": _COLORS["mse"]})
        ax_loss.set(xlabel=f"predicted probability h = σ(z)   (target y = {y})",
                    ylabel="loss of one sample (nats / ½ sq. error)", xlim=(0, 1), ylim=(0, 4.5))
        ax_grad.set(xlabel=f"predicted probability h = σ(z)   (target y = {y})",
                    ylabel="|∂loss/∂z| (step size per unit α)", xlim=(0, 1), ylim=(0, 1.05))
        ax_loss.set_title("the loss itself")
        ax_grad.set_title("its slope in the score z")
        ax_loss.legend(loc="upper right" if y == 1 else "upper left")
        ax_grad.legend(loc="upper right" if y == 1 else "upper left")
        fig.suptitle("Wrong → right: cross-entropy pushes hardest when most wrong; squared error does not",
                     fontsize=15, fontweight="bold")
    return fig


def _colorbar(fig: Figure, mappable: object, ax: Axes, label: str, ticks: ArrayLike | None = None) -> None:
    bar = fig.colorbar(mappable, ax=ax, label=label, shrink=0.95)
    if ticks is not None:
        bar.set_ticks(list(ticks), labels=[f"{t:g}" for t in ticks])
        bar.ax.minorticks_off()
    style_axes(bar.ax)
    bar.ax.grid(False)


def plot_cost_surfaces(
    w_values: ArrayLike,
    b_values: ArrayLike,
    ce: ArrayLike,
    mse: ArrayLike,
    mse_min_eig: ArrayLike,
    ce_best: tuple[float, float] | None = None,
    mse_best: tuple[float, float] | None = None,
    segment: tuple[tuple[float, float], tuple[float, float]] | None = None,
) -> Figure:
    """Side-by-side contour maps of the two cost surfaces over ``(w, b)``.

    Introduced in ``notebooks/03_cross_entropy_vs_mse.ipynb``. Cross-entropy grows
    linearly far from its minimum, so its levels are spaced logarithmically; the squared
    error lies in [0, 1/2] and gets linear levels. Hatching marks where the squared
    error's Hessian has a negative eigenvalue (the surface is not convex there).

    Parameters
    ----------
    w_values : array_like, shape (p,)
    b_values : array_like, shape (q,)
    ce, mse : array_like, shape (q, p)
        From :func:`cost_surfaces`.
    mse_min_eig : array_like, shape (q, p)
        Smallest eigenvalue of the squared error's Hessian (:func:`min_eigenvalues`).
    ce_best, mse_best : (w, b), optional
        Minimisers to mark with a star.
    segment : ((w, b), (w, b)), optional
        A straight path to draw on both maps (the chord test of the notebook).

    Returns
    -------
    matplotlib.figure.Figure
    """
    w = as_float_array(w_values, "w_values", ndim=1)
    b = as_float_array(b_values, "b_values", ndim=1)
    ce_grid = as_float_array(ce, "ce", ndim=2)
    mse_grid = as_float_array(mse, "mse", ndim=2)
    lam = as_float_array(mse_min_eig, "mse_min_eig", ndim=2)
    for name, grid in (("ce", ce_grid), ("mse", mse_grid), ("mse_min_eig", lam)):
        if grid.shape != (b.size, w.size):
            raise ValueError(f"{name} must have shape ({b.size}, {w.size}) to match the grid; got {grid.shape}")
    fig, (ax_ce, ax_mse) = new_figure(1, 2, width=12.0, height=5.0)
    with course_style():
        low, high = float(ce_grid.min()), float(ce_grid.max())
        levels = np.geomspace(low, high, 16)
        filled = ax_ce.contourf(w, b, ce_grid, levels=levels, norm=LogNorm(low, high), cmap="cividis")
        ax_ce.contour(w, b, ce_grid, levels=levels, colors="white", linewidths=0.6, alpha=0.6)
        nice = [t for t in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50) if low <= t <= high]
        _colorbar(fig, filled, ax_ce, "cost J (nats, log scale)", nice)
        filled = ax_mse.contourf(w, b, mse_grid, levels=np.linspace(0, 0.5, 21), cmap="cividis")
        ax_mse.contour(w, b, mse_grid, levels=np.linspace(0, 0.5, 21), colors="white", linewidths=0.6, alpha=0.6)
        _colorbar(fig, filled, ax_mse, "cost J (½ squared error)")
        with mpl.rc_context({"hatch.color": PALETTE["vermillion"], "hatch.linewidth": 0.8}):
            ax_mse.contourf(w, b, lam, levels=[lam.min() - 1.0, 0.0], colors="none", hatches=["/"])
        ax_mse.contour(w, b, lam, levels=[0.0], colors=PALETTE["vermillion"], linewidths=2.0)
        for ax, best, label in ((ax_ce, ce_best, "cross-entropy"), (ax_mse, mse_best, "squared error")):
            if segment is not None:
                (w0, b0), (w1, b1) = segment
                ax.plot([w0, w1], [b0, b1], "o--", color=PALETTE["sky"], lw=2.2, markersize=7,
                        markeredgecolor="black", label="chord-test path")
            if best is not None:
                ax.plot([best[0]], [best[1]], "*", color=PALETTE["orange"], markersize=18,
                        markeredgecolor="black", label="minimum")
            ax.set(xlabel="weight w", ylabel="bias b")
            ax.set_title(label)
            ax.grid(False)
        handles = [*ax_mse.get_lines(), Patch(facecolor="none", edgecolor=PALETTE["vermillion"], hatch="/",
                                              label="negative curvature")]
        ax_mse.legend(handles=[h for h in handles if not h.get_label().startswith("_")], loc="lower left",
                      fontsize=11)
        if ce_best is not None or segment is not None:
            ax_ce.legend(loc="lower left", fontsize=11)
        fig.suptitle("Cross-entropy is one smooth bowl; squared error has plateaus and non-convex regions",
                     fontsize=15, fontweight="bold")
    return fig

