"""Cross-entropy versus squared error through a sigmoid, per score and per model.

Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``, which compares two costs for the
same model ``h = sigmoid(z)``:

* cross-entropy, per sample ``-[y ln h + (1 - y) ln(1 - h)]``, whose derivative with
  respect to the score is ``h - y``;
* half the squared error, per sample ``(h - y)**2 / 2``, whose derivative with respect to
  the score is ``(h - y) h (1 - h)``: the extra factor ``h (1 - h)`` vanishes when the
  model is confidently wrong, which is the *learning slowdown*.

Here: the per-sample losses, derivatives and curvatures as functions of the score
(vectorised, stable for every finite score); the two cost surfaces of a 1-D model over a
grid of ``(w, b)`` and the smallest eigenvalue of their Hessians; the one-neuron experiment
(``x = 1``, target 0) trained by :func:`helpers.optim.fit_logistic_gd`; and "how long until
the cost halves". The costs over a whole data set are :func:`helpers.logistic.cost` and
:func:`helpers.logistic.mse_cost`, the squared error's Hessian :func:`helpers.logistic.mse_hessian`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from . import logistic, optim
from ._validate import (
    as_float_array,
    check_binary_labels,
    check_iterations,
    check_learning_rate,
    check_matching_rows,
    describe,
)
from .sigmoid import _sigmoid

__all__ = [
    "LOSSES",
    "NEURON_X",
    "NEURON_Y",
    "ce_curvature_z",
    "ce_grad_a",
    "ce_grad_z",
    "ce_loss_z",
    "cost_from_slope",
    "cost_surfaces",
    "epochs_to_halve",
    "first_index_at_or_above",
    "first_index_at_or_below",
    "min_eigenvalue_grid",
    "min_eigenvalues",
    "mse_curvature_z",
    "mse_grad_z",
    "mse_loss_z",
    "neuron_descent",
    "train_single_neuron",
]

#: The two costs, in the order used everywhere (names as ``helpers.optim.fit_logistic_gd`` spells them).
LOSSES: tuple[str, str] = ("cross_entropy", "mse")


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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. Equal to
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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.

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


def ce_grad_a(a: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""The slope in the probability that makes :math:`\partial C/\partial z = a - y`: :math:`(a - y) / (a (1 - a))`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb`` (section "Which cost gives
    ∂C/∂z = a − y?"). With :math:`a = \sigma(z)` the chain rule gives
    :math:`\partial C/\partial z = \partial C/\partial a \cdot a(1 - a)`; asking for :math:`a - y`
    forces this :math:`\partial C/\partial a`, which is the derivative of the cross-entropy
    :math:`-[y \ln a + (1 - y)\ln(1 - a)]` in ``a``: integrating it gives the cross-entropy
    back, up to a constant.

    Parameters
    ----------
    a : array_like, any shape
        Probabilities strictly between 0 and 1 (the slope is infinite at 0 and 1).
    y : array_like of 0/1, broadcastable against ``a``

    Returns
    -------
    numpy.ndarray, broadcast shape
        ``-1 / a`` where ``y = 1``, ``1 / (1 - a)`` where ``y = 0``.

    Raises
    ------
    ValueError
        If ``a`` is not strictly between 0 and 1, ``y`` holds values other than 0 and 1, or
        the shapes do not broadcast.

    Examples
    --------
    >>> ce_grad_a([0.25, 0.25], [1, 0])
    array([-4.        ,  1.33333333])
    """
    probs, labels = _scores_and_labels(a, y)
    if np.any((probs <= 0) | (probs >= 1)):
        bad = probs[(probs <= 0) | (probs >= 1)].flat[0]
        raise ValueError(f"a must hold probabilities strictly between 0 and 1; got {bad:g}")
    return ((probs - labels) / (probs * (1 - probs)))[()]


