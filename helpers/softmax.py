"""Softmax regression (multinomial logistic regression).

Conventions: ``X`` has shape (m, n) with a leading column of ones for the intercepts;
``W`` has shape (n, K), one column of weights per class, row 0 holding the intercepts
(not regularised); ``y`` has shape (m,) and holds integer labels ``0..K-1``. Costs are
means over samples; ``lam`` adds ``lam / (2 m) * sum(W[1:] ** 2)``.

Introduced in ``notebooks/08_softmax.ipynb``.

As in :mod:`helpers.logistic`, the public functions never read all of ``X`` when the
scores ``X @ W`` are finite (:func:`helpers._validate.finite_scores`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_float_array,
    check_class_count,
    check_class_labels,
    check_lam,
    check_matching_rows,
    check_params,
    finite_scores,
)

__all__ = [
    "cost",
    "cost_and_gradient",
    "gradient",
    "log_softmax",
    "minibatch_objective",
    "one_hot",
    "predict",
    "predict_proba",
    "softmax",
]


# ---------------------------------------------------------------------------------------
# unchecked kernels
# ---------------------------------------------------------------------------------------
def _softmax(Z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of a 2-D float array, max subtracted, computed in place on a copy."""
    with np.errstate(over="ignore"):  # a score more than the float range below the max: -inf, exp -> 0
        P = Z - Z.max(axis=-1, keepdims=True)
    np.exp(P, out=P)
    P /= P.sum(axis=-1, keepdims=True)
    return P


def _log_softmax(Z: np.ndarray) -> np.ndarray:
    shifted = Z - Z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _scores_t(X: np.ndarray, W: np.ndarray) -> np.ndarray:
    """The scores in the (K, m) layout, ``(X W)^T = W^T X^T``, as :func:`_cost_and_gradient` uses them."""
    return W.T @ X.T


def _class_max(Z: np.ndarray) -> np.ndarray:
    """Each sample's largest score, from scores in the (K, m) layout: shape (m,)."""
    return np.maximum.reduce(Z, axis=0)


def _cost_and_gradient(
    W: np.ndarray,
    X: np.ndarray,
    y: np.ndarray,
    lam: float = 0.0,
    Z: np.ndarray | None = None,
    maxima: np.ndarray | None = None,
    with_cost: bool = True,
) -> tuple[float, np.ndarray]:
    """Cost and gradient from the scores ``Z = W.T @ X.T`` of shape (K, m), overwritten (computed here unless given).

    ``maxima`` is ``_class_max(Z)`` if the caller has it (the input checks do).

    Every pass over the K x m numbers: the row-wise maximum, its subtraction, ``exp``,
    the sum, the multiplication by the m reciprocals; the one-hot ``Y`` is subtracted at
    the m labels only. With ``with_cost=False`` the cost is not computed (returned as
    NaN; it costs m logarithms); the gradient is the same, bit for bit.
    """
    m = X.shape[0]
    # Scores in the (K, m) layout, Z = (X W)^T: each class's scores form one long contiguous
    # row, so the per-sample max and sum below are element-wise operations across K rows of
    # length m (vectorised), not m reductions over rows of only K numbers (several times slower).
    if Z is None:
        Z = _scores_t(X, W)
    if maxima is None:
        maxima = _class_max(Z)
    # The shifted scores give both log P (for the cost, log-sum-exp) and P (for the gradient).
    # A score more than the float range below its sample's max becomes -inf (exp gives 0).
    with np.errstate(over="ignore"):
        Z -= maxima  # every shifted score <= 0, the largest exactly 0
    at_label = y * m
    at_label += np.arange(m)  # flat index of Z[y_i, i], the score of sample i's own class
    flat = Z.reshape(-1)  # a view: writing to it writes to Z
    label_scores = flat[at_label]
    np.exp(Z, out=Z)
    sums = np.add.reduce(Z, axis=0)  # >= 1: it contains exp(0)
    inverse = 1.0 / sums  # m divisions, then K m multiplications (cheaper than K m divisions)
    Z *= inverse  # Z is now P^T
    # (P - Y)^T without building Y: p_{i, y_i} - 1 at each sample's label, p_{i, y_i} recomputed
    # from the m label scores (the same numbers as in Z), which is cheaper than reading Z back.
    label_p = np.exp(label_scores)
    label_p *= inverse
    label_p -= 1.0
    flat[at_label] = label_p
    value = np.nan
    if with_cost:
        np.log(sums, out=sums)
        sums -= label_scores  # -ln p_{i, y_i} = ln sum_k exp(z_ik) - z_{i, y_i} (log-sum-exp)
        value = float(sums.sum()) / m  # the mean, without np.mean's Python overhead (SGD calls this per sample)
    grad = (Z @ X).T.copy()  # X^T (P - Y), C-contiguous like W
    grad /= m
    if lam:
        penalised = W[1:]
        if with_cost:
            value += lam / (2 * m) * float(np.sum(penalised * penalised))
        grad[1:] += (lam / m) * penalised
    return value, grad



