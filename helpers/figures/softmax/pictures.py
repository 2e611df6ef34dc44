"""Pixels of notebook 04's figures: image mosaics, region colours, the plane's grid, the cost axis.

Figure code only (what an image shows, where a label goes); the numbers they show come
from the maths modules. Introduced in ``notebooks/08_softmax.ipynb``.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator
from numpy.typing import ArrayLike

from ..._validate import as_float_array, check_class_labels, check_iterations, check_matching_rows, describe
from ..style import CLASS_COLORS, log_axis
from ..style import plane_grid as style_plane_grid

__all__ = ["region_colours", "tile_images"]

#: Weights: red for positive, blue for negative, white at 0; NaN (the gaps) in white.
DIVERGING = mpl.colormaps["RdBu_r"].with_extremes(bad="white")
#: Ink counts: white to black; NaN (the gaps) in light grey.
INK = mpl.colormaps["gray_r"].with_extremes(bad="#D9D9D9")


def tile_images(
    images: ArrayLike, n_rows: int, n_cols: int, gap: int = 1, top: int = 0, fill: float = np.nan
) -> np.ndarray:
    """Lay equally sized images out on a grid, as one array that one ``imshow`` can show.

    Introduced in ``notebooks/08_softmax.ipynb``. One image artist is far cheaper to
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


def tile_anchors(n_rows: int, n_cols: int, h: int, w: int, gap: int, top: int) -> np.ndarray:
    """(x, y) pixel coordinates of the centre of each tile's label strip, row by row."""
    rows, cols = np.divmod(np.arange(n_rows * n_cols), n_cols)
    x = cols * (w + gap) + (w - 1) / 2
    y = rows * (top + h + gap) + (top - 1) / 2
    return np.column_stack([x, y])


def region_colours(P: ArrayLike, colours: Sequence[str] = CLASS_COLORS, levels: int | None = 8) -> np.ndarray:
    """RGB colours showing the predicted class and, by saturation, the model's confidence.

    Introduced in ``notebooks/08_softmax.ipynb``. Where the highest probability is
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


def rgba_bytes(rgb: np.ndarray) -> np.ndarray:
    """RGB values in [0, 1] as opaque 8-bit RGBA: matplotlib draws that without converting it first.

    For the 160 x 160 region map that is about six times faster than float RGB.
    """
    rgba = np.full((*rgb.shape[:-1], 4), 255, dtype=np.uint8)
    rgba[..., :3] = np.rint(rgb * 255)
    return rgba


def plane_points(X: ArrayLike, y: ArrayLike, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Points in the plane, shape (m, 2), and their labels in ``0..k-1``, checked (ValueError otherwise)."""
    points = as_float_array(X, "X", ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"X must have 2 columns (points in the plane); got shape {points.shape}")
    labels = check_class_labels(y, k)
    check_matching_rows(points, labels)
    return points, labels


def plane_grid(points: np.ndarray, resolution: int) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """A (resolution**2, 3) design matrix [1, x1, x2] covering the points with a margin, and its extent.

    The grid is :func:`helpers.figures.style.plane_grid`'s (rows from the bottom: an ``origin="lower"`` image).
    """
    low = points.min(axis=0) - 0.8
    high = points.max(axis=0) + 0.8
    extent = (float(low[0]), float(high[0]), float(low[1]), float(high[1]))
    _, _, grid = style_plane_grid(extent, resolution)
    return np.column_stack([np.ones(grid.shape[0]), grid]), extent


def fixed_cost_axis(ax: Axes, costs: Sequence[np.ndarray], start: float, margin: float) -> None:
    """A log y axis (:func:`helpers.figures.style.log_axis`, plain labels) that holds every cost given.

    The range holds the finite ``costs`` and the starting cost ``start`` with a factor
    ``margin`` to spare, and never changes, so a live panel draws the axes once. Under
    three decades the ticks are at 1, 2 and 5 times the powers of ten (else the powers only).
    """
    finite = np.concatenate([c[np.isfinite(c)] for c in costs])
    low, high = max(float(finite.min()), 1e-12) / margin, max(float(finite.max()), start) * margin
    log_axis(ax.yaxis, "plain")
    ax.set_ylim(low, high)
    subs = (1.0, 2.0, 5.0) if high / low < 1000 else (1.0,)
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=subs, numticks=8))
