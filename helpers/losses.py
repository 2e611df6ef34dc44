"""Losses for classification and the information-theory quantities behind them.

Binary losses are introduced in ``notebooks/03_likelihood_cross_entropy.ipynb`` (the
cross-entropies, entropy and KL divergence) and ``notebooks/06_cross_entropy_vs_mse.ipynb``
(the squared error). All logarithms are natural logs, so the unit is the nat.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validate import (
    as_float_array,
    check_binary_labels,
    check_distribution,
    check_matching_rows,
)

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "entropy",
    "kl_divergence",
    "mean_squared_error",
]


def _bce_with_logits(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Per-sample cross-entropy from logits, without checks: ``max(z, 0) - y z + log1p(e^-|z|)``."""
    return np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))


def _labels_and_values(y: ArrayLike, values: ArrayLike, name: str) -> tuple[np.ndarray, np.ndarray]:
    labels = check_binary_labels(y)
    array = as_float_array(values, name, ndim=1)
    check_matching_rows(array, labels, name, "y")
    return labels, array


def binary_cross_entropy(y: ArrayLike, p: ArrayLike) -> float:
    r"""Mean binary cross-entropy of predicted probabilities.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    .. math:: J = -\frac{1}{m}\sum_i \big[y_i \ln p_i + (1 - y_i)\ln(1 - p_i)\big]

    Probabilities are clipped to ``[eps, 1 - eps]`` (``eps`` the machine epsilon of their
    dtype) so that a prediction of exactly 0 or 1 gives a large finite loss instead of
    ``log(0)``. When you have the scores ``z`` rather than ``p = sigmoid(z)``, use
    :func:`binary_cross_entropy_with_logits`, which needs no clipping.

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels, 0 or 1.
    p : array_like, shape (m,)
        Predicted probabilities ``P(y = 1 | x)``, in [0, 1].

    Returns
    -------
    float
        The mean loss, in nats.

    Raises
    ------
    ValueError
        If the shapes differ, labels are not 0/1, ``p`` is outside [0, 1] or not finite.

    Examples
    --------
    >>> round(binary_cross_entropy([1, 0], [0.5, 0.5]), 6)  # ln 2
    0.693147
    """
    labels, probs = _labels_and_values(y, p, "p")
    if ((probs < 0) | (probs > 1)).any():
        bad = probs[(probs < 0) | (probs > 1)][0]
        raise ValueError(f"p must hold probabilities in [0, 1]; got {bad:g}")
    eps = np.finfo(probs.dtype).eps
    clipped = np.clip(probs, eps, 1 - eps)
    losses = np.where(labels == 1, -np.log(clipped), -np.log1p(-clipped))
    return float(np.mean(losses))


def binary_cross_entropy_with_logits(y: ArrayLike, z: ArrayLike) -> float:
    r"""Mean binary cross-entropy computed from scores (logits) ``z``, stably.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    With :math:`p = \sigma(z)`, :math:`-\ln p = \ln(1 + e^{-z})` and
    :math:`-\ln(1-p) = \ln(1 + e^{z})`, so the loss of one sample is
    :math:`\ln(1 + e^{z}) - y z`, evaluated as
    ``max(z, 0) - y*z + log1p(exp(-|z|))``: no overflow and no ``log(0)`` for any finite
    ``z``, and exact where ``sigmoid(z)`` would round to 0 or 1.

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels, 0 or 1.
    z : array_like, shape (m,)
        Scores, any finite real numbers.

    Returns
    -------
    float
        The mean loss, in nats.

    Raises
    ------
    ValueError
        If the shapes differ, labels are not 0/1, or ``z`` is not finite.

    Examples
    --------
    >>> round(binary_cross_entropy_with_logits([1], [-800.0]), 3)  # sigmoid(-800) == 0.0
    800.0
    """
    labels, scores = _labels_and_values(y, z, "z")
    return float(np.mean(_bce_with_logits(labels, scores)))


def mean_squared_error(y: ArrayLike, p: ArrayLike) -> float:
    r"""Half the mean squared error, :math:`\frac{1}{2m}\sum_i (p_i - y_i)^2`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.

    The factor 1/2 is the course's convention: it cancels the 2 that differentiation
    brings down, so the derivative with respect to ``p_i`` is ``(p_i - y_i) / m``.
    (scikit-learn's ``mean_squared_error`` has no 1/2.)

    Parameters
    ----------
    y : array_like, shape (m,)
        Targets (any finite numbers; in this course, labels 0 or 1).
    p : array_like, shape (m,)
        Predictions.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the shapes differ or either array is not finite.

    Examples
    --------
    >>> mean_squared_error([0, 1], [0.5, 0.5])
    0.125
    """
    targets = as_float_array(y, "y", ndim=1)
    preds = as_float_array(p, "p", ndim=1)
    check_matching_rows(preds, targets, "p", "y")
    return float(np.mean((preds - targets) ** 2) / 2)


