"""The logistic sigmoid, its derivative and its inverse (the logit).

Introduced in ``notebooks/01_sigmoid.ipynb``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_float_array

__all__ = ["logit", "sigmoid", "sigmoid_grad"]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """Stable sigmoid of a float array, without checks (used by the other helpers)."""
    # exp(-|z|) lies in (0, 1], so it never overflows. For z >= 0 the usual formula
    # 1 / (1 + e^-z) is safe; for z < 0 the same value is written as e^z / (1 + e^z).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(z.dtype, copy=False)


def sigmoid(z: ArrayLike) -> np.ndarray:
    r"""The logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`, computed stably.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    The textbook formula overflows in ``exp(-z)`` for ``z < -709`` (float64) and emits a
    RuntimeWarning; this version evaluates ``exp`` only on ``-|z|``, so it is exact to
    rounding for every finite input and never warns.

    Parameters
    ----------
    z : array_like, any shape
        Scores (log-odds). Must be finite.

    Returns
    -------
    numpy.ndarray, same shape as ``z``
        Probabilities in [0, 1] (strictly inside (0, 1) unless rounding reaches the end
        points, which happens for ``|z|`` above about 37 in float64). float32 input gives
        float32 output; other numeric input gives float64. A scalar gives a 0-d result.

    Raises
    ------
    ValueError
        If ``z`` is not numeric or holds NaN or infinity.

    Examples
    --------
    >>> float(sigmoid(0.0))
    0.5
    >>> float(sigmoid(-1000.0))  # no overflow warning
    0.0
    """
    array = as_float_array(z, "z", allow_empty=True)
    return _sigmoid(array)[()]


def sigmoid_grad(z: ArrayLike) -> np.ndarray:
    r"""Derivative of the sigmoid, :math:`\sigma'(z) = \sigma(z)\,(1 - \sigma(z))`.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Computed as :math:`\sigma(z)\,\sigma(-z)`, which equals the formula above because
    :math:`1 - \sigma(z) = \sigma(-z)`, but avoids the cancellation in ``1 - σ(z)``
    when ``σ(z)`` is close to 1.

    Parameters
    ----------
    z : array_like, any shape
        Scores. Must be finite.

    Returns
    -------
    numpy.ndarray, same shape as ``z``
        Values in [0, 1/4]; the maximum 1/4 is reached at ``z = 0``.

    Raises
    ------
    ValueError
        If ``z`` is not numeric or holds NaN or infinity.

    Examples
    --------
    >>> float(sigmoid_grad(0.0))
    0.25
    """
    array = as_float_array(z, "z", allow_empty=True)
    return (_sigmoid(array) * _sigmoid(-array))[()]


def logit(p: ArrayLike) -> np.ndarray:
    r"""The log-odds :math:`\operatorname{logit}(p) = \ln\frac{p}{1-p}`, inverse of the sigmoid.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    p : array_like, any shape
        Probabilities strictly between 0 and 1 (at 0 and 1 the log-odds are infinite).

    Returns
    -------
    numpy.ndarray, same shape as ``p``
        The log-odds, computed as ``log(p) - log1p(-p)`` for accuracy near both ends.

    Raises
    ------
    ValueError
        If ``p`` is not numeric, holds NaN or infinity, or has values outside (0, 1).

    Examples
    --------
    >>> float(logit(0.5))
    0.0
    >>> round(float(logit(0.75)), 6)  # odds 3 : 1
    1.098612
    """
    array = as_float_array(p, "p", allow_empty=True)
    outside = (array <= 0) | (array >= 1)
    if outside.any():
        value = array[outside].flat[0]
        raise ValueError(
            "logit needs probabilities strictly between 0 and 1 (the log-odds of 0 and 1 are "
            f"infinite); got {value:g}"
        )
    return (np.log(array) - np.log1p(-array))[()]
