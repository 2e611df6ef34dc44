"""The static figures of notebook 04: softmax's anatomy, the digits, the update rules, one-vs-rest.

Introduced in ``notebooks/08_softmax.ipynb``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ... import optim
from ..._validate import as_float_array, check_class_labels, check_iterations, check_matching_rows
from ...sigmoid import _sigmoid
from ...softmax import _softmax
from ..style import CLASS_COLORS, CLASS_MARKERS, PALETTE, course_style, new_figure, scatter_classes, style_axes
from .pictures import INK, plane_grid, plane_points, region_colours, tile_anchors, tile_images

__all__ = ["plot_digit_samples", "plot_ovr_vs_softmax", "plot_softmax_anatomy", "plot_update_comparison"]


def plot_softmax_anatomy(scores: ArrayLike, axes: Sequence[Axes] | None = None) -> Figure:
    """Scores, their softmax, and the two-class softmax lying on the sigmoid.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    scores : array_like, shape (K,)
        Scores of one sample (K between 2 and 10), shown as bars with their probabilities.
    axes : sequence of 3 Axes, optional
        Where to draw; a new 12 x 4.2 in figure by default.

    Returns
    -------
    matplotlib.figure.Figure
    """
    z = as_float_array(scores, "scores", ndim=1)
    if not 2 <= z.shape[0] <= len(CLASS_COLORS):
        raise ValueError(f"scores must hold between 2 and {len(CLASS_COLORS)} scores; got {z.shape[0]}")
    fig, axes = _axes_or_new(axes, 3, 12.0, 4.2)
    p = _softmax(z[None, :])[0]
    classes = np.arange(z.shape[0])
    colours = list(CLASS_COLORS[: z.shape[0]])
    with course_style():
        ax_z, ax_p, ax_2 = axes
        ax_z.bar(classes, z, color=colours)
        ax_z.axhline(0, color=PALETTE["black"], linewidth=1)
        ax_z.set(xticks=classes, xlabel="class k", ylabel="score $z_k$ (any real number)")
        ax_z.set_title("scores: any sign, any size")
        ax_p.bar(classes, p, color=colours)
        for c, value in zip(classes, p, strict=True):
            ax_p.text(float(c), value + 0.02, f"{value:.2f}", ha="center", fontsize=12)
        ax_p.set(xticks=classes, xlabel="class k", ylabel="probability $p_k$", ylim=(0, 1.05))
        ax_p.set_title("softmax: positive, sums to 1")
        diff = np.linspace(-6, 6, 201)
        ax_2.plot(diff, _sigmoid(diff), color=PALETTE["grey"], label="σ(z₁ − z₀)")
        rng = np.random.default_rng(0)
        pair = rng.uniform(-3, 3, size=(25, 2))
        ax_2.plot(
            pair[:, 1] - pair[:, 0], _softmax(pair)[:, 1], CLASS_MARKERS[0], color=CLASS_COLORS[1],
            linestyle="none", label="softmax p₁,\n25 random pairs",
        )
        ax_2.set(xlabel="score difference $z_1 - z_0$", ylabel="probability of class 1")
        ax_2.set_title("K = 2: it is the sigmoid")
        ax_2.legend(loc="upper left", fontsize=11)
    return fig


def plot_digit_samples(
    pixels: ArrayLike, labels: ArrayLike, n_rows: int = 2, n_cols: int = 10, ax: Axes | None = None
) -> Figure:
    """The first ``n_rows * n_cols`` digits as 8x8 images, each with its label above it.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    pixels : array_like, shape (m, 64)
        Ink counts 0..16 (:func:`helpers.data.load_digits`).
    labels : array_like of int, shape (m,)
    n_rows, n_cols : int
    ax : Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    images = as_float_array(pixels, "pixels", ndim=2)
    if images.shape[1] != 64:
        raise ValueError(f"pixels must have 64 columns (8x8 images); got shape {images.shape}")
    digits = check_class_labels(labels, 10, "labels")
    check_matching_rows(images, digits, "pixels", "labels")
    count = min(check_iterations(n_rows, "n_rows") * check_iterations(n_cols, "n_cols"), images.shape[0])
    if ax is None:
        ax = cast(Axes, new_figure(width=min(1.05 * n_cols + 0.4, 12.0), height=1.35 * n_rows + 0.5)[1])
    fig = cast(Figure, ax.figure)
    mosaic = tile_images(images[:count].reshape(-1, 8, 8), n_rows, n_cols, gap=1, top=3)
    with course_style():
        ax.imshow(mosaic, cmap=INK.with_extremes(bad="white"), vmin=0, vmax=16, interpolation="nearest")
        for (x, y), digit in zip(tile_anchors(n_rows, n_cols, 8, 8, 1, 3)[:count], digits[:count], strict=True):
            ax.text(x, y, str(digit), ha="center", va="center", fontsize=13, fontweight="bold")
        ax.set_axis_off()
        ax.set_title("8 × 8 digits: ink counts 0 (white) to 16 (black), label above each")
    return fig