def _xlogy_safe(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """``p * log(q)`` with ``0 * log(anything) = 0`` and ``p > 0, q = 0`` giving ``-inf``."""
    positive_q = np.where(q > 0, q, 1.0)
    terms = np.where(p > 0, p * np.log(positive_q), 0.0)
    return np.where((p > 0) & (q == 0), -np.inf, terms)


def _pair(p: ArrayLike, q: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    first = check_distribution(p, "p")
    second = check_distribution(q, "q")
    if first.shape != second.shape:
        raise ValueError(
            f"p and q must have the same shape; got p of shape {first.shape} and q of shape {second.shape}"
        )
    return first, second


def _result(values: np.ndarray) -> float | np.ndarray:
    return float(values) if values.ndim == 0 else values


def entropy(p: ArrayLike) -> float | np.ndarray:
    r"""Shannon entropy :math:`H(p) = -\sum_k p_k \ln p_k` in nats, with :math:`0 \ln 0 = 0`.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    p : array_like, shape (K,) or (m, K)
        One distribution, or one per row. Entries >= 0 summing to 1.

    Returns
    -------
    float, or numpy.ndarray of shape (m,)

    Raises
    ------
    ValueError
        If ``p`` is not a distribution (negative entries, rows not summing to 1) or not finite.

    Examples
    --------
    >>> entropy([1.0, 0.0, 0.0])
    0.0
    >>> round(entropy([0.5, 0.5]), 6)
    0.693147
    """
    probs = check_distribution(p, "p")
    # (+ 0.0 turns the -0.0 of a certain outcome into 0.0)
    return _result(-_xlogy_safe(probs, probs).sum(axis=-1) + 0.0)


def cross_entropy(p: ArrayLike, q: ArrayLike) -> float | np.ndarray:
    r"""Cross-entropy :math:`H(p, q) = -\sum_k p_k \ln q_k` of ``q`` relative to ``p``, in nats.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    Terms with :math:`p_k = 0` contribute 0. If some :math:`q_k = 0` where
    :math:`p_k > 0`, the cross-entropy is infinite and ``inf`` is returned (no warning).

    Parameters
    ----------
    p : array_like, shape (K,) or (m, K)
        The true distribution(s).
    q : array_like, same shape as ``p``
        The predicted distribution(s).

    Returns
    -------
    float, or numpy.ndarray of shape (m,)

    Raises
    ------
    ValueError
        If either is not a distribution or the shapes differ.

    Examples
    --------
    >>> round(cross_entropy([1, 0, 0], [0.7, 0.2, 0.1]), 4)  # -ln 0.7
    0.3567
    """
    first, second = _pair(p, q)
    return _result(-_xlogy_safe(first, second).sum(axis=-1) + 0.0)


def kl_divergence(p: ArrayLike, q: ArrayLike) -> float | np.ndarray:
    r"""Kullback-Leibler divergence :math:`D_{KL}(p \| q) = \sum_k p_k \ln(p_k / q_k)`, in nats.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. It equals
    :math:`H(p, q) - H(p)`, is never negative, and is 0 only when ``p == q``.

    Parameters
    ----------
    p : array_like, shape (K,) or (m, K)
        The true distribution(s).
    q : array_like, same shape as ``p``
        The approximating distribution(s). ``inf`` is returned where ``q_k = 0 < p_k``.

    Returns
    -------
    float, or numpy.ndarray of shape (m,)

    Raises
    ------
    ValueError
        If either is not a distribution or the shapes differ.

    Examples
    --------
    >>> round(kl_divergence([1, 0, 0], [0.7, 0.2, 0.1]), 4)
    0.3567
    """
    first, second = _pair(p, q)
    divergence = _xlogy_safe(first, first).sum(axis=-1) - _xlogy_safe(first, second).sum(axis=-1)
    # Rounding can leave a tiny negative number when p == q; the divergence is >= 0.
    return _result(np.maximum(divergence, 0.0))
