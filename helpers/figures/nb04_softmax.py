"""Figures and live panels of ``notebooks/04_softmax_gradient.ipynb``.

* :func:`plot_softmax_anatomy` -- scores to probabilities, and softmax with K = 2 lying on the sigmoid.
* :func:`plot_digit_samples` -- a few of the 8x8 handwritten digits with their labels.
* :func:`plot_update_comparison` -- batch, mini-batch and stochastic gradient descent, per epoch and per update.
* :class:`DigitsSoftmax` and :class:`DigitsExplorer` -- softmax regression on the digits: one cached
  gradient-descent run per learning rate, trained as far as the slider asks, training curves,
  weight images, confusion matrix, mistakes.
* :func:`make_three_class_data`, :class:`SoftmaxRuns` and :class:`RegionsExplorer` -- decision regions
  of a three-class problem in the plane, moving with the learning rate and the iteration count.
* :func:`plot_ovr_vs_softmax` -- one-vs-rest against softmax on the same points.

The numerical pieces (:func:`confusion_matrix`, :func:`tile_images`, :func:`path_metrics`) are
vectorised numpy; every class validates its arguments and raises ``ValueError`` naming what was
expected and what was given. Introduced in ``notebooks/04_softmax_gradient.ipynb``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import BoundaryNorm, PowerNorm
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator
from matplotlib.transforms import Affine2D
from numpy.typing import ArrayLike

from .. import optim
from .._validate import (
    as_float_array,
    check_class_labels,
    check_iterations,
    check_lam,
    check_learning_rate,
    check_matching_rows,
    describe,
)
from ..sigmoid import _sigmoid
from ..softmax import _cost_and_gradient, _log_softmax, _softmax
from .style import (
    CLASS_COLORS,
    CLASS_MARKERS,
    PALETTE,
    course_style,
    nearest_image,
    new_figure,
    show_divergence,
    style_axes,
)

__all__ = [
    "DIGITS_LEARNING_RATE_EXPONENTS",
    "DIGITS_MAX_ITER",
    "REGIONS_LEARNING_RATE_EXPONENTS",
    "REGIONS_MAX_ITER",
    "THREE_CLASS_CENTRES",
    "TRAINING_BLOCK",
    "DigitsExplorer",
    "DigitsRun",
    "DigitsSoftmax",
    "RegionsExplorer",
    "SoftmaxRuns",
    "confusion_matrix",
    "make_three_class_data",
    "minibatch_objective",
    "path_metrics",
    "plot_digit_samples",
    "plot_ovr_vs_softmax",
    "plot_softmax_anatomy",
    "plot_update_comparison",
    "region_colours",
    "tile_images",
]

#: Range (base-10 exponents) of the learning-rate slider of the digits panel.
DIGITS_LEARNING_RATE_EXPONENTS: tuple[float, float] = (-2.0, 2.0)
#: Iterations trained per learning rate on the digits (the iterations slider's maximum).
DIGITS_MAX_ITER: int = 500
#: Range (base-10 exponents) of the learning-rate slider of the decision-regions panel.
REGIONS_LEARNING_RATE_EXPONENTS: tuple[float, float] = (-2.0, 2.0)
#: Iterations trained per learning rate in the plane (the iterations slider's maximum).
REGIONS_MAX_ITER: int = 300
#: Centres of the three classes of :func:`make_three_class_data` (feature units).
THREE_CLASS_CENTRES: np.ndarray = np.array([[-2.5, -1.0], [0.0, 1.0], [2.5, -1.0]])

_DIVERGING = mpl.colormaps["RdBu_r"].with_extremes(bad="white")
_INK = mpl.colormaps["gray_r"].with_extremes(bad="#D9D9D9")


# ---------------------------------------------------------------------------------------
# numerical helpers (numpy only, vectorised)
# ---------------------------------------------------------------------------------------
def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike, k: int) -> np.ndarray:
    """Count how often each true class was predicted as each class.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``.

    Parameters
    ----------
    y_true, y_pred : array_like of int, shape (m,)
        True and predicted labels in ``0..k-1``.
    k : int
        Number of classes (>= 2).

    Returns
    -------
    numpy.ndarray of int64, shape (k, k)
        Entry ``[i, j]`` counts the samples of class ``i`` predicted as ``j``; the diagonal
        holds the correct predictions, and the whole matrix sums to ``m``.

    Raises
    ------
    ValueError
        If ``k`` is not an integer >= 2, a label is outside ``0..k-1`` or the lengths differ.

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 2], [0, 2, 1, 2], 3)
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    """
    classes = _check_k(k)
    truth = check_class_labels(y_true, classes, "y_true")
    guess = check_class_labels(y_pred, classes, "y_pred")
    check_matching_rows(truth, guess, "y_true", "y_pred")
    return np.bincount(truth * classes + guess, minlength=classes * classes).reshape(classes, classes)


def tile_images(
    images: ArrayLike, n_rows: int, n_cols: int, gap: int = 1, top: int = 0, fill: float = np.nan
) -> np.ndarray:
    """Lay equally sized images out on a grid, as one array that one ``imshow`` can show.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. One image artist is far cheaper to
    redraw than one axes per image, which keeps the live digits panel fast.

    Parameters
    ----------
    images : array_like, shape (N, h, w)
        ``N <= n_rows * n_cols`` images, placed row by row; the remaining tiles are ``fill``.
    n_rows, n_cols : int
        Grid size.
    gap : int, default 1
        Pixels of ``fill`` between neighbouring tiles.
    top : int, default 0
        Extra pixels of ``fill`` above each tile (room for a label).
    fill : float, default nan
        Value of the gaps; NaN is drawn in the colour map's "bad" colour.

    Returns
    -------
    numpy.ndarray of float64, shape (n_rows * (top + h + gap) - gap, n_cols * (w + gap) - gap)

    Raises
    ------
    ValueError
        If ``images`` is not 3-D, there are more images than tiles, or a size is negative.

    Examples
    --------
    >>> tile_images(np.ones((2, 1, 1)), 1, 2, gap=1)
    array([[ 1., nan,  1.]])
    """
    stack = as_float_array(images, "images", ndim=3, allow_empty=True, finite=False)
    rows, cols = check_iterations(n_rows, "n_rows"), check_iterations(n_cols, "n_cols")
    for name, value in (("gap", gap), ("top", top)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"{name} must be an integer >= 0; got {describe(value)}")
    count, h, w = stack.shape
    if count > rows * cols:
        raise ValueError(f"images must hold at most n_rows * n_cols = {rows * cols} images; got {count}")
    padded = np.full((rows * cols, h, w), fill, dtype=np.float64)
    padded[:count] = stack
    canvas = np.full((rows, top + h + gap, cols, w + gap), fill, dtype=np.float64)
    canvas[:, top : top + h, :, :w] = padded.reshape(rows, cols, h, w).transpose(0, 2, 1, 3)
    canvas = canvas.reshape(rows * (top + h + gap), cols * (w + gap))
    return canvas[: canvas.shape[0] - gap, : canvas.shape[1] - gap]


def _tile_anchors(n_rows: int, n_cols: int, h: int, w: int, gap: int, top: int) -> np.ndarray:
    """(x, y) pixel coordinates of the centre of each tile's label strip, row by row."""
    rows, cols = np.divmod(np.arange(n_rows * n_cols), n_cols)
    x = cols * (w + gap) + (w - 1) / 2
    y = rows * (top + h + gap) + (top - 1) / 2
    return np.column_stack([x, y])


