"""Loading the course's data sets, adding the intercept column, standardising, splitting.

The loaders read the files in the repository's ``data/`` folder (see ``data/README.md``);
nothing is downloaded. Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``
(exam scores, standardisation), ``notebooks/08_softmax.ipynb`` (digits, splits) and
``notebooks/11_evaluation.ipynb`` (the breast-cancer diagnoses);
the small random data sets of the figures in ``notebooks/01_sigmoid.ipynb`` (two blobs) and
``notebooks/06_cross_entropy_vs_mse.ipynb`` (a 1-D toy problem).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from ._validate import as_float_array, check_iterations, check_matching_rows, check_number, check_rng, describe
from .sigmoid import _sigmoid

__all__ = [
    "BREAST_CANCER_FEATURES",
    "DATA_DIR",
    "THREE_CLASS_CENTRES",
    "add_intercept",
    "apply_standardization",
    "load_breast_cancer",
    "load_digits",
    "load_exam_scores",
    "make_three_class_data",
    "make_toy_data",
    "make_two_blobs",
    "min_max_scale",
    "standardize",
    "train_test_split",
]

#: The repository's ``data/`` folder.
DATA_DIR: Path = Path(__file__).resolve().parent.parent / "data"


def _read_csv(name: str, skiprows: int = 0) -> np.ndarray:
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing; it is part of the repository (see data/README.md). "
            "Restore it with 'git checkout -- data/'."
        )
    return np.loadtxt(path, delimiter=",", skiprows=skiprows, ndmin=2)


def load_exam_scores() -> tuple[np.ndarray, np.ndarray]:
    """The exam-score admission data (``data/ex2data1.txt``).

    Introduced in ``notebooks/04_gradient_descent.ipynb``.

    Returns
    -------
    scores : numpy.ndarray of float64, shape (100, 2)
        Exam 1 and exam 2 scores (points out of 100).
    admitted : numpy.ndarray of float64, shape (100,)
        1 if admitted, else 0.

    Examples
    --------
    >>> scores, admitted = load_exam_scores()
    >>> scores.shape, int(admitted.sum())
    ((100, 2), 60)
    """
    table = _read_csv("ex2data1.txt")
    return table[:, :2].copy(), table[:, 2].copy()


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 8x8 handwritten digits (``data/digits.csv``).

    Introduced in ``notebooks/08_softmax.ipynb``.

    Returns
    -------
    pixels : numpy.ndarray of float64, shape (1797, 64)
        Ink counts 0..16; reshape a row to (8, 8) to see the image.
    digits : numpy.ndarray of int64, shape (1797,)
        The digit shown, 0..9.

    Examples
    --------
    >>> pixels, digits = load_digits()
    >>> pixels.shape, digits[:5].tolist()
    ((1797, 64), [0, 1, 2, 3, 4])
    """
    table = _read_csv("digits.csv", skiprows=1)
    return table[:, :64].copy(), table[:, 64].astype(np.int64)


#: The 30 feature columns of ``data/breast_cancer.csv``, in order: ten measurements of the
#: cell nuclei in a biopsy image, each as its mean, standard error (``_se``) and worst value.
BREAST_CANCER_FEATURES: tuple[str, ...] = tuple(
    f"{measure}_{kind}"
    for kind in ("mean", "se", "worst")
    for measure in (
        "radius", "texture", "perimeter", "area", "smoothness", "compactness",
        "concavity", "concave_points", "symmetry", "fractal_dimension",
    )
)


def load_breast_cancer() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """The Breast Cancer Wisconsin (Diagnostic) data (``data/breast_cancer.csv``), checked as read.

    Introduced in ``notebooks/11_evaluation.ipynb``. 569 biopsies, 212 malignant and 357
    benign; see ``data/README.md`` for the source and licence.

    Returns
    -------
    features : numpy.ndarray of float64, shape (569, 30)
        The measurements, in the order of :data:`BREAST_CANCER_FEATURES` (lengths in the
        image's units, areas in their squares, the rest without units).
    malignant : numpy.ndarray of float64, shape (569,)
        1 if the tumour is malignant, 0 if benign.
    names : tuple of str, length 30
        The feature columns' names (:data:`BREAST_CANCER_FEATURES`).

    Raises
    ------
    ValueError
        If the file's header, shape or labels are not the documented ones (an edited or
        truncated copy).

    Examples
    --------
    >>> features, malignant, names = load_breast_cancer()
    >>> features.shape, int(malignant.sum()), names[0]
    ((569, 30), 212, 'radius_mean')
    """
    path = DATA_DIR / "breast_cancer.csv"
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            header = handle.readline().strip().split(",")
        expected = [*BREAST_CANCER_FEATURES, "malignant"]
        if header != expected:
            raise ValueError(f"{path.name}: expected the header {','.join(expected)}; got {','.join(header)}")
    table = _read_csv("breast_cancer.csv", skiprows=1)
    labels = table[:, -1] if table.shape[1] == 31 else np.empty(0)
    if table.shape != (569, 31) or not np.isfinite(table).all() or not ((labels == 0) | (labels == 1)).all():
        raise ValueError(
            f"{path.name}: expected 569 rows of 30 finite measurements and a 0/1 label; got a table of shape "
            f"{table.shape}. Restore it with 'git checkout -- data/'."
        )
    return table[:, :30].copy(), labels.copy(), BREAST_CANCER_FEATURES


