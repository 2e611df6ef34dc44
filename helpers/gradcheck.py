"""Numerical gradients by central differences, and the relative error used to compare them.

Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb`` and used in every later
notebook to check an analytic gradient before trusting it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_float_array

__all__ = ["check_gradient", "numerical_gradient", "relative_error"]


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: ArrayLike, eps: float = 1e-6
) -> np.ndarray:
    r"""Central-difference estimate of the gradient of a scalar function.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

    .. math::
        \frac{\partial f}{\partial x_j}
        \approx \frac{f(x + \varepsilon e_j) - f(x - \varepsilon e_j)}{2\varepsilon}

    The error of this estimate is of order :math:`\varepsilon^2` (a one-sided difference
    is only of order :math:`\varepsilon`). It loops over the *parameters*, calling ``f``
    twice per entry of ``x``, so use it on small problems.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``. It receives a fresh array each call and must not keep it.
    x : array_like, any shape
        The point; it is not modified.
    eps : float, default 1e-6
        The step. About ``1e-6`` balances truncation error (``eps**2``) against rounding
        error (``1e-16 / eps``) in float64.

    Returns
    -------
    numpy.ndarray, same shape as ``x``

    Raises
    ------
    ValueError
        If ``x`` is not finite or ``eps`` is not a positive number.

    Examples
    --------
    >>> import numpy as np
    >>> numerical_gradient(lambda v: float(np.sum(v ** 2)), np.array([1.0, -2.0])).round(6)
    array([ 2., -4.])
    """
    point = as_float_array(x, "x").astype(np.float64)
    if not (isinstance(eps, (int, float)) and np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive, finite number; got {eps!r}")
    grad = np.empty_like(point)
    flat_point = point.reshape(-1)
    flat_grad = grad.reshape(-1)
    for j in range(flat_point.size):
        step = np.zeros_like(flat_point)
        step[j] = eps
        plus = float(f((flat_point + step).reshape(point.shape)))
        minus = float(f((flat_point - step).reshape(point.shape)))
        flat_grad[j] = (plus - minus) / (2 * eps)
    return grad


def relative_error(a: ArrayLike, b: ArrayLike) -> float:
    r"""Relative difference of two arrays, :math:`\|a - b\| / \max(\|a\| + \|b\|, 10^{-300})`.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

    Scale-free, so one threshold works for large and small gradients: below ``1e-7`` an
    analytic gradient agrees with a central difference; around ``1e-2`` or more, something
    is wrong. Two zero arrays give 0.

    Parameters
    ----------
    a, b : array_like, same shape

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    ValueError
        If the shapes differ or the arrays are not finite.

    Examples
    --------
    >>> relative_error([1.0, 2.0], [1.0, 2.0])
    0.0
    """
    first = as_float_array(a, "a", allow_empty=True)
    second = as_float_array(b, "b", allow_empty=True)
    if first.shape != second.shape:
        raise ValueError(
            f"a and b must have the same shape; got {first.shape} and {second.shape}"
        )
    scale = max(float(np.linalg.norm(first)) + float(np.linalg.norm(second)), 1e-300)
    return float(np.linalg.norm(first - second)) / scale


def check_gradient(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray],
    x: ArrayLike,
    eps: float = 1e-6,
) -> float:
    """Relative error between an analytic gradient and its central-difference estimate.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``.
    grad : callable
        ``grad(x) -> array`` of the same shape as ``x``: the gradient to check.
    x : array_like
        Where to check.
    eps : float, default 1e-6

    Returns
    -------
    float
        :func:`relative_error` of the two gradients; below about ``1e-7`` means they agree.

    Examples
    --------
    >>> import numpy as np
    >>> check_gradient(lambda v: float(v @ v), lambda v: 2 * v, np.array([0.3, -1.2])) < 1e-8
    True
    """
    point = as_float_array(x, "x")
    analytic = np.asarray(grad(point.copy()), dtype=np.float64)
    if analytic.shape != point.shape:
        raise ValueError(
            f"grad(x) must have the shape of x, {point.shape}; got {analytic.shape}"
        )
    return relative_error(analytic, numerical_gradient(f, point, eps))
