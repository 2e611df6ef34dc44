"""Figures and live panels of ``notebooks/02_likelihood_cross_entropy.ipynb``.

Static figures (each builds its own figure when no ``ax`` is given):

* :func:`plot_coin_likelihood`: a likelihood and its logarithm peak at the same place;
* :func:`plot_loss_curves`: the two halves of the binary cross-entropy, ``-ln h`` and ``-ln(1-h)``;
* :func:`plot_kl_decomposition`: cross-entropy = entropy of the labels + KL divergence;
* :func:`plot_exam_scores` and :func:`plot_decision_boundary`: the exam-score data, a model's
  probability map and its decision boundary, always in raw score units;
* :func:`plot_convergence`: distance to the minimum cost per iteration, for several optimisers.

The live panel :class:`DescentExplorer` shows batch gradient descent on the exam scores
(raw or standardised): the cost per iteration next to the decision boundary moving over
the data. Its trajectories come from :class:`DescentRuns`, which trains every learning
rate of the slider at once (one vectorised run over all rates), so no slider move ever
retrains; and it lists the artists a move changes (``dynamic_artists``), so that a
``LivePanel`` repaints only those over a cached picture of the rest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle
from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator, ScalarFormatter
from numpy.typing import ArrayLike

from .. import data, optim
from .._validate import (
    as_float_array,
    check_binary_labels,
    check_distribution,
    check_iterations,
    check_learning_rate,
    check_matching_rows,
    describe,
)
from ..losses import _bce_with_logits, cross_entropy, entropy
from ..sigmoid import _sigmoid
from .style import CLASS_COLORS, CLASS_MARKERS, PALETTE, course_style, new_figure, show_divergence, style_axes

__all__ = [
    "SCORE_BOX",
    "DescentExplorer",
    "DescentRuns",
    "admitted_region",
    "boundary_segment",
    "learning_rate_grid",
    "plot_coin_likelihood",
    "plot_convergence",
    "plot_decision_boundary",
    "plot_exam_scores",
    "plot_kl_decomposition",
    "plot_loss_curves",
    "raw_units_theta",
]

#: The part of the (exam 1, exam 2) plane every exam-score figure shows, in points:
#: ``(x1_min, x1_max, x2_min, x2_max)``. All 100 applicants lie inside it; the empty
#: bands below 28 and above 100 points on exam 2 hold the legend and notes.
SCORE_BOX: tuple[float, float, float, float] = (25.0, 105.0, 12.0, 112.0)


def _lighten(color: str, strength: float = 0.55) -> tuple[float, float, float]:
    """``color`` painted with opacity ``strength`` over white (an opaque colour renders faster)."""
    rgb = np.array(to_rgb(color))
    return tuple(float(v) for v in 1 - (1 - rgb) * strength)  # type: ignore[return-value]


#: Probability of admission, from "not admitted" blue (0) through white (0.5) to
#: "admitted" orange (1): light versions of the two class colours, so the map reads
#: like the legend and the markers stay visible on top of it.
ADMISSION_CMAP = LinearSegmentedColormap.from_list(
    "admission", [_lighten(CLASS_COLORS[0]), (1.0, 1.0, 1.0), _lighten(CLASS_COLORS[1])]
)

_LABELS = ("not admitted", "admitted")
_MAX_LEARNING_RATE = 1e3  # beyond this the demo means nothing; it also keeps every run finite
_TALL = 1.15  # a tall cost axis reaches this factor above the highest cost: room for a label on top


# ---------------------------------------------------------------------------------------
# geometry: the boundary in raw units
# ---------------------------------------------------------------------------------------
def raw_units_theta(theta: ArrayLike, mean: ArrayLike, std: ArrayLike) -> np.ndarray:
    r"""Rewrite weights learnt on standardised features as weights on the raw features.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. A model trained on
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

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. Works for every
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

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. The box is a convex
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


def _probability_grid(box: tuple[float, float, float, float], size: int) -> tuple[np.ndarray, np.ndarray]:
    x1 = np.linspace(box[0], box[1], size)
    x2 = np.linspace(box[2], box[3], size)
    return np.meshgrid(x1, x2)


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def _axes(ax: Axes | None, width: float = 7.0, height: float = 4.8) -> Axes:
    if ax is not None:
        if not isinstance(ax, Axes):
            raise ValueError(f"ax must be a matplotlib Axes or None; got {describe(ax)}")
        return ax
    _, new_ax = new_figure(width=width, height=height)
    return new_ax


