"""Shared figure style: lecture-hall fonts, colour-blind-safe colours, figure factory.

Nothing here changes matplotlib's global settings. The style is applied only inside
:func:`course_style` (a ``matplotlib.rc_context``), and :func:`new_figure` builds its
figure inside that context. Figures are plain ``matplotlib.figure.Figure`` objects, not
pyplot figures: a notebook shows one with ``display(fig)`` (or by ending a cell with
``fig``), exactly once, and pyplot keeps no hidden reference to it.

Introduced in ``notebooks/01_sigmoid.ipynb``; used by every notebook.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, cast

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.rcsetup import cycler
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox, Transform

from ..optim import Trajectory, cost_behaviour

__all__ = [
    "CLASS_COLORS",
    "CLASS_MARKERS",
    "PALETTE",
    "STYLE",
    "NearestImage",
    "course_style",
    "divergence_message",
    "log_axis",
    "nearest_image",
    "new_figure",
    "plane_grid",
    "probability_cmap",
    "scatter_classes",
    "show_divergence",
    "spines",
    "style_axes",
    "tint",
]

#: The Okabe-Ito palette, distinguishable with every common form of colour blindness.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#7F7F7F",
}

#: Colours for classes 0, 1, 2, ... (class 0 blue, class 1 orange: the binary pair).
CLASS_COLORS: tuple[str, ...] = (
    PALETTE["blue"],
    PALETTE["orange"],
    PALETTE["green"],
    PALETTE["vermillion"],
    PALETTE["purple"],
    PALETTE["sky"],
    PALETTE["yellow"],
    PALETTE["black"],
    PALETTE["grey"],
    "#8C510A",
)

#: Markers for classes 0, 1, 2, ...: shape tells the classes apart even in grey print.
CLASS_MARKERS: tuple[str, ...] = ("o", "^", "s", "D", "v", "P", "X", "*", "h", "p")

#: Settings applied by :func:`course_style`: large type for projectors, thick lines.
STYLE: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 14,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 14,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "legend.framealpha": 0.9,
    "lines.linewidth": 2.5,
    "lines.markersize": 7,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(CLASS_COLORS[:6])),
    "image.cmap": "cividis",
    "figure.figsize": (9.0, 4.8),
}


@contextmanager
def course_style() -> Iterator[None]:
    """Context manager applying :data:`STYLE` temporarily (``matplotlib.rc_context``).

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Examples
    --------
    >>> with course_style():
    ...     fig, ax = new_figure()
    """
    # Any: matplotlib >= 3.9 types the keys as a Literal of every rc name, 3.8 as str;
    # matplotlib checks them at run time.
    with mpl.rc_context(cast(Any, STYLE)):
        yield


def new_figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    width: float | None = None,
    height: float | None = None,
    **subplots_kw: object,
) -> tuple[Figure, Any]:
    """Create a course-styled figure and its axes (object-oriented API, no pyplot).

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes.
    width, height : float, optional
        Size in inches; by default 4.8 in high and 4.6 in per column (at most 13 in wide).
    **subplots_kw
        Passed to ``Figure.subplots`` (``sharex``, ``subplot_kw`` ...).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes or numpy.ndarray of Axes
        As ``Figure.subplots`` returns them.
    """
    if width is None:
        width = min(4.6 * ncols + 0.6, 13.0)
    if height is None:
        height = 4.8 if nrows == 1 else 3.6 * nrows
    with course_style():
        fig = Figure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(nrows, ncols, **subplots_kw)  # type: ignore[call-overload]
        for ax in np.atleast_1d(axes).ravel():
            style_axes(ax)
    return fig, axes


def style_axes(ax: Axes) -> None:
    """Fix tick-label size and grid on ``ax`` so they hold outside :func:`course_style`.

    Introduced in ``notebooks/01_sigmoid.ipynb``. matplotlib creates some ticks only when
    the figure is drawn, reading the *global* settings at that moment; storing the
    sizes on the axis keeps every tick label large. :func:`new_figure` calls this for
    its axes; call it for axes you add yourself (a colour bar, an inset).
    """
    ax.tick_params(labelsize=STYLE["xtick.labelsize"])
    ax.grid(True, alpha=STYLE["grid.alpha"])


#: The banner's words for each behaviour of :func:`helpers.optim.cost_behaviour`, most serious first.
_BANNERS = {
    "grows": "Diverging since iteration {k}:\n{name} keeps climbing.\nThis learning rate is too large.",
    "oscillates": (
        "Oscillating since iteration {k}:\n{name} keeps jumping back\nabove its start: steps this\n"
        "long overshoot the valley."
    ),
    "recovers": (
        "Overshot at iteration {k}:\n{name} rose above its start\nand is coming back down.\n"
        "A smaller rate avoids the detour."
    ),
}


def divergence_message(runs: Trajectory | Mapping[str, Trajectory] | None, iteration: int) -> str:
    """The banner shown on a figure when the cost of gradient descent has risen above its start.

    Introduced in ``notebooks/05_convexity_newton.ipynb``. A rise is not always a
    failure: :func:`helpers.optim.cost_behaviour` tells apart an overshoot that recovers,
    an oscillation above the start, and growth, and the banner says which (for several
    runs, the most serious one, by name).

    Parameters
    ----------
    runs : helpers.optim.Trajectory, mapping of str to Trajectory, or None
        The run shown, or the runs by name ("squared error": run, ...); None for none.
    iteration : int
        The iteration the figure shows.

    Returns
    -------
    str
        Empty if no cost has risen above its start by ``iteration``.
    """
    if runs is None:
        return ""
    named = {"the cost": runs} if isinstance(runs, Trajectory) else {f"the {n} cost": run for n, run in runs.items()}
    worst: tuple[int, int, str, str] | None = None
    for name, run in named.items():
        kind, since = cost_behaviour(run.costs, min(iteration, run.n_iter))
        if since is None:
            continue
        rank = list(_BANNERS).index(kind)
        if worst is None or (rank, since) < worst[:2]:
            worst = (rank, since, kind, name)
    if worst is None:
        return ""
    _, since, kind, name = worst
    return _BANNERS[kind].format(k=since, name=name)


def show_divergence(
    ax: Axes, runs: Trajectory | Mapping[str, Trajectory] | None, iteration: int, text: Text | None = None
) -> Text:
    """Write (or clear) the divergence banner (:func:`divergence_message`) in the middle of ``ax``.

    Introduced in ``notebooks/05_convexity_newton.ipynb``. Reuses ``text`` if given
    and returns the text artist, so a live figure can keep it and update it on every
    slider move.
    """
    message = divergence_message(runs, iteration)
    if text is None:
        text = ax.text(
            0.5,
            0.5,
            "",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=12,
            linespacing=1.3,
            color=PALETTE["vermillion"],
            fontweight="bold",
            bbox={"facecolor": "white", "edgecolor": PALETTE["vermillion"], "alpha": 0.92},
            zorder=10,
        )
    text.set_text(message)
    text.set_visible(bool(message))
    return text


#: Matplotlib 3.11 places a resampled image on whole pixels instead of stretching it over a
#: box rounded up; NearestImage follows the newer geometry and leaves older releases to matplotlib.
_ROUNDS_TO_PIXEL_BORDERS = tuple(int(part) for part in mpl.__version__.split(".")[:2]) >= (3, 11)


class NearestImage(AxesImage):
    """An image drawn cell by cell (nearest neighbour), in a fraction of the usual time.

    Introduced in ``notebooks/08_softmax.ipynb`` (the live digits and regions
    panels). Matplotlib resamples every image through a general pipeline (colour-mapping
    at the output size, resampling data and mask separately), about 3 ms a draw even for
    a 10 x 10 picture; a live panel that repaints three images pays that on every move.
    For nearest-neighbour images on a plain (unrotated) axes this class computes which
    cell each output pixel shows, with the same geometry as matplotlib 3.11 (the image's
    visible box rounded to whole pixels, cells sampled at pixel centres), and colours only
    the cells. Anything else (rotation, other interpolation, vector output with unsampled
    images, an image alpha, matplotlib before 3.11) is left to matplotlib. Make one with
    :func:`nearest_image`.
    """

    def make_image(  # type: ignore[override]  # like matplotlib's own, it returns (None, 0, 0, None) for nothing to draw
        self, renderer: Any, magnification: float = 1.0, unsampled: bool = False
    ) -> tuple[np.ndarray | None, float, float, Any]:
        """The image as RGBA bytes at the output resolution, with its lower-left corner."""
        fast = self._nearest_image(magnification) if not unsampled else None
        if fast is None:
            return super().make_image(renderer, magnification, unsampled)
        return fast

    def _nearest_image(self, magnification: float) -> tuple[np.ndarray | None, float, float, Any] | None:
        data = self.get_array()
        alpha = self.get_alpha()
        trans = self.get_transform()
        if (
            not _ROUNDS_TO_PIXEL_BORDERS or data is None or self.get_interpolation() not in ("nearest", "none")
            or not trans.is_affine
            or alpha is not None or np.ndim(data) not in (2, 3)
        ):
            return None
        x1, x2, y1, y2 = self.get_extent()
        in_bbox = Bbox(np.array([[x1, y1], [x2, y2]]))
        out_bbox = in_bbox.transformed(trans)
        figure = self.axes.figure
        assert figure is not None  # drawn, so on a figure (matplotlib 3.8's types allow None)
        clip = (self.get_clip_box() or self.axes.bbox) if self.get_clip_on() else figure.bbox
        clipped = Bbox.intersection(out_bbox, clip)
        if clipped is None:
            return None, 0, 0, None
        rows, cols = np.shape(data)[:2]
        # Array cell (column, row) -> output pixel, as matplotlib's own _make_image builds it.
        cells: Transform = Affine2D().translate(0, -rows).scale(1, -1) if self.origin == "upper" else Affine2D()
        cells = cells + Affine2D().scale(in_bbox.width / cols, in_bbox.height / rows).translate(in_bbox.x0, in_bbox.y0)
        # The clipped box rounded to whole pixels, as matplotlib >= 3.11 places images.
        e0, e1, e2, e3 = np.asarray(clipped.extents) * magnification
        x0, y0 = math.floor(e0 + 0.5), math.ceil(e1 - 0.5 - 1e-8)
        x1, y1 = math.floor(e2 + 0.5 + 1e-8), math.ceil(e3 - 0.5)
        out_width, out_height = x1 - x0, y1 - y0
        if out_width <= 0 or out_height <= 0:
            return None, 0, 0, None
        t = cells + trans + Affine2D().scale(magnification).translate(-x0, -y0)
        left, bottom = x0 / magnification, y0 / magnification
        matrix = t.get_matrix()
        if abs(matrix[0, 1]) > 1e-12 or abs(matrix[1, 0]) > 1e-12:  # rotated or sheared
            return None
        # Pixel centres back to cells; rows of the output run bottom to top.
        back = t.inverted().get_matrix()
        col = np.floor(back[0, 0] * (np.arange(out_width) + 0.5) + back[0, 2]).astype(np.intp)
        row = np.floor(back[1, 1] * (np.arange(out_height) + 0.5) + back[1, 2]).astype(np.intp)
        colours = self._cell_colours(data)
        inside_col = (col >= 0) & (col < cols)
        inside_row = (row >= 0) & (row < rows)
        # One 4-byte word per pixel, picked row-wise then column-wise: several times faster
        # than indexing the (rows, cols, 4) array with two index arrays.
        words = np.ascontiguousarray(colours).view(np.uint32).reshape(rows, cols)
        picked = words.take(np.clip(row, 0, rows - 1), axis=0).take(np.clip(col, 0, cols - 1), axis=1)
        output = picked.view(np.uint8).reshape(out_height, out_width, 4)
        if not (inside_col.all() and inside_row.all()):
            output[~inside_row, :, 3] = 0
            output[:, ~inside_col, 3] = 0
        return output, left, bottom, t

    def _cell_colours(self, data: np.ndarray) -> np.ndarray:
        """(rows, cols, 4) uint8 colours of the cells."""
        colours = np.asarray(self.to_rgba(data, bytes=True, norm=np.ndim(data) == 2), dtype=np.uint8)
        if colours.shape[2] == 3:
            colours = np.concatenate([colours, np.full((*colours.shape[:2], 1), 255, np.uint8)], axis=2)
        return colours


def nearest_image(
    ax: Axes,
    data: Any,
    *,
    aspect: str | float | None = None,
    alpha: float | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    **kwargs: Any,
) -> NearestImage:
    """``ax.imshow(data, interpolation="nearest", ...)``, drawn the fast way (:class:`NearestImage`).

    Introduced in ``notebooks/08_softmax.ipynb``. Builds the image through public
    API the way ``imshow`` does (aspect, clipping to the axes, colour limits, extent and
    data limits), as a :class:`NearestImage` from the start.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    data : array_like, shape (rows, cols), (rows, cols, 3) or (rows, cols, 4)
        As for ``imshow``.
    aspect, alpha, vmin, vmax
        As for ``imshow``.
    **kwargs
        Any other ``imshow`` keyword (``cmap``, ``norm``, ``origin``, ``extent``, ...) but
        ``interpolation``.

    Returns
    -------
    NearestImage
        The image, added to ``ax``.

    Raises
    ------
    ValueError
        If ``interpolation`` is given, or ``vmin``/``vmax`` together with a ``norm`` instance.
    """
    if "interpolation" in kwargs:
        raise ValueError(f"nearest_image always interpolates 'nearest'; got interpolation={kwargs['interpolation']!r}")
    if (vmin is not None or vmax is not None) and isinstance(kwargs.get("norm"), mpl.colors.Normalize):
        raise ValueError("give vmin/vmax or a norm instance, not both")
    image = NearestImage(ax, interpolation="nearest", **kwargs)
    if aspect is None:
        aspect = mpl.rcParams["image.aspect"]
    ax.set_aspect(aspect)  # type: ignore[arg-type]  # "auto", "equal" or a number, as imshow takes
    image.set_data(data)
    image.set_alpha(alpha)
    image.set_clip_path(ax.patch)
    if vmin is not None or vmax is not None:
        image.set_clim(vmin, vmax)
    image.autoscale_None()
    image.set_extent(image.get_extent())  # updates the data limits and autoscales, as imshow does
    ax.add_image(image)
    return image


# ---------------------------------------------------------------------------------------
# pieces every notebook's figures share: one of each
# ---------------------------------------------------------------------------------------
def tint(colour: str, amount: float) -> tuple[float, float, float]:
    """``colour`` mixed with white: ``amount = 1`` is the colour, ``0`` is white.

    Introduced in ``notebooks/01_sigmoid.ipynb``. An opaque light colour, not a
    transparent one: it renders faster and looks the same over white.
    """
    rgb = np.array(mpl.colors.to_rgb(colour))
    return tuple(float(v) for v in 1.0 - amount * (1.0 - rgb))  # type: ignore[return-value]


def probability_cmap(bands: int | None = None) -> mpl.colors.LinearSegmentedColormap:
    """The colour map of P(y = 1 | x) in every figure: light class-0 blue, white at 1/2, light class-1 orange.

    Introduced in ``notebooks/01_sigmoid.ipynb``. Built from the Okabe-Ito blue and orange
    of :data:`CLASS_COLORS`, so it reads like the class markers and stays readable with
    colour blindness, and pale enough that the markers on top stand out.

    Parameters
    ----------
    bands : int, optional
        Number of discrete colours (20 gives readable levels of width 0.05, like filled
        contours, and a smaller PNG); a smooth map by default.
    """
    return mpl.colors.LinearSegmentedColormap.from_list(
        "course_probability",
        [tint(CLASS_COLORS[0], 0.55), (1.0, 1.0, 1.0), tint(CLASS_COLORS[1], 0.6)],
        N=256 if bands is None else int(bands),
    )


def scatter_classes(
    ax: Axes,
    points: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str] | None = None,
    *,
    size: float = 40.0,
    hollow: bool = False,
    edgecolor: str = "black",
    linewidth: float = 0.7,
    zorder: float = 3,
) -> list[Any]:
    """One scatter per class, class 0 first, in the class colours and markers; returns the collections.

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    points : numpy.ndarray, shape (m, 2)
        x and y of each point.
    labels : numpy.ndarray of int, shape (m,)
        Class of each point, 0 .. K-1.
    names : sequence of str, optional
        Legend label of each class ("class k" by default).
    size, edgecolor, linewidth, zorder
        Marker area (pt²), edge colour and width, drawing order.
    hollow : bool
        Outline markers in the class colour (for held-out points) instead of filled ones.
    """
    made = []
    for k in range(int(labels.max()) + 1 if labels.size else 0):
        chosen = labels == k
        colour = CLASS_COLORS[k]
        made.append(ax.scatter(
            points[chosen, 0], points[chosen, 1], s=size, marker=CLASS_MARKERS[k],
            facecolors="none" if hollow else colour, edgecolors=colour if hollow else edgecolor,
            linewidths=linewidth, label=f"class {k}" if names is None else names[k], zorder=zorder,
        ))
    return made


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(value: float, _position: int | None = None) -> str:
    """Tick label ``10⁻³`` in plain Unicode: no mathtext to parse (or fonts to look up) per redraw."""
    if value <= 0:
        return ""
    exponent = round(math.log10(value))
    return "1" if exponent == 0 else "10" + str(exponent).translate(_SUPERSCRIPT)


def log_axis(axis: Any, labels: str = "powers") -> None:
    """Make ``axis`` (``ax.xaxis`` or ``ax.yaxis``) logarithmic with cheap, plain tick labels.

    Introduced in ``notebooks/05_convexity_newton.ipynb``. Live panels redraw every
    tick label on every move, so the labels are plain text, not mathtext, and there are
    no minor labels.

    Parameters
    ----------
    axis : matplotlib.axis.Axis
    labels : {"powers", "plain"}
        ``"powers"``: ticks at the powers of ten labelled 10⁻³, 10⁻², ...; ``"plain"``: the
        numbers themselves (0.01, 0.1, 1), for an axis spanning a few decades.
    """
    if labels not in ("powers", "plain"):
        raise ValueError(f"labels must be 'powers' or 'plain'; got {labels!r}")
    ax = axis.axes
    (ax.set_xscale if axis is ax.xaxis else ax.set_yscale)("log")
    if labels == "powers":
        axis.set_major_locator(mpl.ticker.LogLocator(base=10))
        axis.set_major_formatter(mpl.ticker.FuncFormatter(_power_of_ten))
    else:
        axis.set_major_formatter(mpl.ticker.FuncFormatter(lambda value, _position: f"{value:g}"))
    axis.set_minor_locator(mpl.ticker.NullLocator())


def plane_grid(box: Sequence[float], size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A ``size`` x ``size`` grid of points over ``box = (x_min, x_max, y_min, y_max)``, for an ``imshow`` map.

    Introduced in ``notebooks/05_convexity_newton.ipynb`` (the probability maps of
    notebooks 02 and 05).

    Returns
    -------
    xs, ys : numpy.ndarray, shape (size,)
        The grid's columns and rows.
    points : numpy.ndarray, shape (size * size, 2)
        Every grid point, row by row from the bottom (``y`` outer, ``x`` inner), so that the
        values of a map at ``points`` reshaped to ``(size, size)`` are an ``origin="lower"`` image.
    """
    xs = np.linspace(box[0], box[1], size)
    ys = np.linspace(box[2], box[3], size)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


def spines(ax: Axes) -> list[Any]:
    """The visible spines of ``ax``, for a figure's ``dynamic_artists``.

    Introduced in ``notebooks/01_sigmoid.ipynb``. A live panel that blits paints its dynamic
    artists over a background drawn without them, so an artist that must stay *above* a
    dynamic one has to be repainted too. The spines (the axis lines) lie above the data,
    and a curve or an image can reach them.
    """
    return [spine for spine in ax.spines.values() if spine.get_visible()]
