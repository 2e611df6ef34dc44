"""Multi-class classification with K binary logistic models: one-vs-rest (one-vs-all).

For each class k, a logistic model learns "class k" against "every other class"; a
sample is assigned to the class whose model is most confident. Introduced in
``notebooks/08_softmax.ipynb`` (compared with softmax) and used again in
``notebooks/10_regularisation.ipynb``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import optim
from ._validate import (
    as_float_array,
    check_class_count,
    check_class_labels,
    check_matching_rows,
    check_params,
)
from .sigmoid import _sigmoid

__all__ = ["fit", "predict", "predict_scores"]


def fit(
    X: ArrayLike, y: ArrayLike, k: int, lam: float = 0.0, tol: float = 1e-8, max_iter: int = 100
) -> np.ndarray:
    """Fit K binary logistic models by Newton's method, one per class.

    Introduced in ``notebooks/09_softmax_training.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with a leading column of ones.
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
        Number of classes (>= 2).
    lam : float, default 0.0
        L2 strength of each binary model (intercepts not penalised). Use ``lam > 0`` when a
        class can be separated perfectly from the rest, or its weights grow without bound.
    tol, max_iter
        Passed to :func:`helpers.optim.fit_logistic_newton`.

    Returns
    -------
    numpy.ndarray, shape (n, k)
        Column ``c`` holds the weights of the model "class c versus the rest", laid out
        like a softmax weight matrix ``W``.

    Raises
    ------
    ValueError
        On bad data, labels outside ``0..k-1`` or an invalid ``k``.
    """
    design = as_float_array(X, "X", ndim=2)
    k = check_class_count(k)
    labels = check_class_labels(y, k)
    check_matching_rows(design, labels)
    columns = [
        optim.fit_logistic_newton(design, (labels == c).astype(np.float64), lam=lam, tol=tol, max_iter=max_iter).params
        for c in range(int(k))  # a loop over classes, not samples
    ]
    return np.column_stack(columns)


def predict_scores(Theta: ArrayLike, X: ArrayLike) -> np.ndarray:
    """Each binary model's probability of "its" class, ``sigmoid(X @ Theta)``.

    Introduced in ``notebooks/09_softmax_training.ipynb``. Unlike softmax probabilities,
    the rows need not sum to 1: the K models were trained separately.

    Parameters
    ----------
    Theta : array_like, shape (n, K)
    X : array_like, shape (m, n)

    Returns
    -------
    numpy.ndarray, shape (m, K)
    """
    design = as_float_array(X, "X", ndim=2)
    weights = check_params(Theta, design, "Theta", ndim=2)
    return _sigmoid(design @ weights)


def predict(Theta: ArrayLike, X: ArrayLike) -> np.ndarray:
    """The class whose binary model is most confident, per sample.

    Introduced in ``notebooks/09_softmax_training.ipynb``.

    Returns
    -------
    numpy.ndarray of int64, shape (m,)
    """
    design = as_float_array(X, "X", ndim=2)
    weights = check_params(Theta, design, "Theta", ndim=2)
    return np.argmax(design @ weights, axis=1).astype(np.int64)