def plot_coin_likelihood(heads: int, tosses: int) -> Figure:
    r"""Likelihood :math:`p^k (1-p)^{n-k}` of a coin's bias and its logarithm, side by side.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. Both curves peak at the
    maximum-likelihood estimate :math:`\hat p = k / n`, because the logarithm is increasing.

    Parameters
    ----------
    heads : int
        Number of heads ``k``, ``0 < k < n`` (so that the peak is inside (0, 1)).
    tosses : int
        Number of tosses ``n``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If the counts are not integers with ``0 < heads < tosses``.
    """
    n = check_iterations(tosses, "tosses")
    k = check_iterations(heads, "heads")
    if k >= n:
        raise ValueError(f"heads must be smaller than tosses; got heads={k}, tosses={n}")
    p = np.linspace(0.005, 0.995, 400)
    log_like = k * np.log(p) + (n - k) * np.log1p(-p)
    best = k / n
    fig, (left, right) = new_figure(1, 2, width=11.0, height=4.2)
    with course_style():
        left.plot(p, np.exp(log_like), color=PALETTE["blue"])
        right.plot(p, log_like, color=PALETTE["blue"])
        for ax in (left, right):
            ax.axvline(best, color=PALETTE["vermillion"], linestyle="--", label=f"p̂ = k/n = {best:g}")
            ax.set_xlabel("probability of heads p")
            ax.legend(loc="upper left")
        left.set_ylabel("likelihood L(p)")
        left.ticklabel_format(axis="y", style="sci", scilimits=(-3, 3))
        right.set_ylabel("log-likelihood ln L(p) (nats)")
        right.set_ylim(log_like.max() - 25, log_like.max() + 2)
        left.set_title(f"{k} heads in {n} tosses")
        right.set_title("its logarithm")
        fig.suptitle("The logarithm moves the values, not the peak", fontweight="bold")
    return fig


