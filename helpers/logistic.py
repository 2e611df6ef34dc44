"""Binary logistic regression: the model, its cost, gradient and Hessian.

Conventions used throughout the course:

* ``X`` has shape (m, n): m samples, n features, with a leading column of ones when the
  model has an intercept (see :func:`helpers.data.add_intercept`).
* ``theta`` has shape (n,); ``theta[0]`` is the intercept and is not regularised.
* ``y`` has shape (m,) and holds labels 0 or 1.
* Costs are means over samples; ``lam`` adds the L2 penalty
  ``lam / (2 m) * sum(theta[1:] ** 2)``.

The model, the decision rule and its boundary line are introduced in
``notebooks/01_sigmoid.ipynb``; the cost, gradient and Hessian in
``notebooks/03_likelihood_cross_entropy.ipynb``; the squared-error cost, its Hessian and the
accuracy along a training path in ``notebooks/06_cross_entropy_vs_mse.ipynb``; the penalty read
as a Gaussian prior (:func:`neg_log_joint`, :func:`lam_from_prior_sd`) in
``notebooks/12_choosing_lambda.ipynb``.

Every public function checks its input; the private ``_``-prefixed kernels skip the
checks so that an optimiser can validate once and then iterate at full speed. The
checks never read all of ``X`` when the scores ``X @ theta`` are finite: a NaN or an
infinity in ``X`` always makes a score non-finite, and only then is ``X`` searched for it
(:func:`helpers._validate.finite_scores`), so a call costs little more than its two
matrix products. When an input has several faults, the one reported first can differ
from the order of the arguments (a NaN in ``X`` is found after the labels are checked).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_float_array,
    check_binary_labels,
    check_interval,
    check_lam,
    check_matching_rows,
    check_number,
    check_params,
    finite_scores,
)
from .sigmoid import _sigmoid

__all__ = [
    "FLAT",
    "accuracy_path",
    "boundary_line",
    "cost",
    "cost_and_gradient",
    "gradient",
    "gradient_lipschitz_constant",
    "hessian",
    "lam_from_prior_sd",
    "mse_cost",
    "mse_cost_and_gradient",
    "mse_gradient",
    "mse_hessian",
    "neg_log_joint",
    "predict",
    "predict_proba",
    "separates",
]


# ---------------------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------------------
def _check_model(theta: ArrayLike, X: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    # X's values are checked through its scores (finite_scores), not here.
    design = as_float_array(X, "X", ndim=2, finite=False)
    weights = check_params(theta, design, "theta", ndim=1)
    return weights, design


def _check_data(
    theta: ArrayLike, X: ArrayLike, y: ArrayLike
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    weights, design = _check_model(theta, X)
    labels = check_binary_labels(y)
    check_matching_rows(design, labels)
    return weights, design, labels


def _penalty_mask(theta: np.ndarray) -> np.ndarray:
    """``theta`` with the intercept entry zeroed: the part of theta that is regularised."""
    masked = theta.copy()
    masked[0] = 0.0
    return masked


# ---------------------------------------------------------------------------------------
# unchecked kernels (one X @ theta and one X.T @ r per call)
# ---------------------------------------------------------------------------------------
def _cost_and_gradient(
    theta: np.ndarray,
    X: np.ndarray,
    y: np.ndarray,
    lam: float = 0.0,
    z: np.ndarray | None = None,
    with_cost: bool = True,
) -> tuple[float, np.ndarray]:
    """Cost and gradient from the scores ``z = X @ theta`` (computed here unless given).

    With ``with_cost=False`` the cost is not computed (returned as NaN): the gradient
    alone skips ``log1p`` over the m samples, the slowest step after the two products
    (3.6 ms of scalar ``log1p`` at m = 100,000 on a CPU without AVX-512). The gradient
    is the same, bit for bit.
    """
    m = X.shape[0]
    if z is None:
        z = X @ theta
    # The stable cost (losses._bce_with_logits) and the stable sigmoid (sigmoid._sigmoid) both
    # need e^-|z|: computed once here, in place (every new array of m numbers costs fresh
    # memory pages), and every number comes out bit for bit as theirs.
    e = np.abs(z)
    np.negative(e, out=e)
    np.exp(e, out=e)
    value = np.nan
    if with_cost:
        per_sample = np.maximum(z, 0)  # max(z, 0) - y z + log1p(e^-|z|)
        scratch = np.multiply(y, z)
        per_sample -= scratch
        per_sample += np.log1p(e, out=scratch)
        value = float(np.mean(per_sample))
    # sigma(z) = 1 / (1 + e) for z >= 0, e / (1 + e) below. The numerator is max(e, [z >= 0])
    # (e <= 1): a comparison and a maximum, 0.1 ms at m = 100,000, where copying 1 into e
    # where z >= 0 (np.copyto with where=) took 0.7 ms, branching on every sample.
    residual = (z >= 0).astype(e.dtype)
    np.maximum(residual, e, out=residual)
    e += 1.0
    residual /= e
    residual -= y
    grad = X.T @ residual
    grad /= m
    if lam:
        masked = _penalty_mask(theta)
        if with_cost:
            value += lam / (2 * m) * float(masked @ masked)
        grad += (lam / m) * masked
    return value, grad


def _mse_cost_and_gradient(
    theta: np.ndarray, X: np.ndarray, y: np.ndarray, z: np.ndarray | None = None
) -> tuple[float, np.ndarray]:
    m = X.shape[0]
    if z is None:
        z = X @ theta
    h = _sigmoid(z)
    error = h - y
    value = float(error @ error) / (2 * m)
    grad = X.T @ (error * h * _sigmoid(-z)) / m
    return value, grad


def _mse_curvature(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Second derivative of ``(σ(z) - y)² / 2`` in ``z``: ``s [s + (h - y)(1 - 2h)]``, ``s = h(1 - h)``."""
    h, g = _sigmoid(z), _sigmoid(-z)  # g = 1 - h without cancellation; g - h = 1 - 2h
    s = h * g
    return s * (s + (h - y) * (g - h))



