"""The two explorers of the model in ``notebooks/01_sigmoid.ipynb``.

* :class:`SigmoidExplorer` -- ``draw(weight, bias)``: ``σ(w x + b)``, its slope, where ``p = 1/2``.
* :class:`BoundaryExplorer` -- ``draw(theta0, theta1, theta2)``: probability surface and decision
  boundary (:func:`helpers.logistic.boundary_line`) over a 2-D point cloud, next to the same
  points placed on the sigmoid.

Each is a :class:`helpers.figures.live.LiveFigure`: ``controls()`` returns its sliders at the
notebook's defaults, ``dynamic_artists`` the artists a live panel repaints on each move, and
the axes stay fixed while the sliders move. Introduced in ``notebooks/01_sigmoid.ipynb``.
"""

from __future__ import annotations

from typing import ClassVar

import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ... import data, logistic
from ..._validate import (
    as_float_array,
    check_binary_labels,
    check_interval,
    check_iterations,
    check_matching_rows,
    check_number,
)
from ...logistic import FLAT, boundary_line
from ...sigmoid import sigmoid, sigmoid_grad
from ..live import LiveFigure, slider_style
from ..style import (
    CLASS_COLORS,
    PALETTE,
    course_style,
    nearest_image,
    new_figure,
    probability_cmap,
    scatter_classes,
    spines,
    style_axes,
)
from ._common import MAX_PARAM, _fmt

__all__ = ["BoundaryExplorer", "SigmoidExplorer"]


class SigmoidExplorer(LiveFigure):
    r"""The curve :math:`p(x) = \sigma(w x + b)`, its slope, and where it crosses ``p = 1/2``.

    Introduced in ``notebooks/02_decision_boundary.ipynb``.

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
        :class:`helpers.figures.live.LivePanel` as ``dynamic``. The axis limits are fixed.
    """

    defaults: ClassVar[dict[str, float]] = {"weight": 1.0, "bias": 0.0}
    weight_limits: tuple[float, float] = (-5.0, 5.0)
    bias_limits: tuple[float, float] = (-5.0, 5.0)

    def __init__(self, x_range: tuple[float, float] = (-6.0, 6.0), n_points: int = 481) -> None:
        low, high = check_interval(x_range, "x_range")
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
            self.p_line, self.p_cross, self.p_marker, self.p_text, *spines(self.ax_p),
            self.slope_line, self.slope_cross, self.slope_marker, self.slope_text, *spines(self.ax_slope),
        ]

    def controls(self) -> dict[str, widgets.FloatSlider]:
        """Sliders for :class:`helpers.figures.live.LivePanel`: ``weight`` and ``bias``, at the defaults."""
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
        w = check_number(weight, "weight", MAX_PARAM)
        b = check_number(bias, "bias", MAX_PARAM)
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