def plot_loss_curves(marks: Sequence[float] = (0.01, 0.99), ax: Axes | None = None) -> Axes:
    r"""The loss of one sample against the predicted probability: :math:`-\ln h` and :math:`-\ln(1-h)`.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    marks : sequence of float
        Probabilities ``h`` in (0, 1) at which the loss for ``y = 1`` is marked and labelled.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If a mark is not strictly between 0 and 1.
    """
    points = as_float_array(marks, "marks", ndim=1)
    if ((points <= 0) | (points >= 1)).any():
        raise ValueError(f"marks must be probabilities strictly between 0 and 1; got {points.tolist()}")
    ax = _axes(ax, width=8.0, height=4.8)
    h = np.linspace(0.002, 0.998, 500)
    with course_style():
        ax.plot(h, -np.log(h), color=CLASS_COLORS[1], label="y = 1:  loss = −ln h")
        ax.plot(h, -np.log1p(-h), color=CLASS_COLORS[0], linestyle="--", label="y = 0:  loss = −ln(1 − h)")
        for value in points:
            loss = -math.log(value)
            ax.plot([value], [loss], marker=CLASS_MARKERS[1], color=CLASS_COLORS[1], markeredgecolor="black",
                    markersize=10, linestyle="none")
            ax.annotate(f"h = {value:g}, y = 1\nloss = {loss:.3g} nats", (value, loss),
                        xytext=(value + (0.06 if value < 0.5 else -0.06), loss + 0.9),
                        ha="left" if value < 0.5 else "right", fontsize=12,
                        arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
        ax.set(xlim=(0, 1), ylim=(0, 6.5), xlabel="predicted probability h = P(y = 1 | x)",
               ylabel="loss of one sample (nats)")
        ax.legend(loc="upper center")
        ax.set_title("Confident mistakes cost the most")
    return ax


def plot_kl_decomposition(p: ArrayLike, q: ArrayLike, ax: Axes | None = None) -> Axes:
    r"""Cross-entropy :math:`H(p, q_t)` as :math:`q_t` moves from ``q`` to ``p``, split into :math:`H(p) + KL`.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. Here
    :math:`q_t = (1-t)\,q + t\,p`. The entropy :math:`H(p)` does not depend on the model,
    so the cross-entropy and the KL divergence fall together and bottom out together at
    :math:`q = p`.

    Parameters
    ----------
    p, q : array_like, shape (K,)
        The label distribution and a model's prediction.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``p`` or ``q`` is not a 1-D distribution, or the shapes differ.
    """
    labels = check_distribution(p, "p")
    model = check_distribution(q, "q")
    if labels.ndim != 1 or labels.shape != model.shape:
        raise ValueError(f"p and q must be 1-D distributions of equal length; got shapes {labels.shape}, {model.shape}")
    ax = _axes(ax, width=8.0, height=4.8)
    t = np.linspace(0.0, 1.0, 201)
    mixtures = (1 - t)[:, None] * model + t[:, None] * labels
    mixtures /= mixtures.sum(axis=1, keepdims=True)  # exact sums of 1, whatever the rounding
    total = cross_entropy(np.broadcast_to(labels, mixtures.shape), mixtures)
    floor = entropy(labels)
    with course_style():
        ax.fill_between(t, 0, floor, color=PALETTE["sky"], alpha=0.5,
                        label=f"entropy H(p) = {floor:.3f} (fixed by the labels)")
        ax.fill_between(t, floor, total, color=PALETTE["orange"], alpha=0.5,
                        label="KL(p ‖ q) (what training can remove)")
        ax.plot(t, total, color=PALETTE["black"], label="cross-entropy H(p, q)")
        ax.set(xlim=(0, 1), ylim=(0, 1.1 * float(total.max())),
               xlabel="t   (prediction q moved from the start q₀ (t = 0) to the labels p (t = 1))",
               ylabel="nats")
        ax.legend(loc="upper right")
        ax.set_title("Minimising cross-entropy minimises KL")
    return ax


def _check_scores(scores: ArrayLike, admitted: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    points = as_float_array(scores, "scores", ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"scores must have shape (m, 2): exam 1 and exam 2; got shape {points.shape}")
    labels = check_binary_labels(admitted, "admitted")
    check_matching_rows(points, labels, "scores", "admitted")
    return points, labels


def _scatter_classes(ax: Axes, points: np.ndarray, labels: np.ndarray, size: float, counts: bool) -> None:
    for cls in (1, 0):
        chosen = points[labels == cls]
        label = f"{_LABELS[cls]} ({len(chosen)})" if counts else _LABELS[cls]
        ax.scatter(chosen[:, 0], chosen[:, 1], s=size, c=CLASS_COLORS[cls], marker=CLASS_MARKERS[cls],
                   edgecolors="black", linewidths=0.6, label=label, zorder=3)


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

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

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
        _scatter_classes(ax, points, labels, size=60, counts=True)
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

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

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
    if mean is not None:
        weights = raw_units_theta(weights, mean, std)
    points, labels = _check_scores(scores, admitted)
    star = None
    if mark is not None:
        star = as_float_array(mark, "mark", ndim=1)
        if star.shape != (2,):
            raise ValueError(f"mark must be one applicant's two scores, shape (2,); got shape {star.shape}")
    ax = _axes(ax, width=7.6, height=5.8)
    grid1, grid2 = _probability_grid(SCORE_BOX, 200)
    with course_style():
        image = ax.imshow(_sigmoid(weights[0] + weights[1] * grid1 + weights[2] * grid2), origin="lower",
                          extent=SCORE_BOX, cmap=ADMISSION_CMAP, vmin=0, vmax=1, aspect="auto",
                          interpolation="bilinear", zorder=0)
        colorbar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
        colorbar.set_label("P(admitted | scores)")
        style_axes(colorbar.ax)
        colorbar.ax.grid(False)
        _scatter_classes(ax, points, labels, size=60, counts=True)
        x1, x2 = boundary_segment(weights)
        ax.plot(x1, x2, color=PALETTE["black"], label="boundary h = 0.5", zorder=4)
        if star is not None:
            chance = float(_sigmoid(np.array(weights[0] + weights[1:] @ star)))
            ax.plot(star[:1], star[1:], marker="*", markersize=20, color=PALETTE["vermillion"],
                    markeredgecolor="black", linestyle="none", zorder=5,
                    label=f"scores ({star[0]:g}, {star[1]:g}): P = {chance:.3f}")
        _score_axes(ax)
        ax.legend(loc="lower center", ncol=2, fontsize=11)
        right = np.mean((weights[0] + points @ weights[1:] >= 0) == (labels == 1))
        ax.set_title(f"The boundary puts {100 * right:.0f} % of the applicants on their side")
    return ax


def plot_convergence(costs: Mapping[str, ArrayLike], minimum: float, ax: Axes | None = None) -> Axes:
    """Distance to the minimum cost, :math:`J_t - J^*`, per iteration on a log scale, one line per run.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. Linear convergence
    (gradient descent) is a straight line on this scale; quadratic convergence (Newton)
    a curve that plunges. Differences below ``1e-15`` (rounding) are drawn at ``1e-15``.

    Parameters
    ----------
    costs : mapping of str to array_like of shape (k + 1,)
        Label -> costs per iterate (``Trajectory.costs``).
    minimum : float
        The minimum cost :math:`J^*`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``costs`` is empty or holds non-finite values.
    """
    if not costs:
        raise ValueError("costs must name at least one run; got none")
    floor = 1e-15
    ax = _axes(ax, width=9.0, height=4.8)
    with course_style():
        for index, (label, run) in enumerate(costs.items()):
            values = as_float_array(run, f"costs[{label!r}]", ndim=1)
            gap = np.maximum(values - float(minimum), floor)
            ax.plot(np.arange(values.size), gap, color=CLASS_COLORS[index % len(CLASS_COLORS)],
                    marker=CLASS_MARKERS[index % len(CLASS_MARKERS)], markevery=0.08, label=label)
        ax.set(xscale="symlog", yscale="log", ylim=(floor / 2, 2), xlim=(0, None),
               xlabel="iteration (log scale after 1)", ylabel="J − J*  (nats, log scale)")
        # One labelled tick every third decade and no minor ticks: readable, and quick to draw.
        ax.yaxis.set_major_locator(LogLocator(base=1000.0))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_minor_locator(NullLocator())
        ax.legend(loc="lower left")
        ax.set_title("Newton: a handful of steps. Gradient descent: hundreds or more")
    return ax


def plot_rate_thresholds(
    runs: DescentRuns,
    minimum: float,
    global_rate: float,
    local_rate: float,
    title: str = "Below 2/L every step lowers the cost",
    ax: Axes | None = None,
) -> Axes:
    r"""Where each learning rate ends, against the two step-size thresholds of Section 7.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. One point per rate of
    ``runs``: the distance :math:`J - J^*` after ``runs.max_iter`` iterations (log scale;
    below ``1e-12`` drawn at ``1e-12``), filled if the cost fell at every step and open if
    it ever rose. Two vertical lines: ``global_rate`` = :math:`2/L` (below it every step
    lowers the cost, from any start) and ``local_rate`` = :math:`2/\lambda_{\max}(H(\theta^*))`
    (the largest rate that is stable close to the minimum).

    Parameters
    ----------
    runs : DescentRuns
    minimum : float
        The minimum cost :math:`J^*`.
    global_rate, local_rate : float
        The two thresholds, positive.
    title : str
        The lesson of the panel.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``runs`` is not a :class:`DescentRuns` or a threshold is not a positive number.
    """
    if not isinstance(runs, DescentRuns):
        raise ValueError(f"runs must be a DescentRuns; got {describe(runs)}")
    for name, rate in (("global_rate", global_rate), ("local_rate", local_rate)):
        if not (isinstance(rate, (int, float, np.floating)) and np.isfinite(rate) and rate > 0):
            raise ValueError(f"{name} must be a positive number; got {rate!r}")
    floor = 1e-12
    rates = runs.learning_rates
    final = np.array([runs.get(float(r)).costs[-1] for r in rates])
    gap = np.where(np.isfinite(final), np.maximum(final - float(minimum), floor), np.nan)
    monotone = np.array([bool(np.all(np.diff(runs.get(float(r)).costs) <= 1e-15)) for r in rates])
    ax = _axes(ax, width=7.0, height=4.8)
    with course_style():
        ax.plot(rates, gap, color=PALETTE["grey"], linewidth=1.5, zorder=1)
        ax.plot(rates[monotone], gap[monotone], "o", color=PALETTE["blue"], markersize=10,
                label="the cost fell at every step", zorder=3)
        ax.plot(rates[~monotone], gap[~monotone], "o", markerfacecolor="white", markeredgewidth=2,
                color=PALETTE["vermillion"], markersize=10, label="the cost rose at some step", zorder=3)
        ax.axvline(global_rate, color=PALETTE["green"], linestyle="--", linewidth=2.5,
                   label=f"2/L = {global_rate:.3g}: safe from any start")
        ax.axvline(local_rate, color=PALETTE["purple"], linestyle=":", linewidth=3,
                   label=f"2/λmax(H*) = {local_rate:.3g}: stable near θ*")
        low, high = np.nanmin(gap), np.nanmax(gap)
        long_range = high / low > 1e6
        # room below the lowest point for the legend
        ax.set(xscale="log", yscale="log", ylim=(low / (1e4 if long_range else 100), high * 3),
               xlabel="learning rate α (log scale)",
               ylabel=f"J − J* after {runs.max_iter:,} steps\n(nats, log scale)")
        if long_range:  # one labelled tick every third decade
            ax.yaxis.set_major_locator(LogLocator(base=1000.0))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.legend(loc="lower left", fontsize=11)
        ax.set_title(title)
    return ax


# ---------------------------------------------------------------------------------------
# gradient descent for every slider position at once
# ---------------------------------------------------------------------------------------
def learning_rate_grid(min_exponent: float, max_exponent: float, steps_per_decade: int = 4) -> np.ndarray:
    """The values of :func:`helpers.widgets.learning_rate_slider` with the same arguments.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    min_exponent, max_exponent : float
        The slider runs from ``10**min_exponent`` to ``10**max_exponent``.
    steps_per_decade : int
        Positions per factor of ten.

    Returns
    -------
    numpy.ndarray, shape (L,)

    Raises
    ------
    ValueError
        If the range is empty or ``steps_per_decade`` is not a positive integer.

    Examples
    --------
    >>> learning_rate_grid(-1, 0, 2).round(4).tolist()
    [0.1, 0.3162, 1.0]
    """
    steps = check_iterations(steps_per_decade, "steps_per_decade")
    if not min_exponent < max_exponent:
        raise ValueError(f"min_exponent must be below max_exponent; got {min_exponent} and {max_exponent}")
    count = round((max_exponent - min_exponent) * steps) + 1
    return 10.0 ** (min_exponent + np.arange(count) / steps)


def _envelope(values: np.ndarray, max_points: int = 1200) -> tuple[np.ndarray, np.ndarray]:
    """``(iterations, values)`` to draw, thinned to at most about ``max_points`` points.

    Consecutive iterations are grouped in bins narrower than a pixel; each bin keeps its
    smallest and its largest value, in their order. The drawn line looks the same (an
    oscillating cost still fills its band), but thousands of zig-zags render much faster.
    """
    count = values.size
    if count <= max_points:
        return np.arange(count), values
    width = -(-count // (max_points // 2))  # iterations per bin, rounded up
    bins = -(-count // width)
    padded = np.concatenate([values, np.full(bins * width - count, values[-1])]).reshape(bins, width)
    first, last = np.argmin(padded, axis=1), np.argmax(padded, axis=1)
    early, late = np.minimum(first, last), np.maximum(first, last)
    starts = np.arange(bins) * width
    index = np.minimum(np.column_stack([starts + early, starts + late]).ravel(), count - 1)
    index = np.concatenate([[0], index, [count - 1]])  # always start at the start and end on the last iterate
    return index, values[index]


def _few_ticks() -> MaxNLocator:
    """At most about five round-numbered ticks (the live panels redraw every tick label each time)."""
    return MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10])


def _first_rise(costs: np.ndarray) -> int | None:
    bad = ~np.isfinite(costs) | (costs > costs[0])
    return int(np.argmax(bad)) if bad.any() else None


def _descend_all(X: np.ndarray, y: np.ndarray, rates: np.ndarray, n_iter: int) -> list[optim.Trajectory]:
    """Batch gradient descent from theta = 0 for every rate at once: one column of Theta per rate.

    The same arithmetic as :func:`helpers.optim.fit_logistic_gd`, step for step, but each
    NumPy call serves all learning rates, so L rates cost about as much as one.
    """
    m, n = X.shape
    thetas = np.zeros((n, rates.size))
    paths = np.empty((n_iter + 1, n, rates.size))
    costs = np.empty((n_iter + 1, rates.size))
    labels = y[:, None]
    for t in range(n_iter + 1):
        scores = X @ thetas
        costs[t] = _bce_with_logits(labels, scores).mean(axis=0)
        paths[t] = thetas
        if t < n_iter:
            residual = _sigmoid(scores)
            residual -= labels
            grad = X.T @ residual
            grad /= m
            thetas = thetas - rates * grad
    runs = []
    for j in range(rates.size):
        finite = np.isfinite(costs[:, j]) & np.isfinite(paths[:, :, j]).all(axis=1)
        taken = n_iter if finite.all() else max(int(np.argmin(finite)) - 1, 0)
        path = paths[: taken + 1, :, j].copy()
        runs.append(optim.Trajectory(params=path[-1].copy(), costs=costs[: taken + 1, j].copy(), path=path,
                                     n_iter=taken, diverged_at=_first_rise(costs[: taken + 1, j])))
    return runs


class DescentRuns:
    """Gradient-descent trajectories on one design matrix, one per learning rate, computed once.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. The rates of the grid
    are trained together at construction (a vectorised run over all of them, about a
    quarter of a second for 17 rates x 5,000 iterations on the exam scores); any other
    rate is trained on first use with :func:`helpers.optim.fit_logistic_gd` and cached.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column.
    y : array_like, shape (m,)
        Labels 0 or 1.
    learning_rates : array_like, shape (L,)
        The slider's rates (see :func:`learning_rate_grid`), each in (0, 1000].
    max_iter : int
        Iterations per run (the iterations slider's maximum).

    Raises
    ------
    ValueError
        On bad data, rates outside (0, 1000] or a non-positive ``max_iter``.
    """

    def __init__(self, X: ArrayLike, y: ArrayLike, learning_rates: ArrayLike, max_iter: int) -> None:
        design = as_float_array(X, "X", ndim=2).astype(np.float64)
        labels = check_binary_labels(y)
        check_matching_rows(design, labels)
        rates = as_float_array(learning_rates, "learning_rates", ndim=1).astype(np.float64)
        for rate in rates:
            _check_rate(float(rate))
        self.X, self.y = design, labels
        self.max_iter = check_iterations(max_iter, "max_iter")
        self.learning_rates = rates
        self._runs: dict[float, optim.Trajectory] = dict(
            zip(rates.tolist(), _descend_all(design, labels, rates, self.max_iter), strict=True)
        )

    def get(self, learning_rate: float) -> optim.Trajectory:
        """The trajectory for ``learning_rate`` (a grid rate within 1e-9 relative, or trained now).

        Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not in (0, 1000].
        """
        rate = _check_rate(learning_rate)
        if self.learning_rates.size:
            nearest = float(self.learning_rates[np.argmin(np.abs(np.log(self.learning_rates / rate)))])
            if abs(nearest - rate) <= 1e-9 * rate:  # a slider value, up to its float rounding
                return self._runs[nearest]
        if rate not in self._runs:
            self._runs[rate] = optim.fit_logistic_gd(self.X, self.y, rate, self.max_iter)
        return self._runs[rate]


def _check_rate(learning_rate: object) -> float:
    rate = check_learning_rate(learning_rate)
    if rate > _MAX_LEARNING_RATE:
        raise ValueError(f"learning_rate must be at most {_MAX_LEARNING_RATE:g} in this demo; got {rate!r}")
    return rate


class DescentExplorer:
    """Gradient descent on the exam scores: cost per iteration beside the moving decision boundary.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. Build it once; then
    :meth:`draw` only updates artists. Trajectories for every slider position are
    computed at construction (:class:`DescentRuns`); :meth:`twin` makes a second figure
    that shares them, for the live panel after the static picture.

    Parameters
    ----------
    scores : array_like, shape (m, 2)
        Exam scores in points.
    admitted : array_like, shape (m,)
        Labels 0 or 1.
    standardized : bool
        Train on standardised scores (mean 0, standard deviation 1) instead of raw points.
        The boundary is drawn in points either way.
    min_exponent, max_exponent : float
        The learning-rate slider's range, ``10**min_exponent`` to ``10**max_exponent``
        (at most 1000).
    max_iter : int
        The iterations slider's maximum.
    steps_per_decade : int, default 4
        Slider positions per factor of ten (as :func:`helpers.widgets.learning_rate_slider`).
    minimum : float, optional
        The minimum cost, drawn as a reference line; by default found with Newton's method.
    runs : DescentRuns, optional
        Precomputed trajectories to reuse (used by :meth:`twin`).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    runs : DescentRuns
    mean, std : numpy.ndarray, shape (2,)
        Standardisation statistics (zeros and ones for raw scores).
    dynamic_artists : list of matplotlib.artist.Artist
        Every artist :meth:`draw` changes, for ``LivePanel(..., dynamic=...)``. The axes'
        limits never change with the iteration count, and take at most two values along
        the learning-rate slider.

    Raises
    ------
    ValueError
        On bad data or slider settings.
    """

    def __init__(
        self,
        scores: ArrayLike,
        admitted: ArrayLike,
        *,
        standardized: bool,
        min_exponent: float,
        max_exponent: float,
        max_iter: int,
        steps_per_decade: int = 4,
        minimum: float | None = None,
        runs: DescentRuns | None = None,
    ) -> None:
        points, labels = _check_scores(scores, admitted)
        if not isinstance(standardized, bool):
            raise ValueError(f"standardized must be True or False; got {describe(standardized)}")
        if max_exponent > math.log10(_MAX_LEARNING_RATE):
            raise ValueError(f"max_exponent must be at most {math.log10(_MAX_LEARNING_RATE):g}; got {max_exponent}")
        rates = learning_rate_grid(min_exponent, max_exponent, steps_per_decade)
        self.settings = {"min_exponent": min_exponent, "max_exponent": max_exponent,
                         "steps_per_decade": steps_per_decade, "max_iter": max_iter}
        self.standardized = standardized
        self.scores, self.admitted = points, labels
        if standardized:
            features, self.mean, self.std = data.standardize(points)
        else:
            features, self.mean, self.std = points, np.zeros(2), np.ones(2)
        design = data.add_intercept(features)
        if runs is None:
            runs = DescentRuns(design, labels, rates, max_iter)
        elif not (runs.X.shape == design.shape and np.array_equal(runs.X, design) and runs.max_iter == max_iter):
            raise ValueError("runs were computed for other data or another max_iter; build the explorer without runs")
        self.runs = runs
        if minimum is None:
            minimum = float(optim.fit_logistic_newton(design, labels).costs[-1])
        self.minimum = float(minimum)
        self._design = design
        self._build()

    def twin(self) -> DescentExplorer:
        """A new explorer with its own figure, sharing this one's trajectories (nothing retrained).

        Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.
        """
        return DescentExplorer(self.scores, self.admitted, standardized=self.standardized,
                               minimum=self.minimum, runs=self.runs, **self.settings)

    def _build(self) -> None:
        fig, (ax_cost, ax_data) = new_figure(1, 2, width=11.5, height=4.6, gridspec_kw={"width_ratios": [1.2, 1]})
        # Legends are re-laid-out on every render and cost as much as the rest of an axes;
        # plain text labels and a hand-made key draw several times faster.
        with course_style():
            ax_cost.axhline(self.minimum, color=PALETTE["green"], linestyle=":")
            # Below the line, where the curve never goes (the cost never drops under its minimum);
            # in the top corner when the axis is so tall that the line sits on the bottom edge
            # (the zig-zags of a too-large learning rate fill the space just above it).
            label = f"minimum J* = {self.minimum:.4f} (Newton)"
            self.minimum_labels = {
                "below": ax_cost.annotate(label, (0.98, self.minimum), xycoords=ax_cost.get_yaxis_transform(),
                                          xytext=(0, -9), textcoords="offset points", ha="right", va="top",
                                          color=PALETTE["green"], fontsize=12),
                "corner": ax_cost.text(0.98, 0.97, f"dotted line: {label}", transform=ax_cost.transAxes,
                                       ha="right", va="top", color=PALETTE["green"], fontsize=12),
            }
            (self.cost_line,) = ax_cost.plot([], [], color=PALETTE["blue"], linewidth=1.8)
            (self.cost_dot,) = ax_cost.plot([], [], "o", color=PALETTE["vermillion"], markersize=9, zorder=5)
            ax_cost.set(xlim=(0, self.runs.max_iter), ylim=(0, 0.8), xlabel="iteration", ylabel="cost J (nats)")
            self.divergence_text = ax_cost.text(0.5, 0.5, "", transform=ax_cost.transAxes, ha="center",
                                                va="center", fontsize=12, color=PALETTE["vermillion"],
                                                fontweight="bold", zorder=10,
                                                bbox={"facecolor": "white", "edgecolor": PALETTE["vermillion"],
                                                      "alpha": 0.92})
            ax_data.set_facecolor(_lighten(CLASS_COLORS[0], 0.3))
            self.region = Polygon(np.zeros((0, 2)), closed=True, facecolor=_lighten(CLASS_COLORS[1], 0.3),
                                  edgecolor="none", zorder=0)
            ax_data.add_patch(self.region)
            _scatter_classes(ax_data, self.scores, self.admitted, size=40, counts=False)
            (self.boundary_line,) = ax_data.plot([], [], color=PALETTE["black"], zorder=4)
            _score_axes(ax_data)
            ax_data.grid(False)
            _key(ax_data)
            self.boundary_text = ax_data.text(0.97, 0.985, "", transform=ax_data.transAxes, ha="right", va="top",
                                              fontsize=11, color=PALETTE["vermillion"], fontweight="bold", zorder=6)
            self.title = fig.suptitle("", fontweight="bold")
            # A fixed height (y=1, where matplotlib would put them anyway) keeps the titles in
            # place: matplotlib moves an automatically placed title that is hidden, as a live
            # panel hides its dynamic artists while it draws the background.
            for ax in (ax_cost, ax_data):
                ax.set_title("", fontsize=13, fontweight="normal", y=1.0)
            # Tick labels are most of the cost of a render: five per axis are plenty.
            for axis in (ax_cost.xaxis, ax_cost.yaxis, ax_data.xaxis, ax_data.yaxis):
                axis.set_major_locator(_few_ticks())
        self.ax_cost, self.ax_data = ax_cost, ax_data
        self.fig: Figure = fig
        #: What :meth:`draw` changes: a live panel repaints only these over a cached picture
        #: of the rest (see ``LivePanel``). On the score plot that includes what lies on top
        #: of the moving region: the applicants and the left spine (the key below is never
        #: covered, see ``_key``). The axes' limits change only with the learning rate.
        self.dynamic_artists = [
            self.cost_line, self.cost_dot, *self.minimum_labels.values(), self.divergence_text, ax_cost.title,
            self.region, *ax_data.collections, ax_data.spines["left"], self.boundary_line, self.boundary_text,
            ax_data.title, self.title,
        ]
        self._facts_cache: dict[int, tuple[float, int | None, int | None]] = {}
        highest = max((float(self.runs.get(float(rate)).costs.max()) for rate in self.runs.learning_rates), default=0.0)
        self._tall_top = _TALL * highest  # the one taller cost axis of the slider's runs (see _facts)
        # Lay the figure out once, with representative texts, then freeze the layout: a
        # constrained-layout pass costs as much as drawing the figure, on every redraw.
        # For that pass the cost axis gets wider tick labels ("17.50") than it ever shows
        # (at most four characters, such as "12.5" or "0.25"), so no later label is cut off.
        # Kept although LivePanel freezes layouts too: it would lay out the first frame's (narrower) tick labels.
        self.draw(float(self.runs.learning_rates[0]), self.runs.max_iter)
        engine = fig.get_layout_engine()
        if engine is not None:
            ax_cost.set_yticks([0.0, 0.4], labels=["0.00", "17.50"])
            engine.execute(fig)
            fig.set_layout_engine(None)  # None, not "none": a placeholder engine still costs a draw per render
            ax_cost.yaxis.set_major_locator(_few_ticks())
            ax_cost.yaxis.set_major_formatter(ScalarFormatter())

    def _facts(self, run: optim.Trajectory) -> tuple[float, int | None, int | None]:
        """Per run: the y-axis top, the first step that raised the cost, the first iterate near J*.

        The top is 0.8 for a run that stays below it; otherwise it is the one taller top
        shared by all the slider's runs (with room for the label in its corner), so that
        the axis changes at most once along the learning-rate slider (a live panel then
        draws the axes only twice) and the growing zig-zags of larger learning rates can be
        compared on one scale.
        """
        key = id(run)
        if key not in self._facts_cache:
            rises = np.flatnonzero(np.diff(run.costs) > 1e-12)
            near = np.flatnonzero(run.costs - self.minimum < 1e-4)
            peak = float(run.costs.max())
            self._facts_cache[key] = (
                0.8 if 1.08 * peak <= 0.8 else max(_TALL * peak, self._tall_top),
                int(rises[0]) + 1 if rises.size else None,
                int(near[0]) if near.size else None,
            )
        return self._facts_cache[key]

    def _lesson(self, run: optim.Trajectory, shown: int, zigzag_at: int | None, settled_at: int | None) -> str:
        kind = "Standardised scores" if self.standardized else "Raw scores"
        if run.diverged_at is not None and shown >= run.diverged_at:
            return f"{kind}: α too large, the cost rose above its starting value"
        if zigzag_at is not None and shown >= zigzag_at and (settled_at is None or settled_at > shown):
            return f"{kind}: α too large, the cost goes up as well as down"
        if settled_at is not None and shown >= settled_at:
            return f"{kind}: within 0.0001 nats of the minimum after {settled_at} iterations"
        gap = float(run.costs[shown]) - self.minimum
        return f"{kind}: still {gap:.3f} nats above the minimum after {shown} iterations"

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the run with ``learning_rate`` after ``iterations`` steps.

        Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

        Parameters
        ----------
        learning_rate : float
            In (0, 1000]; slider positions are precomputed, other values are trained now.
        iterations : int
            1 to ``max_iter``.

        Returns
        -------
        matplotlib.figure.Figure
            The same figure, updated.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not a positive number up to 1000 or ``iterations`` is
            not in 1..max_iter.
        """
        steps = check_iterations(iterations, "iterations")
        if steps > self.runs.max_iter:
            raise ValueError(f"iterations must be at most max_iter = {self.runs.max_iter}; got {steps}")
        run = self.runs.get(learning_rate)
        shown = min(steps, run.n_iter)
        costs = run.costs[: shown + 1]
        top, zigzag_at, settled_at = self._facts(run)
        self.cost_line.set_data(*_envelope(costs))
        self.cost_dot.set_data([shown], [costs[-1]])
        self.ax_cost.set_ylim(0, top)
        low = self.minimum < 0.15 * top
        self.minimum_labels["below"].set_visible(not low)
        self.minimum_labels["corner"].set_visible(low)
        self.ax_cost.title.set_text(f"α = {learning_rate:.3g}, iteration {shown}:  J = {costs[-1]:.4f} nats")
        theta = run.path[shown]
        raw = raw_units_theta(theta, self.mean, self.std) if self.standardized else theta
        self.region.set_xy(admitted_region(raw, _ABOVE_KEY) if np.isfinite(raw).all() else np.zeros((0, 2)))
        x1, x2 = boundary_segment(raw, _ABOVE_KEY)
        # No NaN reaches the figure: a boundary outside the view is an empty line.
        self.boundary_line.set_data(([], []) if np.isnan(x1[0]) else (x1, x2))
        accuracy = float(np.mean((self._design @ theta >= 0) == (self.admitted == 1)))
        self.ax_data.title.set_text(f"boundary h = 0.5: training accuracy {100 * accuracy:.0f} %")
        note = ""
        if np.isnan(x1[0]):
            everyone = "admitted" if raw[0] + 65.0 * (raw[1] + raw[2]) >= 0 else "not admitted"
            note = f"boundary outside this view:\nevery applicant predicted {everyone}"
        self.boundary_text.set_text(note)
        self.title.set_text(self._lesson(run, shown, zigzag_at, settled_at))
        show_divergence(self.ax_cost, run.diverged_at, shown, self.divergence_text)
        return self.fig