def path_metrics(
    X: np.ndarray, y: np.ndarray, path: np.ndarray, chunk: int = 64, with_cost: bool = True
) -> tuple[np.ndarray | None, np.ndarray]:
    """Mean cross-entropy and accuracy of every iterate of a softmax-regression path.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. The scores of all iterates are
    one matrix product ``X @ [W_0 | W_1 | ...]``, done in blocks of ``chunk`` iterates to
    bound the memory; no loop over samples. (:class:`SoftmaxRuns` records the same numbers
    while it trains, from the scores each step computes anyway; the tests compare the two.)

    Parameters
    ----------
    X : numpy.ndarray, shape (m, n)
        Design matrix (with the intercept column).
    y : numpy.ndarray of int, shape (m,)
        Labels in ``0..K-1``.
    path : numpy.ndarray, shape (T, n, K)
        ``Trajectory.path`` of a softmax fit.
    chunk : int, default 64
        Iterates per block.
    with_cost : bool, default True
        Whether to compute the cost too (skip it when the trajectory already holds it).

    Returns
    -------
    cost : numpy.ndarray, shape (T,), or None
        Unregularised mean cross-entropy (nats) at each iterate; ``None`` if not ``with_cost``.
    accuracy : numpy.ndarray, shape (T,)
        Share of samples whose highest score is their label.

    Raises
    ------
    ValueError
        If the shapes do not match or ``chunk`` is not a positive integer.
    """
    design = as_float_array(X, "X", ndim=2)
    steps = as_float_array(path, "path", ndim=3)
    labels = check_class_labels(y, steps.shape[2])
    check_matching_rows(design, labels)
    if steps.shape[1] != design.shape[1]:
        raise ValueError(
            f"path must have shape (T, {design.shape[1]}, K) to match X; got {steps.shape}"
        )
    block = check_iterations(chunk, "chunk")
    n_steps, n, k = steps.shape
    m = design.shape[0]
    rows = np.arange(m)
    cost = np.empty(n_steps) if with_cost else None
    accuracy = np.empty(n_steps)
    for start in range(0, n_steps, block):  # a loop over blocks of iterates, not samples
        part = steps[start : start + block]
        t = part.shape[0]
        scores = (design @ part.transpose(1, 0, 2).reshape(n, t * k)).reshape(m, t, k)
        accuracy[start : start + t] = (scores.argmax(axis=2) == labels[:, None]).mean(axis=0)
        if cost is not None:
            cost[start : start + t] = -_log_softmax(scores)[rows, :, labels].mean(axis=0)
    return cost, accuracy


def region_colours(P: ArrayLike, colours: Sequence[str] = CLASS_COLORS, levels: int | None = 8) -> np.ndarray:
    """RGB colours showing the predicted class and, by saturation, the model's confidence.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. Where the highest probability is
    near ``1/K`` (a boundary) the colour is nearly white; where it is near 1, it is the class
    colour at 60 % strength (so data markers stay visible on top).

    Parameters
    ----------
    P : array_like, shape (..., K)
        Probabilities (or per-class scores in [0, 1]) of each point.
    colours : sequence of str
        One colour per class.
    levels : int or None, default 8
        Number of confidence steps (bands read like contour lines and keep the PNG small);
        ``None`` for a continuous shading.

    Returns
    -------
    numpy.ndarray, shape (..., 3)
        RGB values in [0, 1].
    """
    probs = as_float_array(P, "P")
    k = probs.shape[-1]
    if len(colours) < k:
        raise ValueError(f"colours must name at least K = {k} colours; got {len(colours)}")
    rgb = np.array([mpl.colors.to_rgb(c) for c in colours[:k]])
    best = probs.argmax(axis=-1)
    top = np.take_along_axis(probs, best[..., None], axis=-1)
    confidence = np.clip((top - 1 / k) / (1 - 1 / k), 0.0, 1.0)
    if levels is not None:
        steps = check_iterations(levels, "levels")
        confidence = np.minimum(np.floor(confidence * steps), steps - 1) / max(steps - 1, 1)
    strength = 0.6 * confidence + 0.05
    return 1.0 - strength * (1.0 - rgb[best])


def _check_k(k: object) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 2:
        raise ValueError(f"k must be an integer number of classes >= 2; got {describe(k)}")
    return int(k)


def _check_step(iterations: object, max_iter: int) -> int:
    value = check_iterations(iterations, "iterations")
    if value > max_iter:
        raise ValueError(f"iterations must be between 1 and max_iter = {max_iter}; got {value}")
    return value


def _plain_log_axis(ax: Axes) -> None:
    """Log-scale y axis with plain tick labels (0.01, 0.1, 1) and no minor ticks: cheap to redraw."""
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:g}"))
    ax.yaxis.set_minor_locator(NullLocator())


def _set_log_limits(ax: Axes, low: float, high: float) -> None:
    """Set the y range of a log axis; label 1-2-5 steps when it spans under three decades."""
    ax.set_ylim(low, high)
    subs = (1.0, 2.0, 5.0) if high / low < 1000 else (1.0,)
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=subs, numticks=8))


def _freeze_layout(fig: Figure) -> None:
    """Compute the constrained layout once, then keep it: redraws skip the layout solver."""
    # Kept though LivePanel freezes layouts too: it would lay out the first frame's values, not the placeholders.
    fig.draw_without_rendering()
    fig.set_layout_engine("none")


