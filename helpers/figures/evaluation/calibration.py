"""The figures and the live λ panel of ``notebooks/12_choosing_lambda.ipynb``.

* :func:`plot_weight_paths`: the MAP weights shrink as the prior narrows (λ = 1/σ² grows).
* :func:`plot_cross_validation`: held-out cost per fold against λ, the minimum and the
  one-standard-error choice.
* :func:`plot_reliability`: reliability diagrams of held-out predictions, with the number of
  samples per bin.
* :class:`CalibrationExplorer`: the reliability diagram with a λ slider.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import offset_copy
from numpy.typing import ArrayLike

from ... import losses, metrics
from ..._validate import as_float_array, check_binary_labels, check_iterations, check_lam, check_matching_rows
from ..live import LiveFigure, freeze_layout, slider_style
from ..style import PALETTE, course_style, log_axis, new_figure, spines, style_axes
from .curves import _LINE_COLOURS, _LINE_STYLES, _axes

__all__ = ["CalibrationExplorer", "plot_cross_validation", "plot_reliability", "plot_weight_paths"]


def plot_weight_paths(
    lams: ArrayLike, thetas: ArrayLike, names: Sequence[str], n_named: int = 5, ax: Axes | None = None
) -> Figure:
    """The fitted weights (intercept left out) against λ, the largest few named.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. The tick labels give the prior's
    standard deviation σ = 1/√λ that each λ amounts to (:func:`helpers.logistic.lam_from_prior_sd`).

    Parameters
    ----------
    lams : array_like, shape (L,)
        Positive, increasing L2 strengths.
    thetas : array_like, shape (L, d + 1)
        The fitted θ at each λ, intercept first.
    names : sequence of str, length d
        The features' names.
    n_named : int, default 5
        How many weights to name and colour (those largest in size at the smallest λ).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If the shapes do not match or λ is not positive and increasing.
    """
    strengths = as_float_array(lams, "lams", ndim=1)
    weights = as_float_array(thetas, "thetas", ndim=2)[:, 1:]
    if weights.shape[0] != strengths.size or weights.shape[1] != len(names):
        raise ValueError(f"thetas must have shape ({strengths.size}, {len(names) + 1}); got {weights.shape}")
    if (strengths <= 0).any() or (np.diff(strengths) <= 0).any():
        raise ValueError(f"lams must be positive and increasing; got {strengths}")
    count = check_iterations(n_named, "n_named")
    named = np.argsort(-np.abs(weights[0]))[:count]
    fig, ax = _axes(ax, width=9.0, height=5.0)
    colours = [*_LINE_COLOURS, PALETTE["orange"], PALETTE["sky"]]
    with course_style():
        ax.plot(strengths, weights, color=PALETTE["grey"], linewidth=1.0, alpha=0.6)
        for k, j in enumerate(named):
            ax.plot(strengths, weights[:, j], color=colours[k % len(colours)], linewidth=2.5, label=names[j])
        ax.axhline(0.0, color=PALETTE["black"], linewidth=1.0)
        ax.set_xlabel("L2 strength λ, log scale (below it the prior's σ = 1/√λ)")
        ax.set_ylabel("weight θ_j (per standard deviation)")
        ax.legend(loc="upper right", fontsize=10.5, ncol=1)
        ax.set_title("A narrower prior pulls every weight towards 0", fontsize=14)
    log_axis(ax.xaxis, labels="plain")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}\nσ = {1 / np.sqrt(v):.2g}" if v > 0 else ""))
    style_axes(ax)
    return fig


def plot_cross_validation(
    lams: ArrayLike, fold_costs: ArrayLike, lam_min: float, lam_1se: float, ax: Axes | None = None
) -> Figure:
    """Held-out cost against λ: each fold faint, the mean with one standard error, the two choices marked.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``.

    Parameters
    ----------
    lams : array_like, shape (L,)
        Positive, increasing L2 strengths.
    fold_costs : array_like, shape (L, k)
        Held-out cost per λ and fold (:func:`helpers.model_selection.cross_validate`).
    lam_min, lam_1se : float
        The two choices (:func:`helpers.model_selection.choose_lambda`).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If the shapes do not match or λ is not positive and increasing.
    """
    strengths = as_float_array(lams, "lams", ndim=1)
    costs = as_float_array(fold_costs, "fold_costs", ndim=2)
    if costs.shape[0] != strengths.size or costs.shape[1] < 2:
        raise ValueError(f"fold_costs must have shape ({strengths.size}, k) with k >= 2; got {costs.shape}")
    if (strengths <= 0).any() or (np.diff(strengths) <= 0).any():
        raise ValueError(f"lams must be positive and increasing; got {strengths}")
    mean = costs.mean(axis=1)
    se = costs.std(axis=1, ddof=1) / np.sqrt(costs.shape[1])
    fig, ax = _axes(ax, width=9.0, height=5.0)
    with course_style():
        ax.plot(strengths, costs, color=PALETTE["sky"], linewidth=1.0, alpha=0.7)
        ax.plot([], [], color=PALETTE["sky"], linewidth=1.0, label=f"each of the {costs.shape[1]} folds")
        ax.errorbar(strengths, mean, yerr=se, color=PALETTE["blue"], marker="o", capsize=4,
                    label="mean ± one standard error")
        best = int(np.argmin(mean))
        ax.axhline(mean[best] + se[best], color=PALETTE["grey"], linestyle=":", linewidth=1.6,
                   label="lowest mean + its standard error")
        ax.axvline(lam_min, color=PALETTE["vermillion"], linestyle="--", linewidth=2,
                   label=f"lowest mean: λ = {lam_min:g}")
        ax.axvline(lam_1se, color=PALETTE["green"], linestyle="-.", linewidth=2,
                   label=f"one-standard-error rule: λ = {lam_1se:g}")
        ax.set_ylim(0, min(float(costs.max()) * 1.05, 3 * float(mean.max())))
        ax.set_xlabel("L2 strength λ (log scale)")
        ax.set_ylabel("held-out cross-entropy (nats)")
        ax.legend(loc="upper center", fontsize=10.5)
        ax.set_title("Cross-validation: too little λ over-fits, too much under-fits", fontsize=14)
    log_axis(ax.xaxis, labels="plain")
    style_axes(ax)
    return fig


def _reliability_axes(width: float = 11.4) -> tuple[Figure, Axes, Axes]:
    fig, (ax_rel, ax_count) = new_figure(1, 2, width=width, height=5.2, gridspec_kw={"width_ratios": [1.2, 1]})
    with course_style():
        ax_rel.plot([0, 1], [0, 1], color=PALETTE["grey"], linestyle=":", linewidth=1.8, label="calibrated")
        ax_rel.set_xlim(0, 1)
        ax_rel.set_ylim(-0.02, 1.02)
        ax_rel.set_aspect("equal")
        ax_rel.set_xlabel("mean predicted P(malignant) in the bin")
        ax_rel.set_ylabel("observed share malignant")
        ax_count.set_xlim(0, 1)
        ax_count.set_xlabel("predicted P(malignant), bin")
        ax_count.set_ylabel("samples in the bin (log scale)")
    return fig, ax_rel, ax_count


def _check_pair(y: ArrayLike, p: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    labels = check_binary_labels(y)
    values = as_float_array(p, "probabilities", ndim=1)
    check_matching_rows(labels, values, "y", "probabilities")
    return labels, values


def _bars(mean_p: np.ndarray, observed: np.ndarray, counts: np.ndarray) -> list[np.ndarray]:
    """The Wilson 95 % interval of each filled bin's observed share, as vertical segments at its mean prediction."""
    filled = counts > 0
    low, high = metrics.wilson_interval(counts[filled] * observed[filled], counts[filled])
    return [np.array([[x, a], [x, b]]) for x, a, b in zip(mean_p[filled], low, high, strict=True)]