class BoundaryExplorer(LiveFigure):
    r"""Probability surface :math:`\sigma(\theta^T x)` and decision boundary over a 2-D point cloud.

    Introduced in ``notebooks/02_decision_boundary.ipynb``.

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
    grid_size : int, default 240
        Cells per side of the probability image (>= 2), computed exactly (no interpolation)
        and drawn cell by cell (:func:`helpers.figures.style.nearest_image`). At 240 a cell
        is about 2 x 1.5 screen pixels, and a move draws the image in about 3 ms; a
        100 x 100 image interpolated bilinearly, which looks the same, took 11 to 19 ms.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    defaults : dict
        ``{"theta0": -3.0, "theta1": 1.0, "theta2": 1.0}``: the boundary ``x1 + x2 = 3``.
    dynamic_artists : list of Artist
        What :meth:`draw` changes, plus what lies on top of the probability image (the
        samples and the spines): pass it to :class:`helpers.figures.live.LivePanel` as
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
        grid_size: int = 240,
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
        self.xlim = check_interval(xlim, "xlim") if xlim is not None else (lows[0] - margin[0], highs[0] + margin[0])
        self.ylim = check_interval(ylim, "ylim") if ylim is not None else (lows[1] - margin[1], highs[1] + margin[1])
        size = check_iterations(grid_size, "grid_size")
        if size < 2:
            raise ValueError(f"grid_size must be at least 2; got {size}")
        (x_low, x_high), (y_low, y_high) = self.xlim, self.ylim
        self.g1, self.g2 = np.meshgrid(np.linspace(x_low, x_high, size), np.linspace(y_low, y_high, size))
        self._level = float(np.log(9.0))
        z_curve = np.linspace(-self.score_limit, self.score_limit, 401)

        self.fig, (self.ax_plane, self.ax_curve) = new_figure(
            1, 2, width=12, height=5.2, gridspec_kw={"width_ratios": [1.25, 1.0]}
        )
        with course_style():
            ax = self.ax_plane
            self.image = nearest_image(
                ax, np.full((size, size), 0.5, dtype=np.float32), origin="lower", extent=(*self.xlim, *self.ylim),
                vmin=0.0, vmax=1.0, cmap=probability_cmap(bands=20), aspect="equal",
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
            self.plane_points = scatter_classes(ax, self.X, self.y, size=45, zorder=4)
            # Two boxes: θ changes on every move, the sentence above it seldom. Drawing a changing
            # text costs about 0.15 ms a character in Agg; an unchanged one is pasted as a picture
            # (helpers.figures.live), so the sentence costs nothing while it stays the same.
            box = {"facecolor": "white", "alpha": 0.9, "edgecolor": "0.7"}
            self.plane_text = ax.text(0.02, 0.02, "θ = (-0.00, -0.00, -0.00)", transform=ax.transAxes, fontsize=11.5,
                                      va="bottom", zorder=7, bbox=box)
            self.where_text = ax.annotate("", xy=(0.02, 0.02), xycoords="axes fraction", xytext=(0, 26),
                                          textcoords="offset points", fontsize=11.5, va="bottom", zorder=7, bbox=box)
            ax.set(xlim=self.xlim, ylim=self.ylim, xlabel="feature x₁ (units of x₁)",
                   ylabel="feature x₂ (units of x₂)", title="the plane: boundary is a line")
            ax.grid(False)

            ax = self.ax_curve
            ax.plot(z_curve, sigmoid(z_curve), color=PALETTE["green"], label="σ(z)", zorder=2)
            ax.axvline(0.0, color="black", lw=3, label="boundary z = 0", zorder=1)
            ax.axhline(0.5, color=PALETTE["grey"], ls=":", lw=1.5)
            # the same samples, placed on the curve by draw (not in the legend: the plane's has them)
            self.curve_points = scatter_classes(ax, np.column_stack([np.zeros(self.y.size), np.full(self.y.size, 0.5)]),
                                                self.y, ("_nolegend_", "_nolegend_"), size=45, zorder=4)
            self.curve_text = ax.text(0.03, 0.96, "accuracy 100%", transform=ax.transAxes, fontsize=11.5,
                                      va="top", bbox=box)
            # The rule never changes: drawn once, with the background (no sample comes near this corner).
            ax.annotate("predict 1 where z ≥ 0", xy=(0.03, 0.96), xycoords="axes fraction", xytext=(0, -26),
                        textcoords="offset points", fontsize=11.5, va="top", bbox=box)
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
            self.arrow, self.arrow_label, self.plane_text, self.where_text, *spines(self.ax_plane),
            *self.curve_points, self.curve_text,
        ]

    def controls(self) -> dict[str, widgets.FloatSlider]:
        """Sliders ``theta0``, ``theta1``, ``theta2`` for :class:`helpers.figures.live.LivePanel`, at the defaults."""
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
        t0 = check_number(theta0, "theta0", MAX_PARAM)
        t1 = check_number(theta1, "theta1", MAX_PARAM)
        t2 = check_number(theta2, "theta2", MAX_PARAM)
        theta = np.array([t0, t1, t2])
        # float32 is plenty for colours and halves the image's colour mapping
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
        self.plane_text.set_text(f"θ = ({_fmt(t0)}, {_fmt(t1)}, {_fmt(t2)})")
        self.where_text.set_text(where)
        self.curve_text.set_text(f"accuracy {accuracy:.0%}")

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
