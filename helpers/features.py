"""Feature engineering for logistic regression: polynomial features and binned (one-hot) features.

A logistic model is linear in its features, so its decision boundary
:math:`\\theta^T \\varphi(x) = 0` is only as flexible as the feature map :math:`\\varphi`.
This module holds the two maps used in ``notebooks/10_regularisation.ipynb``:

* :func:`polynomial_features`: every monomial :math:`x_1^i x_2^j` with :math:`i + j \\le d`
  (curved boundaries from a linear model);
* :func:`quantile_bin_edges`, :func:`bin_index`, :func:`one_hot_bins`: cut a continuous
  feature into bins and give each bin its own weight (discretisation);

and the seeded synthetic data sets of that notebook (:func:`make_rings`,
:func:`make_age_risk`). numpy only; no loop over samples.
"""

from __future__ import annotations

from itertools import pairwise
from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_float_array, describe
from .data import apply_standardization, standardize

__all__ = [
    "age_risk_probability",
    "bin_index",
    "bin_labels",
    "make_age_risk",
    "make_rings",
    "n_polynomial_features",
    "one_hot_bins",
    "polynomial_design",
    "polynomial_exponents",
    "polynomial_feature_names",
    "polynomial_features",
    "quantile_bin_edges",
    "raw_units_theta",
]

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# ---------------------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------------------
def _check_count(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError(f"{name} must be an integer >= {minimum}; got {describe(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}; got {int(value)}")
    return int(value)


def _check_rng(rng: object) -> np.random.Generator:
    if not isinstance(rng, np.random.Generator):
        raise ValueError(
            f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {describe(rng)}"
        )
    return rng


def _check_edges(edges: ArrayLike) -> np.ndarray:
    array = as_float_array(edges, "edges", ndim=1, allow_empty=True)
    if array.size > 1 and not np.all(np.diff(array) > 0):
        index = int(np.argmax(np.diff(array) <= 0))
        raise ValueError(
            "edges must be strictly increasing; got "
            f"edges[{index}] = {array[index]:g} followed by edges[{index + 1}] = {array[index + 1]:g}"
        )
    return array


# ---------------------------------------------------------------------------------------
# polynomial features
# ---------------------------------------------------------------------------------------
def n_polynomial_features(degree: int) -> int:
    """Number of monomials :math:`x_1^i x_2^j` with :math:`i + j \\le d`, the ones column included.

    Introduced in ``notebooks/10_regularisation.ipynb``. There are ``t + 1``
    monomials of total degree exactly ``t`` (``j = 0..t``), so the count is
    ``1 + 2 + ... + (d + 1) = (d + 1)(d + 2) / 2``.

    Parameters
    ----------
    degree : int
        The highest total degree ``d`` (>= 0).

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``degree`` is not an integer >= 0.

    Examples
    --------
    >>> [n_polynomial_features(d) for d in range(5)]
    [1, 3, 6, 10, 15]
    """
    d = _check_count(degree, "degree", 0)
    return (d + 1) * (d + 2) // 2


def polynomial_exponents(degree: int) -> np.ndarray:
    """The exponent pairs ``(i, j)`` of the columns of :func:`polynomial_features`, in order.

    Introduced in ``notebooks/10_regularisation.ipynb``. Columns are sorted by
    total degree ``t = i + j``, and within one degree by rising power of ``x2``:
    ``1, x1, x2, x1², x1 x2, x2², x1³, ...``.

    Parameters
    ----------
    degree : int
        The highest total degree ``d`` (>= 0).

    Returns
    -------
    numpy.ndarray of int64, shape ((d + 1)(d + 2) / 2, 2)
        Row ``k`` holds the powers of ``x1`` and ``x2`` in column ``k``.

    Raises
    ------
    ValueError
        If ``degree`` is not an integer >= 0.

    Examples
    --------
    >>> polynomial_exponents(2).tolist()
    [[0, 0], [1, 0], [0, 1], [2, 0], [1, 1], [0, 2]]
    """
    d = _check_count(degree, "degree", 0)
    return np.array([(t - j, j) for t in range(d + 1) for j in range(t + 1)], dtype=np.int64)


def polynomial_features(X: ArrayLike, degree: int) -> np.ndarray:
    r"""Map 2 inputs to every monomial :math:`x_1^i x_2^j` with :math:`i + j \le d`.

    Introduced in ``notebooks/10_regularisation.ipynb``.

    .. math:: \varphi(x) = (1,\ x_1,\ x_2,\ x_1^2,\ x_1 x_2,\ x_2^2,\ \dots,\ x_2^d)

    The model :math:`\sigma(\theta^T \varphi(x))` is still linear in :math:`\theta`, so the
    cost stays convex, but its decision boundary :math:`\theta^T \varphi(x) = 0` is a
    curve of degree ``d`` in the :math:`(x_1, x_2)` plane. Powers of large inputs grow
    fast: scale the inputs first (for example to [-1, 1]) and standardise the columns
    after the first before gradient descent.

    Parameters
    ----------
    X : array_like, shape (m, 2)
        The two inputs, one sample per row.
    degree : int
        The highest total degree ``d`` (>= 1).

    Returns
    -------
    numpy.ndarray, shape (m, (d + 1)(d + 2) / 2)
        Column 0 is all ones (the intercept); the order is given by
        :func:`polynomial_exponents` and named by :func:`polynomial_feature_names`.
        float32 input gives float32 output.

    Raises
    ------
    ValueError
        If ``X`` is not a finite (m, 2) array, ``degree`` is not an integer >= 1, or an
        entry is so large that its ``degree``-th power would overflow.

    Examples
    --------
    >>> polynomial_features([[2.0, 3.0]], 2)
    array([[1., 2., 3., 4., 6., 9.]])
    """
    points = as_float_array(X, "X", ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"X must have 2 columns (x1, x2); got an array of shape {points.shape}")
    d = _check_count(degree, "degree", 1)
    largest = float(np.abs(points).max()) if points.size else 0.0
    limit = float(np.finfo(points.dtype).max) ** (1.0 / d)
    if largest >= limit:
        raise ValueError(
            f"X has an entry of size {largest:g}, whose power {d} overflows {points.dtype} "
            f"(entries must stay below {limit:.3g}); scale the inputs first, for example to [-1, 1]"
        )
    # powers[p] = [x1^p, x2^p] for p = 0..d: one pass per power, not per sample.
    powers = np.empty((d + 1, *points.shape), dtype=points.dtype)
    powers[0] = 1.0
    for p in range(1, d + 1):
        powers[p] = powers[p - 1] * points
    exponents = polynomial_exponents(d)
    return powers[exponents[:, 0], :, 0].T * powers[exponents[:, 1], :, 1].T


def polynomial_feature_names(degree: int, names: tuple[str, str] = ("x1", "x2")) -> list[str]:
    """Readable names of the columns of :func:`polynomial_features`, such as ``"x1² x2"``.

    Introduced in ``notebooks/10_regularisation.ipynb``.

    Parameters
    ----------
    degree : int
        The highest total degree ``d`` (>= 1).
    names : tuple of 2 str, default ("x1", "x2")
        Names of the two inputs.

    Returns
    -------
    list of str, length (d + 1)(d + 2) / 2
        ``"1"`` for the ones column, then one name per monomial (powers as superscripts).

    Raises
    ------
    ValueError
        If ``degree`` is not an integer >= 1 or ``names`` is not two strings.

    Examples
    --------
    >>> polynomial_feature_names(2)
    ['1', 'x1', 'x2', 'x1²', 'x1 x2', 'x2²']
    """
    d = _check_count(degree, "degree", 1)
    if not (isinstance(names, (tuple, list)) and len(names) == 2 and all(isinstance(n, str) for n in names)):
        raise ValueError(f"names must be two strings, one per input; got {describe(names)}")

    def _term(name: str, power: int) -> str:
        if power == 0:
            return ""
        return name if power == 1 else name + str(power).translate(_SUPERSCRIPTS)

    labels = []
    for i, j in polynomial_exponents(d).tolist():
        parts = [part for part in (_term(names[0], i), _term(names[1], j)) if part]
        labels.append(" ".join(parts) if parts else "1")
    return labels


def polynomial_design(X_train: ArrayLike, degree: int, *X_other: ArrayLike) -> tuple[np.ndarray, ...]:
    """Standardised polynomial design matrices: training set, then any other point sets.

    Introduced in ``notebooks/10_regularisation.ipynb``. Builds
    :func:`polynomial_features` of every point set, then standardises every column except
    the ones with the mean and standard deviation of the *training* columns (the same
    statistics for held-out points and plotting grids, never their own). Standardised
    columns give gradient descent a much rounder cost surface (compare ``x1^8``, tiny on
    [-1, 1], with ``x1``), and give the L2 penalty the same scale for every weight.

    Parameters
    ----------
    X_train : array_like, shape (m, 2)
        Training inputs; they define the standardisation.
    degree : int
        Highest total degree (>= 1).
    *X_other : array_like, shape (k, 2)
        Further point sets (held-out data, a grid) to transform the same way.

    Returns
    -------
    tuple of numpy.ndarray
        ``(A_train, *A_other)``, each of shape (rows, (d + 1)(d + 2) / 2) with a leading
        column of ones.

    Raises
    ------
    ValueError
        As :func:`polynomial_features`.

    Examples
    --------
    >>> A, B = polynomial_design([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]], 1, [[1.0, 1.0]])
    >>> A[:, 0].tolist(), A[:, 1:].mean(axis=0).round(12).tolist(), B.shape
    ([1.0, 1.0, 1.0], [0.0, 0.0], (1, 3))
    """
    train = polynomial_features(X_train, degree)
    scaled, mean, std = standardize(train[:, 1:])
    designs = [np.column_stack([train[:, :1], scaled])]
    for points in X_other:
        other = polynomial_features(points, degree)
        designs.append(np.column_stack([other[:, :1], apply_standardization(other[:, 1:], mean, std)]))
    return tuple(designs)


# ---------------------------------------------------------------------------------------
# discretisation
# ---------------------------------------------------------------------------------------
def quantile_bin_edges(x: ArrayLike, n_bins: int) -> np.ndarray:
    """Inner bin edges at the quantiles ``1/K, 2/K, ..., (K-1)/K`` of ``x``.

    Introduced in ``notebooks/13_in_practice.ipynb``. Quantile bins hold
    (about) the same number of training samples each, so every bin's weight is estimated
    from the same amount of data. Only the *inner* edges are returned: the first bin is
    open to the left and the last open to the right, so every real value, including one
    far outside the training range, falls in some bin. Interior quantiles do not depend on
    the extreme values, which is why one wild outlier cannot move them.

    Parameters
    ----------
    x : array_like, shape (m,)
        Training values of one continuous feature.
    n_bins : int
        Number of bins ``K`` wanted, ``2 <= K <= m``.

    Returns
    -------
    numpy.ndarray of float64, shape (K - 1,) or fewer
        Strictly increasing edges. Repeated values in ``x`` can make quantiles
        coincide; duplicates are dropped, so there may be fewer than ``K`` bins.

    Raises
    ------
    ValueError
        If ``x`` is not a finite 1-D array or ``n_bins`` is not an integer in ``[2, m]``.

    Examples
    --------
    >>> quantile_bin_edges([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], 4)
    array([2.75, 4.5 , 6.25])
    """
    values = as_float_array(x, "x", ndim=1)
    k = _check_count(n_bins, "n_bins", 2)
    if k > values.shape[0]:
        raise ValueError(f"n_bins must be at most the number of values, {values.shape[0]}; got {k}")
    edges = np.quantile(values.astype(np.float64), np.arange(1, k) / k)
    return np.unique(edges)


def bin_index(x: ArrayLike, edges: ArrayLike) -> np.ndarray:
    """The bin of each value: ``k`` such that ``edges[k-1] <= x < edges[k]``.

    Introduced in ``notebooks/13_in_practice.ipynb``. This is
    ``np.digitize(x, edges)``: bin 0 is everything below ``edges[0]``, bin ``K-1 =
    len(edges)`` everything from ``edges[-1]`` up, and a value equal to an edge belongs to
    the bin that starts there. Values outside the training range land in the first or
    last bin.

    Parameters
    ----------
    x : array_like, shape (m,)
        Values to bin.
    edges : array_like, shape (K - 1,)
        Strictly increasing inner edges (see :func:`quantile_bin_edges`).

    Returns
    -------
    numpy.ndarray of int64, shape (m,)
        Bin numbers in ``0..len(edges)``.

    Raises
    ------
    ValueError
        If ``x`` is not a finite 1-D array or ``edges`` is not strictly increasing.

    Examples
    --------
    >>> bin_index([-100.0, 2.0, 2.5, 3.0, 100.0], [2.0, 3.0])
    array([0, 1, 1, 2, 2])
    """
    values = as_float_array(x, "x", ndim=1, allow_empty=True)
    cuts = _check_edges(edges)
    return np.digitize(values, cuts).astype(np.int64)


def one_hot_bins(x: ArrayLike, edges: ArrayLike) -> np.ndarray:
    """One-hot encoding of the bins: row ``i`` has a single 1, in the column of ``x[i]``'s bin.

    Introduced in ``notebooks/13_in_practice.ipynb``. With these columns a
    logistic model gives every bin its own weight, so the effect of the feature can take
    any shape (rise, fall, rise again) instead of one slope.

    Parameters
    ----------
    x : array_like, shape (m,)
    edges : array_like, shape (K - 1,)
        Strictly increasing inner edges.

    Returns
    -------
    numpy.ndarray of float64, shape (m, K)
        ``K = len(edges) + 1`` columns; each row sums to 1.

    Raises
    ------
    ValueError
        As :func:`bin_index`.

    Examples
    --------
    >>> one_hot_bins([0.5, 5.0], [1.0, 2.0])
    array([[1., 0., 0.],
           [0., 0., 1.]])
    """
    cuts = _check_edges(edges)
    bins = bin_index(x, cuts)
    encoded = np.zeros((bins.shape[0], cuts.shape[0] + 1))
    encoded[np.arange(bins.shape[0]), bins] = 1.0
    return encoded


def bin_labels(edges: ArrayLike, fmt: str = "{:.0f}") -> list[str]:
    """Human-readable ranges of the bins, such as ``"< 30"``, ``"30–45"``, ``"≥ 60"``.

    Introduced in ``notebooks/13_in_practice.ipynb``.

    Parameters
    ----------
    edges : array_like, shape (K - 1,)
        Strictly increasing inner edges.
    fmt : str, default "{:.0f}"
        Format of one edge.

    Returns
    -------
    list of str, length K

    Raises
    ------
    ValueError
        If ``edges`` is not strictly increasing.

    Examples
    --------
    >>> bin_labels([30.0, 45.0])
    ['< 30', '30–45', '≥ 45']
    """
    cuts = _check_edges(edges)
    if cuts.size == 0:
        return ["all values"]
    text = [fmt.format(edge) for edge in cuts]
    middle = [f"{low}–{high}" for low, high in pairwise(text)]
    return [f"< {text[0]}", *middle, f"≥ {text[-1]}"]


# ---------------------------------------------------------------------------------------
# seeded synthetic data sets
# ---------------------------------------------------------------------------------------
def make_rings(
    m: int, rng: np.random.Generator, radii: tuple[float, float] = (0.45, 0.85), noise: float = 0.15
) -> tuple[np.ndarray, np.ndarray]:
    """Two noisy concentric rings in the square [-1.3, 1.3]²: class 1 inside, class 0 outside.

    Introduced in ``notebooks/10_regularisation.ipynb``. No straight line
    separates them (every line through the middle cuts both rings in half); the circle
    :math:`x_1^2 + x_2^2 = r^2`, which is linear in the degree-2 features, does. The radii
    are drawn from normal distributions around ``radii``, so the rings overlap a little
    and no boundary is perfect.

    Parameters
    ----------
    m : int
        Number of points (>= 2); the first ``m // 2`` are class 1 (inner ring).
    rng : numpy.random.Generator
        Source of randomness; pass ``np.random.default_rng(seed)``.
    radii : tuple of 2 float, default (0.45, 0.85)
        Mean radius of the inner and of the outer ring.
    noise : float, default 0.15
        Standard deviation of the radius around its mean.

    Returns
    -------
    X : numpy.ndarray of float64, shape (m, 2)
        Points, clipped to [-1.3, 1.3] in both coordinates.
    y : numpy.ndarray of float64, shape (m,)
        1 for the inner ring, 0 for the outer ring.

    Raises
    ------
    ValueError
        On a bad ``m``, ``rng``, ``radii`` or ``noise``.

    Examples
    --------
    >>> import numpy as np
    >>> X, y = make_rings(6, np.random.default_rng(0))
    >>> X.shape, y.tolist()
    ((6, 2), [1.0, 1.0, 1.0, 0.0, 0.0, 0.0])
    """
    count = _check_count(m, "m", 2)
    gen = _check_rng(rng)
    inner, outer = (float(r) for r in as_float_array(radii, "radii", ndim=1))
    if not 0 < inner < outer:
        raise ValueError(f"radii must satisfy 0 < inner < outer; got {radii!r}")
    if not (isinstance(noise, (int, float)) and np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0; got {noise!r}")
    y = np.zeros(count)
    y[: count // 2] = 1.0
    radius = np.where(y == 1, inner, outer) + noise * gen.standard_normal(count)
    angle = gen.uniform(0.0, 2 * np.pi, count)
    X = np.abs(radius)[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return np.clip(X, -1.3, 1.3), y


def age_risk_probability(age: ArrayLike, shape: str = "u") -> np.ndarray:
    r"""True probability of the outcome at a given age, for the data of :func:`make_age_risk`.

    Introduced in ``notebooks/13_in_practice.ipynb``. With
    :math:`u = (a - 54) / 36` (-1 at 18 years, +1 at 90 years) the true log-odds are

    * ``shape="u"``: :math:`-1.6 + 5u^2`, risk high at *both* ends (about 0.97) and low in
      the middle (0.17), so no single slope in the age can describe it;
    * ``shape="rising"``: :math:`2.5u`, risk rising steadily from 0.08 to 0.92, which one
      slope describes well.

    Parameters
    ----------
    age : array_like, any shape
        Ages in years.
    shape : {"u", "rising"}, default "u"

    Returns
    -------
    numpy.ndarray of float64, shape of ``age``
        Probabilities in (0, 1).

    Raises
    ------
    ValueError
        If ``age`` is not finite or ``shape`` is unknown.

    Examples
    --------
    >>> age_risk_probability([18.0, 54.0, 90.0]).round(2)
    array([0.97, 0.17, 0.97])
    """
    years = as_float_array(age, "age", allow_empty=True).astype(np.float64)
    if shape not in ("u", "rising"):
        raise ValueError(f"shape must be 'u' or 'rising'; got {shape!r}")
    # Beyond |u| = 1000 the probability is 0 or 1 to double precision anyway; clipping keeps
    # u**2 from overflowing for absurd ages.
    u = np.clip((years - 54.0) / 36.0, -1e3, 1e3)
    logit = -1.6 + 5.0 * u**2 if shape == "u" else 2.5 * u
    return np.exp(-np.logaddexp(0.0, -logit))  # sigmoid(logit), stable for any finite age


def make_age_risk(
    m: int, rng: np.random.Generator, shape: str = "u", ages: tuple[float, float] = (18.0, 90.0)
) -> tuple[np.ndarray, np.ndarray]:
    """Ages drawn uniformly and yes/no outcomes drawn with :func:`age_risk_probability`.

    Introduced in ``notebooks/13_in_practice.ipynb``.

    Parameters
    ----------
    m : int
        Number of people (>= 2).
    rng : numpy.random.Generator
    shape : {"u", "rising"}, default "u"
        ``"u"``: risk high at both ends of the age range; ``"rising"``: risk rising with age.
    ages : tuple of 2 float, default (18, 90)
        Range of the uniformly drawn ages (years).

    Returns
    -------
    age : numpy.ndarray of float64, shape (m,)
        Ages in years, rounded to 0.1.
    y : numpy.ndarray of float64, shape (m,)
        Outcomes 0 or 1.

    Raises
    ------
    ValueError
        On a bad ``m``, ``rng``, ``shape`` or ``ages``.

    Examples
    --------
    >>> import numpy as np
    >>> age, y = make_age_risk(4, np.random.default_rng(0))
    >>> age.shape, set(y.tolist()) <= {0.0, 1.0}
    ((4,), True)
    """
    count = _check_count(m, "m", 2)
    gen = _check_rng(rng)
    if shape not in ("u", "rising"):
        raise ValueError(f"shape must be 'u' or 'rising'; got {shape!r}")
    low, high = (float(a) for a in as_float_array(ages, "ages", ndim=1))
    if not low < high:
        raise ValueError(f"ages must be (youngest, oldest) with youngest < oldest; got {ages!r}")
    age = np.round(gen.uniform(low, high, count), 1)
    y = (gen.uniform(size=count) < age_risk_probability(age, shape)).astype(np.float64)
    return age, y


def raw_units_theta(theta: ArrayLike, mean: ArrayLike, std: ArrayLike) -> np.ndarray:
    r"""Rewrite weights learnt on standardised features as weights on the raw features.

    Introduced in ``notebooks/04_gradient_descent.ipynb``. A model trained on
    :math:`u_j = (x_j - \mu_j)/s_j` has the score

    .. math:: z = \theta_0 + \sum_j \theta_j \frac{x_j - \mu_j}{s_j}
              = \Big(\theta_0 - \sum_j \frac{\theta_j \mu_j}{s_j}\Big) + \sum_j \frac{\theta_j}{s_j}\, x_j ,

    so the same model on raw features has intercept :math:`\theta_0 - \sum_j \theta_j\mu_j/s_j`
    and weights :math:`\theta_j / s_j`. Use it to draw a boundary learnt on standardised
    data in the raw units of the data.

    Parameters
    ----------
    theta : array_like, shape (d + 1,)
        Intercept first, then one weight per standardised feature.
    mean, std : array_like, shape (d,)
        The statistics returned by :func:`helpers.data.standardize`; ``std > 0``.

    Returns
    -------
    numpy.ndarray, shape (d + 1,)
        The weights for ``add_intercept(raw_features)``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, ``std`` has an entry <= 0, or input is not finite.

    Examples
    --------
    >>> raw_units_theta([1.0, 2.0], [10.0], [4.0])  # 1 + 2 (x - 10) / 4 = -4 + 0.5 x
    array([-4. ,  0.5])
    """
    weights = as_float_array(theta, "theta", ndim=1)
    centre = as_float_array(mean, "mean", ndim=1)
    scale = as_float_array(std, "std", ndim=1)
    if centre.shape != scale.shape or weights.shape[0] != centre.shape[0] + 1:
        raise ValueError(
            "theta must have one entry more than mean and std (the intercept); got theta of shape "
            f"{weights.shape}, mean of shape {centre.shape} and std of shape {scale.shape}"
        )
    if (scale <= 0).any():
        raise ValueError(f"std must be positive; got {scale[scale <= 0][0]:g}")
    slopes = weights[1:] / scale
    return np.concatenate([[weights[0] - float(slopes @ centre)], slopes])
