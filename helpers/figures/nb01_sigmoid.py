"""Figures and interactive panels of ``notebooks/01_sigmoid.ipynb``.

Static figures (built once):

* :func:`threshold_shift_figure` -- least squares on 0/1 labels, before and after one far point.
* :func:`odds_figure` -- probability -> odds -> log-odds, and back through the sigmoid.

Interactive figures (a class whose ``__init__`` builds the figure once and whose
``draw(...)`` only updates artists; ``controls()`` returns the matching sliders for
:class:`helpers.widgets.LivePanel`, and ``dynamic_artists`` the artists a live panel repaints
on each move, so that it can blit; the axes stay fixed while the sliders move, except for the
cost axis of :class:`TrainingPreview`, taller for a diverging learning rate):

* :class:`SigmoidExplorer` -- ``draw(weight, bias)``: ``σ(w x + b)``, its slope, where ``p = 1/2``.
* :class:`BoundaryExplorer` -- ``draw(theta0, theta1, theta2)``: probability surface and decision
  boundary over a 2-D point cloud, next to the same points placed on the sigmoid.
* :class:`TrainingPreview` -- ``draw(learning_rate, iterations)``: gradient descent on a 1-D
  logistic model, one cached :class:`helpers.optim.Trajectory` per learning rate.

Helpers used by them: :func:`boundary_line` (the segment of a line ``θᵀx = level`` that
crosses a rectangle) and :func:`make_two_blobs` (a seeded two-class point cloud).

Introduced in ``notebooks/01_sigmoid.ipynb``.
"""

from __future__ import annotations

from numbers import Real
from typing import Any, ClassVar

import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .. import data, logistic, optim
from .._validate import (
    as_float_array,
    check_binary_labels,
    check_iterations,
    check_learning_rate,
    check_matching_rows,
    describe,
)
from ..sigmoid import sigmoid, sigmoid_grad
from .live import iterations_slider, learning_rate_slider, slider_style
from .style import (
    CLASS_COLORS,
    CLASS_MARKERS,
    PALETTE,
    course_style,
    new_figure,
    show_divergence,
    style_axes,
)

__all__ = [
    "PROBABILITY_CMAP",
    "BoundaryExplorer",
    "SigmoidExplorer",
    "TrainingPreview",
    "boundary_line",
    "make_two_blobs",
    "odds_figure",
    "threshold_shift_figure",
]

#: A weight (or weight vector) smaller than this in magnitude counts as zero: the curve is
#: flat, there is no crossing of p = 1/2 and no boundary line to draw.
FLAT: float = 1e-12

#: Largest parameter magnitude the explorers accept (keeps every score finite).
MAX_PARAM: float = 1e6


def _tint(color: str, amount: float) -> tuple[float, float, float]:
    """``color`` blended with white: ``amount = 1`` is the colour, ``0`` is white."""
    rgb = np.array(to_rgb(color))
    return tuple(float(c) for c in amount * rgb + (1 - amount) * np.ones(3))


#: Probability colour map: light class-0 blue (p = 0) through white (p = 1/2) to light
#: class-1 orange (p = 1). Colour-blind safe (Okabe-Ito hues) and light enough that the
#: fully coloured class markers stay visible on top of it. Twenty bands of width 0.05 make
#: the levels readable (like filled contours) and keep the PNG small.
PROBABILITY_CMAP = LinearSegmentedColormap.from_list(
    "p_blue_white_orange",
    [_tint(CLASS_COLORS[0], 0.55), (1.0, 1.0, 1.0), _tint(CLASS_COLORS[1], 0.65)],
    N=20,
)


# ---------------------------------------------------------------------------------------
# input checks for scalars (the array checks live in helpers._validate)
# ---------------------------------------------------------------------------------------
def _number(value: object, name: str, limit: float | None = None) -> float:
    """Check a finite real scalar (not a bool); optionally ``|value| <= limit``."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a real number; got {describe(value)}")
    number = float(value)
    if not np.isfinite(number):
        raise ValueError(f"{name} must be a finite number; got {number!r}")
    if limit is not None and abs(number) > limit:
        raise ValueError(f"{name} must lie between -{limit:g} and {limit:g}; got {number!r}")
    return number


def _interval(value: object, name: str) -> tuple[float, float]:
    """Check a pair ``(low, high)`` of finite numbers with ``low < high``."""
    pair = as_float_array(value, name, ndim=1)
    if pair.shape != (2,) or not pair[0] < pair[1]:
        raise ValueError(f"{name} must be a pair (low, high) with low < high; got {describe(value)}")
    return float(pair[0]), float(pair[1])


def _spines(ax: Any) -> list[Artist]:
    """The visible spines of ``ax``, for a figure's ``dynamic_artists``.

    A live panel that blits paints its dynamic artists over a background drawn without
    them, so an artist that must stay *above* a dynamic one has to be repainted too. The
    spines (the axis lines) lie above the data, and a curve or an image can reach them.
    """
    return [spine for spine in ax.spines.values() if spine.get_visible()]


def _fmt(value: float, digits: int = 2) -> str:
    """Format a number without the '-0.00' that rounding a tiny negative number gives."""
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


# ---------------------------------------------------------------------------------------
# data and geometry
# ---------------------------------------------------------------------------------------
def make_two_blobs(
    rng: np.random.Generator,
    n_per_class: int = 40,
    centres: ArrayLike = ((0.5, 0.5), (2.5, 2.5)),
    spread: float = 0.8,
) -> tuple[np.ndarray, np.ndarray]:
    """A two-class cloud in the plane: one round Gaussian blob per class.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

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
    if not isinstance(rng, np.random.Generator):
        raise ValueError(
            f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {describe(rng)}"
        )
    n = check_iterations(n_per_class, "n_per_class")
    middle = as_float_array(centres, "centres", ndim=2)
    if middle.shape != (2, 2):
        raise ValueError(f"centres must have shape (2, 2), one row per class; got shape {middle.shape}")
    scale = _number(spread, "spread")
    if scale <= 0:
        raise ValueError(f"spread must be positive; got {scale!r}")
    points = middle[:, None, :] + scale * rng.standard_normal((2, n, 2))
    return points.reshape(2 * n, 2), np.repeat([0.0, 1.0], n)