def add_intercept(X: ArrayLike) -> np.ndarray:
    """Prepend a column of ones, so that ``theta[0]`` acts as the intercept.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, d) or (m,)
        Features; a 1-D array is one feature.

    Returns
    -------
    numpy.ndarray, shape (m, d + 1)

    Raises
    ------
    ValueError
        If ``X`` is not 1-D or 2-D, is empty or is not finite.

    Examples
    --------
    >>> add_intercept([[2.0], [3.0]])
    array([[1., 2.],
           [1., 3.]])
    """
    features = as_float_array(X, "X", ndim=(1, 2))
    if features.ndim == 1:
        features = features[:, None]
    return np.column_stack([np.ones(features.shape[0], dtype=features.dtype), features])


def standardize(X: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Give every column mean 0 and standard deviation 1; return the statistics too.

    Introduced in ``notebooks/04_gradient_descent.ipynb``. Apply the returned
    ``mean`` and ``std`` to new points with :func:`apply_standardization`, never
    statistics computed on the new points themselves. A constant column (standard
    deviation 0, such as a pixel that is blank in every image) gets ``std = 1``, so it
    becomes all zeros instead of ``0 / 0``.

    Parameters
    ----------
    X : array_like, shape (m, d)
        Features without the intercept column (standardising a column of ones would
        turn it into zeros).

    Returns
    -------
    X_std : numpy.ndarray, shape (m, d)
    mean : numpy.ndarray, shape (d,)
    std : numpy.ndarray, shape (d,)

    Raises
    ------
    ValueError
        If ``X`` is not a finite, non-empty 2-D array.

    Examples
    --------
    >>> Z, mean, std = standardize([[1.0, 10.0], [3.0, 10.0]])
    >>> Z, mean, std
    (array([[-1.,  0.],
           [ 1.,  0.]]), array([ 2., 10.]), array([1., 1.]))
    """
    features = as_float_array(X, "X", ndim=2)
    mean = features.mean(axis=0)
    std = features.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (features - mean) / std, mean, std


def min_max_scale(X: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map every column onto [0, 1] by its minimum and range; return them too.

    Introduced in ``notebooks/04_gradient_descent.ipynb`` (Exercise 4), as the
    source article scales the exam scores. Unlike :func:`standardize` it does not centre
    the columns, which leaves the Hessian worse conditioned. A constant column gets range
    1, so it becomes all zeros instead of ``0 / 0``.

    Parameters
    ----------
    X : array_like, shape (m, d)
        Features without the intercept column.

    Returns
    -------
    X_scaled : numpy.ndarray, shape (m, d)
        ``(X - low) / span``, every column in [0, 1].
    low : numpy.ndarray, shape (d,)
    span : numpy.ndarray, shape (d,)
        ``max - min`` of each column (1 for a constant column).

    Raises
    ------
    ValueError
        If ``X`` is not a finite, non-empty 2-D array.

    Examples
    --------
    >>> min_max_scale([[30.0, 5.0], [50.0, 5.0], [80.0, 5.0]])[0]
    array([[0. , 0. ],
           [0.4, 0. ],
           [1. , 0. ]])
    """
    features = as_float_array(X, "X", ndim=2)
    low = features.min(axis=0)
    span = features.max(axis=0) - low
    span = np.where(span > 0, span, 1.0)
    return (features - low) / span, low, span


def apply_standardization(X: ArrayLike, mean: ArrayLike, std: ArrayLike) -> np.ndarray:
    """Standardise new points with statistics from :func:`standardize`: ``(X - mean) / std``.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, d) or (d,)
    mean, std : array_like, shape (d,)
        ``std`` must be positive.

    Returns
    -------
    numpy.ndarray, shape of ``X``

    Raises
    ------
    ValueError
        If the shapes do not match, ``std`` has a non-positive entry, or input is not finite.
    """
    features = as_float_array(X, "X", ndim=(1, 2))
    centre = as_float_array(mean, "mean", ndim=1)
    scale = as_float_array(std, "std", ndim=1)
    if centre.shape != scale.shape or features.shape[-1] != centre.shape[0]:
        raise ValueError(
            "mean and std must have one entry per column of X; got X of shape "
            f"{features.shape}, mean of shape {centre.shape} and std of shape {scale.shape}"
        )
    if (scale <= 0).any():
        raise ValueError(f"std must be positive; got {scale[scale <= 0][0]:g}")
    return (features - centre) / scale


def train_test_split(
    X: ArrayLike, y: ArrayLike, test_fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split samples at random into a training set and a held-out test set.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, ...)
    y : array_like, shape (m,)
    test_fraction : float
        Share of the samples held out, strictly between 0 and 1 (rounded to a whole
        number of samples, at least one in each part).
    rng : numpy.random.Generator
        Pass ``np.random.default_rng(seed)`` for a reproducible split.

    Returns
    -------
    X_train, X_test, y_train, y_test : numpy.ndarray

    Raises
    ------
    ValueError
        If the lengths differ, the fraction is outside (0, 1), there are fewer than two
        samples, or ``rng`` is not a ``numpy.random.Generator``.
    """
    features = as_float_array(X, "X", ndim=(1, 2))
    labels = np.asarray(y)
    if labels.ndim != 1:
        raise ValueError(f"y must be 1-D; got shape {labels.shape}")
    check_matching_rows(features, labels)
    if not (isinstance(test_fraction, float) and 0 < test_fraction < 1):
        raise ValueError(f"test_fraction must be a float strictly between 0 and 1; got {test_fraction!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(
            f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {describe(rng)}"
        )
    m = features.shape[0]
    if m < 2:
        raise ValueError(f"need at least 2 samples to split; got {m}")
    n_test = min(max(round(test_fraction * m), 1), m - 1)
    order = rng.permutation(m)
    test, train = order[:n_test], order[n_test:]
    return features[train], features[test], labels[train], labels[test]


# --- added for notebooks 01 and 03: small seeded data sets drawn at random ---
def make_study_hours(rng: np.random.Generator, m: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Hours studied by ``m`` students and whether each passed: the small 1-D data set of notebooks 01 and 02.

    Hours are drawn uniformly from [0.5, 9.5], rounded to 0.1 h and sorted; a student passes
    with the hidden probability ``σ(1.5 (hours − 5))``.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of the draws; the notebooks pass ``np.random.default_rng(5)``.
    m : int, default 20
        Number of students (>= 1).

    Returns
    -------
    hours : numpy.ndarray of float64, shape (m,)
        Hours studied, increasing.
    passed : numpy.ndarray of float64, shape (m,)
        1.0 for a pass, 0.0 for a fail.

    Raises
    ------
    ValueError
        If ``rng`` is not a Generator or ``m < 1``.

    Examples
    --------
    >>> hours, passed = make_study_hours(np.random.default_rng(5), m=4)
    >>> hours.shape, bool(np.all(np.diff(hours) >= 0)), set(passed.tolist()) <= {0.0, 1.0}
    ((4,), True, True)
    """
    check_rng(rng)
    m = check_iterations(m, "m")
    hours = np.sort(rng.uniform(0.5, 9.5, size=m)).round(1)
    chance = _sigmoid(1.5 * (hours - 5.0))
    passed = (rng.uniform(size=m) < chance).astype(np.float64)
    return hours, passed


def make_two_blobs(
    rng: np.random.Generator,
    n_per_class: int = 40,
    centres: ArrayLike = ((0.5, 0.5), (2.5, 2.5)),
    spread: float = 0.8,
) -> tuple[np.ndarray, np.ndarray]:
    """A two-class cloud in the plane: one round Gaussian blob per class.

    Introduced in ``notebooks/02_decision_boundary.ipynb``.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of the points; pass ``np.random.default_rng(seed)``.
    n_per_class : int, default 40
        Points per class (>= 1).
    centres : array_like, shape (2, 2)
        Row ``k`` is the centre of class ``k``.
    spread : float, default 0.8
        Standard deviation of each coordinate (> 0).

    Returns
    -------
    X : numpy.ndarray, shape (2 * n_per_class, 2)
        Class 0 first, then class 1.
    y : numpy.ndarray of float64, shape (2 * n_per_class,)
        Labels 0 and 1.

    Raises
    ------
    ValueError
        If ``rng`` is not a Generator, ``n_per_class < 1``, ``centres`` is not (2, 2) or
        ``spread`` is not positive.

    Examples
    --------
    >>> X, y = make_two_blobs(np.random.default_rng(0), n_per_class=3)
    >>> X.shape, y.tolist()
    ((6, 2), [0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    """
    middle = as_float_array(centres, "centres", ndim=2)
    if middle.shape != (2, 2):
        raise ValueError(f"centres must have shape (2, 2), one row per class; got shape {middle.shape}")
    points, labels = _clouds(rng, middle, n_per_class, spread)
    return points, labels.astype(np.float64)


def make_toy_data(
    rng: np.random.Generator, m: int = 20, weight: float = 2.0, bias: float = -0.5, spread: float = 1.5
) -> tuple[np.ndarray, np.ndarray]:
    """A small 1-D classification problem: ``x ~ N(0, spread²)``, ``y ~ Bernoulli(σ(weight·x + bias))``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``.

    Parameters
    ----------
    rng : numpy.random.Generator
        Pass ``np.random.default_rng(seed)`` for a reproducible data set.
    m : int, default 20
        Number of samples.
    weight, bias, spread : float
        The model the labels are drawn from and the spread of ``x``.

    Returns
    -------
    x : numpy.ndarray, shape (m,)
    y : numpy.ndarray of float64 0/1, shape (m,)

    Raises
    ------
    ValueError
        If ``rng`` is not a Generator, ``m`` is not a positive integer, or ``spread <= 0``.

    Examples
    --------
    >>> x, y = make_toy_data(np.random.default_rng(3), m=4)
    >>> x.shape, set(y.tolist()) <= {0.0, 1.0}
    ((4,), True)
    """
    check_rng(rng)
    count = check_iterations(m, "m")
    if not (np.isfinite(spread) and spread > 0):
        raise ValueError(f"spread must be a positive, finite number; got {spread!r}")
    x = rng.normal(0.0, spread, count)
    y = (rng.random(count) < _sigmoid(weight * x + bias)).astype(np.float64)
    return x, y


# --- added for notebook 04: three classes in the plane ---
#: Centres of the three classes of :func:`make_three_class_data` (feature units).
THREE_CLASS_CENTRES: np.ndarray = np.array([[-2.5, -1.0], [0.0, 1.0], [2.5, -1.0]])


def make_three_class_data(
    rng: np.random.Generator, n_per_class: int = 60, spread: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """Three round Gaussian clouds in the plane, centred at :data:`THREE_CLASS_CENTRES`.

    Introduced in ``notebooks/09_softmax_training.ipynb``. The clouds overlap a little, so
    no line separates them perfectly and the unregularised cost has a finite minimum.

    Parameters
    ----------
    rng : numpy.random.Generator
        Pass ``np.random.default_rng(seed)`` for a reproducible sample.
    n_per_class : int, default 60
    spread : float, default 1.0
        Standard deviation of each coordinate around its centre.

    Returns
    -------
    X : numpy.ndarray, shape (3 * n_per_class, 2)
    y : numpy.ndarray of int64, shape (3 * n_per_class,)
        Labels 0, 1, 2 in blocks.

    Raises
    ------
    ValueError
        If ``rng`` is not a Generator, ``n_per_class`` is not a positive integer or
        ``spread`` is not a positive number.

    Examples
    --------
    >>> X, y = make_three_class_data(np.random.default_rng(0), n_per_class=2)
    >>> X.shape, y.tolist()
    ((6, 2), [0, 0, 1, 1, 2, 2])
    """
    return _clouds(rng, THREE_CLASS_CENTRES, n_per_class, spread)


def _clouds(
    rng: np.random.Generator, centres: np.ndarray, n_per_class: int, spread: float
) -> tuple[np.ndarray, np.ndarray]:
    """One round Gaussian cloud per row of ``centres`` (K, 2): the points (K n, 2), class by class, and
    their labels 0..K-1 (int64). Checks ``rng``, ``n_per_class`` and ``spread`` (ValueError)."""
    check_rng(rng)
    n = check_iterations(n_per_class, "n_per_class")
    scale = check_number(spread, "spread")
    if scale <= 0:
        raise ValueError(f"spread must be positive; got {scale!r}")
    points = centres[:, None, :] + scale * rng.standard_normal((centres.shape[0], n, 2))
    return points.reshape(-1, 2), np.repeat(np.arange(centres.shape[0], dtype=np.int64), n)
