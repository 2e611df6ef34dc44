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
from numbers import Real

import numpy as np
from numpy.typing import ArrayLike

from ._parallel import for_column_blocks, map_row_blocks
from ._validate import (
    as_float_array,
    check_class_count,
    check_class_labels,
    check_distribution,
    check_lam,
    check_matching_rows,
    check_params,
    describe,
    finite_scores,
)

__all__ = [
    "cost",
    "cost_and_gradient",
    "gradient",
    "hessian",
    "log_softmax",
    "minibatch_objective",
    "natural_parameters",
    "one_hot",
    "predict",
    "predict_proba",
    "score_hessian",
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


def _softmax_at(Z: np.ndarray, T: float) -> np.ndarray:
    """Row-wise softmax of ``Z / T``: the max subtracted first, then the division, so nothing overflows."""
    with np.errstate(over="ignore"):  # a shifted score / T beyond the float range: -inf, exp -> 0
        P = Z - Z.max(axis=-1, keepdims=True)
        P /= T
    np.exp(P, out=P)
    P /= P.sum(axis=-1, keepdims=True)
    return P


def _score_hessian(P: np.ndarray) -> np.ndarray:
    """``diag(p) - p p^T`` for each row ``p`` of ``P`` (..., K): shape (..., K, K)."""
    H = -P[..., :, None] * P[..., None, :]
    diagonal = np.einsum("...kk->...k", H)  # a writable view of the diagonals
    diagonal += P
    return H


def _hessian(W: np.ndarray, X: np.ndarray, lam: float = 0.0, Z: np.ndarray | None = None) -> np.ndarray:
    """The (n K, n K) Hessian of the cost in the column-stacking vec convention (see :func:`hessian`).

    ``Z`` are the scores ``X @ W`` (m, K) if the caller has them.
    """
    m, n = X.shape
    K = W.shape[1]
    P = _softmax(X @ W if Z is None else Z)  # (m, K)
    # Σ_i (p_i ⊗ x_i)(p_i ⊗ x_i)^T: the rows of A are the vectors p_i ⊗ x_i (class-major, like vec(W))
    A = (P[:, :, None] * X[:, None, :]).reshape(m, K * n)
    H = -(A.T @ A)
    for k in range(K):  # a loop over the K classes, not the samples: the diagonal blocks Xᵀ diag(P[:, k]) X
        H[k * n : (k + 1) * n, k * n : (k + 1) * n] += (X.T * P[:, k]) @ X
    H /= m
    H = (H + H.T) / 2  # exactly symmetric (the two products round differently)
    if lam:
        penalised = np.tile(np.r_[0.0, np.ones(n - 1)], K)  # row 0 of every column (the intercepts): no penalty
        H[np.diag_indices_from(H)] += (lam / m) * penalised
    return H


def _log_softmax(Z: np.ndarray) -> np.ndarray:
    shifted = Z - Z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _scores_t(X: np.ndarray, W: np.ndarray) -> np.ndarray:
    """The scores in the (K, m) layout, ``(X W)^T = W^T X^T``, as :func:`_cost_and_gradient` uses them."""
    return W.T @ X.T


def _class_max(Z: np.ndarray) -> np.ndarray:
    """Each sample's largest score, from scores in the (K, m) layout: shape (m,)."""
    return np.maximum.reduce(Z, axis=0)


def _exp_normalise(
    Z: np.ndarray, maxima: np.ndarray, at_label: np.ndarray | None = None, split: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Scores ``Z`` (K, m) into probabilities ``P^T``, in place; returns the sums, their reciprocals and label scores.

    Each sample's scores are shifted by its largest (``maxima``, shape (m,)), exponentiated,
    summed over the K classes and scaled by the reciprocal of the sum: four passes over the
    K x m numbers, of which ``exp`` is by far the dearest (numpy's float64 ``exp`` is scalar
    without AVX-512). Large arrays are split into blocks of samples done on several threads
    (:func:`helpers._parallel.for_column_blocks`); every number is the same, bit for bit, as
    on one thread. ``at_label`` (flat indices of each sample's own score) asks for the
    shifted scores at the labels, taken after the shift and before ``exp``. ``split=False``
    keeps it on the calling thread (which is itself one of several).

    Returns
    -------
    sums : numpy.ndarray, shape (m,)
        ``sum_k exp(z_ik - max_i)``, at least 1.
    inverse : numpy.ndarray, shape (m,)
        ``1 / sums``.
    label_scores : numpy.ndarray of shape (m,), or None
        ``z_{i, y_i} - max_i`` if ``at_label`` was given.
    """
    m = Z.shape[1]
    sums = np.empty(m)
    inverse = np.empty(m)
    label_scores = None if at_label is None else np.empty(m)
    flat = Z.reshape(-1)  # a view: writing to it writes to Z

    def block(start: int, stop: int) -> None:
        z = Z[:, start:stop]
        # A score more than the float range below its sample's max becomes -inf (exp gives 0).
        with np.errstate(over="ignore"):
            z -= maxima[start:stop]  # every shifted score <= 0, the largest exactly 0
        if at_label is not None and label_scores is not None:
            np.take(flat, at_label[start:stop], out=label_scores[start:stop])
        np.exp(z, out=z)
        np.add.reduce(z, axis=0, out=sums[start:stop])  # >= 1: it contains exp(0)
        np.divide(1.0, sums[start:stop], out=inverse[start:stop])  # m divisions, then K m multiplications
        z *= inverse[start:stop]

    if split and np.isfinite(maxima).all():
        for_column_blocks(block, Z.size, m)
    else:  # overflowing scores: one block, so that each warning is given once, as on one thread
        block(0, m)
    return sums, inverse, label_scores


def _data_terms(
    X: np.ndarray, y: np.ndarray, Z: np.ndarray, maxima: np.ndarray, with_cost: bool, split: bool = True
) -> tuple[float, np.ndarray]:
    """The sums over the samples behind the cost and the gradient, from the scores ``Z`` (K, m), overwritten.

    Every pass over the K x m numbers: :func:`_exp_normalise` (shift by ``maxima``,
    ``exp``, sum, scaling); the one-hot ``Y`` is subtracted at the m labels only.

    Returns
    -------
    total : float
        ``sum_i -ln p_{i, y_i}`` (NaN with ``with_cost=False``: it costs m logarithms).
    product : numpy.ndarray, shape (K, n)
        ``(P - Y)^T X``.
    """
    m = X.shape[0]
    at_label = y * m
    at_label += np.arange(m)  # flat index of Z[y_i, i], the score of sample i's own class
    # The shifted scores give both log P (for the cost, log-sum-exp) and P (for the gradient).
    sums, _, label_scores = _exp_normalise(Z, maxima, at_label if with_cost else None, split)
    flat = Z.reshape(-1)  # Z is now P^T
    flat[at_label] -= 1.0  # (P - Y)^T, without building Y: p_{i, y_i} - 1 at each sample's label
    total = np.nan
    if with_cost:
        np.log(sums, out=sums)
        sums -= label_scores  # -ln p_{i, y_i} = ln sum_k exp(z_ik) - z_{i, y_i} (log-sum-exp)
        total = float(sums.sum())
    return total, Z @ X


def _blocked_terms(W: np.ndarray, X: np.ndarray, y: np.ndarray, with_cost: bool) -> tuple[float, np.ndarray] | None:
    """:func:`_data_terms` for large data, summed over blocks of samples done on several threads.

    Each block computes its own scores, softmax and ``(P - Y)^T X`` (one BLAS thread
    each, :func:`helpers._parallel.map_row_blocks`), so one core can compute one block's
    ``exp`` while the other streams another block's rows of ``X`` through a product. The
    blocks depend on the sizes only: the same bits on every machine. ``None`` (nothing is
    kept) if the data are too small to split, or if a block's scores are not all finite or
    raised a floating-point error: then the caller does the whole, as it always did, with
    its checks, messages and warnings.
    """
    m, n = X.shape

    def block(start: int, stop: int) -> tuple[float, np.ndarray] | None:
        rows = X[start:stop]
        Z = _scores_t(rows, W)
        maxima = _class_max(Z)
        if not np.isfinite(maxima).all():
            return None
        return _data_terms(rows, y[start:stop], Z, maxima, with_cost, split=False)

    parts = map_row_blocks(block, m, m * n * W.shape[1])
    if parts is None or any(part is None for part in parts):
        return None
    # numpy scalars, not Python floats, for the total: a Python float overflows to inf
    # without a word, and the whole way would have warned about it.
    total, product = np.float64(0.0), np.zeros((W.shape[1], n))
    with np.errstate(over="raise", invalid="raise"):
        try:
            for part in parts:
                assert part is not None
                total += np.float64(part[0])
                product += part[1]
        except FloatingPointError:  # the sum of finite parts overflowed: leave it to the whole
            return None
    return float(total), product


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

    ``maxima`` is ``_class_max(Z)`` if the caller has it (the input checks do). With
    ``with_cost=False`` the cost is not computed (returned as NaN; it costs m logarithms);
    the gradient is the same, bit for bit. Without ``Z``, large data are done in blocks of
    samples on several threads (:func:`_blocked_terms`).
    """
    terms = None if Z is not None else _blocked_terms(W, X, y, with_cost)
    if terms is None:
        # Scores in the (K, m) layout, Z = (X W)^T: each class's scores form one long
        # contiguous row, so the per-sample max and sum are element-wise operations across K
        # rows of length m (vectorised), not m reductions over rows of only K numbers
        # (several times slower).
        if Z is None:
            Z = _scores_t(X, W)
        if maxima is None:
            maxima = _class_max(Z)
        terms = _data_terms(X, y, Z, maxima, with_cost)
    return _finish(W, X.shape[0], lam, *terms, with_cost)


def _finish(
    W: np.ndarray, m: int, lam: float, total: float, product: np.ndarray, with_cost: bool
) -> tuple[float, np.ndarray]:
    """Means and the L2 penalty, from :func:`_data_terms`' sums."""
    value = total / m  # the mean, without np.mean's Python overhead (SGD calls this per sample)
    grad = product.T.copy()  # X^T (P - Y), C-contiguous like W
    grad /= m
    if lam:
        penalised = W[1:]
        if with_cost:
            value += lam / (2 * m) * float(np.sum(penalised * penalised))
        grad[1:] += (lam / m) * penalised
    return value, grad


def _checked_cost_and_gradient(
    W: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float, with_cost: bool = True
) -> tuple[float, np.ndarray]:
    """:func:`_cost_and_gradient` for the public functions, ``X``'s values not yet checked.

    ``X`` is shown to be finite through its scores (:func:`finite_scores`). The blocks of
    :func:`_blocked_terms` show it too, each through its own scores, except where a weight
    is 0 (a BLAS may skip that multiplication; :func:`finite_scores` then checks the
    column): such weights go the whole way.
    """
    if W.all():
        terms = _blocked_terms(W, X, y, with_cost)
        if terms is not None:
            return _finish(W, X.shape[0], lam, *terms, with_cost)
    Z, maxima = finite_scores(X, W, _scores_t, summary=_class_max)
    return _cost_and_gradient(W, X, y, lam, Z, maxima, with_cost)


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
def _check_temperature(temperature: object) -> float:
    if isinstance(temperature, bool) or not isinstance(temperature, Real):
        raise ValueError(f"temperature must be a positive real number; got {describe(temperature)}")
    value = float(temperature)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"temperature must be a positive, finite number; got {value!r}")
    return value


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
def softmax(Z: ArrayLike, temperature: float = 1.0) -> np.ndarray:
    r"""Row-wise softmax :math:`p_k = e^{z_k / T} / \sum_j e^{z_j / T}`, computed stably.

    Introduced in ``notebooks/08_softmax.ipynb``; the temperature :math:`T` in its section
    "Temperature and confidence". ``T = 1`` is the plain softmax; ``T -> 0`` tends to the
    one-hot of the largest score (argmax), ``T -> inf`` to the uniform distribution.

    Because softmax is unchanged when the same number is added to every score of a
    row, the row maximum is subtracted first: every exponent is then <= 0, so nothing
    overflows, and the largest term is exactly 1, so the denominator is >= 1.

    The maximum is subtracted *before* dividing by ``T``, so a tiny temperature cannot
    overflow either: :math:`(z_k - \max_j z_j)/T \le 0`, and a quotient beyond the float range
    becomes :math:`-\infty`, whose exponential is 0.

    Parameters
    ----------
    Z : array_like, shape (K,) or (m, K)
        Scores for one sample, or one row per sample.
    temperature : float, default 1.0
        :math:`T > 0`, finite. The scores are divided by it.

    Returns
    -------
    numpy.ndarray, same shape as ``Z``
        Probabilities; every row sums to 1.

    Raises
    ------
    ValueError
        If ``Z`` is not 1-D or 2-D, is empty, or holds NaN or infinity, or if ``temperature``
        is not a positive, finite number.

    Examples
    --------
    >>> softmax([1000.0, 1000.0])  # the naive formula gives nan here
    array([0.5, 0.5])
    >>> softmax([2.0, 1.0, 0.0], temperature=1e-300)  # T -> 0: the argmax, one-hot
    array([1., 0., 0.])
    """
    scores = as_float_array(Z, "Z", ndim=(1, 2))
    T = _check_temperature(temperature)
    if T == 1.0:
        return _softmax(scores)
    return _softmax_at(scores, T)


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
    return _checked_cost_and_gradient(weights, design, labels, lam)[0]


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
    return _checked_cost_and_gradient(weights, design, labels, lam, with_cost=False)[1]


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
    return _checked_cost_and_gradient(weights, design, labels, lam)


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


def natural_parameters(p: ArrayLike) -> np.ndarray:
    r"""Natural parameters of the categorical distribution: :math:`\eta_k = \ln(p_k / p_{K-1})`.

    Introduced in ``notebooks/08_softmax.ipynb`` (section "Softmax from the generalised linear
    model view"). The categorical distribution with probabilities :math:`p_0, \dots, p_{K-1}` is
    an exponential family whose natural parameters are the log-ratios to a *reference class*,
    here the last one, so :math:`\eta_{K-1} = 0`. Inverting this link gives the softmax:
    ``softmax(natural_parameters(p)) == p``.

    Parameters
    ----------
    p : array_like, shape (K,) or (m, K)
        One distribution, or one per row, with every entry > 0 (a zero probability has no
        finite log-ratio).

    Returns
    -------
    numpy.ndarray, same shape as ``p``
        The natural parameters; the last column is 0.

    Raises
    ------
    ValueError
        If ``p`` is not a distribution along its last axis, has fewer than 2 classes or an
        entry that is 0.

    Examples
    --------
    >>> natural_parameters([0.5, 0.25, 0.25]).round(6)
    array([0.693147, 0.      , 0.      ])
    """
    probs = check_distribution(p, "p")
    if probs.shape[-1] < 2:
        raise ValueError(f"p must have at least 2 classes along its last axis; got shape {probs.shape}")
    if (probs == 0).any():
        raise ValueError("p must have every probability > 0 (ln 0 is -inf); got a probability equal to 0")
    logs = np.log(probs)
    return logs - logs[..., -1:]


def score_hessian(Z: ArrayLike) -> np.ndarray:
    r"""Hessian of one sample's loss with respect to its scores: :math:`\operatorname{diag}(p) - p p^\top`.

    Introduced in ``notebooks/09_softmax_training.ipynb`` (section "The softmax Hessian").
    The loss :math:`L = -\ln p_c` has gradient :math:`p - y` in the scores, so its Hessian is
    the Jacobian of :math:`p`, the same matrix whatever the label. It is symmetric positive
    semi-definite (:math:`v^\top (\operatorname{diag} p - p p^\top) v = \operatorname{Var}_p(v) \ge 0`)
    and :math:`(\operatorname{diag} p - p p^\top)\mathbf 1 = 0`: it is singular along the
    common shift of all scores.

    Parameters
    ----------
    Z : array_like, shape (K,) or (m, K)
        The scores of one sample, or one row per sample.

    Returns
    -------
    numpy.ndarray, shape (K, K) or (m, K, K)

    Raises
    ------
    ValueError
        If ``Z`` is not 1-D or 2-D, is empty, or holds NaN or infinity.

    Examples
    --------
    >>> score_hessian([np.log(2.0), 0.0, 0.0])  # p = (1/2, 1/4, 1/4)
    array([[ 0.25  , -0.125 , -0.125 ],
           [-0.125 ,  0.1875, -0.0625],
           [-0.125 , -0.0625,  0.1875]])
    """
    scores = as_float_array(Z, "Z", ndim=(1, 2))
    return _score_hessian(_softmax(scores))


def hessian(W: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 0.0) -> np.ndarray:
    r"""Hessian of :func:`cost` with respect to :math:`\operatorname{vec}(W)`, shape (n K, n K).

    Introduced in ``notebooks/09_softmax_training.ipynb`` (section "The softmax Hessian").

    **The vec convention.** :math:`\operatorname{vec}(W)` stacks the *columns* of ``W`` (n, K),
    class after class: ``vec(W) = W.T.reshape(-1)`` (= ``W.reshape(-1, order="F")``), so entry
    ``k * n + a`` is ``W[a, k]``, and back: ``W = v.reshape(K, n).T``. Then

    .. math:: H = \frac{1}{m}\sum_i (\operatorname{diag} p_i - p_i p_i^\top) \otimes x_i x_i^\top
              + \frac{\lambda}{m}\, I_K \otimes \operatorname{diag}(0, 1, \dots, 1),

    with :math:`\otimes` the Kronecker product (``np.kron`` in this order): block
    :math:`(k, l)`, of shape (n, n), is :math:`\frac{1}{m} X^\top \operatorname{diag}(\delta_{kl} P_{:,k}
    - P_{:,k} P_{:,l}) X`. ``H`` is symmetric positive semi-definite for every ``W``. Without the
    penalty it is singular: every :math:`\mathbf 1_K \otimes c` (the same ``c`` added to every
    column of ``W``) is in its null space, which is exactly that n-dimensional space when ``X``
    has full column rank. With ``lam > 0`` one direction remains, :math:`\mathbf 1_K \otimes e_0`
    (the same number added to every intercept), because the intercepts are not penalised.
    It does not depend on ``y``; ``y`` is taken (and checked) so that the signature matches
    :func:`cost`. Memory: (n K)^2 numbers (650 x 650 for the digits).

    Parameters
    ----------
    W : array_like, shape (n, K)
    X : array_like, shape (m, n)
    y : array_like of int, shape (m,)
    lam : float, default 0.0

    Returns
    -------
    numpy.ndarray, shape (n K, n K)

    Raises
    ------
    ValueError
        On mismatched shapes, labels outside ``0..K-1``, non-finite data or negative ``lam``.

    Examples
    --------
    >>> H = hessian(np.zeros((2, 3)), [[1.0, 2.0], [1.0, -1.0]], [0, 2])
    >>> H.shape, bool(np.allclose(H @ np.tile([0.3, -1.2], 3), 0.0))  # 1_K ⊗ c is flat
    ((6, 6), True)
    """
    weights, design, _ = _check_data(W, X, y)
    lam = check_lam(lam)
    return _hessian(weights, design, lam, finite_scores(design, weights)[0])