def _stacked_costs(
    thetas: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float = 0.0, loss: str = "cross_entropy"
) -> np.ndarray:
    """The cost of each row of ``thetas`` (S, n): shape (S,). Several models in one pass.

    ``loss="cross_entropy"`` is :func:`cost`; ``loss="mse"`` is :func:`mse_cost` (no penalty).
    Used by :class:`helpers.optim.Descent` for the costs of a whole path after training.
    """
    m = X.shape[0]
    Z = thetas @ X.T  # (S, m)
    if loss == "mse":
        error = _sigmoid(Z)
        error -= y
        return np.einsum("sm,sm->s", error, error) / (2 * m)
    value = (np.maximum(Z, 0) - y * Z + np.log1p(np.exp(-np.abs(Z)))).mean(axis=1)
    if lam:
        value += lam / (2 * m) * np.einsum("sn,sn->s", thetas[:, 1:], thetas[:, 1:])
    return value


def _stacked_gradients(
    thetas: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float = 0.0, loss: str = "cross_entropy"
) -> np.ndarray:
    """The gradient at each row of ``thetas`` (S, n): shape (S, n). Several models in one pass.

    The gradients of :func:`cost` (``loss="cross_entropy"``, with the L2 penalty ``lam``) or of
    :func:`mse_cost` (``loss="mse"``). Used by :class:`helpers.optim.Descent` to train
    several learning rates with one product per step.
    """
    m = X.shape[0]
    Z = thetas @ X.T  # (S, m)
    h = _sigmoid(Z)
    residual = h - y
    if loss == "mse":
        residual *= h
        residual *= _sigmoid(-Z)
    grad = residual @ X
    grad /= m
    if lam:
        grad[:, 1:] += (lam / m) * thetas[:, 1:]
    return grad

def _hessian(theta: np.ndarray, X: np.ndarray, lam: float = 0.0, z: np.ndarray | None = None) -> np.ndarray:
    m = X.shape[0]
    if z is None:
        z = X @ theta
    s = _sigmoid(z) * _sigmoid(-z)  # h (1 - h), without cancellation
    H = (X.T * s) @ X / m
    if lam:
        diag = np.full(X.shape[1], lam / m)
        diag[0] = 0.0
        H[np.diag_indices_from(H)] += diag
    return H