def plot_update_comparison(
    runs: dict[str, tuple[optim.Trajectory, int]],
    n_samples: int,
    per_update: optim.Trajectory | None = None,
    axes: Sequence[Axes] | None = None,
) -> Figure:
    """Training cost of several gradient-descent variants, per epoch and per update.

    Introduced in ``notebooks/09_softmax_training.ipynb``.

    Parameters
    ----------
    runs : dict of label -> (Trajectory, batch_size)
        Runs of :func:`helpers.optim.minibatch_gradient_descent` (one entry per epoch). Left:
        against the epoch, joined by lines. Right: against the number of updates made, as
        markers only (the cost between two epochs was not recorded).
    n_samples : int
        Number of training samples ``m``; an epoch takes ``ceil(m / batch_size)`` updates.
    per_update : Trajectory, optional
        A batch gradient-descent run with one entry per update (:func:`helpers.optim.fit_softmax_gd`),
        drawn as a line on the right.
    axes : sequence of 2 Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    m = check_iterations(n_samples, "n_samples")
    if not runs:
        raise ValueError("runs must hold at least one run; got none")
    fig, axes = _axes_or_new(axes, 2, 12.0, 4.6)
    ax_epoch, ax_update = axes
    with course_style():
        if per_update is not None:
            steps = np.arange(1, per_update.costs.shape[0])
            ax_update.plot(steps, per_update.costs[1:], color=PALETTE["grey"], linewidth=2,
                           label="batch, after every update")
        for i, (label, (run, batch)) in enumerate(runs.items()):
            size = check_iterations(batch, "batch_size")
            per_epoch = -(-m // size)
            epochs = np.arange(run.costs.shape[0])
            style: dict[str, Any] = {"color": CLASS_COLORS[i], "marker": CLASS_MARKERS[i], "markersize": 7}
            ax_epoch.plot(epochs, run.costs, label=label, **style)
            ax_update.plot(epochs[1:] * per_epoch, run.costs[1:], linestyle="none", label=label, **style)
        ax_epoch.set(xlabel="epoch (each: m per-sample gradients)", ylabel="training cost J (nats)", yscale="log")
        ax_epoch.set_title("Equal work: small batches win")
        ax_update.set(xlabel="parameter updates (log scale)", ylabel="training cost J (nats)",
                      xscale="log", yscale="log")
        ax_update.set_title("Equal updates: b = 32 ≈ full batch")
        ax_epoch.legend(loc="lower left")
        ax_update.legend(loc="lower left", fontsize=11)
    return fig


def plot_ovr_vs_softmax(
    X: ArrayLike,
    y: ArrayLike,
    W: ArrayLike,
    Theta: ArrayLike,
    resolution: int = 200,
    axes: Sequence[Axes] | None = None,
) -> Figure:
    """Decision regions of softmax and of one-vs-rest, and the sum of the one-vs-rest scores.

    Introduced in ``notebooks/09_softmax_training.ipynb``.

    Parameters
    ----------
    X : array_like, shape (m, 2)
        Points (without the intercept column).
    y : array_like of int, shape (m,)
    W : array_like, shape (3, K)
        Softmax weights for ``[1, x1, x2]``.
    Theta : array_like, shape (3, K)
        One-vs-rest weights (:func:`helpers.one_vs_rest.fit`).
    resolution : int, default 200
        Grid points per axis.
    axes : sequence of 3 Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    weights = as_float_array(W, "W", ndim=2)
    theta = as_float_array(Theta, "Theta", ndim=2)
    if weights.shape[0] != 3 or theta.shape != weights.shape:
        raise ValueError(
            f"W and Theta must both have shape (3, K); got {weights.shape} and {theta.shape}"
        )
    points, labels = plane_points(X, y, weights.shape[1])
    grid, extent = plane_grid(points, check_iterations(resolution, "resolution"))
    shape = (resolution, resolution)
    P_soft = _softmax(grid @ weights)
    S_ovr = _sigmoid(grid @ theta)
    total = S_ovr.sum(axis=1).reshape(shape)
    fig, axes = _axes_or_new(axes, 3, 12.0, 4.4)
    with course_style():
        for ax, colours, title in (
            (axes[0], region_colours(P_soft).reshape(*shape, 3), "softmax: one distribution"),
            (axes[1], region_colours(S_ovr).reshape(*shape, 3), "one-vs-rest: K separate models"),
        ):
            ax.imshow(colours, origin="lower", extent=extent, interpolation="nearest", aspect="auto")
            scatter_classes(ax, points, labels, size=34)
            ax.set(xlabel="feature $x_1$ (units)", ylabel="feature $x_2$ (units)")
            ax.set_title(title)
        # Bands of width 0.2 centred on 0, 0.2, ..., 2 (higher sums share the top colour):
        # the white band is 0.9 to 1.1, "sums to about 1".
        bands = BoundaryNorm(np.linspace(-0.1, 2.1, 12), ncolors=256)
        image = axes[2].imshow(total, origin="lower", extent=extent, cmap="PuOr_r", norm=bands,
                               interpolation="nearest", aspect="auto")
        axes[2].contour(total, levels=[1.0], colors=PALETTE["black"], extent=extent, linewidths=2)
        axes[2].set(xlabel="feature $x_1$ (units)", ylabel="feature $x_2$ (units)")
        axes[2].set_title("one-vs-rest: sums ≠ 1")
        axes[2].grid(False)
        bar = fig.colorbar(image, ax=axes[2], shrink=0.9, ticks=[0.0, 0.5, 1.0, 1.5, 2.0], extend="max")
        bar.set_label("sum of the K sigmoid outputs")
        style_axes(bar.ax)
        bar.ax.grid(False)
        axes[0].legend(loc="lower left", fontsize=10)
    return fig


def _axes_or_new(axes: Sequence[Axes] | None, count: int, width: float, height: float) -> tuple[Figure, Sequence[Axes]]:
    """The figure of the ``count`` axes given, or a new ``width`` x ``height`` in figure with ``count`` side by side."""
    if axes is None:
        fig, made = new_figure(1, count, width=width, height=height)
        return fig, list(cast(np.ndarray, made))
    if len(axes) != count:
        raise ValueError(f"axes must hold {count} Axes; got {len(axes)}")
    return cast(Figure, axes[0].figure), axes