def minibatch_objective(
    X: ArrayLike, y: ArrayLike, k: int, lam: float = 0.0
) -> Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]]:
    r"""Cost and gradient of softmax regression on a subset of the samples, for mini-batch descent.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. The data are checked once, here;
    the returned function then runs the unchecked kernel of :mod:`helpers.softmax` on the rows
    ``idx`` (one matrix product, no loop over samples), which matters when stochastic descent
    calls it once per sample. The penalty is scaled so that the batch gradient is an unbiased
    estimate of the full one: on a batch of ``b`` of the ``m`` samples it returns
    :math:`X_B^T (P_B - Y_B) / b + (\lambda / m) W` (row 0 unpenalised).

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column.
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
        Number of classes.
    lam : float, default 0.0
        L2 strength of the full cost :func:`helpers.softmax.cost`.

    Returns
    -------
    callable
        ``fun(W, idx) -> (cost, gradient)`` for :func:`helpers.optim.minibatch_gradient_descent`,
        with ``W`` of shape (n, k) and ``idx`` an integer index array.

    Raises
    ------
    ValueError
        On mismatched shapes, labels outside ``0..k-1`` or a negative ``lam``.

    Examples
    --------
    >>> fun = minibatch_objective([[1.0, 2.0], [1.0, -1.0]], [0, 1], 2)
    >>> round(fun(np.zeros((2, 2)), np.array([0]))[0], 6)  # ln 2 on one sample
    0.693147
    """
    design = as_float_array(X, "X", ndim=2).astype(np.float64)
    classes = _check_k(k)
    labels = check_class_labels(y, classes)
    check_matching_rows(design, labels)
    strength = check_lam(lam)
    m = design.shape[0]

    def fun(W: np.ndarray, idx: np.ndarray) -> tuple[float, np.ndarray]:
        return _cost_and_gradient(W, design[idx], labels[idx], strength * len(idx) / m)

    return fun


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def plot_softmax_anatomy(scores: ArrayLike, axes: Sequence[Axes] | None = None) -> Figure:
    """Scores, their softmax, and the two-class softmax lying on the sigmoid.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``.

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
    if axes is None:
        fig, axes = new_figure(1, 3, width=12.0, height=4.2)
    elif len(axes) != 3:
        raise ValueError(f"axes must hold 3 Axes; got {len(axes)}")
    else:
        fig = axes[0].figure
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
            ax_p.text(c, value + 0.02, f"{value:.2f}", ha="center", fontsize=12)
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

    Introduced in ``notebooks/04_softmax_gradient.ipynb``.

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
        fig, ax = new_figure(width=min(1.05 * n_cols + 0.4, 12.0), height=1.35 * n_rows + 0.5)
    fig = ax.figure
    mosaic = tile_images(images[:count].reshape(-1, 8, 8), n_rows, n_cols, gap=1, top=3)
    with course_style():
        ax.imshow(mosaic, cmap=_INK.with_extremes(bad="white"), vmin=0, vmax=16, interpolation="nearest")
        for (x, y), digit in zip(_tile_anchors(n_rows, n_cols, 8, 8, 1, 3)[:count], digits[:count], strict=True):
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

    Introduced in ``notebooks/04_softmax_gradient.ipynb``.

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
    if axes is None:
        fig, axes = new_figure(1, 2, width=12.0, height=4.6)
    elif len(axes) != 2:
        raise ValueError(f"axes must hold 2 Axes; got {len(axes)}")
    else:
        fig = axes[0].figure
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
            style = {"color": CLASS_COLORS[i], "marker": CLASS_MARKERS[i], "markersize": 7}
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

    Introduced in ``notebooks/04_softmax_gradient.ipynb``.

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
    points = as_float_array(X, "X", ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"X must have 2 columns (points in the plane); got shape {points.shape}")
    weights = as_float_array(W, "W", ndim=2)
    theta = as_float_array(Theta, "Theta", ndim=2)
    if weights.shape[0] != 3 or theta.shape != weights.shape:
        raise ValueError(
            f"W and Theta must both have shape (3, K); got {weights.shape} and {theta.shape}"
        )
    labels = check_class_labels(y, weights.shape[1])
    check_matching_rows(points, labels)
    grid, extent = _plane_grid(points, check_iterations(resolution, "resolution"))
    shape = (resolution, resolution)
    P_soft = _softmax(grid @ weights)
    S_ovr = _sigmoid(grid @ theta)
    total = S_ovr.sum(axis=1).reshape(shape)
    if axes is None:
        fig, axes = new_figure(1, 3, width=12.0, height=4.4)
    elif len(axes) != 3:
        raise ValueError(f"axes must hold 3 Axes; got {len(axes)}")
    else:
        fig = axes[0].figure
    with course_style():
        for ax, colours, title in (
            (axes[0], region_colours(P_soft).reshape(*shape, 3), "softmax: one distribution"),
            (axes[1], region_colours(S_ovr).reshape(*shape, 3), "one-vs-rest: K separate models"),
        ):
            ax.imshow(colours, origin="lower", extent=extent, interpolation="nearest", aspect="auto")
            _scatter_classes(ax, points, labels)
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


def _plane_grid(points: np.ndarray, resolution: int) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """A (resolution**2, 3) design matrix [1, x1, x2] covering the points with a margin."""
    low = points.min(axis=0) - 0.8
    high = points.max(axis=0) + 0.8
    g1, g2 = np.meshgrid(np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution))
    grid = np.column_stack([np.ones(g1.size), g1.ravel(), g2.ravel()])
    return grid, (float(low[0]), float(high[0]), float(low[1]), float(high[1]))


def _scatter_classes(ax: Axes, points: np.ndarray, labels: np.ndarray) -> None:
    for c in range(int(labels.max()) + 1):
        mine = labels == c
        ax.scatter(points[mine, 0], points[mine, 1], s=34, marker=CLASS_MARKERS[c], color=CLASS_COLORS[c],
                   edgecolors=PALETTE["black"], linewidths=0.7, label=f"class {c}", zorder=3)


# ---------------------------------------------------------------------------------------
# the three-class data set in the plane
# ---------------------------------------------------------------------------------------
def make_three_class_data(
    rng: np.random.Generator, n_per_class: int = 60, spread: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """Three round Gaussian clouds in the plane, centred at :data:`THREE_CLASS_CENTRES`.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. The clouds overlap a little, so
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
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {describe(rng)}")
    n = check_iterations(n_per_class, "n_per_class")
    if isinstance(spread, bool) or not isinstance(spread, (int, float)) or not np.isfinite(spread) or spread <= 0:
        raise ValueError(f"spread must be a positive number; got {describe(spread)}")
    noise = spread * rng.standard_normal((3, n, 2))
    X = (THREE_CLASS_CENTRES[:, None, :] + noise).reshape(3 * n, 2)
    return X, np.repeat(np.arange(3, dtype=np.int64), n)