# ---------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------
def predict_proba(theta: ArrayLike, X: ArrayLike) -> np.ndarray:
    r"""Model probabilities :math:`h_\theta(x) = \sigma(\theta^T x) = P(y = 1 \mid x)`.

    Introduced in ``notebooks/02_decision_boundary.ipynb``.

    Parameters
    ----------
    theta : array_like, shape (n,)
        Weights; ``theta[0]`` multiplies the column of ones (the intercept).
    X : array_like, shape (m, n)
        Design matrix, one sample per row.

    Returns
    -------
    numpy.ndarray, shape (m,)
        ``P(y = 1 | x)`` for every row of ``X``.

    Raises
    ------
    ValueError
        If the shapes do not match or the input is not finite.

    Examples
    --------
    >>> predict_proba([0.0, 1.0], [[1.0, 0.0], [1.0, 2.0]]).round(3)
    array([0.5  , 0.881])
    """
    weights, design = _check_model(theta, X)
    return _sigmoid(finite_scores(design, weights)[0])


def predict(theta: ArrayLike, X: ArrayLike, threshold: float = 0.5) -> np.ndarray:
    r"""Class labels: 1 where :math:`h_\theta(x) \ge` ``threshold``, else 0.

    Introduced in ``notebooks/02_decision_boundary.ipynb``. With the default threshold 1/2 this is
    the sign of the score: ``1`` exactly when :math:`\theta^T x \ge 0`, so the decision
    boundary is the set :math:`\theta^T x = 0`.

    Parameters
    ----------
    theta : array_like, shape (n,)
    X : array_like, shape (m, n)
    threshold : float, default 0.5
        A probability strictly between 0 and 1.

    Returns
    -------
    numpy.ndarray of int64, shape (m,)
        Labels 0 or 1.

    Raises
    ------
    ValueError
        If the shapes do not match, the input is not finite, or the threshold is outside (0, 1).
    """
    weights, design = _check_model(theta, X)
    if not (isinstance(threshold, (int, float, np.floating)) and 0 < threshold < 1):
        raise ValueError(f"threshold must be a probability strictly between 0 and 1; got {threshold!r}")
    scores = finite_scores(design, weights)[0]
    # Compare scores with the threshold's log-odds: exact, and free of rounding in sigmoid.
    cut = np.log(threshold) - np.log1p(-threshold)
    return (scores >= cut).astype(np.int64)


def cost(theta: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0) -> float:
    r"""Cross-entropy cost of logistic regression, with optional L2 penalty.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    .. math:: J(\theta) = -\frac{1}{m}\sum_i \big[y_i \ln h_i + (1-y_i)\ln(1-h_i)\big]
              + \frac{\lambda}{2m}\sum_{j \ge 1}\theta_j^2,
              \qquad h_i = \sigma(\theta^T x_i)

    Evaluated from the scores ``z = X @ theta`` (log-sum-exp form), so it is finite and
    accurate even where ``h`` rounds to 0 or 1.

    Parameters
    ----------
    theta : array_like, shape (n,)
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels 0 or 1.
    lam : float, default 0.0
        L2 strength (>= 0); the intercept ``theta[0]`` is not penalised.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        On mismatched shapes, labels other than 0/1, non-finite data or negative ``lam``.

    Examples
    --------
    >>> round(cost([0.0, 0.0], [[1.0, 2.0], [1.0, -1.0]], [1, 0]), 6)  # ln 2 at theta = 0
    0.693147
    """
    weights, design, labels = _check_data(theta, X, y)
    lam = check_lam(lam)
    return _cost_and_gradient(weights, design, labels, lam, finite_scores(design, weights)[0])[0]


def gradient(theta: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0) -> np.ndarray:
    r"""Gradient of :func:`cost`: :math:`\nabla J = X^T (h - y) / m + (\lambda / m)\,[0, \theta_1, \dots]`.

    Introduced in ``notebooks/04_gradient_descent.ipynb``.

    Parameters
    ----------
    theta : array_like, shape (n,)
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
    lam : float, default 0.0

    Returns
    -------
    numpy.ndarray, shape (n,)

    Raises
    ------
    ValueError
        On mismatched shapes, labels other than 0/1, non-finite data or negative ``lam``.
    """
    weights, design, labels = _check_data(theta, X, y)
    lam = check_lam(lam)
    return _cost_and_gradient(weights, design, labels, lam, finite_scores(design, weights)[0], with_cost=False)[1]