def cost_from_slope(a: ArrayLike, y: int) -> np.ndarray:
    r"""The slope :func:`ce_grad_a` integrated along ``a`` by trapezoids: :math:`\int_{a_0}^{a_j} C'(a)\,da`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb`` (section "Which cost gives
    ∂C/∂z = a − y?"): the cost that the requirement :math:`\partial C/\partial z = a - y` forces,
    recovered numerically, without knowing its formula, to compare with the cross-entropy.
    The trapezoid rule's error is of order :math:`h^2` for a grid step ``h``.

    Parameters
    ----------
    a : array_like, shape (N,)
        A strictly increasing grid of probabilities strictly between 0 and 1, N >= 2.
    y : {0, 1}
        The target.

    Returns
    -------
    numpy.ndarray, shape (N,)
        Entry ``j`` approximates :math:`C(a_j) - C(a_0)`; entry 0 is 0.

    Raises
    ------
    ValueError
        If ``a`` is not a strictly increasing 1-D grid of at least 2 points inside (0, 1), or
        ``y`` is not 0 or 1.

    Examples
    --------
    >>> grid = np.linspace(0.5, 0.9, 4001)
    >>> round(float(cost_from_slope(grid, 1)[-1]), 6)  # -ln 0.9 + ln 0.5
    -0.587787
    """
    grid = as_float_array(a, "a", ndim=1).astype(np.float64, copy=False)
    if grid.shape[0] < 2 or np.any(np.diff(grid) <= 0):
        raise ValueError(f"a must be a strictly increasing grid of at least 2 points; got {describe(a)}")
    if isinstance(y, bool) or y not in (0, 1):
        raise ValueError(f"y must be 0 or 1; got {describe(y)}")
    slope = ce_grad_a(grid, y)
    pieces = np.diff(grid) * (slope[1:] + slope[:-1]) / 2
    return np.concatenate([[0.0], np.cumsum(pieces)])


def mse_loss_z(z: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Per-sample half squared error through the sigmoid, :math:`(\sigma(z) - y)^2 / 2`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.

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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. ``h (1 - h)`` is computed as
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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. It does not depend on ``y``
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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. For ``y = 1`` it equals
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
    return logistic._mse_curvature(scores, labels)[()]



# ---------------------------------------------------------------------------------------
# a small 1-D model: its cost surfaces and the curvature of the costs
# ---------------------------------------------------------------------------------------
def cost_surfaces(
    x: ArrayLike, y: ArrayLike, w_values: ArrayLike, b_values: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Cross-entropy and half-MSE costs of ``h = σ(w x + b)`` on a grid of ``(w, b)``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. Vectorised over the grid
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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. With per-sample curvature
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


def min_eigenvalues(
    hessian: Callable[[np.ndarray], np.ndarray], w_values: ArrayLike, b_values: ArrayLike
) -> np.ndarray:
    """Smallest Hessian eigenvalue at every grid point ``theta = (b, w)``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. Calls ``hessian`` once per
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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.

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

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.

    Examples
    --------
    >>> first_index_at_or_above([0.1, 0.5, 0.9], 0.85)
    2
    """
    array = as_float_array(values, "values", ndim=1)
    hits = np.flatnonzero(array >= threshold)
    return int(hits[0]) if hits.size else None


def epochs_to_halve(costs: ArrayLike) -> int | None:
    """First epoch whose cost is at most half the starting cost ``costs[0]``; ``None`` if never.

    Introduced in ``notebooks/07_learning_slowdown.ipynb``.

    Examples
    --------
    >>> epochs_to_halve([4.0, 3.0, 2.0, 1.0])
    2
    """
    array = as_float_array(costs, "costs", ndim=1)
    return first_index_at_or_below(array, array[0] / 2)


def _check_start(start: object) -> tuple[float, float]:
    try:
        w, b = (float(v) for v in start)  # type: ignore[attr-defined]
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

    Introduced in ``notebooks/07_learning_slowdown.ipynb``. Calls
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


def neuron_descent(
    start: tuple[float, float], learning_rates: ArrayLike, n_epochs: int, loss: str
) -> optim.Descent:
    """The runs of :func:`train_single_neuron` for several learning rates at once.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``: :func:`helpers.optim.logistic_descent`
    on ``X = [[1, 1]]``, ``y = [0]`` from ``theta0 = [b, w]``. Nothing is trained until
    :meth:`helpers.optim.Descent.advance` is called.

    Parameters
    ----------
    start : (float, float)
        Starting ``(w, b)``.
    learning_rates : array_like, shape (L,)
        Each > 0.
    n_epochs : int
        The most epochs any run will take (>= 1).
    loss : {"cross_entropy", "mse"}

    Returns
    -------
    helpers.optim.Descent
        Trajectories with paths of shape (k + 1, 2), columns ``(b, w)``.

    Raises
    ------
    ValueError
        On a bad start, learning rate, epoch count or loss name.
    """
    w, b = _check_start(start)
    return optim.logistic_descent(
        NEURON_X, NEURON_Y, learning_rates, check_iterations(n_epochs, "n_epochs"),
        theta0=[b, w], loss=_check_loss(loss),
    )