def boundary_line(
    theta: ArrayLike,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    level: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    r"""The segment of the line :math:`\theta_0 + \theta_1 x_1 + \theta_2 x_2 = \text{level}` inside a box.

    Introduced in ``notebooks/01_sigmoid.ipynb``. With ``level = 0`` this is the decision
    boundary of :math:`h(x) = \sigma(\theta^T x)`; ``level = ln 9`` is where ``p = 0.9``.

    The line is first written as :math:`x_2 = (\text{level} - \theta_0 - \theta_1 x_1)/\theta_2`
    when :math:`|\theta_2| \ge |\theta_1|` and as :math:`x_1 = (\text{level} - \theta_0 -
    \theta_2 x_2)/\theta_1` otherwise, so the division is always by the larger weight (no
    division by zero; a vertical line, :math:`\theta_2 = 0`, needs no special case). The
    segment is then clipped to the box (Liang-Barsky), so both end points lie in it.

    Parameters
    ----------
    theta : array_like, shape (3,)
        ``(θ0, θ1, θ2)``: intercept and the weights of ``x1`` and ``x2``.
    xlim, ylim : (float, float)
        The box, ``(low, high)`` in ``x1`` and in ``x2``.
    level : float, default 0.0
        The score the line joins.

    Returns
    -------
    x1, x2 : numpy.ndarray, shape (2,) or (0,)
        The two end points, or two empty arrays when there is no line
        (:math:`\theta_1 = \theta_2 = 0`, up to :data:`FLAT`) or it misses the box.

    Raises
    ------
    ValueError
        If ``theta`` is not three finite numbers or a box is not ``(low, high)``.

    Examples
    --------
    >>> boundary_line([-3.0, 1.0, 1.0], (0.0, 3.0), (0.0, 3.0))   # x1 + x2 = 3
    (array([0., 3.]), array([3., 0.]))
    >>> boundary_line([-3.0, 1.0, 1.0], (0.0, 4.0), (0.0, 1.0))   # clipped to the box
    (array([2., 3.]), array([1., 0.]))
    >>> boundary_line([1.0, 0.0, 0.0], (0.0, 1.0), (0.0, 1.0))    # no boundary
    (array([], dtype=float64), array([], dtype=float64))
    """
    weights = as_float_array(theta, "theta", ndim=1).astype(np.float64)
    if weights.shape != (3,):
        raise ValueError(f"theta must have shape (3,): (theta0, theta1, theta2); got shape {weights.shape}")
    x_low, x_high = _interval(xlim, "xlim")
    y_low, y_high = _interval(ylim, "ylim")
    target = _number(level, "level")
    t0, t1, t2 = (float(w) for w in weights)  # Python floats: no numpy overflow warnings
    empty = (np.empty(0), np.empty(0))
    if max(abs(t1), abs(t2)) < FLAT:
        return empty
    if abs(t2) >= abs(t1):
        start = (x_low, (target - t0 - t1 * x_low) / t2)
        end = (x_high, (target - t0 - t1 * x_high) / t2)
    else:
        start = ((target - t0 - t2 * y_low) / t1, y_low)
        end = ((target - t0 - t2 * y_high) / t1, y_high)
    dx, dy = end[0] - start[0], end[1] - start[1]
    enter, leave = 0.0, 1.0
    for p, q in ((-dx, start[0] - x_low), (dx, x_high - start[0]), (-dy, start[1] - y_low), (dy, y_high - start[1])):
        if p == 0:
            if q < 0:  # parallel to this edge and outside it
                return empty
            continue
        t = q / p
        if p < 0:
            enter = max(enter, t)
        else:
            leave = min(leave, t)
    if not (np.isfinite(enter) and np.isfinite(leave)) or enter > leave:
        return empty
    return (
        np.array([start[0] + enter * dx, start[0] + leave * dx]),
        np.array([start[1] + enter * dy, start[1] + leave * dy]),
    )


# ---------------------------------------------------------------------------------------
# section 1: least squares on 0/1 labels
# ---------------------------------------------------------------------------------------
def _scatter_classes(
    ax: Any, x: np.ndarray, heights: np.ndarray, y: np.ndarray, names: tuple[str, str]
) -> list[Artist]:
    """One scatter per class (class 0 first); returns the two collections."""
    made = []
    for k in (0, 1):
        chosen = y == k
        made.append(ax.scatter(
            x[chosen], heights[chosen], s=70, marker=CLASS_MARKERS[k], color=CLASS_COLORS[k],
            edgecolor="black", linewidth=0.8, label=names[k], zorder=4,
        ))
    return made


def threshold_shift_figure(
    x: ArrayLike,
    y: ArrayLike,
    coef_before: ArrayLike,
    coef_after: ArrayLike,
    x_far: float,
    *,
    x_label: str = "hours studied (h)",
    class_names: tuple[str, str] = ("failed (y = 0)", "passed (y = 1)"),
) -> Figure:
    """Two panels: a least-squares line on 0/1 labels, and the same after one far point.

    Introduced in ``notebooks/01_sigmoid.ipynb``. The left panel shows the fit
    ``ŷ = θ0 + θ1 x`` leaving [0, 1] and its threshold (where ``ŷ = 0.5``); the right panel
    shows the refit after adding one sample at ``x_far`` with label 1 (drawn as an
    arrow at the edge, since it lies far to the right), the old and new thresholds, and a
    ring around every original sample that the refit now gets wrong.

    Parameters
    ----------
    x : array_like, shape (m,)
        The feature of the original samples.
    y : array_like, shape (m,)
        Their labels, 0 or 1.
    coef_before : array_like, shape (2,)
        ``(θ0, θ1)`` fitted to ``(x, y)``; ``θ1`` must not be 0.
    coef_after : array_like, shape (2,)
        ``(θ0, θ1)`` fitted after adding ``(x_far, 1)``; ``θ1`` must not be 0.
    x_far : float
        Where the added sample lies.
    x_label : str
        Label of the horizontal axis, with units.
    class_names : (str, str)
        Legend entries of class 0 and class 1.

    Returns
    -------
    matplotlib.figure.Figure
        12 x 4.8 inches, two axes.

    Raises
    ------
    ValueError
        On arrays of the wrong shape, non-binary labels, or a zero slope.
    """
    xs = as_float_array(x, "x", ndim=1)
    labels = check_binary_labels(y)
    check_matching_rows(xs, labels, "x", "y")
    before = as_float_array(coef_before, "coef_before", ndim=1)
    after = as_float_array(coef_after, "coef_after", ndim=1)
    for name, coef in (("coef_before", before), ("coef_after", after)):
        if coef.shape != (2,) or coef[1] == 0:
            raise ValueError(f"{name} must be (intercept, slope) with a non-zero slope; got {describe(coef)}")
    far = _number(x_far, "x_far")
    x_low, x_high = float(xs.min()) - 0.7, float(xs.max()) + 1.3
    grid = np.array([x_low, x_high])
    threshold_before = (0.5 - before[0]) / before[1]
    threshold_after = (0.5 - after[0]) / after[1]
    wrong_before = ((before[0] + before[1] * xs) >= 0.5) != labels
    wrong_after = ((after[0] + after[1] * xs) >= 0.5) != labels
    newly_wrong = wrong_after & ~wrong_before

    fig, axes = new_figure(1, 2, width=12, height=4.8, sharey=True)
    with course_style():
        panels = (
            (axes[0], before, threshold_before, "Least squares: outputs leave [0, 1]"),
            (axes[1], after, threshold_after, "One far, obvious pass moves the threshold"),
        )
        for ax, coef, threshold, title in panels:
            ax.axhspan(1.0, 1.6, color=PALETTE["grey"], alpha=0.15, lw=0)
            ax.axhspan(-0.6, 0.0, color=PALETTE["grey"], alpha=0.15, lw=0)
            ax.text(x_low + 0.15, 1.42, "ŷ > 1: not a probability", fontsize=11, color="0.3", va="center")
            ax.text(x_low + 0.15, -0.42, "ŷ < 0: not a probability", fontsize=11, color="0.3", va="center")
            ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
            ax.plot(grid, coef[0] + coef[1] * grid, color=PALETTE["green"], label="least-squares line ŷ = θ₀ + θ₁x")
            ax.axvline(threshold, color=PALETTE["vermillion"], ls="--", lw=2, label="threshold: ŷ = 0.5")
            ax.text(threshold + 0.12, 0.2, f"{threshold:.2f} h", color=PALETTE["vermillion"], fontsize=12,
                    fontweight="bold")
            _scatter_classes(ax, xs, labels, labels, class_names)
            ax.set_title(title)
            ax.set_xlabel(x_label)
            ax.set_xlim(x_low, x_high)
        axes[0].set_ylim(-0.6, 1.6)
        axes[0].set_ylabel("label y, prediction ŷ")
        axes[1].axvline(threshold_before, color=PALETTE["grey"], ls="--", lw=1.5, label="threshold before")
        axes[1].text(threshold_before - 0.12, 0.2, f"{threshold_before:.2f} h", color="0.35", fontsize=12,
                     ha="right")
        if newly_wrong.any():
            axes[1].scatter(xs[newly_wrong], labels[newly_wrong], s=420, facecolor="none",
                            edgecolor=PALETTE["vermillion"], linewidth=2.5, zorder=5,
                            label="now misclassified")
        axes[1].annotate(
            f"+ one student at {far:g} h\nwho passed (y = 1)",
            xy=(x_high, 1.0), xytext=(x_high - 0.3, 1.25), ha="right", va="center", fontsize=11,
            arrowprops={"arrowstyle": "->", "lw": 2, "color": "black"},
        )
        handles, names = axes[1].get_legend_handles_labels()
        fig.legend(handles, names, loc="outside lower center", ncol=3, fontsize=11.5)
        fig.suptitle("Linear regression is the wrong tool for 0/1 labels")
    return fig


# ---------------------------------------------------------------------------------------
# section 2: odds and log-odds
# ---------------------------------------------------------------------------------------
def odds_figure() -> Figure:
    """Three panels: odds against p, log-odds against p, and p against log-odds (the sigmoid).

    Introduced in ``notebooks/01_sigmoid.ipynb``. The odds squeeze "less likely than not"
    into [0, 1) and stretch the rest over [1, ∞); the log-odds are symmetric about
    ``p = 1/2`` and cover the whole real line, so a linear score can be a log-odds; the
    third panel reads the second one sideways: solving for ``p`` gives the sigmoid.

    Returns
    -------
    matplotlib.figure.Figure
        12 x 4.4 inches, three axes.
    """
    p_odds = np.linspace(0.0, 0.95, 300)
    p_log = np.linspace(0.002, 0.998, 400)
    z = np.linspace(-7.0, 7.0, 400)
    fig, axes = new_figure(1, 3, width=12, height=4.4)
    with course_style():
        ax = axes[0]
        ax.plot(p_odds, p_odds / (1 - p_odds), color=PALETTE["blue"])
        ax.axvline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.axhline(1.0, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.annotate("p = 0.8: odds 4 to 1", xy=(0.8, 4.0), xytext=(0.05, 10.0), fontsize=11,
                    arrowprops={"arrowstyle": "->", "lw": 1.5})
        ax.plot([0.8], [4.0], "o", color="black")
        ax.set(xlabel="probability p", ylabel="odds p / (1 − p)", title="odds: [0, ∞), lopsided",
               xlim=(0, 1), ylim=(0, 20))
        ax = axes[1]
        ax.plot(p_log, np.log(p_log) - np.log1p(-p_log), color=PALETTE["orange"])
        ax.axvline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.axhline(0.0, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.set(xlabel="probability p", ylabel="log-odds ln(p / (1 − p))",
               title="log-odds: all of ℝ, symmetric", xlim=(0, 1), ylim=(-7, 7))
        ax = axes[2]
        ax.plot(z, sigmoid(z), color=PALETTE["green"])
        ax.axvline(0.0, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
        ax.set(xlabel="log-odds z = θᵀx", ylabel="p = σ(z)", title="solve for p: the sigmoid",
               xlim=(-7, 7), ylim=(0, 1))
        fig.suptitle("From probability to odds to log-odds, and back: p = 1 / (1 + e^(−z))")
    return fig


# ---------------------------------------------------------------------------------------
# interactive 1: the sigmoid of w x + b
# ---------------------------------------------------------------------------------------
class SigmoidExplorer:
    r"""The curve :math:`p(x) = \sigma(w x + b)`, its slope, and where it crosses ``p = 1/2``.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Left panel: ``p(x)`` with the point :math:`x^* = -b/w` where ``p = 1/2``. Right panel:
    the slope :math:`dp/dx = w\,\sigma(z)(1 - \sigma(z))`, largest in size (``|w|/4``) at
    :math:`x^*`. A weight ``|w| <`` :data:`FLAT` is treated as zero: the curve is the flat
    line ``p = σ(b)`` and the figure says "no crossing" instead of dividing by zero.

    Parameters
    ----------
    x_range : (float, float), default (-6, 6)
        The horizontal range shown.
    n_points : int, default 481
        Points on the curves (>= 2).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    defaults : dict
        ``{"weight": 1.0, "bias": 0.0}``, the values of the static figure.
    dynamic_artists : list of Artist
        What :meth:`draw` changes, plus the spines drawn over it: pass it to
        :class:`helpers.widgets.LivePanel` as ``dynamic``. The axis limits are fixed.
    """

    defaults: ClassVar[dict[str, float]] = {"weight": 1.0, "bias": 0.0}
    weight_limits: tuple[float, float] = (-5.0, 5.0)
    bias_limits: tuple[float, float] = (-5.0, 5.0)

    def __init__(self, x_range: tuple[float, float] = (-6.0, 6.0), n_points: int = 481) -> None:
        low, high = _interval(x_range, "x_range")
        count = check_iterations(n_points, "n_points")
        if count < 2:
            raise ValueError(f"n_points must be at least 2; got {count}")
        self.x = np.linspace(low, high, count)
        steepest = max(abs(v) for v in self.weight_limits) / 4
        self.fig, (self.ax_p, self.ax_slope) = new_figure(1, 2, width=12, height=5.0)
        nan = np.full_like(self.x, np.nan)
        with course_style():
            ax = self.ax_p
            ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
            (self.p_line,) = ax.plot(self.x, nan, color=PALETTE["blue"], label="p = σ(w·x + b)")
            self.p_cross = ax.axvline(0.0, color=PALETTE["vermillion"], ls="--", lw=2,
                                      label="p = 1/2 at x = −b/w")
            (self.p_marker,) = ax.plot([0.0], [0.5], "o", color="black", ms=9, zorder=5)
            self.p_text = ax.text(0.03, 0.96, "", transform=ax.transAxes, va="top", fontsize=12,
                                  bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
            ax.set(xlim=(low, high), ylim=(-0.03, 1.03), xlabel="feature x (units of x)",
                   ylabel="probability p", title="p = σ(w·x + b)")
            ax = self.ax_slope
            ax.axhline(0.0, color=PALETTE["grey"], ls=":", lw=1.5)
            (self.slope_line,) = ax.plot(self.x, nan, color=PALETTE["green"],
                                         label="dp/dx = w·σ(z)(1 − σ(z))")
            self.slope_cross = ax.axvline(0.0, color=PALETTE["vermillion"], ls="--", lw=2)
            (self.slope_marker,) = ax.plot([0.0], [0.25], "o", color="black", ms=9, zorder=5,
                                           label="w/4 at p = 1/2")
            self.slope_text = ax.text(0.03, 0.96, "", transform=ax.transAxes, va="top", fontsize=12,
                                      bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
            ax.set(xlim=(low, high), ylim=(-1.1 * steepest, 1.1 * steepest),
                   xlabel="feature x (units of x)", ylabel="slope dp/dx (per unit of x)",
                   title="its slope: steepest at p = 1/2")
            # One legend below both panels: the curves sweep every corner of the axes, so a
            # legend inside them would hide part of a curve at some slider position.
            self.fig.legend(handles=[self.p_line, self.p_cross, self.slope_line, self.slope_marker],
                            loc="outside lower center", ncol=4, fontsize=11)
            self.fig.suptitle("The weight sets the steepness, the bias shifts the curve")
        self.dynamic_artists: list[Artist] = [
            self.p_line, self.p_cross, self.p_marker, self.p_text, *_spines(self.ax_p),
            self.slope_line, self.slope_cross, self.slope_marker, self.slope_text, *_spines(self.ax_slope),
        ]

    def controls(self) -> dict[str, widgets.FloatSlider]:
        """Sliders for :class:`helpers.widgets.LivePanel`: ``weight`` and ``bias``, at the defaults."""
        return {
            "weight": widgets.FloatSlider(value=self.defaults["weight"], min=self.weight_limits[0],
                                          max=self.weight_limits[1], step=0.1, description="weight w",
                                          continuous_update=True, **slider_style()),
            "bias": widgets.FloatSlider(value=self.defaults["bias"], min=self.bias_limits[0],
                                        max=self.bias_limits[1], step=0.1, description="bias b",
                                        continuous_update=True, **slider_style()),
        }

    def draw(self, weight: float, bias: float) -> Figure:
        """Show ``σ(weight·x + bias)`` and its slope; returns the figure.

        Parameters
        ----------
        weight, bias : float
            Finite numbers (any size; the sliders span -5..5).

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            If ``weight`` or ``bias`` is not a finite real number.
        """
        w = _number(weight, "weight", MAX_PARAM)
        b = _number(bias, "bias", MAX_PARAM)
        z = w * self.x + b
        self.p_line.set_ydata(sigmoid(z))
        self.slope_line.set_ydata(w * sigmoid_grad(z))
        crossing = abs(w) >= FLAT
        for artist in (self.p_cross, self.p_marker, self.slope_cross, self.slope_marker):
            artist.set_visible(crossing)
        if crossing:
            x_star = -b / w + 0.0  # + 0.0 turns -0.0 into 0.0
            self.p_cross.set_xdata([x_star, x_star])
            self.slope_cross.set_xdata([x_star, x_star])
            self.p_marker.set_data([x_star], [0.5])
            self.slope_marker.set_data([x_star], [w / 4])
            where = "" if self.x[0] <= x_star <= self.x[-1] else "\n(outside the plot)"
            self.p_text.set_text(f"w = {_fmt(w)}, b = {_fmt(b)}\np = 1/2 at x = −b/w = {_fmt(x_star)}{where}")
            self.slope_text.set_text(f"largest slope w/4 = {_fmt(w / 4, 3)}\nat x = {_fmt(x_star)}")
        elif b == 0:
            self.p_text.set_text("w = 0, b = 0: p = 1/2 for every x\n(no single crossing point)")
            self.slope_text.set_text("w = 0: slope 0 everywhere")
        else:
            self.p_text.set_text(f"w = 0: p = σ(b) = {float(sigmoid(b)):.3f} for every x\nno crossing of p = 1/2")
            self.slope_text.set_text("w = 0: slope 0 everywhere")
        return self.fig


# ---------------------------------------------------------------------------------------
# interactive 2: the decision boundary in the plane
# ---------------------------------------------------------------------------------------
class BoundaryExplorer:
    r"""Probability surface :math:`\sigma(\theta^T x)` and decision boundary over a 2-D point cloud.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Left panel: the plane ``(x1, x2)`` coloured by ``P(y = 1 | x)`` (an image updated with
    ``set_data``), the boundary line :math:`\theta^T x = 0` (solid), the lines ``p = 0.1``
    and ``p = 0.9`` (:math:`\theta^T x = \mp\ln 9`, dashed), the weight vector
    :math:`(\theta_1, \theta_2)` drawn as an arrow from the boundary towards class 1, and
    the samples. Right panel: the same samples placed on the one sigmoid curve at their
    scores :math:`z_i = \theta^T x_i` (scores beyond ±10 are drawn at the edge). Moving
    θ moves the points along the fixed curve; the boundary is the vertical line ``z = 0``.

    ``θ2 = 0`` gives a vertical boundary; ``θ1 = θ2 = 0`` gives none (``p = σ(θ0)``
    everywhere), which the figure says in words.

    Parameters
    ----------
    X : array_like, shape (m, 2)
        The points (without the column of ones).
    y : array_like, shape (m,)
        Labels 0 or 1.
    xlim, ylim : (float, float), optional
        The view; by default the data range plus a margin of 10 %.
    grid_size : int, default 100
        Pixels per side of the probability image (>= 2).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    defaults : dict
        ``{"theta0": -3.0, "theta1": 1.0, "theta2": 1.0}``: the boundary ``x1 + x2 = 3``.
    dynamic_artists : list of Artist
        What :meth:`draw` changes, plus what lies on top of the probability image (the
        samples and the spines): pass it to :class:`helpers.widgets.LivePanel` as
        ``dynamic``. The axis limits are fixed.
    """

    defaults: ClassVar[dict[str, float]] = {"theta0": -3.0, "theta1": 1.0, "theta2": 1.0}
    theta0_limits: tuple[float, float] = (-10.0, 10.0)
    weight_limits: tuple[float, float] = (-4.0, 4.0)
    score_limit: float = 10.0

    def __init__(
        self,
        X: ArrayLike,
        y: ArrayLike,
        xlim: tuple[float, float] | None = None,
        ylim: tuple[float, float] | None = None,
        grid_size: int = 100,
    ) -> None:
        points = as_float_array(X, "X", ndim=2)
        if points.shape[1] != 2:
            raise ValueError(f"X must have shape (m, 2): two features per point; got shape {points.shape}")
        self.y = check_binary_labels(y)
        check_matching_rows(points, self.y)
        self.X = points.astype(np.float64)
        self.design = data.add_intercept(self.X)
        lows, highs = self.X.min(axis=0), self.X.max(axis=0)
        margin = 0.1 * np.maximum(highs - lows, 1e-9)
        self.xlim = _interval(xlim, "xlim") if xlim is not None else (lows[0] - margin[0], highs[0] + margin[0])
        self.ylim = _interval(ylim, "ylim") if ylim is not None else (lows[1] - margin[1], highs[1] + margin[1])
        size = check_iterations(grid_size, "grid_size")
        if size < 2:
            raise ValueError(f"grid_size must be at least 2; got {size}")
        self.g1, self.g2 = np.meshgrid(np.linspace(*self.xlim, size), np.linspace(*self.ylim, size))
        self._level = float(np.log(9.0))
        z_curve = np.linspace(-self.score_limit, self.score_limit, 401)

        self.fig, (self.ax_plane, self.ax_curve) = new_figure(
            1, 2, width=12, height=5.2, gridspec_kw={"width_ratios": [1.25, 1.0]}
        )
        with course_style():
            ax = self.ax_plane
            self.image = ax.imshow(
                np.full((size, size), 0.5), origin="lower", extent=(*self.xlim, *self.ylim),
                vmin=0.0, vmax=1.0, cmap=PROBABILITY_CMAP, aspect="equal", interpolation="bilinear",
            )
            bar = self.fig.colorbar(self.image, ax=ax, pad=0.02, fraction=0.06)
            bar.set_label("P(y = 1 | x)")
            style_axes(bar.ax)
            bar.ax.grid(False)
            (self.line,) = ax.plot([], [], color="black", lw=3, label="boundary θᵀx = 0", zorder=3)
            (self.line_low,) = ax.plot([], [], color=CLASS_COLORS[0], lw=1.8, ls="--",
                                       label="p = 0.1 and p = 0.9", zorder=3)
            (self.line_high,) = ax.plot([], [], color=CLASS_COLORS[1], lw=1.8, ls="--", zorder=3)
            self.arrow = ax.annotate("", xy=(0, 0), xytext=(0, 0), zorder=6,
                                     arrowprops={"arrowstyle": "-|>", "lw": 2.5, "color": "black",
                                                 "mutation_scale": 20})
            self.arrow_label = ax.text(0, 0, "(θ₁, θ₂)", fontsize=12, zorder=6, ha="center", va="center",
                                       bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1})
            names = ("class 0", "class 1")
            self.plane_points = []
            for k in (0, 1):
                chosen = self.y == k
                self.plane_points.append(
                    ax.scatter(self.X[chosen, 0], self.X[chosen, 1], s=45, marker=CLASS_MARKERS[k],
                               color=CLASS_COLORS[k], edgecolor="black", linewidth=0.7, label=names[k],
                               zorder=4)
                )
            self.plane_text = ax.text(0.02, 0.02, "", transform=ax.transAxes, fontsize=11.5, va="bottom",
                                      zorder=7, bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
            ax.set(xlim=self.xlim, ylim=self.ylim, xlabel="feature x₁ (units of x₁)",
                   ylabel="feature x₂ (units of x₂)", title="the plane: boundary is a line")
            ax.grid(False)

            ax = self.ax_curve
            ax.plot(z_curve, sigmoid(z_curve), color=PALETTE["green"], label="σ(z)", zorder=2)
            ax.axvline(0.0, color="black", lw=3, label="boundary z = 0", zorder=1)
            ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
            self.curve_points = []
            for k in (0, 1):
                count = int((self.y == k).sum())
                self.curve_points.append(
                    ax.scatter(np.zeros(count), np.full(count, 0.5), s=45, marker=CLASS_MARKERS[k],
                               color=CLASS_COLORS[k], edgecolor="black", linewidth=0.7, zorder=4)
                )
            self.curve_text = ax.text(0.03, 0.96, "", transform=ax.transAxes, fontsize=11.5, va="top",
                                      bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
            ax.set(xlim=(-self.score_limit * 1.04, self.score_limit * 1.04), ylim=(-0.04, 1.04),
                   xlabel="score z = θᵀx (log-odds)", ylabel="P(y = 1 | x) = σ(z)",
                   title="the score axis: σ turns z into p")
            ax.set_xticks(np.linspace(-self.score_limit, self.score_limit, 5))
            ax.legend(loc="lower right", fontsize=10.5)  # the points lie on σ, never in this corner
            # The plane's legend goes below the panels (the classes are the same in both): inside
            # the plane it would hide samples and the probability image under it.
            self.fig.legend(handles=[self.line, self.line_low, *self.plane_points], loc="outside lower center",
                            ncol=4, fontsize=11)
            self.fig.suptitle("The decision boundary is where the score θᵀx is 0, not the S-curve")
        # The image covers the whole plane, so everything on it is repainted with it.
        self.dynamic_artists: list[Artist] = [
            self.image, self.line, self.line_low, self.line_high, *self.plane_points,
            self.arrow, self.arrow_label, self.plane_text, *_spines(self.ax_plane),
            *self.curve_points, self.curve_text,
        ]

    def controls(self) -> dict[str, widgets.FloatSlider]:
        """Sliders ``theta0``, ``theta1``, ``theta2`` for :class:`helpers.widgets.LivePanel`, at the defaults."""
        made = {}
        for name, label, limits in (
            ("theta0", "θ₀ (intercept)", self.theta0_limits),
            ("theta1", "θ₁ (weight of x₁)", self.weight_limits),
            ("theta2", "θ₂ (weight of x₂)", self.weight_limits),
        ):
            made[name] = widgets.FloatSlider(value=self.defaults[name], min=limits[0], max=limits[1],
                                             step=0.1, description=label, continuous_update=True,
                                             **slider_style())
        return made

    def draw(self, theta0: float, theta1: float, theta2: float) -> Figure:
        """Show the model ``σ(θ0 + θ1 x1 + θ2 x2)``; returns the figure.

        Parameters
        ----------
        theta0, theta1, theta2 : float
            Finite numbers with magnitude at most :data:`MAX_PARAM`.

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            If a parameter is not a finite real number or is larger than :data:`MAX_PARAM`.
        """
        t0 = _number(theta0, "theta0", MAX_PARAM)
        t1 = _number(theta1, "theta1", MAX_PARAM)
        t2 = _number(theta2, "theta2", MAX_PARAM)
        theta = np.array([t0, t1, t2])
        # float32 is plenty for colours and makes the image's resampling (most of a redraw) cheaper
        self.image.set_data(sigmoid(t0 + t1 * self.g1 + t2 * self.g2).astype(np.float32))
        self.line.set_data(*boundary_line(theta, self.xlim, self.ylim, 0.0))
        self.line_low.set_data(*boundary_line(theta, self.xlim, self.ylim, -self._level))
        self.line_high.set_data(*boundary_line(theta, self.xlim, self.ylim, self._level))

        scores = self.design @ theta
        shown = np.clip(scores, -self.score_limit, self.score_limit)
        for k, points in enumerate(self.curve_points):
            chosen = self.y == k
            points.set_offsets(np.column_stack([shown[chosen], sigmoid(shown[chosen])]))
        accuracy = float(np.mean(logistic.predict(theta, self.design) == self.y))

        norm = float(np.hypot(t1, t2))
        visible = self.line.get_xdata().size > 0
        if max(abs(t1), abs(t2)) < FLAT:
            where = f"θ₁ = θ₂ = 0: no boundary,\np = σ(θ₀) = {float(sigmoid(t0)):.3f} everywhere"
        elif not visible:
            where = "the boundary lies outside this view"
        elif abs(t2) < FLAT:
            where = f"θ₂ = 0: vertical boundary x₁ = −θ₀/θ₁ = {_fmt(-t0 / t1 + 0.0)}"
        else:
            where = "boundary: x₂ = −(θ₀ + θ₁x₁)/θ₂"
        self.plane_text.set_text(f"θ = ({_fmt(t0)}, {_fmt(t1)}, {_fmt(t2)})\n{where}")
        self.curve_text.set_text(f"accuracy {accuracy:.0%}\n(predict 1 where z ≥ 0)")

        self.arrow.set_visible(visible)
        self.arrow_label.set_visible(visible)
        if visible:
            # From the middle of the visible boundary, one step along (θ1, θ2).
            unit = np.array([t1, t2]) / norm
            foot = np.array([np.mean(self.line.get_xdata()), np.mean(self.line.get_ydata())])
            tip = foot + 0.16 * (self.xlim[1] - self.xlim[0]) * unit
            self.arrow.xy = (float(tip[0]), float(tip[1]))
            self.arrow.set_position((float(foot[0]), float(foot[1])))
            label_at = foot + 0.25 * (self.xlim[1] - self.xlim[0]) * unit
            self.arrow_label.set_position((float(label_at[0]), float(label_at[1])))
        return self.fig


# ---------------------------------------------------------------------------------------
# interactive 3: a first look at gradient descent
# ---------------------------------------------------------------------------------------
class TrainingPreview:
    r"""Gradient descent fitting :math:`p(x) = \sigma(\theta_0 + \theta_1 (x - c))` to 1-D data.

    Introduced in ``notebooks/01_sigmoid.ipynb`` (the gradient is derived in
    ``notebooks/02_likelihood_cross_entropy.ipynb``).

    Left panel: the samples at height 0 or 1, the fitted curve after the chosen number of
    iterations, where it crosses ``p = 1/2``, and (dotted) the curve at the minimum of the
    cost. Right panel: the cross-entropy cost up to that iteration and the minimum. One
    :class:`helpers.optim.Trajectory` of ``max_iterations`` steps is computed per learning
    rate and cached; the iterations slider only slices it. If the cost rises above its
    starting value, :func:`helpers.plotting.show_divergence` says so on the cost panel.

    Parameters
    ----------
    x : array_like, shape (m,)
        The feature.
    y : array_like, shape (m,)
        Labels 0 or 1 (both classes present and overlapping, so that the minimum exists).
    centre : float, default 0.0
        The model uses ``x - centre`` as its feature (centring makes descent much faster).
    max_iterations : int, default 500
        Steps computed per learning rate (the iterations slider's maximum).
    x_label : str
        Label of the horizontal axis, with units.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    defaults : dict
        ``{"learning_rate": 0.1, "iterations": 100}``.
    n_trained : int
        How many trajectories have been computed (one per distinct learning rate).
    best : helpers.optim.Trajectory
        Newton's method run to the minimum of the cost (the dotted reference).
    dynamic_artists : list of Artist
        What :meth:`draw` changes, plus the samples and spines drawn over it: pass
        it to :class:`helpers.widgets.LivePanel` as ``dynamic``. The cost axis ends at 0.8
        for every steady learning rate and higher for one whose cost climbs; the iterations
        slider never changes an axis.
    """

    defaults: ClassVar[dict[str, Any]] = {"learning_rate": 0.1, "iterations": 100}
    lr_exponents: tuple[float, float] = (-3.0, 2.0)

    def __init__(
        self,
        x: ArrayLike,
        y: ArrayLike,
        centre: float = 0.0,
        max_iterations: int = 500,
        x_label: str = "feature x (units of x)",
    ) -> None:
        xs = as_float_array(x, "x", ndim=1).astype(np.float64)
        self.y = check_binary_labels(y)
        check_matching_rows(xs, self.y, "x", "y")
        if np.unique(self.y).size < 2:
            raise ValueError("y must contain both classes, 0 and 1; got only one")
        self.x = xs
        self.centre = _number(centre, "centre")
        self.max_iterations = check_iterations(max_iterations, "max_iterations")
        self.design = data.add_intercept(xs - self.centre)
        self._cache: dict[float, optim.Trajectory] = {}
        self._diverging_top: float | None = None  # see _cost_top
        self.n_trained = 0
        self.best = optim.fit_logistic_newton(self.design, self.y)
        span = float(xs.max() - xs.min()) or 1.0
        self.grid = np.linspace(xs.min() - 0.08 * span, xs.max() + 0.08 * span, 300)
        self._grid_design = self.grid - self.centre

        self.fig, (self.ax_fit, self.ax_cost) = new_figure(
            1, 2, width=12, height=4.8, gridspec_kw={"width_ratios": [1.0, 1.1]}
        )
        with course_style():
            ax = self.ax_fit
            ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
            best_theta = self.best.params
            ax.plot(self.grid, sigmoid(best_theta[0] + best_theta[1] * self._grid_design),
                    color=PALETTE["grey"], ls=":", lw=2, label="minimum of J")
            (self.curve,) = ax.plot(self.grid, np.full_like(self.grid, 0.5), color=PALETTE["green"],
                                    label="after t steps")
            self.cross = ax.axvline(0.0, color=PALETTE["vermillion"], ls="--", lw=2, label="p = 1/2")
            self.points = _scatter_classes(ax, xs, self.y, self.y, ("y = 0", "y = 1"))
            self.fit_text = ax.text(0.02, 0.86, "", transform=ax.transAxes, va="top", fontsize=11.5,
                                    bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"})
            ax.set(xlim=(self.grid[0], self.grid[-1]), ylim=(-0.06, 1.06), xlabel=x_label,
                   ylabel="P(y = 1 | x)", title="the model after t steps")
            ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.1), fontsize=10)
            ax = self.ax_cost
            ax.axhline(self.best.costs[-1], color=PALETTE["grey"], ls=":", lw=2,
                       label=f"minimum {self.best.costs[-1]:.3f}")
            (self.cost_line,) = ax.plot([], [], color=PALETTE["blue"], label="cost J(θ)")
            (self.cost_marker,) = ax.plot([], [], "o", color="black", ms=8, zorder=5)
            self.divergence = show_divergence(ax, None, 0)
            self.divergence.set_fontsize(11)  # the shared banner is wider than a half-width panel at 13 pt
            ax.set(xlim=(0, self.max_iterations), ylim=(0, 0.8), xlabel="iteration t",
                   ylabel="cost J (nats)", title="cross-entropy cost (notebook 02)")
            ax.legend(loc="upper right", fontsize=10.5)
            self.fig.suptitle("Gradient descent moves the curve toward the data")
        # The legends stay in the background: on this panel's data neither the curve nor the
        # crossing line enters the lower-right corner, and the cost falls below the upper-right
        # legend long before reaching it (tests/test_figures_nb01.py compares blitted and full renders).
        self.dynamic_artists: list[Artist] = [
            self.curve, self.cross, *self.points, self.fit_text, *_spines(self.ax_fit),
            self.cost_line, self.cost_marker, *_spines(self.ax_cost), self.divergence,
        ]

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """A logarithmic ``learning_rate`` slider and an ``iterations`` slider, at the defaults."""
        low, high = self.lr_exponents
        return {
            "learning_rate": learning_rate_slider(value=self.defaults["learning_rate"],
                                                  min_exponent=low, max_exponent=high),
            "iterations": iterations_slider(value=min(int(self.defaults["iterations"]), self.max_iterations),
                                            maximum=self.max_iterations),
        }

    def trajectory(self, learning_rate: float) -> optim.Trajectory:
        """The cached gradient-descent run of ``max_iterations`` steps at ``learning_rate``.

        Parameters
        ----------
        learning_rate : float
            A positive, finite number.

        Returns
        -------
        helpers.optim.Trajectory

        Raises
        ------
        ValueError
            If the learning rate is not positive and finite.
        """
        rate = check_learning_rate(learning_rate)
        if rate not in self._cache:
            self._cache[rate] = optim.fit_logistic_gd(self.design, self.y, rate, self.max_iterations)
            self.n_trained += 1
        return self._cache[rate]

    def _cost_top(self, run: optim.Trajectory) -> float:
        """Upper end of the cost axis for ``run``: the same for most learning rates.

        It depends on the whole run, not the part shown, so the iterations slider never moves
        it. A run whose cost stays below 0.8 (every steady run: it starts at ln 2 ≈ 0.69 and
        falls) gets 0.8; a run that climbs higher gets the height that fits the run at the
        slider's largest learning rate, or its own if it climbs higher still. So across the
        slider the cost axis usually takes just two heights, and a live panel draws just two
        backgrounds.
        """
        top = 1.08 * float(run.costs.max())
        if top <= 0.8:
            return 0.8
        if self._diverging_top is None:
            worst = self.trajectory(10.0 ** self.lr_exponents[1])
            self._diverging_top = max(0.8, 1.08 * float(worst.costs.max()))
        return max(top, self._diverging_top)

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the model and the cost after ``iterations`` steps at ``learning_rate``; returns the figure.

        Parameters
        ----------
        learning_rate : float
            A positive, finite number.
        iterations : int
            From 1 to ``max_iterations``.

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            If the learning rate is not positive, or ``iterations`` is not an integer in
            ``1..max_iterations``.
        """
        run = self.trajectory(learning_rate)
        steps = check_iterations(iterations, "iterations")
        if steps > self.max_iterations:
            raise ValueError(f"iterations must be at most max_iterations = {self.max_iterations}; got {steps}")
        shown = min(steps, run.n_iter)
        theta = run.at(shown)
        cost = run.cost_at(shown)
        self.curve.set_ydata(sigmoid(theta[0] + theta[1] * self._grid_design))
        if abs(theta[1]) >= FLAT:
            x_star = self.centre - theta[0] / theta[1]
            self.cross.set_xdata([x_star, x_star])
            self.cross.set_visible(True)
            crossing = f"p = 1/2 at x = {_fmt(x_star)}"
        else:
            self.cross.set_visible(False)
            crossing = "flat curve: no crossing of p = 1/2"
        self.fit_text.set_text(
            f"p = σ(θ₀ + θ₁(x − {self.centre:g}))\n"
            f"t = {shown}: θ₀ = {_fmt(theta[0])}, θ₁ = {_fmt(theta[1])}\n{crossing}"
        )
        self.cost_line.set_data(np.arange(shown + 1), run.costs[: shown + 1])
        self.cost_marker.set_data([shown], [cost])
        self.ax_cost.set_ylim(0.0, self._cost_top(run))
        show_divergence(self.ax_cost, run.diverged_at, shown, text=self.divergence)
        return self.fig