def cost_and_gradient(
    theta: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0
) -> tuple[float, np.ndarray]:
    """:func:`cost` and :func:`gradient` together, sharing one ``X @ theta``.

    Introduced in ``notebooks/05_convexity_newton.ipynb``; this is the function
    an optimiser calls.

    Returns
    -------
    cost : float
    gradient : numpy.ndarray, shape (n,)
    """
    weights, design, labels = _check_data(theta, X, y)
    lam = check_lam(lam)
    return _cost_and_gradient(weights, design, labels, lam, finite_scores(design, weights)[0])


def hessian(theta: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0) -> np.ndarray:
    r"""Hessian of :func:`cost`: :math:`H = X^T S X / m + (\lambda/m)\,\mathrm{diag}(0, 1, \dots, 1)`.

    Introduced in ``notebooks/04_gradient_descent.ipynb``. Here
    :math:`S = \mathrm{diag}(h_i (1 - h_i))`. ``H`` is symmetric positive semi-definite
    for every ``theta``, which is why the cost is convex. It does not depend on ``y``;
    ``y`` is taken (and checked) so that the signature matches :func:`cost`.

    Parameters
    ----------
    theta : array_like, shape (n,)
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
    lam : float, default 0.0

    Returns
    -------
    numpy.ndarray, shape (n, n)

    Raises
    ------
    ValueError
        On mismatched shapes, labels other than 0/1, non-finite data or negative ``lam``.
    """
    weights, design, _ = _check_data(theta, X, y)
    lam = check_lam(lam)
    return _hessian(weights, design, lam, finite_scores(design, weights)[0])


def mse_cost(theta: ArrayLike, X: ArrayLike, y: ArrayLike) -> float:
    r"""Squared-error cost through the sigmoid, :math:`\frac{1}{2m}\sum_i (\sigma(\theta^T x_i) - y_i)^2`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``, where it is compared with
    :func:`cost` and shown to be non-convex and slow to learn from confident mistakes.

    Parameters
    ----------
    theta : array_like, shape (n,)
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels 0 or 1.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        On mismatched shapes, labels other than 0/1 or non-finite data.
    """
    weights, design, labels = _check_data(theta, X, y)
    return _mse_cost_and_gradient(weights, design, labels, finite_scores(design, weights)[0])[0]