def plot_reliability(curves: Mapping[str, tuple[ArrayLike, ArrayLike]], n_bins: int = 10) -> Figure:
    """Reliability diagrams (left) and the number of samples per bin (right), one per labelled set of predictions.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. Points on the diagonal: of the
    samples given probability about p, a share p is positive. Each point carries the Wilson
    95 % interval of its observed share (:func:`helpers.metrics.wilson_interval`), so a bin of
    three samples shows how little it can tell. Only bins with samples are drawn.

    Parameters
    ----------
    curves : mapping of str to (y, probabilities)
        At most four; labels 0/1 and predicted P(y = 1) in [0, 1].
    n_bins : int, default 10

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On bad labels or probabilities, or more than four curves.
    """
    if not 1 <= len(curves) <= len(_LINE_COLOURS):
        raise ValueError(f"curves must hold 1 to {len(_LINE_COLOURS)} (y, probabilities) pairs; got {len(curves)}")
    bins = check_iterations(n_bins, "n_bins")
    fig, ax_rel, ax_count = _reliability_axes()
    width = 1.0 / bins / (len(curves) + 0.5)
    with course_style():
        for k, (name, (y, p)) in enumerate(curves.items()):
            mean_p, observed, counts = metrics.reliability_bins(*_check_pair(y, p), bins)
            filled = counts > 0
            ax_rel.plot(mean_p[filled], observed[filled], color=_LINE_COLOURS[k], linestyle=_LINE_STYLES[k],
                        marker="o", label=name)
            ax_rel.add_collection(LineCollection(_bars(mean_p, observed, counts), colors=_LINE_COLOURS[k],
                                                 linewidths=1.4, alpha=0.7))
            left = np.arange(bins) / bins + (k + 0.25) * width
            ax_count.bar(left, counts, width=width, align="edge", color=_LINE_COLOURS[k], label=name)
        ax_rel.plot([], [], color=PALETTE["grey"], linewidth=1.4, label="95 % interval of the share")
        ax_rel.legend(loc="upper left", fontsize=10.5)
        ax_count.set_yscale("symlog", linthresh=1)
        ax_count.set_ylim(0, None)
        ax_count.legend(loc="upper center", fontsize=11)
        fig.suptitle("Reliability of held-out predictions: do the probabilities mean what they say?",
                     fontsize=15, fontweight="bold")
    style_axes(ax_rel)
    style_axes(ax_count)
    return fig


