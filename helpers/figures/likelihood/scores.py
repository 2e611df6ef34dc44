"""The exam-score plane of ``notebooks/03_likelihood_cross_entropy.ipynb``: the applicants, a
model's probability map and its decision boundary, always in raw score units.

:func:`boundary_segment` and :func:`admitted_region` are the geometry the figures draw
(the boundary line and the predicted-admitted polygon inside a box of the plane).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from numpy.typing import ArrayLike

from ... import data, features, logistic
from ..._validate import as_float_array, check_binary_labels, check_matching_rows, describe
from ..style import (
    CLASS_COLORS,
    CLASS_MARKERS,
    PALETTE,
    course_style,
    plane_grid,
    probability_cmap,
    scatter_classes,
    style_axes,
)
from .curves import _axes

__all__ = ["SCORE_BOX", "admitted_region", "boundary_segment", "plot_decision_boundary", "plot_exam_scores"]

#: The part of the (exam 1, exam 2) plane every exam-score figure shows, in points:
#: ``(x1_min, x1_max, x2_min, x2_max)``. All 100 applicants lie inside it; the empty
#: bands below 28 and above 100 points on exam 2 hold the legend and notes.
SCORE_BOX: tuple[float, float, float, float] = (25.0, 105.0, 12.0, 112.0)

_LABELS = ("not admitted", "admitted")


def _check_theta2(theta: ArrayLike) -> np.ndarray:
    weights = as_float_array(theta, "theta", ndim=1)
    if weights.shape != (3,):
        raise ValueError(
            "theta must have shape (3,): an intercept and one weight per exam score; "
            f"got theta of shape {weights.shape}"
        )
    return weights.astype(np.float64)


def _check_box(box: Sequence[float]) -> tuple[float, float, float, float]:
    values = as_float_array(box, "box", ndim=1)
    if values.shape != (4,) or not (values[0] < values[1] and values[2] < values[3]):
        raise ValueError(
            f"box must be (x1_min, x1_max, x2_min, x2_max) with min < max; got {describe(box)}"
        )
    return tuple(float(v) for v in values)  # type: ignore[return-value]


def boundary_segment(theta: ArrayLike, box: Sequence[float] = SCORE_BOX) -> tuple[np.ndarray, np.ndarray]:
    r"""The part of the decision boundary :math:`\theta_0 + \theta_1 x_1 + \theta_2 x_2 = 0` inside ``box``.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. Works for every
    direction of the line (vertical, horizontal, slanted) without dividing by a weight
    that may be zero: it intersects the line with the four edges of the box.

    Parameters
    ----------
    theta : array_like, shape (3,)
        Intercept and the two weights, in the units of ``box``.
    box : sequence of 4 floats
        ``(x1_min, x1_max, x2_min, x2_max)``.

    Returns
    -------
    x1, x2 : numpy.ndarray, shape (2,)
        The two end points. Both are NaN when the line misses the box (or ``theta`` has
        no slope at all), so a line artist simply draws nothing.

    Raises
    ------
    ValueError
        If ``theta`` does not have shape (3,) or ``box`` is not a valid rectangle.

    Examples
    --------
    >>> x1, x2 = boundary_segment([-100.0, 1.0, 1.0], (0, 100, 0, 100))  # x1 + x2 = 100
    >>> x1.tolist(), x2.tolist()
    ([0.0, 100.0], [100.0, 0.0])
    """
    a, b, c = _check_theta2(theta)
    x_lo, x_hi, y_lo, y_hi = _check_box(box)
    nothing = (np.full(2, np.nan), np.full(2, np.nan))
    size = abs(a) + abs(b) * max(abs(x_lo), abs(x_hi)) + abs(c) * max(abs(y_lo), abs(y_hi))
    tiny = 1e-12 * size
    points = []
    if abs(c) > tiny:  # the line crosses the vertical edges x1 = x_lo and x1 = x_hi here
        for x in (x_lo, x_hi):
            y = -(a + b * x) / c
            if y_lo <= y <= y_hi:
                points.append((x, y))
    if abs(b) > tiny:  # ... and the horizontal edges x2 = y_lo and x2 = y_hi here
        for y in (y_lo, y_hi):
            x = -(a + c * y) / b
            if x_lo <= x <= x_hi:
                points.append((x, y))
    if len(points) < 2:
        return nothing
    # Through a corner the same point is found twice: keep the two farthest apart.
    pairs = [(p, q) for i, p in enumerate(points) for q in points[i + 1 :]]
    p, q = max(pairs, key=lambda pq: math.hypot(pq[0][0] - pq[1][0], pq[0][1] - pq[1][1]))
    if p == q:
        return nothing
    return np.array([p[0], q[0]]) + 0.0, np.array([p[1], q[1]]) + 0.0  # (+ 0.0 turns -0.0 into 0.0)


def admitted_region(theta: ArrayLike, box: Sequence[float] = SCORE_BOX) -> np.ndarray:
    r"""The corners of the part of ``box`` where the model predicts class 1, :math:`\theta^T x \ge 0`.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. The box is a convex
    polygon and the region a half-plane, so their intersection is a convex polygon with
    at most five corners: the box's corners on the positive side plus the points where
    the boundary crosses the box's edges.

    Parameters
    ----------
    theta : array_like, shape (3,)
        Intercept and the two weights, in the units of ``box``.
    box : sequence of 4 floats
        ``(x1_min, x1_max, x2_min, x2_max)``.

    Returns
    -------
    numpy.ndarray, shape (k, 2)
        The corners in order around the polygon; ``k = 0`` when the whole box is predicted 0.

    Raises
    ------
    ValueError
        If ``theta`` does not have shape (3,) or ``box`` is not a valid rectangle.

    Examples
    --------
    >>> admitted_region([-1.0, 1.0, 0.0], (0, 2, 0, 1)).tolist()  # x1 >= 1: the right half
    [[1.0, 0.0], [2.0, 0.0], [2.0, 1.0], [1.0, 1.0]]
    """
    a, b, c = _check_theta2(theta)
    x_lo, x_hi, y_lo, y_hi = _check_box(box)
    corners = [(x_lo, y_lo), (x_hi, y_lo), (x_hi, y_hi), (x_lo, y_hi)]
    values = [a + b * x + c * y for x, y in corners]
    region: list[tuple[float, float]] = []
    for i, (corner, value) in enumerate(zip(corners, values, strict=True)):
        following, next_value = corners[(i + 1) % 4], values[(i + 1) % 4]
        if value >= 0:
            region.append(corner)
        if (value >= 0) != (next_value >= 0):  # the boundary crosses this edge
            share = value / (value - next_value)
            region.append((corner[0] + share * (following[0] - corner[0]),
                           corner[1] + share * (following[1] - corner[1])))
    # A boundary through a corner yields that corner twice; keep one.
    unique = [point for i, point in enumerate(region) if point != region[i - 1] or len(region) == 1]
    return np.array(unique, dtype=np.float64).reshape(-1, 2)


def _check_scores(scores: ArrayLike, admitted: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    points = as_float_array(scores, "scores", ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"scores must have shape (m, 2): exam 1 and exam 2; got shape {points.shape}")
    labels = check_binary_labels(admitted, "admitted")
    check_matching_rows(points, labels, "scores", "admitted")
    return points, labels


def _scatter(ax: Axes, points: np.ndarray, labels: np.ndarray, size: float, counts: bool) -> list:
    """The applicants, in the class colours and markers (with the count of each class in its name)."""
    names = [f"{name} ({int(np.sum(labels == k))})" if counts else name for k, name in enumerate(_LABELS)]
    return scatter_classes(ax, points, labels, names, size=size, linewidth=0.6)


def _score_axes(ax: Axes) -> None:
    ax.set(xlim=SCORE_BOX[:2], ylim=SCORE_BOX[2:], xlabel="exam 1 score (points)", ylabel="exam 2 score (points)")


#: The live panel's key is a white band along the bottom of the score plot, this share of
#: its height; the probability map and the boundary stop at its top edge, so they never
#: cover it (and a live panel need not repaint the key on every move).
_KEY_HEIGHT = 0.1
#: The part of :data:`SCORE_BOX` above that key (no applicant lies in the key's band).
_ABOVE_KEY: tuple[float, float, float, float] = (
    SCORE_BOX[0], SCORE_BOX[1], SCORE_BOX[2] + _KEY_HEIGHT * (SCORE_BOX[3] - SCORE_BOX[2]), SCORE_BOX[3]
)


def _key(ax: Axes) -> None:
    """A one-row key in a white band along the bottom of a score plot: the two markers and the boundary line."""
    ax.add_patch(Rectangle((0.0, 0.0), 1.0, _KEY_HEIGHT, transform=ax.transAxes, facecolor="white",
                           edgecolor="none", zorder=1))
    ax.plot([0.0, 1.0], [_KEY_HEIGHT, _KEY_HEIGHT], color=PALETTE["grey"], linewidth=0.8,
            transform=ax.transAxes, zorder=1)
    middle = _KEY_HEIGHT / 2
    entries = [(0.06, CLASS_MARKERS[1], CLASS_COLORS[1], _LABELS[1]),
               (0.35, CLASS_MARKERS[0], CLASS_COLORS[0], _LABELS[0])]
    for x, marker, color, text in entries:
        ax.plot([x], [middle], marker=marker, color=color, markeredgecolor="black", markeredgewidth=0.6,
                markersize=7, linestyle="none", transform=ax.transAxes, zorder=6)
        ax.text(x + 0.03, middle, text, transform=ax.transAxes, va="center", fontsize=11, zorder=6)
    ax.plot([0.68, 0.75], [middle, middle], color=PALETTE["black"], transform=ax.transAxes, zorder=6)
    ax.text(0.77, middle, "boundary", transform=ax.transAxes, va="center", fontsize=11, zorder=6)


def plot_exam_scores(scores: ArrayLike, admitted: ArrayLike, ax: Axes | None = None) -> Axes:
    """Scatter the applicants: exam 1 against exam 2, admitted and not admitted in distinct colours and markers.

    Introduced in ``notebooks/04_gradient_descent.ipynb``.

    Parameters
    ----------
    scores : array_like, shape (m, 2)
        Exam scores in points.
    admitted : array_like, shape (m,)
        1 if admitted, else 0.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If the shapes do not match or the labels are not 0/1.
    """
    points, labels = _check_scores(scores, admitted)
    ax = _axes(ax, width=7.0, height=5.6)
    with course_style():
        _scatter(ax, points, labels, size=60, counts=True)
        _score_axes(ax)
        ax.legend(loc="lower center", ncol=2)
        ax.set_title("Admitted applicants sit up and to the right")
    return ax


def plot_decision_boundary(
    theta: ArrayLike,
    scores: ArrayLike,
    admitted: ArrayLike,
    mean: ArrayLike | None = None,
    std: ArrayLike | None = None,
    mark: ArrayLike | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The data over the model's probability map, with the decision boundary ``h = 0.5``.

    Introduced in ``notebooks/05_convexity_newton.ipynb``.

    Parameters
    ----------
    theta : array_like, shape (3,)
        Weights for ``add_intercept(scores)``, or, if ``mean`` and ``std`` are given, for
        the standardised scores; the figure is in raw points either way.
    scores : array_like, shape (m, 2)
    admitted : array_like, shape (m,)
    mean, std : array_like, shape (2,), optional
        Standardisation statistics from :func:`helpers.data.standardize`.
    mark : array_like, shape (2,), optional
        One applicant's scores (points) to mark with a star and its admission probability.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        On shapes that do not fit, or only one of ``mean`` and ``std``.
    """
    weights = _check_theta2(theta)
    if (mean is None) != (std is None):
        raise ValueError("give both mean and std (the standardisation statistics), or neither")
    if mean is not None and std is not None:
        weights = features.raw_units_theta(weights, mean, std)
    points, labels = _check_scores(scores, admitted)
    star = None
    if mark is not None:
        star = as_float_array(mark, "mark", ndim=1)
        if star.shape != (2,):
            raise ValueError(f"mark must be one applicant's two scores, shape (2,); got shape {star.shape}")
    ax = _axes(ax, width=7.6, height=5.8)
    size = 200
    chances = logistic.predict_proba(weights, data.add_intercept(plane_grid(SCORE_BOX, size)[2])).reshape(size, size)
    with course_style():
        image = ax.imshow(chances, origin="lower",
                          extent=SCORE_BOX, cmap=probability_cmap(), vmin=0, vmax=1, aspect="auto",
                          interpolation="bilinear", zorder=0)
        figure = ax.figure
        assert figure is not None  # matplotlib 3.8's types allow an axes without a figure
        colorbar = figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
        colorbar.set_label("P(admitted | scores)")
        style_axes(colorbar.ax)
        colorbar.ax.grid(False)
        _scatter(ax, points, labels, size=60, counts=True)
        x1, x2 = boundary_segment(weights)
        ax.plot(x1, x2, color=PALETTE["black"], label="boundary h = 0.5", zorder=4)
        if star is not None:
            chance = float(logistic.predict_proba(weights, [[1.0, *star]])[0])
            ax.plot(star[:1], star[1:], marker="*", markersize=20, color=PALETTE["vermillion"],
                    markeredgecolor="black", linestyle="none", zorder=5,
                    label=f"scores ({star[0]:g}, {star[1]:g}): P = {chance:.3f}")
        _score_axes(ax)
        ax.legend(loc="lower center", ncol=2, fontsize=11)
        right = logistic.accuracy_path(weights[None], data.add_intercept(points), labels)[0]
        ax.set_title(f"The boundary puts {100 * right:.0f} % of the applicants on their side")
    return ax