# ---------------------------------------------------------------------------------------
# cached training runs
# ---------------------------------------------------------------------------------------
#: Steps a run is trained in: a request for step ``t`` trains up to the next multiple of this.
TRAINING_BLOCK: int = 50


class _Samples:
    """Samples laid out for fast scoring: ``X``, its transpose, and where each true class sits.

    Scores are kept as a (K, m) array, classes by samples. Then numpy's reductions over the
    K classes (max, sum) run along contiguous rows of m numbers, several times faster than
    over the short last axis of an (m, K) array; that roughly halves a gradient step.
    """

    def __init__(self, X: np.ndarray, y: np.ndarray, k: int) -> None:
        m = X.shape[0]
        self.X = X
        self.XT = np.ascontiguousarray(X.T)
        self.m = m
        self.true = y * m + np.arange(m)  # flat index of score (y_i, i) in a (K, m) array
        # Where class j < y_i: argmax breaks a tie towards the first class, so a tie with
        # such a class is a mistake and a tie with a later class is not.
        self.earlier = np.arange(k)[:, None] < y[None, :]

    def evaluate(self, Wt: np.ndarray) -> tuple[float, float, np.ndarray]:
        """Mean cross-entropy (nats), accuracy and the (K, m) probabilities of weights ``Wt`` (K, n)."""
        Z = Wt @ self.XT
        Z -= Z.max(axis=0)  # each sample's top score is now exactly 0
        true = Z.ravel()[self.true]
        correct = np.count_nonzero((true == 0) & ~((Z == 0) & self.earlier).any(axis=0))  # as argmax decides
        P = np.exp(Z)
        sums = P.sum(axis=0)
        cost = float(np.log(sums).sum() - true.sum()) / self.m
        P /= sums
        return cost, correct / self.m, P


class _Descent:
    """One run of batch gradient descent on softmax regression that can be continued later.

    The iterates, costs and ``diverged_at`` are those of :func:`helpers.optim.fit_softmax_gd`
    (the tests check it), but a run is trained only as far as it is asked to (:meth:`advance`),
    and every step also records the cross-entropy and accuracy of the iterate on the training
    samples, and on held-out samples if given, from the scores it computes anyway. Arrays
    for all ``max_iter + 1`` iterates are allocated at once and filled as training goes on.
    """

    def __init__(
        self, train: _Samples, held_out: _Samples | None, k: int, learning_rate: float, max_iter: int, lam: float
    ) -> None:
        n = train.X.shape[1]
        size = max_iter + 1
        self.train, self.held_out = train, held_out
        self.alpha, self.max_iter, self.lam = learning_rate, max_iter, lam
        self.path = np.zeros((size, n, k))
        self.costs = np.zeros(size)
        self.train_cost, self.train_accuracy = np.zeros(size), np.zeros(size)
        self.test_cost = self.test_accuracy = None
        if held_out is not None:
            self.test_cost, self.test_accuracy = np.zeros(size), np.zeros(size)
        self.n_iter = 0
        self.diverged_at: int | None = None
        self._W = np.zeros((k, n))  # the current iterate, transposed (classes by features)
        self._grad = self._record(0)  # None once the cost or gradient is not finite: the run ends
        self._trajectory: optim.Trajectory | None = None

    def _record(self, t: int) -> np.ndarray | None:
        """Store the current iterate as iterate ``t``; return its gradient (None if not finite)."""
        W = self._W
        cross_entropy, accuracy, P = self.train.evaluate(W)
        value = cross_entropy
        if self.lam:
            value += self.lam / (2 * self.train.m) * float(np.sum(W[:, 1:] ** 2))
        self.path[t] = W.T
        self.costs[t] = value
        self.train_cost[t], self.train_accuracy[t] = cross_entropy, accuracy
        if self.held_out is not None:
            self.test_cost[t], self.test_accuracy[t], _ = self.held_out.evaluate(W)
        if self.diverged_at is None and not value <= self.costs[0]:  # a rise, or not finite
            self.diverged_at = t
        P.ravel()[self.train.true] -= 1.0  # P - Y
        grad = P @ self.train.X
        grad /= self.train.m
        if self.lam:
            grad[:, 1:] += (self.lam / self.train.m) * W[:, 1:]
        return grad if math.isfinite(value) and np.isfinite(grad).all() else None

    def advance(self, iterations: int) -> None:
        """Train until ``iterations`` steps are done (or the run ends: ``max_iter``, or not finite)."""
        target = min(iterations, self.max_iter)
        with np.errstate(over="ignore", invalid="ignore"):
            while self.n_iter < target and self._grad is not None:
                W = self._W - self.alpha * self._grad
                if not np.isfinite(W).all():  # the step itself overflowed: stop before it
                    self._grad = None
                    if self.diverged_at is None:
                        self.diverged_at = self.n_iter + 1
                    break
                self._W = W
                self.n_iter += 1
                self._grad = self._record(self.n_iter)

    def trajectory(self) -> optim.Trajectory:
        """The steps trained so far (the same object until the run is trained further)."""
        n = self.n_iter
        if self._trajectory is None or self._trajectory.n_iter != n:
            self._trajectory = optim.Trajectory(
                params=self.path[n].copy(), costs=self.costs[: n + 1], path=self.path[: n + 1], n_iter=n,
                diverged_at=self.diverged_at,
            )
        return self._trajectory