class CalibrationExplorer(LiveFigure):
    """Live figure: the reliability diagram of held-out predictions and the bin counts as λ moves.

    Introduced in ``notebooks/12_choosing_lambda.ipynb``. The predictions are given (one
    array per λ of the slider, for example
    :func:`helpers.model_selection.out_of_fold_probabilities`), so a move only bins them.
    When the slider offers λ = 0, its diagram stays in the background for comparison.

    Parameters
    ----------
    y : array_like, shape (m,)
        Labels 0 or 1 of the predicted samples.
    probabilities : mapping of float to array_like of shape (m,)
        Predicted P(y = 1) for each λ the slider offers (λ >= 0, at least two).
    n_bins : int, default 10
    start : float, optional
        The slider's first position, one of the given λ (the smallest by default).

    Raises
    ------
    ValueError
        On bad labels, a negative λ, fewer than two λ, predictions of the wrong shape or a
        ``start`` that is not one of the λ.
    """

    #: Every λ's background and texts are drawn when the panel is first shown.
    prepare_controls = ("lam",)

    def __init__(self, y: ArrayLike, probabilities: Mapping[float, ArrayLike], n_bins: int = 10,
                 start: float | None = None) -> None:
        self.y = check_binary_labels(y)
        if len(probabilities) < 2:
            raise ValueError(f"probabilities must hold predictions for at least two λ values; got {len(probabilities)}")
        self.lams = tuple(sorted(check_lam(lam) for lam in probabilities))
        self.probabilities = {lam: _check_pair(self.y, probabilities[lam])[1] for lam in self.lams}
        for lam, p in self.probabilities.items():
            if ((p < 0) | (p > 1)).any():
                raise ValueError(f"probabilities must lie in [0, 1]; the λ = {lam:g} predictions do not")
        self.bins = check_iterations(n_bins, "n_bins")
        self.start = self.lams[0] if start is None else check_lam(start)
        if self.start not in self.probabilities:
            raise ValueError(f"start must be one of the given λ values {list(self.lams)}; got {start!r}")
        self._build()

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The notebook's slider: λ over the given values, starting at ``start``.

        Introduced in ``notebooks/12_choosing_lambda.ipynb``.
        """
        return {"lam": widgets.SelectionSlider(options=[(f"{v:.3g}", v) for v in self.lams], value=self.start,
                                               description="regularisation λ", **slider_style())}

    def _build(self) -> None:
        fig, ax_rel, ax_count = _reliability_axes(width=11.6)
        self.fig, self.ax_rel, self.ax_count = fig, ax_rel, ax_count
        with course_style():
            if self.lams[0] == 0.0:
                mean_p, observed, counts = metrics.reliability_bins(self.y, self.probabilities[0.0], self.bins)
                ax_rel.plot(mean_p[counts > 0], observed[counts > 0], color=PALETTE["grey"], linestyle="--",
                            linewidth=1.6, marker="s", markersize=5, label="λ = 0")
            self.intervals = LineCollection([], colors=PALETTE["blue"], linewidths=1.6, alpha=0.6, zorder=2)
            ax_rel.add_collection(self.intervals)
            (self.line,) = ax_rel.plot([], [], color=PALETTE["blue"], marker="o", label="λ on the slider", zorder=3)
            ax_rel.plot([], [], color=PALETTE["blue"], linewidth=1.6, alpha=0.6, label="95 % interval")
            ax_rel.legend(loc="upper left", fontsize=10.5)
            # One collection of bars, not one patch per bin: each patch on a symlog axis pays for
            # its own non-affine transform on every move.
            self.bars = PolyCollection(self._bar_outlines(np.ones(self.bins)), facecolors=PALETTE["blue"],
                                       edgecolors="none")
            ax_count.add_collection(self.bars)
            ax_count.set_yscale("symlog", linthresh=1)
            ax_count.set_ylim(0, self.y.size)
            fig.suptitle("Reliability of held-out predictions as λ grows", fontsize=15, fontweight="bold")
        style_axes(ax_rel)
        style_axes(ax_count)
        self.title = ax_rel.text(0.5, 1.0, "λ = 0.00316: held-out cost 10.888 nats",
                                 transform=offset_copy(ax_rel.transAxes, fig, y=6, units="points"),
                                 ha="center", va="baseline", fontsize=13, fontweight="bold")
        self.count_title = ax_count.text(0.5, 1.0, "mean p̂ 0.888, share malignant 0.888",
                                         transform=offset_copy(ax_count.transAxes, fig, y=6, units="points"),
                                         ha="center", va="baseline", fontsize=13, fontweight="bold")
        freeze_layout(fig)
        #: What :meth:`draw` changes: the line, the intervals and the bars, the spines they can
        #: touch and the two titles.
        self.dynamic_artists = [self.intervals, self.line, self.bars, *spines(ax_rel), *spines(ax_count),
                                self.title, self.count_title]

    def _bar_outlines(self, counts: np.ndarray) -> list[np.ndarray]:
        """The corners of one bar per bin, ``counts[k]`` high, 90 % of the bin wide."""
        left = np.arange(self.bins) / self.bins
        right = left + 0.9 / self.bins
        heights = np.asarray(counts, dtype=float)
        return [np.array([[a, 0.0], [a, h], [b, h], [b, 0.0]]) for a, b, h in zip(left, right, heights, strict=True)]

    def draw(self, lam: float) -> Figure:
        """Show the reliability of the predictions at ``lam``; return the figure.

        Introduced in ``notebooks/12_choosing_lambda.ipynb``.

        Parameters
        ----------
        lam : float
            One of the λ values the explorer was given.

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            If ``lam`` is not one of them.
        """
        strength = check_lam(lam)
        if strength not in self.probabilities:
            raise ValueError(f"lam must be one of the given values {list(self.lams)}; got {lam!r}")
        p = self.probabilities[strength]
        mean_p, observed, counts = metrics.reliability_bins(self.y, p, self.bins)
        filled = counts > 0
        self.line.set_data(mean_p[filled], observed[filled])
        self.intervals.set_segments(_bars(mean_p, observed, counts))
        self.bars.set_verts(self._bar_outlines(counts))
        cost = losses.binary_cross_entropy(self.y, p)
        self.title.set_text(f"λ = {strength:.3g}: held-out cost {cost:.3f} nats")
        self.count_title.set_text(f"mean p̂ {p.mean():.3f}, share malignant {self.y.mean():.3f}")
        return self.fig

