"""Numerical gradients by central differences, and the relative error used to compare them.

Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb`` and used in every later
notebook to check an analytic gradient before trusting it; the element-wise derivative of a
per-sample loss and the finite-difference Hessian in ``notebooks/06_cross_entropy_vs_mse.ipynb``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_float_array

__all__ = ["central_difference", "check_gradient", "finite_difference_hessian", "numerical_gradient", "relative_error"]


def _check_eps(eps: object) -> float:
    if isinstance(eps, bool) or not (isinstance(eps, (int, float)) and np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive, finite number; got {eps!r}")
    return float(eps)


def _coordinate_differences(f: Callable[[np.ndarray], object], point: np.ndarray, eps: float) -> np.ndarray:
    r"""Row ``j``: :math:`(f(x + \varepsilon e_j) - f(x - \varepsilon e_j)) / 2\varepsilon`, one coordinate at a time.

    The one loop over coordinates: :func:`numerical_gradient` (``f`` a scalar) and
    :func:`finite_difference_hessian` (``f`` a gradient) are this loop. Returns shape
    ``(point.size, *f(point).shape)``; ``f`` receives a fresh array of ``point``'s shape.
    """
    flat = point.reshape(-1)
    rows = []
    for j in range(flat.size):
        step = np.zeros_like(flat)
        step[j] = eps
        plus = np.asarray(f((flat + step).reshape(point.shape)), dtype=np.float64)
        minus = np.asarray(f((flat - step).reshape(point.shape)), dtype=np.float64)
        rows.append((plus - minus) / (2 * eps))
    return np.array(rows)


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: ArrayLike, eps: float = 1e-6
) -> np.ndarray:
    r"""Central-difference estimate of the gradient of a scalar function.

    Introduced in ``notebooks/05_convexity_newton.ipynb``.

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
    return _coordinate_differences(lambda v: float(f(v)), point, _check_eps(eps)).reshape(point.shape)


def relative_error(a: ArrayLike, b: ArrayLike) -> float:
    r"""Relative difference of two arrays, :math:`\|a - b\| / \max(\|a\| + \|b\|, 10^{-300})`.

    Introduced in ``notebooks/05_convexity_newton.ipynb``.

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

    Introduced in ``notebooks/04_gradient_descent.ipynb``.

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


def central_difference(f: Callable[[np.ndarray], np.ndarray], z: ArrayLike, eps: float = 1e-5) -> np.ndarray:
    r"""Element-wise central difference :math:`(f(z + \varepsilon) - f(z - \varepsilon)) / 2\varepsilon`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. For functions that act on
    each entry of ``z`` separately (a per-sample loss), one call checks a whole grid; use
    :func:`numerical_gradient` for functions of a parameter vector.

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
    step = _check_eps(eps)
    return (np.asarray(f(points + step)) - np.asarray(f(points - step))) / (2 * step)


def finite_difference_hessian(
    grad: Callable[[np.ndarray], np.ndarray], theta: ArrayLike, eps: float = 1e-5
) -> np.ndarray:
    r"""Hessian by central differences of an analytic gradient, symmetrised.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. Column ``j`` is
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
    n = point.size

    def checked(t: np.ndarray) -> np.ndarray:
        value = np.asarray(grad(t))
        if value.shape != (n,):
            raise ValueError(f"grad(theta) must have shape ({n},); got {value.shape}")
        return value

    H = _coordinate_differences(checked, point, _check_eps(eps)).T  # column j: the change along e_j
    return (H + H.T) / 2