def _stacked_scores_t(Ws: np.ndarray, X: np.ndarray) -> np.ndarray:
    """The scores of each model of ``Ws`` (S, n, K) in the (K, m) layout: shape (S, K, m).

    As in :func:`_cost_and_gradient`, each class's scores form one contiguous row of m
    numbers, so the reductions over the K classes below are element-wise operations across
    K rows, not m reductions over rows of only K numbers (several times slower). The S
    products are one: ``[W_1^T; ...; W_S^T] X^T``, a single (S K, n) by (n, m) product
    (half the time of S stacked ones).
    """
    S, n, K = Ws.shape
    return (Ws.transpose(0, 2, 1).reshape(S * K, n) @ X.T).reshape(S, K, X.shape[0])


def _label_index(y: np.ndarray, m: int) -> np.ndarray:
    """Flat index of each sample's own score ``Z[y_i, i]`` in a (K, m) block of scores."""
    index = y * m
    index += np.arange(m)
    return index


def _stacked_cross_entropy(Z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Mean cross-entropy of each model from its scores ``Z`` (S, K, m), overwritten: shape (S,)."""
    S, K, m = Z.shape
    with np.errstate(over="ignore"):  # a score more than the float range below the max: -inf, exp -> 0
        Z -= np.maximum.reduce(Z, axis=1)[:, None, :]
    label_scores = Z.reshape(S, K * m)[:, _label_index(y, m)]  # (S, m), shifted
    np.exp(Z, out=Z)
    log_sums = np.log(np.add.reduce(Z, axis=1))  # log-sum-exp of the shifted scores
    log_sums -= label_scores  # -ln p_{i, y_i}
    return log_sums.mean(axis=1)


def _stacked_costs(Ws: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float = 0.0) -> np.ndarray:
    """The cost of each model of ``Ws`` (S, n, K): shape (S,). Several models in one pass.

    Used by :class:`helpers.optim.Descent` for the costs of a whole path after training.
    """
    value = _stacked_cross_entropy(_stacked_scores_t(Ws, X), y)
    if lam:
        value += lam / (2 * X.shape[0]) * np.einsum("snk,snk->s", Ws[:, 1:], Ws[:, 1:])
    return value


def _stacked_gradients(Ws: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float = 0.0) -> np.ndarray:
    """The gradient ``X^T (P - Y) / m`` at each model of ``Ws`` (S, n, K): shape (S, n, K).

    Used by :class:`helpers.optim.Descent` to train several learning rates with one
    product per step. The scores are in the (K, m) layout (:func:`_stacked_scores_t`).
    """
    Z = _stacked_scores_t(Ws, X)  # (S, K, m)
    S, K, m = Z.shape
    with np.errstate(over="ignore"):
        Z -= np.maximum.reduce(Z, axis=1)[:, None, :]
    np.exp(Z, out=Z)
    Z *= (1.0 / np.add.reduce(Z, axis=1))[:, None, :]  # P^T of each model: m divisions, K m multiplications
    Z.reshape(S, K * m)[:, _label_index(y, m)] -= 1.0  # (P - Y)^T
    grad = (Z.reshape(S * K, m) @ X).reshape(S, K, -1).transpose(0, 2, 1)  # (S, n, K), a view of (S, K, n)
    grad /= m
    if lam:
        grad[:, 1:] += (lam / m) * Ws[:, 1:]
    return grad


# ---------------------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------------------
def _check_model(W: ArrayLike, X: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    # X's values are checked through its scores (finite_scores), not here.
    design = as_float_array(X, "X", ndim=2, finite=False)
    weights = check_params(W, design, "W", ndim=2)
    if weights.shape[1] < 2:
        raise ValueError(f"W must have at least 2 columns (one per class); got shape {weights.shape}")
    return weights, design


def _check_data(
    W: ArrayLike, X: ArrayLike, y: ArrayLike
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    weights, design = _check_model(W, X)
    labels = check_class_labels(y, weights.shape[1])
    check_matching_rows(design, labels)
    return weights, design, labels


# ---------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------
def softmax(Z: ArrayLike) -> np.ndarray:
    r"""Row-wise softmax :math:`p_k = e^{z_k} / \sum_j e^{z_j}`, computed stably.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Because softmax is unchanged when the same number is added to every score of a
    row, the row maximum is subtracted first: every exponent is then <= 0, so nothing
    overflows, and the largest term is exactly 1, so the denominator is >= 1.

    Parameters
    ----------
    Z : array_like, shape (K,) or (m, K)
        Scores for one sample, or one row per sample.

    Returns
    -------
    numpy.ndarray, same shape as ``Z``
        Probabilities; every row sums to 1.

    Raises
    ------
    ValueError
        If ``Z`` is not 1-D or 2-D, is empty, or holds NaN or infinity.

    Examples
    --------
    >>> softmax([1000.0, 1000.0])  # the naive formula gives nan here
    array([0.5, 0.5])
    """
    scores = as_float_array(Z, "Z", ndim=(1, 2))
    return _softmax(scores)


def log_softmax(Z: ArrayLike) -> np.ndarray:
    r"""Row-wise log of the softmax, :math:`z_k - \log\sum_j e^{z_j}` (log-sum-exp).

    Introduced in ``notebooks/08_softmax.ipynb``. Finite for every finite input,
    even where the softmax itself rounds to 0.

    Parameters
    ----------
    Z : array_like, shape (K,) or (m, K)

    Returns
    -------
    numpy.ndarray, same shape as ``Z``
        Log-probabilities (all <= 0).

    Raises
    ------
    ValueError
        If ``Z`` is not 1-D or 2-D, is empty, or holds NaN or infinity.

    Examples
    --------
    >>> log_softmax([0.0, -1000.0])
    array([    0., -1000.])
    """
    scores = as_float_array(Z, "Z", ndim=(1, 2))
    return _log_softmax(scores)


def one_hot(y: ArrayLike, k: int) -> np.ndarray:
    """One-hot encode labels: row ``i`` is all zeros except a 1 in column ``y[i]``.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
        Number of classes (>= 2).

    Returns
    -------
    numpy.ndarray of float64, shape (m, k)

    Raises
    ------
    ValueError
        If ``k`` is not an integer >= 2 or a label is outside ``0..k-1``.

    Examples
    --------
    >>> one_hot([2, 0], 3)
    array([[0., 0., 1.],
           [1., 0., 0.]])
    """
    k = check_class_count(k)
    labels = check_class_labels(y, k)
    encoded = np.zeros((labels.shape[0], int(k)))
    encoded[np.arange(labels.shape[0]), labels] = 1.0
    return encoded


def predict_proba(W: ArrayLike, X: ArrayLike) -> np.ndarray:
    r"""Class probabilities :math:`P = \operatorname{softmax}(X W)`.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    W : array_like, shape (n, K)
    X : array_like, shape (m, n)

    Returns
    -------
    numpy.ndarray, shape (m, K)
        Each row is a distribution over the K classes.

    Raises
    ------
    ValueError
        If the shapes do not match or the input is not finite.
    """
    weights, design = _check_model(W, X)
    return _softmax(finite_scores(design, weights)[0])


def predict(W: ArrayLike, X: ArrayLike) -> np.ndarray:
    """Most probable class for each sample: ``argmax`` of the scores ``X @ W`` per row.

    Introduced in ``notebooks/09_softmax_training.ipynb``. (The argmax of the scores
    equals the argmax of the probabilities, since softmax preserves order.)

    Parameters
    ----------
    W : array_like, shape (n, K)
    X : array_like, shape (m, n)

    Returns
    -------
    numpy.ndarray of int64, shape (m,)

    Raises
    ------
    ValueError
        If the shapes do not match or the input is not finite.
    """
    weights, design = _check_model(W, X)
    return np.argmax(finite_scores(design, weights)[0], axis=1).astype(np.int64)


def cost(W: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0) -> float:
    r"""Softmax cross-entropy cost with optional L2 penalty.

    Introduced in ``notebooks/08_softmax.ipynb``.

    .. math:: J(W) = -\frac{1}{m}\sum_i \ln p_{i, y_i} + \frac{\lambda}{2m}\sum_{j\ge 1,k} W_{jk}^2

    computed with log-sum-exp, so it is finite for any finite scores. With ``W = 0``
    every class gets probability ``1/K`` and the cost is ``ln K``.

    Parameters
    ----------
    W : array_like, shape (n, K)
    X : array_like, shape (m, n)
    y : array_like of int, shape (m,)
        Labels in ``0..K-1``.
    lam : float, default 0.0
        L2 strength (>= 0); row 0 of ``W`` (the intercepts) is not penalised.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        On mismatched shapes, labels outside ``0..K-1``, non-finite data or negative ``lam``.

    Examples
    --------
    >>> import numpy as np
    >>> round(cost(np.zeros((2, 3)), [[1.0, 5.0], [1.0, -2.0]], [0, 2]), 6)  # ln 3
    1.098612
    """
    weights, design, labels = _check_data(W, X, y)
    lam = check_lam(lam)
    Z, maxima = finite_scores(design, weights, _scores_t, summary=_class_max)
    return _cost_and_gradient(weights, design, labels, lam, Z, maxima)[0]


def gradient(W: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0) -> np.ndarray:
    r"""Gradient of :func:`cost`: :math:`\nabla_W J = X^T (P - Y) / m + (\lambda/m) W` (row 0 unpenalised).

    Introduced in ``notebooks/08_softmax.ipynb``. ``Y`` is the one-hot matrix of
    the labels; it is never built (``P - Y`` subtracts 1 at each sample's label).

    Parameters
    ----------
    W : array_like, shape (n, K)
    X : array_like, shape (m, n)
    y : array_like of int, shape (m,)
    lam : float, default 0.0

    Returns
    -------
    numpy.ndarray, shape (n, K)

    Raises
    ------
    ValueError
        On mismatched shapes, labels outside ``0..K-1``, non-finite data or negative ``lam``.
    """
    weights, design, labels = _check_data(W, X, y)
    lam = check_lam(lam)
    Z, maxima = finite_scores(design, weights, _scores_t, summary=_class_max)
    return _cost_and_gradient(weights, design, labels, lam, Z, maxima, with_cost=False)[1]


def cost_and_gradient(
    W: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0
) -> tuple[float, np.ndarray]:
    """:func:`cost` and :func:`gradient` together, sharing one ``X @ W`` and one softmax.

    Introduced in ``notebooks/09_softmax_training.ipynb``; this is what an optimiser calls.

    Returns
    -------
    cost : float
    gradient : numpy.ndarray, shape (n, K)
    """
    weights, design, labels = _check_data(W, X, y)
    lam = check_lam(lam)
    Z, maxima = finite_scores(design, weights, _scores_t, summary=_class_max)
    return _cost_and_gradient(weights, design, labels, lam, Z, maxima)


def minibatch_objective(
    X: ArrayLike, y: ArrayLike, k: int, lam: float = 0.0
) -> Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]]:
    r"""Cost and gradient of softmax regression on a subset of the samples, for mini-batch descent.

    Introduced in ``notebooks/09_softmax_training.ipynb``. The data are checked once, here;
    the returned function then runs the unchecked kernel of :func:`cost_and_gradient` on the
    rows ``idx`` (one matrix product, no loop over samples), which matters when stochastic
    descent calls it once per sample. The penalty is scaled so that the batch gradient is an
    unbiased estimate of the full one: on a batch of ``b`` of the ``m`` samples it returns
    :math:`X_B^T (P_B - Y_B) / b + (\lambda / m) W` (row 0 unpenalised).

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column.
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
        Number of classes.
    lam : float, default 0.0
        L2 strength of the full cost :func:`cost`.

    Returns
    -------
    callable
        ``fun(W, idx) -> (cost, gradient)`` for :func:`helpers.optim.minibatch_gradient_descent`,
        with ``W`` of shape (n, k) and ``idx`` an integer index array.

    Raises
    ------
    ValueError
        On mismatched shapes, labels outside ``0..k-1``, a ``k`` that is not an integer >= 2
        or a negative ``lam``.

    Examples
    --------
    >>> fun = minibatch_objective([[1.0, 2.0], [1.0, -1.0]], [0, 1], 2)
    >>> round(fun(np.zeros((2, 2)), np.array([0]))[0], 6)  # ln 2 on one sample
    0.693147
    """
    design = as_float_array(X, "X", ndim=2).astype(np.float64)
    labels = check_class_labels(y, check_class_count(k))
    check_matching_rows(design, labels)
    strength = check_lam(lam)
    m = design.shape[0]

    def fun(W: np.ndarray, idx: np.ndarray) -> tuple[float, np.ndarray]:
        return _cost_and_gradient(W, design[idx], labels[idx], strength * len(idx) / m)

    return fun