def mse_gradient(theta: ArrayLike, X: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Gradient of :func:`mse_cost`: :math:`X^T\big[(h - y)\odot h \odot (1 - h)\big] / m`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. The extra factor
    :math:`h(1-h) \le 1/4` is what makes learning slow when the model is confidently wrong.

    Returns
    -------
    numpy.ndarray, shape (n,)

    Raises
    ------
    ValueError
        On mismatched shapes, labels other than 0/1 or non-finite data.
    """
    weights, design, labels = _check_data(theta, X, y)
    return _mse_cost_and_gradient(weights, design, labels, finite_scores(design, weights)[0])[1]


def mse_cost_and_gradient(theta: ArrayLike, X: ArrayLike, y: ArrayLike) -> tuple[float, np.ndarray]:
    """:func:`mse_cost` and :func:`mse_gradient` together, sharing one ``X @ theta``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.
    """
    weights, design, labels = _check_data(theta, X, y)
    return _mse_cost_and_gradient(weights, design, labels, finite_scores(design, weights)[0])


def mse_hessian(theta: ArrayLike, X: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Hessian of :func:`mse_cost`: :math:`X^T \mathrm{diag}(c)\,X / m`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. Here
    :math:`c_i = s_i\,[s_i + (h_i - y_i)(1 - 2h_i)]` with :math:`s_i = h_i(1 - h_i)` is the
    second derivative of the sample's squared error in its score
    (:func:`helpers.squared_error.mse_curvature_z`); since ``c_i`` can be negative, this
    matrix, unlike the cross-entropy :func:`hessian`, can have negative eigenvalues.

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
    weights, design, labels = _check_data(theta, X, y)
    c = _mse_curvature(finite_scores(design, weights)[0], labels)
    return (design.T * c) @ design / design.shape[0]


def separates(theta: ArrayLike, X: ArrayLike, y: ArrayLike) -> bool:
    r"""Whether the boundary :math:`\theta^T x = 0` puts every sample strictly on its label's side.

    Introduced in ``notebooks/10_regularisation.ipynb``. If it does, the classes
    are linearly separable and the unpenalised cost has no minimiser: along
    :math:`t\theta` every term :math:`\ln(1 + e^{-t|\theta^T x_i|})` falls to 0 as
    :math:`t \to \infty`, so the infimum 0 is approached but never reached.

    Parameters
    ----------
    theta : array_like, shape (n,)
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels 0 or 1.

    Returns
    -------
    bool
        ``True`` if :math:`\theta^T x_i > 0` for every :math:`y_i = 1` and
        :math:`\theta^T x_i < 0` for every :math:`y_i = 0`.

    Raises
    ------
    ValueError
        On mismatched shapes, labels other than 0/1 or non-finite data.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, -2.0], [1.0, -1.0], [1.0, 1.0], [1.0, 2.0]])
    >>> separates([0.0, 1.0], X, [0, 0, 1, 1]), separates([0.0, 1.0], X, [0, 1, 0, 1])
    (True, False)
    """
    weights, design, labels = _check_data(theta, X, y)
    signed = finite_scores(design, weights)[0] * (2 * labels - 1)
    return bool(np.all(signed > 0))


def gradient_lipschitz_constant(X: ArrayLike, lam: float = 0.0) -> float:
    r"""A global bound on the curvature of the cross-entropy: :math:`L = \lambda_{\max}(X^TX)/(4m) + \lambda/m`.

    Introduced in ``notebooks/05_convexity_newton.ipynb``. Every weight
    :math:`s_i = h_i(1 - h_i)` of the Hessian :math:`\frac1m X^TSX` is at most
    :math:`\frac14`, so :math:`H(\theta) \preceq X^TX/(4m)` (+ the penalty's
    :math:`\frac{\lambda}{m}\operatorname{diag}(0, 1, \dots, 1)`) at every :math:`\theta`,
    with equality of the first part at :math:`\theta = 0`. Hence the gradient is
    :math:`L`-Lipschitz, and gradient descent with any learning rate :math:`\alpha < 2/L`
    lowers the cost at every step from any start (the descent lemma). The bound is
    sufficient, not necessary: larger rates can still converge once the curvature has
    fallen.

    Parameters
    ----------
    X : array_like, shape (m, n)
    lam : float, default 0.0
        L2 strength (the intercept, column 0, is not penalised).

    Returns
    -------
    float
        :math:`L`, in cost units per squared parameter unit.

    Raises
    ------
    ValueError
        If ``X`` is not a finite, non-empty 2-D array or ``lam`` is negative.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 0.0], [1.0, 2.0]])
    >>> L = gradient_lipschitz_constant(X)
    >>> bool(np.isclose(L, np.linalg.eigvalsh(hessian(np.zeros(2), X, [0, 1]))[-1]))  # equal at theta = 0
    True
    """
    design = as_float_array(X, "X", ndim=2)
    strength = check_lam(lam)
    m = design.shape[0]
    penalty = strength / m if design.shape[1] > 1 else 0.0
    return float(np.linalg.eigvalsh(design.T @ design)[-1]) / (4 * m) + penalty


def accuracy_path(path: ArrayLike, X: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""The share of samples each iterate of a descent path classifies correctly.

    Introduced in ``notebooks/07_learning_slowdown.ipynb`` (the race of the two costs) and
    used again in ``notebooks/10_regularisation.ipynb``. Iterate
    :math:`\theta_t` predicts class 1 for sample :math:`x_i` when
    :math:`\theta_t^T x_i \ge 0` (that is :math:`h \ge 1/2`, the rule of :func:`predict`);
    the accuracy is the mean of :math:`[\hat y_i = y_i]`. One matrix product serves every
    iterate of ``path`` (``Trajectory.path``), so a figure can show the accuracy along a
    whole run after training it.

    Parameters
    ----------
    path : array_like, shape (k + 1, n)
        The iterates, one per row.
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels 0 or 1.

    Returns
    -------
    numpy.ndarray, shape (k + 1,)
        The accuracy of each iterate, a fraction in [0, 1].

    Raises
    ------
    ValueError
        On mismatched shapes, labels other than 0/1 or non-finite input.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, -2.0], [1.0, -1.0], [1.0, 1.0], [1.0, 2.0]])
    >>> accuracy_path([[0.0, -1.0], [1.5, 1.0], [0.0, 1.0]], X, [0, 0, 1, 1]).tolist()
    [0.0, 0.75, 1.0]
    """
    iterates = as_float_array(path, "path", ndim=2)
    design = as_float_array(X, "X", ndim=2)
    labels = check_binary_labels(y)
    check_matching_rows(design, labels)
    if iterates.shape[1] != design.shape[1]:
        raise ValueError(
            f"path must have shape (k + 1, {design.shape[1]}) to match X, which has {design.shape[1]} columns; "
            f"got path of shape {iterates.shape}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        scores = iterates @ design.T  # (k + 1, m)
        huge = ~np.isfinite(scores).all(axis=1)
        if huge.any():  # weights so large that a score overflows: shrinking them keeps every sign
            shrunk = iterates[huge] / np.abs(iterates[huge]).max(axis=1, keepdims=True)
            scores[huge] = shrunk @ design.T
    return np.mean((scores >= 0) == (labels == 1), axis=1)


# --- added for notebooks 01 and 03: the boundary as a line ---
#: A weight (or weight vector) smaller than this in magnitude counts as zero: the score does
#: not depend on the features, and there is no boundary line.
FLAT: float = 1e-12


def boundary_line(
    theta: ArrayLike,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    level: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    r"""The segment of the line :math:`\theta_0 + \theta_1 x_1 + \theta_2 x_2 = \text{level}` inside a box.

    Introduced in ``notebooks/01_sigmoid.ipynb``. With ``level = 0`` this is the decision
    boundary of :math:`h(x) = \sigma(\theta^T x)`, :math:`x_2 = -(\theta_0 + \theta_1 x_1)/\theta_2`;
    ``level = ln 9`` is where ``p = 0.9``.

    The line is first written as :math:`x_2 = (\text{level} - \theta_0 - \theta_1 x_1)/\theta_2`
    when :math:`|\theta_2| \ge |\theta_1|` and as :math:`x_1 = (\text{level} - \theta_0 -
    \theta_2 x_2)/\theta_1` otherwise, so the division is always by the larger weight (no
    division by zero; a vertical line, :math:`\theta_2 = 0`, needs no special case). The
    segment is then clipped to the box (Liang-Barsky), so both end points lie in it.

    Parameters
    ----------
    theta : array_like, shape (3,)
        ``(θ0, θ1, θ2)``: intercept and the weights of ``x1`` and ``x2``.
    xlim, ylim : (float, float)
        The box, ``(low, high)`` in ``x1`` and in ``x2``.
    level : float, default 0.0
        The score the line joins.

    Returns
    -------
    x1, x2 : numpy.ndarray, shape (2,) or (0,)
        The two end points, or two empty arrays when there is no line
        (:math:`\theta_1 = \theta_2 = 0`, up to :data:`FLAT`) or it misses the box.

    Raises
    ------
    ValueError
        If ``theta`` is not three finite numbers or a box is not ``(low, high)``.

    Examples
    --------
    >>> boundary_line([-3.0, 1.0, 1.0], (0.0, 3.0), (0.0, 3.0))   # x1 + x2 = 3
    (array([0., 3.]), array([3., 0.]))
    >>> boundary_line([-3.0, 1.0, 1.0], (0.0, 4.0), (0.0, 1.0))   # clipped to the box
    (array([2., 3.]), array([1., 0.]))
    >>> boundary_line([1.0, 0.0, 0.0], (0.0, 1.0), (0.0, 1.0))    # no boundary
    (array([], dtype=float64), array([], dtype=float64))
    """
    weights = as_float_array(theta, "theta", ndim=1).astype(np.float64)
    if weights.shape != (3,):
        raise ValueError(f"theta must have shape (3,): (theta0, theta1, theta2); got shape {weights.shape}")
    x_low, x_high = check_interval(xlim, "xlim")
    y_low, y_high = check_interval(ylim, "ylim")
    target = check_number(level, "level")
    t0, t1, t2 = (float(w) for w in weights)  # Python floats: no numpy overflow warnings
    empty = (np.empty(0), np.empty(0))
    if max(abs(t1), abs(t2)) < FLAT:
        return empty
    if abs(t2) >= abs(t1):
        start = (x_low, (target - t0 - t1 * x_low) / t2)
        end = (x_high, (target - t0 - t1 * x_high) / t2)
    else:
        start = ((target - t0 - t2 * y_low) / t1, y_low)
        end = ((target - t0 - t2 * y_high) / t1, y_high)
    dx, dy = end[0] - start[0], end[1] - start[1]
    enter, leave = 0.0, 1.0
    for p, q in ((-dx, start[0] - x_low), (dx, x_high - start[0]), (-dy, start[1] - y_low), (dy, y_high - start[1])):
        if p == 0:
            if q < 0:  # parallel to this edge and outside it
                return empty
            continue
        t = q / p
        if p < 0:
            enter = max(enter, t)
        else:
            leave = min(leave, t)
    if not (np.isfinite(enter) and np.isfinite(leave)) or enter > leave:
        return empty
    return (
        np.array([start[0] + enter * dx, start[0] + leave * dx]),
        np.array([start[1] + enter * dy, start[1] + leave * dy]),
    )


# ---------------------------------------------------------------------------------------
# added for notebook 12: L2 as a Gaussian prior (maximum a posteriori)
# ---------------------------------------------------------------------------------------
def _check_prior_sd(prior_sd: object) -> float:
    sd = check_number(prior_sd, "prior_sd")
    if sd <= 0:
        raise ValueError(f"prior_sd must be a positive standard deviation; got {sd!r}")
    return sd


def neg_log_joint(theta: ArrayLike, X: ArrayLike, y: ArrayLike, prior_sd: float) -> float:
    r"""Minus the log of likelihood times prior, with independent :math:`N(0, \sigma^2)` priors on the weights.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. With weights :math:`w = \theta_{1:}`
    (the intercept gets a flat prior) and :math:`d` of them,

    .. math::

        -\ln\big[p(y \mid X, \theta)\,p(\theta)\big]
        = -\sum_i \big[y_i\ln h_i + (1-y_i)\ln(1-h_i)\big]
          + \frac{\lVert w\rVert^2}{2\sigma^2} + \frac d2\ln(2\pi\sigma^2).

    The posterior is this joint divided by :math:`p(y \mid X)`, which does not depend on
    θ: minimising it gives the maximum-a-posteriori (MAP) weights. It equals
    :math:`m\,J_\lambda(\theta) + \frac d2\ln(2\pi\sigma^2)` with :math:`\lambda = 1/\sigma^2`
    (:func:`cost` with ``lam``, :func:`lam_from_prior_sd`): the same minimiser.

    Parameters
    ----------
    theta : array_like, shape (n,)
        ``theta[0]`` is the intercept.
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels 0 or 1.
    prior_sd : float
        The prior's standard deviation σ > 0 (in the units of the weights).

    Returns
    -------
    float
        In nats.

    Raises
    ------
    ValueError
        On bad data or a non-positive ``prior_sd``.

    Examples
    --------
    >>> round(neg_log_joint([0.0, 0.0], [[1.0, 2.0], [1.0, -1.0]], [1, 0], 1.0), 4)  # 2 ln 2 + ln(2π)/2
    2.3052
    """
    weights, design, labels = _check_data(theta, X, y)
    sd = _check_prior_sd(prior_sd)
    m = design.shape[0]
    data_term = m * _cost_and_gradient(weights, design, labels, 0.0, finite_scores(design, weights)[0],
                                       with_cost=True)[0]
    w = weights[1:].astype(np.float64)
    return float(data_term + (w @ w) / (2 * sd**2) + 0.5 * w.size * np.log(2 * np.pi * sd**2))


def lam_from_prior_sd(prior_sd: float) -> float:
    r"""The course's L2 strength λ that a Gaussian prior :math:`N(0, \sigma^2)` on each weight amounts to.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. The course's cost is a mean with
    penalty :math:`\frac{\lambda}{2m}\lVert w\rVert^2`, so :math:`m\,J_\lambda` has penalty
    :math:`\frac\lambda2\lVert w\rVert^2`; matching :math:`\frac{1}{2\sigma^2}\lVert w\rVert^2`
    gives :math:`\lambda = 1/\sigma^2`, whatever the number of samples.

    Parameters
    ----------
    prior_sd : float
        σ > 0.

    Returns
    -------
    float
        :math:`1/\sigma^2`.

    Raises
    ------
    ValueError
        If ``prior_sd`` is not a positive number.

    Examples
    --------
    >>> lam_from_prior_sd(0.5)
    4.0
    """
    return 1.0 / _check_prior_sd(prior_sd) ** 2