class SoftmaxRuns:
    """Batch gradient descent on one softmax problem, one cached run per learning rate.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. Moving an iterations slider only
    slices a cached :class:`helpers.optim.Trajectory`. A learning rate is trained on first
    use, and only as far as the slider asks (rounded up to a multiple of
    :data:`TRAINING_BLOCK` steps); the run is continued when more steps are asked for. The
    iterates are those of :func:`helpers.optim.fit_softmax_gd`.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column.
    y : array_like of int, shape (m,)
        Labels in ``0..k-1``.
    k : int
        Number of classes.
    max_iter : int
        Iterations a run can have (the iterations slider's maximum).
    lam : float, default 0.0
        L2 strength.
    held_out : tuple (X_test, y_test), optional
        Samples whose cross-entropy and accuracy are recorded at every iterate too
        (:meth:`DigitsSoftmax.run` reads them); kept, validated, as the attribute ``held_out``.
    """

    def __init__(
        self,
        X: ArrayLike,
        y: ArrayLike,
        k: int,
        max_iter: int,
        lam: float = 0.0,
        held_out: tuple[ArrayLike, ArrayLike] | None = None,
    ) -> None:
        self.k = _check_k(k)
        self.X = as_float_array(X, "X", ndim=2).astype(np.float64)
        self.y = check_class_labels(y, self.k)
        check_matching_rows(self.X, self.y)
        self.max_iter = check_iterations(max_iter, "max_iter")
        self.lam = check_lam(lam)
        self._train = _Samples(self.X, self.y, self.k)
        self.held_out: tuple[np.ndarray, np.ndarray] | None = None
        self._held_out: _Samples | None = None
        if held_out is not None:
            X_test = as_float_array(held_out[0], "X_test", ndim=2).astype(np.float64)
            y_test = check_class_labels(held_out[1], self.k, "y_test")
            check_matching_rows(X_test, y_test, "X_test", "y_test")
            if X_test.shape[1] != self.X.shape[1]:
                raise ValueError(f"X_test must have the {self.X.shape[1]} columns of X; got shape {X_test.shape}")
            self.held_out = (X_test, y_test)
            self._held_out = _Samples(X_test, y_test, self.k)
        self._runs: dict[float, _Descent] = {}

    def _descent(self, learning_rate: float, iterations: int | None = None) -> _Descent:
        """The run at ``learning_rate``, trained for at least ``iterations`` steps (all if None)."""
        # Rates equal to 12 significant digits share a run: a slider in the browser computes
        # 10**x itself, and its last bit may differ from Python's.
        alpha = float(f"{check_learning_rate(learning_rate):.12g}")
        wanted = self.max_iter if iterations is None else _check_step(iterations, self.max_iter)
        if alpha not in self._runs:
            self._runs[alpha] = _Descent(self._train, self._held_out, self.k, alpha, self.max_iter, self.lam)
        run = self._runs[alpha]
        if run.n_iter < wanted:
            run.advance(-(-wanted // TRAINING_BLOCK) * TRAINING_BLOCK)
        return run

    def trajectory(self, learning_rate: float, iterations: int | None = None) -> optim.Trajectory:
        """The run at ``learning_rate``: at least ``iterations`` steps, or all ``max_iter`` if None.

        A run that stopped early (its cost stopped being finite) has fewer. For a run not
        yet trained to ``max_iter``, ``diverged_at`` covers the steps trained so far.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in ``1..max_iter``.
        """
        return self._descent(learning_rate, iterations).trajectory()

    @property
    def cached_learning_rates(self) -> list[float]:
        """Learning rates trained so far, in the order they were first used."""
        return list(self._runs)


@dataclass(frozen=True)
class DigitsRun:
    """One gradient-descent run on the digits with its per-iteration metrics.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``.

    Attributes
    ----------
    trajectory : helpers.optim.Trajectory
        Path of shape (T, n, 10).
    train_cost, test_cost : numpy.ndarray, shape (T,)
        Mean cross-entropy (nats) on the training and held-out samples at each iterate.
    train_accuracy, test_accuracy : numpy.ndarray, shape (T,)
        Share classified correctly at each iterate.
    """

    trajectory: optim.Trajectory
    train_cost: np.ndarray
    test_cost: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray


class DigitsSoftmax:
    """Softmax regression on the digits: cached runs per learning rate with held-out metrics.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. Each learning rate is trained once,
    as far as asked (:class:`SoftmaxRuns`); every step records the training and held-out cost
    and accuracy of its iterate from the scores it computes anyway.

    Parameters
    ----------
    X_train, X_test : array_like, shape (m, 65) and (m_test, 65)
        Standardised pixels with the intercept column.
    y_train, y_test : array_like of int
        Digits 0..9.
    images_test : array_like, shape (m_test, 64)
        Raw ink counts of the held-out digits, to show the mistakes.
    max_iter : int, default DIGITS_MAX_ITER
    lam : float, default 0.0

    Raises
    ------
    ValueError
        On mismatched shapes or bad labels.
    """

    k = 10

    def __init__(
        self,
        X_train: ArrayLike,
        y_train: ArrayLike,
        X_test: ArrayLike,
        y_test: ArrayLike,
        images_test: ArrayLike,
        max_iter: int = DIGITS_MAX_ITER,
        lam: float = 0.0,
    ) -> None:
        self.runs = SoftmaxRuns(X_train, y_train, self.k, max_iter, lam, held_out=(X_test, y_test))
        self.X_test, self.y_test = self.runs.held_out
        self.images_test = as_float_array(images_test, "images_test", ndim=2)
        if self.images_test.shape != (self.X_test.shape[0], 64):
            raise ValueError(
                f"images_test must have shape ({self.X_test.shape[0]}, 64); got {self.images_test.shape}"
            )
        self.max_iter = self.runs.max_iter
        self._metrics: dict[float, DigitsRun] = {}

    def run(self, learning_rate: float, iterations: int | None = None) -> DigitsRun:
        """The run at ``learning_rate`` with its metrics: at least ``iterations`` steps, all if None.

        The same object is returned until the run is trained further.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in ``1..max_iter``.
        """
        descent = self.runs._descent(learning_rate, iterations)
        cached = self._metrics.get(descent.alpha)
        if cached is None or cached.trajectory.n_iter != descent.n_iter:
            shown = slice(0, descent.n_iter + 1)
            cached = DigitsRun(descent.trajectory(), descent.train_cost[shown], descent.test_cost[shown],
                               descent.train_accuracy[shown], descent.test_accuracy[shown])
            self._metrics[descent.alpha] = cached
        return cached


# ---------------------------------------------------------------------------------------
# live figures
# ---------------------------------------------------------------------------------------
def _slider_rates(exponents: tuple[float, float], steps_per_decade: int = 4) -> np.ndarray:
    """The learning rates a :func:`helpers.widgets.learning_rate_slider` offers (4 per decade by default)."""
    low, high = exponents
    return 10.0 ** np.linspace(low, high, round((high - low) * steps_per_decade) + 1)


def _cost_range(costs: Sequence[np.ndarray], start: float, margin: float) -> tuple[float, float]:
    """Log-axis limits holding every cost given and the starting cost, with a factor ``margin`` to spare."""
    finite = np.concatenate([c[np.isfinite(c)] for c in costs])
    return max(float(finite.min()), 1e-12) / margin, max(float(finite.max()), start) * margin


def _rgba_bytes(rgb: np.ndarray) -> np.ndarray:
    """RGB values in [0, 1] as opaque 8-bit RGBA: matplotlib draws that without converting it first.

    For the 160 x 160 region map that is about six times faster than float RGB.
    """
    rgba = np.full((*rgb.shape[:-1], 4), 255, dtype=np.uint8)
    rgba[..., :3] = np.rint(rgb * 255)
    return rgba


class _GlyphLabels:
    """Short labels at fixed places (counts, "3→8"), drawn as one collection of glyph outlines.

    Matplotlib lays out and rasterises every ``Text`` on its own, about half a millisecond
    apiece here, so the up to 100 counts of a confusion matrix would dominate each slider
    move. One ``PathCollection`` holding the outlines of all the labels draws in about 2 ms.
    The outline of each distinct string is made once and kept.

    Attributes
    ----------
    collection : matplotlib.collections.PathCollection
        The artist (a live panel repaints it).
    texts : list of str
        The labels shown, one per position ("" for none).
    """

    def __init__(self, ax: Axes, positions: np.ndarray, fontsize: float, fontweight: str = "normal") -> None:
        self._font = FontProperties(size=fontsize, weight=fontweight)
        self._outlines: dict[str, Path] = {}
        self.texts = [""] * len(positions)
        points = Affine2D().scale(1 / 72) + ax.figure.dpi_scale_trans  # outline units are points
        self.collection = PathCollection(
            [self._outline(text) for text in self.texts], offsets=positions, offset_transform=ax.transData,
            transform=points, edgecolors="none", zorder=3,
        )
        ax.add_collection(self.collection, autolim=False)

    def _outline(self, text: str) -> Path:
        if text not in self._outlines:
            if not text:  # TextPath cannot hold an empty string
                self._outlines[text] = Path(np.zeros((0, 2)))
            else:
                glyphs = TextPath((0, 0), text, prop=self._font)
                centre = (glyphs.vertices.min(axis=0) + glyphs.vertices.max(axis=0)) / 2
                self._outlines[text] = Path(glyphs.vertices - centre, glyphs.codes)  # centred on its position
        return self._outlines[text]

    def set(self, texts: Sequence[str], colours: Sequence[str] | str) -> None:
        """Show ``texts`` (one per position) in ``colours`` (one per position, or one for all)."""
        self.texts = list(texts)
        self.collection.set_paths([self._outline(text) for text in self.texts])
        self.collection.set_facecolor(colours)


class DigitsExplorer:
    """Training curves and what the model learned, for one learning rate and iteration count.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. Left: training and held-out cost
    (log scale) and accuracy against the iteration, up to the chosen one. Middle: the weights
    of each class as an 8x8 image (red: ink there raises the class's score; blue: lowers it)
    and the held-out digits the model gets wrong most confidently. Right: the held-out
    confusion matrix. Every update changes existing artists only, and the axes never change,
    so a live panel repaints just :attr:`dynamic_artists`.

    Parameters
    ----------
    model : DigitsSoftmax
        Data and cached runs (share one between the static and the live explorer).
    n_mistakes : int, default 10
        Mistakes shown (at most 10, two rows of five).
    limit_rates : sequence of float, optional
        Learning rates whose whole runs (trained now) set the fixed range of the cost axis.
        By default the slider's largest, ``10 ** DIGITS_LEARNING_RATE_EXPONENTS[1]``: on the
        digits the largest step overshoots most at the start and, the training digits being
        separable, drives the training cost lowest by the end, so every other run fits too.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    dynamic_artists : list of matplotlib.artist.Artist
        Everything :meth:`draw` changes.
    """

    def __init__(self, model: DigitsSoftmax, n_mistakes: int = 10, limit_rates: Sequence[float] | None = None) -> None:
        if not isinstance(model, DigitsSoftmax):
            raise ValueError(f"model must be a DigitsSoftmax; got {describe(model)}")
        self.model = model
        self.n_mistakes = check_iterations(n_mistakes, "n_mistakes")
        if self.n_mistakes > 10:
            raise ValueError(f"n_mistakes must be at most 10; got {self.n_mistakes}")
        if limit_rates is None:
            limit_rates = [10 ** DIGITS_LEARNING_RATE_EXPONENTS[1]]
        extremes = [model.run(alpha) for alpha in limit_rates]
        cost_limits = _cost_range([c for r in extremes for c in (r.train_cost, r.test_cost)], np.log(model.k), 1.5)
        k = model.k
        fig, grid = new_figure(2, 4, width=12.0, height=5.0, gridspec_kw={"width_ratios": [1.1, 1.15, 1.15, 1.1]})
        spec = grid[0, 0].get_subplotspec().get_gridspec()
        for ax in (*grid[:, 1], *grid[:, 2], *grid[:, 3]):
            ax.remove()
        self.fig = fig
        steps = np.arange(model.max_iter + 1)
        with course_style():
            ax_cost, ax_acc = grid[0, 0], grid[1, 0]
            ax_w = fig.add_subplot(spec[0, 1:3])
            ax_err = fig.add_subplot(spec[1, 1:3])
            ax_cm = fig.add_subplot(spec[:, 3])
            self.ax_cost, self.ax_acc, self.ax_w, self.ax_err, self.ax_cm = ax_cost, ax_acc, ax_w, ax_err, ax_cm
            fig.suptitle("Softmax regression on digits: each class learns a template of ink", fontsize=16,
                         fontweight="bold")
            blue, orange = CLASS_COLORS[0], CLASS_COLORS[1]
            (self.cost_train,) = ax_cost.plot(steps[:1], [1.0], color=blue, label="training")
            (self.cost_test,) = ax_cost.plot(steps[:1], [1.0], color=orange, linestyle="--", label="held-out")
            (self.acc_train,) = ax_acc.plot(steps[:1], [1.0], color=blue, label="training")
            (self.acc_test,) = ax_acc.plot(steps[:1], [1.0], color=orange, linestyle="--", label="held-out")
            _plain_log_axis(ax_cost)
            ax_cost.set(xlim=(0, model.max_iter), ylabel="cost J (nats)")
            _set_log_limits(ax_cost, *cost_limits)  # fixed, so a live panel draws the axes once
            ax_cost.tick_params(labelbottom=False)
            ax_acc.set(xlim=(0, model.max_iter), ylim=(80, 100), xlabel="iteration", ylabel="accuracy (%)")
            # Low on the right no accuracy curve goes (after 100 steps every run is above 88 %),
            # so the legend belongs to the background and is never painted over.
            ax_acc.legend(loc="lower right", fontsize=10)
            self.cost_title = ax_cost.set_title("", fontsize=13, y=1.0)
            self.acc_title = ax_acc.set_title("", fontsize=13, y=1.0)
            self.divergence = show_divergence(ax_cost, None, 0)
            self.divergence.set_fontsize(10)

            # Gaps between the tiles are masked (NaN from tile_images), painted transparent: the digit above
            # each tile belongs to the background and stays visible when the image is repainted.
            self.weight_image = nearest_image(
                ax_w, np.ma.masked_invalid(tile_images(np.zeros((k, 8, 8)), 2, 5, gap=1, top=2)),
                cmap=_DIVERGING.with_extremes(bad="none"), vmin=-1, vmax=1,
            )
            for (x, y), digit in zip(_tile_anchors(2, 5, 8, 8, 1, 2), range(k), strict=True):
                ax_w.text(x, y, str(digit), ha="center", va="center", fontsize=11, fontweight="bold")
            self.weight_title = ax_w.set_title("", fontsize=13, y=1.0)

            self.error_image = nearest_image(
                ax_err, np.ma.masked_invalid(tile_images(np.zeros((0, 8, 8)), 2, 5, gap=1, top=2)), cmap=_INK,
                vmin=0, vmax=16,
            )
            self.error_labels = _GlyphLabels(ax_err, _tile_anchors(2, 5, 8, 8, 1, 2)[: self.n_mistakes], 11, "bold")
            ax_err.set_title("most confident mistakes (true → predicted)", fontsize=13, y=1.0)
            for ax in (ax_w, ax_err):
                ax.set_axis_off()

            self.cm_image = nearest_image(ax_cm, np.zeros((k, k)), cmap="Blues", norm=PowerNorm(0.5, vmin=0, vmax=1))
            rows, cols = np.divmod(np.arange(k * k), k)
            self.cm_counts = _GlyphLabels(ax_cm, np.column_stack([cols, rows]), 10)
            ax_cm.set(xticks=range(k), yticks=range(k), xlabel="predicted digit", ylabel="true digit")
            ax_cm.tick_params(labelsize=11, length=0)
            ax_cm.grid(False)
            self.cm_title = ax_cm.set_title("", fontsize=13, y=1.0)
            # Placeholders as long as the real titles, so the frozen layout leaves room for them.
            self.cost_title.set_text("α = 0.0178: held-out cost 0.000")
            self.acc_title.set_text("held-out accuracy 00.0 %")
            self.weight_title.set_text("weights after 000 steps (red +, blue −; ±0.00)")
            self.cm_title.set_text("held-out: 000/000 wrong")
        _freeze_layout(fig)
        self.dynamic_artists = [
            self.cost_train, self.cost_test, self.acc_train, self.acc_test, self.cost_title, self.acc_title,
            self.divergence, self.weight_image, self.weight_title, self.error_image, self.error_labels.collection,
            self.cm_image, self.cm_counts.collection, self.cm_title,
        ]

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the model after ``iterations`` steps at ``learning_rate``; return the figure.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in ``1..max_iter``.
        """
        alpha = check_learning_rate(learning_rate)
        t = _check_step(iterations, self.model.max_iter)
        run = self.model.run(alpha, t)
        t = min(t, run.trajectory.n_iter)
        steps = np.arange(t + 1)
        self.cost_train.set_data(steps, run.train_cost[: t + 1])
        self.cost_test.set_data(steps, run.test_cost[: t + 1])
        self.acc_train.set_data(steps, 100 * run.train_accuracy[: t + 1])
        self.acc_test.set_data(steps, 100 * run.test_accuracy[: t + 1])
        self.cost_title.set_text(f"α = {alpha:.3g}: held-out cost {run.test_cost[t]:.3f}")
        self.acc_title.set_text(f"held-out accuracy {100 * run.test_accuracy[t]:.1f} %")
        show_divergence(self.ax_cost, run.trajectory.diverged_at, t, self.divergence)

        W = run.trajectory.path[t]
        pixels = W[1:].T.reshape(self.model.k, 8, 8)
        # Saturate the top 2 % of |weights| so that one extreme pixel does not wash the others out.
        scale = max(float(np.percentile(np.abs(pixels), 98)), 1e-12)
        self.weight_image.set_data(np.ma.masked_invalid(tile_images(pixels, 2, 5, gap=1, top=2)))
        self.weight_image.set_clim(-scale, scale)
        self.weight_title.set_text(f"weights after {t} step{'s' if t != 1 else ''} (red +, blue −; ±{scale:.2g})")

        P = _softmax(self.model.X_test @ W)
        predicted = P.argmax(axis=1)
        wrong = np.flatnonzero(predicted != self.model.y_test)
        confidence = P[wrong, predicted[wrong]]
        worst = wrong[np.argsort(-confidence, kind="stable")[: self.n_mistakes]]
        self.error_image.set_data(
            np.ma.masked_invalid(tile_images(self.model.images_test[worst].reshape(-1, 8, 8), 2, 5, gap=1, top=2))
        )
        self.error_labels.set(
            [f"{self.model.y_test[i]}→{predicted[i]}" for i in worst] + [""] * (self.n_mistakes - worst.size),
            PALETTE["vermillion"],
        )

        counts = confusion_matrix(self.model.y_test, predicted, self.model.k)
        self.cm_image.set_data(counts)
        self.cm_image.norm.vmax = max(int(counts.max()), 1)
        ink = np.where(np.eye(self.model.k, dtype=bool), PALETTE["black"], PALETTE["vermillion"])
        ink[counts > 0.45 * counts.max()] = "white"  # on the dark cells
        self.cm_counts.set([str(c) if c else "" for c in counts.ravel()], list(ink.ravel()))
        self.cm_title.set_text(f"held-out: {wrong.size}/{predicted.size} wrong")
        return self.fig


class RegionsExplorer:
    """Decision regions of softmax regression in the plane, for one learning rate and iteration count.

    Introduced in ``notebooks/04_softmax_gradient.ipynb``. Left: the points and the class the
    model predicts everywhere (colour) with its confidence (saturation); the regions are
    bounded by straight lines because each boundary is where two linear scores are equal.
    Right: the training cost up to the chosen iteration, with the divergence banner when the
    step is too large. The axes never change, so a live panel repaints just
    :attr:`dynamic_artists`.

    Parameters
    ----------
    X : array_like, shape (m, 2)
        Points (without the intercept column).
    y : array_like of int, shape (m,)
        Labels 0..K-1.
    k : int, default 3
        Number of classes.
    runs : SoftmaxRuns, optional
        Cached runs on ``[1, X]`` (share one between the static and the live explorer);
        built with ``max_iter=REGIONS_MAX_ITER`` if not given.
    resolution : int, default 160
        Grid points per axis of the region image.
    limit_rates : sequence of float, optional
        Learning rates whose whole runs (trained now) set the fixed range of the cost axis.
        By default every position of the notebook's slider (``REGIONS_LEARNING_RATE_EXPONENTS``,
        4 per decade): 17 runs of 300 steps on 180 points, about a quarter of a second, after
        which no slider move trains anything.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    dynamic_artists : list of matplotlib.artist.Artist
        Everything :meth:`draw` changes, and the points and legend drawn over the region image.
    overlay_artists : list of matplotlib.artist.Artist
        The legend: drawn over the region image, never changed.
    """

    def __init__(
        self,
        X: ArrayLike,
        y: ArrayLike,
        k: int = 3,
        runs: SoftmaxRuns | None = None,
        resolution: int = 160,
        limit_rates: Sequence[float] | None = None,
    ) -> None:
        points = as_float_array(X, "X", ndim=2)
        if points.shape[1] != 2:
            raise ValueError(f"X must have 2 columns (points in the plane); got shape {points.shape}")
        classes = _check_k(k)
        labels = check_class_labels(y, classes)
        check_matching_rows(points, labels)
        design = np.column_stack([np.ones(points.shape[0]), points])
        if runs is None:
            runs = SoftmaxRuns(design, labels, classes, REGIONS_MAX_ITER)
        elif not isinstance(runs, SoftmaxRuns):
            raise ValueError(f"runs must be a SoftmaxRuns; got {describe(runs)}")
        elif runs.k != classes or runs.X.shape != design.shape or not np.array_equal(runs.X, design):
            raise ValueError(
                f"runs must be trained on [1, X] with X of shape {points.shape} and k = {classes}; "
                f"got X of shape {runs.X.shape} and k = {runs.k}"
            )
        self.runs = runs
        self.points, self.labels = points, labels
        self.resolution = check_iterations(resolution, "resolution")
        self.grid, extent = _plane_grid(points, self.resolution)
        if limit_rates is None:
            limit_rates = _slider_rates(REGIONS_LEARNING_RATE_EXPONENTS)
        cost_limits = _cost_range([runs.trajectory(alpha).costs for alpha in limit_rates], np.log(runs.k), 1.3)
        fig, (ax_map, ax_cost) = new_figure(1, 2, width=12.0, height=4.8, gridspec_kw={"width_ratios": [1.25, 1]})
        self.fig = fig
        with course_style():
            self.region = nearest_image(
                ax_map, _rgba_bytes(np.ones((self.resolution, self.resolution, 3))), origin="lower", extent=extent,
                aspect="auto",
            )
            _scatter_classes(ax_map, points, labels)
            ax_map.set(xlabel="feature $x_1$ (units)", ylabel="feature $x_2$ (units)")
            ax_map.grid(False)  # the map fills the axes: grid lines would only cross it
            legend = ax_map.legend(loc="lower left", fontsize=10)
            self.map_title = ax_map.set_title("", fontsize=14, y=1.0)
            (self.curve,) = ax_cost.plot([0], [1.0], color=PALETTE["blue"])
            (self.dot,) = ax_cost.plot([0], [1.0], "o", color=PALETTE["vermillion"], markersize=9)
            ax_cost.axhline(np.log(runs.k), color=PALETTE["grey"], linestyle=":", linewidth=1.5)
            start = ax_cost.text(0.98, 0.97, f"start: ln {runs.k} = {np.log(runs.k):.3f}", transform=ax_cost.transAxes,
                                 ha="right", va="top", fontsize=11, color=PALETTE["grey"])
            _plain_log_axis(ax_cost)
            ax_cost.set(xlim=(0, runs.max_iter), xlabel="iteration", ylabel="training cost J (nats)")
            _set_log_limits(ax_cost, *cost_limits)  # fixed, so a live panel draws the axes once
            self.cost_title = ax_cost.set_title("", fontsize=14, y=1.0)
            self.divergence = show_divergence(ax_cost, None, 0)
            self.divergence.set_fontsize(10)
            fig.suptitle("Softmax regions: straight boundaries where two scores tie", fontsize=16,
                         fontweight="bold")
            self.map_title.set_text("α = 0.0178, 000 steps: 00.0 % correct")
            self.cost_title.set_text("cost 0.000 nats")
        _freeze_layout(fig)
        # The points and the legend lie on the region image, and large steps send the cost
        # curve through the "start" label: all are repainted over what they cover.
        self.dynamic_artists = [
            self.region, *ax_map.collections, legend, self.map_title,
            self.curve, self.dot, start, self.cost_title, self.divergence,
        ]
        #: Repainted on every move but never changed: a live panel pastes them as a picture
        #: (``LivePanel(..., overlay=...)``). Drawing the legend again cost 11 ms a move.
        self.overlay_artists = [legend]

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the regions after ``iterations`` steps at ``learning_rate``; return the figure.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in ``1..max_iter``.
        """
        alpha = check_learning_rate(learning_rate)
        t = _check_step(iterations, self.runs.max_iter)
        run = self.runs.trajectory(alpha, t)
        t = min(t, run.n_iter)
        W = run.path[t]
        P = _softmax(self.grid @ W)
        self.region.set_data(_rgba_bytes(region_colours(P).reshape(self.resolution, self.resolution, 3)))
        accuracy = float(np.mean((self.runs.X @ W).argmax(axis=1) == self.labels))
        self.map_title.set_text(f"α = {alpha:.3g}, {t} step{'s' if t != 1 else ''}: {100 * accuracy:.1f} % correct")
        steps = np.arange(t + 1)
        self.curve.set_data(steps, run.costs[: t + 1])
        self.dot.set_data([t], [run.costs[t]])
        self.cost_title.set_text(f"cost {run.costs[t]:.3f} nats")
        show_divergence(self.curve.axes, run.diverged_at, t, self.divergence)
        return self.fig
