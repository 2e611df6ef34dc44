"""Sliders and live figure panels shared by every notebook.

The pattern, used by every interactive figure in the course:

1. A plain drawing function (or a small class with a ``draw`` method) takes explicit
   arguments, for example ``draw(learning_rate, iterations)``, and updates the artists of
   one figure that it keeps. Tests call it directly, and the notebook calls it once with
   the default values to show a static figure that survives on GitHub and on paper.
2. :class:`LivePanel` connects sliders to that function: on every slider move it calls
   the function with the sliders' values and shows the same figure again. No figure is
   rebuilt, nothing is retrained when only the iteration count changes (trajectories
   are cached by the drawing code), so a redraw costs one render of the figure.
3. When the panel is first shown it visits every learning rate of its slider once
   (:meth:`LivePanel.prepare`): training, backgrounds and text pictures are ready before
   the learner's first move, and a move repaints only the artists that change.

Introduced in ``notebooks/00_start_here.ipynb``.
"""

from __future__ import annotations

import asyncio
import base64
import math
import os
import struct
import time
import zlib
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

__all__ = ["LivePanel", "iterations_slider", "learning_rate_slider", "png_bytes", "slider_positions", "slider_style"]

#: Widget style that shows a slider's whole label ("learning rate α", not "learning r...").
SLIDER_STYLE: dict[str, str] = {"description_width": "initial"}
SLIDER_LAYOUT: dict[str, str] = {"width": "560px"}


def slider_style() -> dict[str, Any]:
    """Keyword arguments giving a slider a full-width label and a wide track.

    Introduced in ``notebooks/00_start_here.ipynb``.
    """
    return {"style": dict(SLIDER_STYLE), "layout": widgets.Layout(**SLIDER_LAYOUT)}


def learning_rate_slider(
    value: float = 0.1,
    min_exponent: float = -4.0,
    max_exponent: float = 1.0,
    steps_per_decade: int = 4,
    description: str = "learning rate α",
) -> widgets.FloatLogSlider:
    """A logarithmic slider for the learning rate, from ``10**min_exponent`` to ``10**max_exponent``.

    Introduced in ``notebooks/00_start_here.ipynb``. Learning rates that matter differ by
    orders of magnitude, so the slider moves in equal ratios (by default four steps per
    factor of ten: 1, 1.78, 3.16, 5.62, 10, ...).

    Parameters
    ----------
    value : float
        Starting value; must lie in the range.
    min_exponent, max_exponent : float
        Range of the base-10 exponent.
    steps_per_decade : int
        Slider positions per factor of ten.
    description : str
        The label shown in full to the left of the slider.

    Returns
    -------
    ipywidgets.FloatLogSlider

    Raises
    ------
    ValueError
        If the range is empty or ``value`` is outside it.
    """
    if not min_exponent < max_exponent:
        raise ValueError(
            f"min_exponent must be below max_exponent; got {min_exponent} and {max_exponent}"
        )
    if not 10**min_exponent <= value <= 10**max_exponent:
        raise ValueError(
            f"value must lie between 10**{min_exponent} and 10**{max_exponent}; got {value!r}"
        )
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=min_exponent,
        max=max_exponent,
        step=1 / steps_per_decade,
        description=description,
        readout_format=".3g",
        continuous_update=True,
        **slider_style(),
    )


def iterations_slider(
    value: int = 100,
    maximum: int = 1000,
    minimum: int = 1,
    step: int = 1,
    description: str = "iterations",
) -> widgets.IntSlider:
    """An integer slider for the number of gradient-descent iterations (or epochs).

    Introduced in ``notebooks/00_start_here.ipynb``.

    Parameters
    ----------
    value, maximum, minimum, step : int
        Start, range and step; ``minimum >= 1``.
    description : str
        The label shown in full to the left of the slider.

    Returns
    -------
    ipywidgets.IntSlider

    Raises
    ------
    ValueError
        If ``minimum < 1`` or ``value`` is outside ``[minimum, maximum]``.
    """
    if minimum < 1 or not minimum <= value <= maximum:
        raise ValueError(
            f"need 1 <= minimum <= value <= maximum; got minimum={minimum}, value={value}, maximum={maximum}"
        )
    return widgets.IntSlider(
        value=value,
        min=minimum,
        max=maximum,
        step=step,
        description=description,
        continuous_update=True,
        **slider_style(),
    )


_POOL: ThreadPoolExecutor | None = None
_PARALLEL_FROM = 1 << 20  # bytes; below this one thread is as fast


def _deflate_part(data: memoryview, last: bool) -> bytes:
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)  # raw deflate, level 1
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def _deflate(data: np.ndarray) -> bytes:
    """A zlib stream of ``data`` (level 1), compressed in two halves on two threads.

    The halves are deflated independently (zlib releases the GIL, so they run in
    parallel); the first ends with a sync flush, so the two raw streams concatenate into
    one valid stream (as ``pigz`` does). The cost: the second half cannot refer back to
    the first, a few hundred bytes.
    """
    global _POOL
    view = memoryview(data)
    if len(view) < _PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return zlib.compress(view, 1)
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="png")
    half = len(view) // 2
    second = _POOL.submit(_deflate_part, view[half:], True)
    first = _deflate_part(view[:half], False)
    checksum = zlib.adler32(view)
    return b"\x78\x01" + first + second.result() + struct.pack(">I", checksum)


def png_bytes(pixels: np.ndarray) -> bytes:
    """Encode an RGB or RGBA image as PNG, fast: no row filters, zlib level 1.

    Introduced in ``notebooks/00_start_here.ipynb``. General-purpose encoders try several
    row filters per row to shrink the file; for a figure that is mostly flat colour that
    costs more than it saves. This writes the plain format: about 8 ms for a 1200 x 460
    figure, against about 21 ms for Pillow at its fastest setting, for a file of the same
    size. Pass matplotlib's RGBA buffer as it is: taking its RGB channels first would
    cost a strided copy (about 5 ms) that saves the compressor little.

    Parameters
    ----------
    pixels : numpy.ndarray of uint8, shape (height, width, 3) or (height, width, 4)
        RGB or RGBA rows, top row first.

    Returns
    -------
    bytes
        A valid PNG file (8-bit truecolour, with alpha for RGBA, no interlacing).

    Raises
    ------
    ValueError
        If ``pixels`` is not a (height, width, 3 or 4) array of uint8.
    """
    image = np.asarray(pixels)
    if image.ndim != 3 or image.shape[2] not in (3, 4) or image.dtype != np.uint8:
        raise ValueError(
            f"pixels must be a (height, width, 3 or 4) uint8 array; got {image.dtype} of shape {image.shape}"
        )
    height, width, channels = image.shape
    rows = np.empty((height, 1 + channels * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0 ("None") for every row
    rows[:, 1:] = image.reshape(height, -1)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    colour_type = 2 if channels == 3 else 6  # truecolour, or truecolour with alpha
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", _deflate(rows.reshape(-1)))
        + chunk(b"IEND", b"")
    )


def slider_positions(control: widgets.ValueWidget) -> list[float]:
    """Every value a slider can take, in order, or [] for a control that is not a slider.

    Introduced in ``notebooks/00_start_here.ipynb`` (used by :meth:`LivePanel.prepare` and the
    slider sweep). A logarithmic slider's values are ``base ** (min + i * step)`` as Python
    computes them; :meth:`LivePanel.values` snaps the page's values to these.

    Parameters
    ----------
    control : ipywidgets.ValueWidget

    Returns
    -------
    list of float (int for an IntSlider)
    """
    if isinstance(control, widgets.FloatLogSlider):
        count = round((control.max - control.min) / control.step) + 1
        return [_log_position(control, i) for i in range(count)]
    if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
        count = round((control.max - control.min) / control.step) + 1
        values = [control.min + i * control.step for i in range(count)]
        return [int(v) for v in values] if isinstance(control, widgets.IntSlider) else values
    return []


def _log_position(control: widgets.FloatLogSlider, index: int) -> float:
    """Position ``index`` of a logarithmic slider, as Python computes it."""
    return float(control.base ** (control.min + index * control.step))


def _position_index(control: widgets.ValueWidget, value: object) -> int | None:
    """The index of ``value`` among :func:`slider_positions` of ``control``, or None."""
    try:
        if isinstance(control, widgets.FloatLogSlider):
            return round((math.log(float(value), control.base) - control.min) / control.step)
        if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
            return round((float(value) - control.min) / control.step)
    except (TypeError, ValueError):  # not a number, or a log slider's value <= 0
        return None
    return None


def _plain_text(artist: Artist) -> bool:
    """A Text, or an Annotation without an arrow (a text placed relative to a point)."""
    if type(artist) is Text:
        return True
    return type(artist) is Annotation and artist.arrow_patch is None


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of ipywidgets
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class _TextSprites:
    """Pictures of dynamic texts, pasted instead of drawn again.

    Laying out and rasterising a line of text costs 4-10 ms in Agg, and texts are most of
    what a move repaints. A text is kept as a small picture (colour and coverage, from a
    scratch canvas) and pasted (alpha-blended: about 0.1 ms) whenever it is shown again
    with the same properties over the same background:

    - A plain text in one dark colour (a channel at most ``ONE_DRAW_DARKEST``, as most
      captions are) is drawn once over white; its coverage is read from that channel. Its
      picture costs what drawing it costs, so it is made every time it is drawn.
    - Any other text (a box around it, a light colour) is drawn over black and over white,
      which costs a second drawing: a picture is made only when the text is the same as in
      the previous frame, and at most one per frame.
    """

    #: A colour with a channel at most this dark gives a text's coverage from one drawing over
    #: white to within two levels of 255 (measured on the course's palette).
    ONE_DRAW_DARKEST = 64

    def __init__(self, max_sprites: int = 256, max_bytes: int = 24 << 20) -> None:
        self.max_sprites = max_sprites
        self.max_bytes = max_bytes  # pictures kept, in bytes: the oldest go first
        self.nbytes = 0
        self.pasted = 0  # tests and benchmarks read it
        self._made_this_frame = False  # LivePanel.render resets it
        self.searched_whole = 0  # pictures for which the window around the text was not enough
        self._sprites: OrderedDict[tuple, tuple[int, int, np.ndarray, np.ndarray]] = OrderedDict()
        self._previous: dict[int, tuple] = {}
        self._scratch: RendererAgg | None = None

    @staticmethod
    def signature(text: Text, background: tuple) -> tuple | None:
        """Everything that decides the text's pixels, or None if it is not a plain Text."""
        if not _plain_text(text) or text.get_path_effects() or text.get_usetex() or not text.get_text():
            return None  # not plain, or empty (matplotlib draws nothing, not even its box)
        anchored, transform = None, id(text.get_transform())
        if isinstance(text, Annotation):
            # Placed relative to a point: an annotation makes itself a new transform on every
            # drawing, so the point and both coordinate systems stand in for it.
            anchored, transform = (tuple(np.ravel(text.xy)), repr(text.xycoords), repr(text.anncoords)), None
        patch = text.get_bbox_patch()
        boxed = None
        if patch is not None:
            boxed = (
                tuple(patch.get_facecolor()), tuple(patch.get_edgecolor()), patch.get_linewidth(),
                patch.get_linestyle(), str(patch.get_boxstyle()), patch.get_visible(),
            )
        return (
            background, text.get_text(), tuple(text.get_unitless_position()), str(text.get_color()),
            text.get_alpha(), hash(text.get_fontproperties()), text.get_rotation(), text.get_rotation_mode(),
            text.get_horizontalalignment(), text.get_verticalalignment(), getattr(text, "_multialignment", None),
            getattr(text, "_linespacing", None), text.get_clip_on(), text.get_wrap(), text.get_transform_rotates_text(),
            transform, boxed, anchored,
        )

    def draw(self, text: Text, renderer: RendererAgg, background: tuple) -> None:
        """Draw ``text`` with ``renderer``, or paste its picture if it is unchanged."""
        signature = self.signature(text, background)
        previous = self._previous.get(id(text))
        self._previous[id(text)] = signature
        if signature is None:
            text.draw(renderer)
            return
        key = (id(text), signature)
        sprite = self._sprites.get(key)
        if sprite is None:
            if self._one_draw_colour(text) is None:
                # Changing: drawing it directly is cheapest. A picture costs a second
                # drawing, so at most one is made per frame: when several texts stop
                # changing at once, the others wait for the next frames.
                if signature != previous or self._made_this_frame:
                    text.draw(renderer)
                    return
                self._made_this_frame = True
            sprite = self._keep(key, self._make(text, renderer))
        else:
            self._sprites.move_to_end(key)
        self._paste(sprite, renderer)

    def prepare(self, text: Text, renderer: RendererAgg, background: tuple, any_colour: bool = False) -> bool:
        """Make the picture of ``text`` as it is now, if it takes one drawing (any text with
        ``any_colour``: two drawings for a boxed or light one); True if made."""
        signature = self.signature(text, background)
        if signature is None or not text.get_visible() or (not any_colour and self._one_draw_colour(text) is None):
            return False
        key = (id(text), signature)
        if key in self._sprites:
            return False
        self._keep(key, self._make(text, renderer))
        return True

    def _keep(self, key: tuple, sprite: tuple) -> tuple:
        self._sprites[key] = sprite
        self.nbytes += sprite[2].nbytes + sprite[3].nbytes
        while len(self._sprites) > 1 and (len(self._sprites) > self.max_sprites or self.nbytes > self.max_bytes):
            _, old = self._sprites.popitem(last=False)
            self.nbytes -= old[2].nbytes + old[3].nbytes
        return sprite

    @classmethod
    def _one_draw_colour(cls, text: Artist) -> np.ndarray | None:
        """The text's RGB (0-255) if one drawing over white gives its picture, else None."""
        if not _plain_text(text) or text.get_bbox_patch() is not None:
            return None
        red, green, blue, alpha = to_rgba(text.get_color(), text.get_alpha())
        colour = np.array([red, green, blue]) * 255
        if alpha != 1.0 or colour.min() > cls.ONE_DRAW_DARKEST:
            return None
        return colour

    def paste_fixed(self, artist: Artist, renderer: RendererAgg, background: tuple) -> None:
        """Paste the picture of an artist that never changes (made on its first use per background)."""
        key = (id(artist), "fixed", background)
        sprite = self._sprites.get(key)
        if sprite is None:
            sprite = self._keep(key, self._make(artist, renderer))
        else:
            self._sprites.move_to_end(key)
        self._paste(sprite, renderer)

    def _paste(self, sprite: tuple[int, int, np.ndarray, np.ndarray], renderer: RendererAgg) -> None:
        row, col, picture, kept = sprite
        height, width = kept.shape[:2]
        if height and width:
            target = np.asarray(renderer.buffer_rgba())[row : row + height, col : col + width, :3]
            # picture + background x kept / 255, rounded; at most 255 * 255 + 127: 16 bits are enough.
            blended = picture.astype(np.uint16)
            blended *= 255
            blended += target.astype(np.uint16) * kept
            blended += 127
            target[...] = blended // 255
        self.pasted += 1

    def _make(self, text: Artist, renderer: RendererAgg) -> tuple[int, int, np.ndarray, np.ndarray]:
        # Drawn on a scratch canvas (see _picture: once over white for a dark one-colour text,
        # else over black and over white); pasting is "picture + background x kept / 255".
        # The canvas's own (possibly fractional) size: text is placed from the top edge, so a
        # scratch canvas one pixel shorter would put every picture one pixel too high.
        size = (renderer.width, renderer.height, renderer.dpi)
        if self._scratch is None or (self._scratch.width, self._scratch.height, self._scratch.dpi) != size:
            self._scratch = RendererAgg(*size)
        pixels = np.asarray(self._scratch.buffer_rgba())
        # Only a window around the text is cleared and searched (a whole 1200 x 900 canvas
        # costs some 60 ms): if anything was drawn on the window's rim, the text may reach
        # beyond it, and the whole canvas is used instead.
        window = self._window(text, renderer, pixels.shape[:2])
        if window is not None:
            made = self._picture(text, pixels, window, rim=True)
            if made is not None:
                return made
        self.searched_whole += 1
        made = self._picture(text, pixels, (0, pixels.shape[0], 0, pixels.shape[1]), rim=False)
        assert made is not None  # without the rim check there is always a picture
        return made

    @staticmethod
    def _window(text: Artist, renderer: RendererAgg, shape: tuple[int, int]) -> tuple[int, int, int, int] | None:
        """Rows and columns (top, bottom, left, right) of the buffer around ``text`` (or any artist), padded."""
        estimate = _TextSprites._estimated_window(text, renderer)
        if estimate is not None:
            return _TextSprites._clipped(estimate, shape)
        try:
            extent = text.get_window_extent(renderer)
        except (RuntimeError, ValueError):  # pragma: no cover - cannot be measured: search everything
            return None
        if not np.all(np.isfinite(extent.extents)):
            return None
        # A box around the text and glyphs reaching past their metrics stay inside this margin;
        # another artist's extent (a legend's, say) includes its frame.
        is_text = isinstance(text, Text)
        patch = text.get_bbox_patch() if is_text else None
        margin = 8.0
        if patch is not None:  # the box's padding and edge lie outside the text's extent
            margin += 3 * text.get_fontsize() * renderer.dpi / 72 + 2 * patch.get_linewidth() * renderer.dpi / 72
        elif is_text:
            margin += 0.5 * text.get_fontsize() * renderer.dpi / 72
        return _TextSprites._clipped(
            (extent.x0 - margin, extent.x1 + margin, extent.y0 - margin, extent.y1 + margin), shape
        )

    @staticmethod
    def _estimated_window(text: Artist, renderer: RendererAgg) -> tuple[float, float, float, float] | None:
        """A box (x0, x1, y0, y1, in pixels from the bottom left) surely holding a plain, level text.

        Measuring a text lays it out as drawing does (about 2 ms with matplotlib 3.11); its
        anchor, font size and number of characters bound it well enough, at no cost. A glyph
        is at most one font size wide; a wrong guess is caught by the rim test.
        """
        if type(text) is not Text or text.get_bbox_patch() is not None or text.get_rotation() != 0 or text.get_wrap():
            return None
        x, y = text.get_transform().transform(text.get_unitless_position())
        size = text.get_fontsize() * renderer.dpi / 72
        lines = text.get_text().split("\n")
        width = (max(len(line) for line in lines) + 1) * size
        spacing = getattr(text, "_linespacing", None)  # a number, or "normal" (matplotlib 3.11)
        spacing = max(float(spacing), 1.2) if isinstance(spacing, (int, float)) else 1.5
        height = (len(lines) + 1) * size * spacing
        ha = text.get_horizontalalignment()
        x0 = x - size if ha == "left" else x - width if ha == "right" else x - width / 2 - size
        return x0, x0 + width + 2 * size, y - height, y + height

    @staticmethod
    def _clipped(box: tuple[float, float, float, float], shape: tuple[int, int]) -> tuple[int, int, int, int] | None:
        """Buffer rows and columns (top, bottom, left, right) of a box (x0, x1, y0, y1) in pixels."""
        x0, x1, y0, y1 = box
        if not np.all(np.isfinite(box)):
            return None
        height, width = shape
        top = max(int(height - y1), 0)
        bottom = min(int(np.ceil(height - y0)), height)
        left = max(int(x0), 0)
        right = min(int(np.ceil(x1)), width)
        if bottom - top < 3 or right - left < 3:
            return None
        return top, bottom, left, right

    def _picture(
        self, text: Artist, pixels: np.ndarray, window: tuple[int, int, int, int], rim: bool
    ) -> tuple[int, int, np.ndarray, np.ndarray] | None:
        """The picture of ``text`` drawn inside ``window`` of the scratch canvas, or None if it may not fit."""
        top, bottom, left, right = window
        colour = self._one_draw_colour(text)
        if colour is not None:  # once over white; its darkest channel gives the coverage
            pixels[top:bottom, left:right] = 255
            text.draw(self._scratch)
            channel = int(np.argmin(colour))
            darkened = pixels[top:bottom, left:right, channel]
            drawn = darkened != 255
        else:  # over black and over white: whatever blending the renderer uses, over black it
            # leaves colour x coverage, and white minus black is what the background keeps
            over = []
            for shade in (0, 255):
                pixels[top:bottom, left:right] = (shade, shade, shade, 255)
                text.draw(self._scratch)
                over.append(pixels[top:bottom, left:right, :3].astype(np.int32))
            black, white = over
            drawn = (black != 0).any(axis=2) | (white != 255).any(axis=2)
        if rim and (drawn[0].any() or drawn[-1].any() or drawn[:, 0].any() or drawn[:, -1].any()):
            return None  # the text may reach beyond the window
        rows = np.flatnonzero(drawn.any(axis=1))
        if rows.size == 0 and rim:
            return None  # nothing inside the window: look everywhere
        if rows.size == 0:
            empty = np.zeros((0, 0, 3), dtype=np.uint8)
            return 0, 0, empty, empty
        first, last = int(rows[0]), int(rows[-1]) + 1
        columns = np.flatnonzero(drawn[first:last].any(axis=0))
        start, stop = int(columns[0]), int(columns[-1]) + 1
        if colour is not None:  # the same coverage in every channel: kept is (h, w, 1)
            inked = 255 - darkened[first:last, start:stop].astype(np.float32)
            coverage = np.minimum(inked / np.float32(255 - colour[channel]), 1)[:, :, None]
            picture = np.rint(coverage * colour.astype(np.float32))
            kept = np.rint(255 - 255 * coverage)
        else:
            picture = black[first:last, start:stop]
            kept = np.clip(white[first:last, start:stop] - picture, 0, 255)
        return top + first, left + start, picture.astype(np.uint8), kept.astype(np.uint8)


class LivePanel:
    """Sliders (or other controls) driving one figure that is redrawn in place.

    Introduced in ``notebooks/00_start_here.ipynb``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure that ``draw`` updates.
    draw : callable
        ``draw(**values)`` with one keyword per control; it updates ``fig``'s artists.
        Its return value is ignored.
    controls : mapping of str to ipywidgets.ValueWidget
        Keyword name -> widget. The panel calls ``draw`` with every widget's value
        whenever one of them changes.
    dynamic : sequence of Artist, or callable returning one, optional
        The artists that ``draw`` changes (lines, images, texts, ...). When given, the
        panel draws everything else once, keeps that picture as a background, and on each
        move paints only these artists over a copy of it ("blitting"): several times
        faster than drawing the whole figure. The background is redrawn by itself when an
        axis's limits or scale, a title, an axis label or the figure's size changes. Every
        artist that ``draw`` modifies must be listed, or the picture goes stale; the tests
        compare blitted and full renders to make sure. Without ``dynamic`` every move
        redraws the whole figure.
    overlay : sequence of Artist, optional
        Artists that never change but lie over dynamic ones, such as a legend over an
        image that changes: they must be repainted on every move, and are pasted as a
        picture made once (drawn over black and over white, so that translucent parts
        stay translucent) instead of being drawn again. Listed in ``dynamic`` or not,
        they are painted last, in this order.
    prepare : sequence of str, optional
        Controls whose every position is visited once when the panel is first shown (see
        :meth:`prepare`), so that the first move to a position costs no more than a
        return to it: its training is done and its background drawn. By default every
        logarithmic slider (the learning rates); ``()`` for none.

    Attributes
    ----------
    max_backgrounds : int
        How many backgrounds are kept (most recently used first), so that returning to
        a learning rate already shown needs no full redraw. Each costs width x height x 4
        bytes (about 2 MB for a 12 x 4.6 in figure at 100 dpi). :meth:`prepare` raises it
        to the number of backgrounds its positions need, up to ``max_prepared_backgrounds``.
    background_draws : int
        How many times the whole figure has been drawn (tests and benchmarks read it).
    image : ipywidgets.Image
        The figure as a PNG in a ``data:`` URL (``format="url"``). Each move replaces it; it
        travels to the page as one binary message (no clearing and re-displaying of an
        output area), with the picture's size as the ``<img>``'s width and height.
    widget : ipywidgets.VBox
        The controls above ``image``. Displaying the panel shows it.
    calls : int
        How many times ``draw`` has run (tests use it to see that a slider redraws).
    refresh_ms : collections.deque of float
        Kernel-side milliseconds of the last 1,000 refreshes (``draw``, render, sending
        the picture); the browser benchmark compares them with key press → figure times.
    ahead_delay : float
        Seconds without a move after which the panel draws the next position ahead
        (:meth:`draw_ahead`): 0.06, once the page has shown the picture. Not after a move
        that came less than ``ahead_gap`` (0.15 s) after the one before: a drag, or a held
        key, whose next move would wait for the drawing.
    drawn_ahead : int
        How many positions have been drawn ahead.

    Examples
    --------
    In a notebook cell::

        panel = LivePanel(fig, explorer.draw, {"weight": w_slider, "bias": b_slider},
                          dynamic=explorer.dynamic_artists)
        panel   # shows the sliders and the figure
    """

    def __init__(
        self,
        fig: Figure,
        draw: Callable[..., object],
        controls: Mapping[str, widgets.ValueWidget],
        dynamic: Sequence[Artist] | Callable[[], Sequence[Artist]] | None = None,
        prepare: Sequence[str] | None = None,
        overlay: Sequence[Artist] = (),
    ) -> None:
        if not controls:
            raise ValueError("controls must name at least one widget; got none")
        if prepare is None:
            prepare = [name for name, c in controls.items() if isinstance(c, widgets.FloatLogSlider)]
        elif isinstance(prepare, str) or any(name not in controls for name in prepare):
            raise ValueError(f"prepare must list names of controls ({sorted(controls)}); got {prepare!r}")
        for name in prepare:
            if not slider_positions(controls[name]):
                raise ValueError(f"prepare: control {name!r} is not a slider; got {type(controls[name]).__name__}")
        if dynamic is not None and not callable(dynamic):
            artists = list(dynamic)
            if not all(isinstance(a, Artist) for a in artists):
                raise ValueError(f"dynamic must hold matplotlib artists; got {[type(a).__name__ for a in artists]}")
        self.overlay = list(overlay)
        if not all(isinstance(a, Artist) for a in self.overlay):
            raise ValueError(f"overlay must hold matplotlib artists; got {[type(a).__name__ for a in self.overlay]}")
        if self.overlay and dynamic is None:
            raise ValueError("overlay needs dynamic artists to lie over; got dynamic=None")
        self.fig = fig
        self.draw = draw
        self.controls = dict(controls)
        self.dynamic = dynamic
        # Natural size (never stretched: a raster blurs), shrunk only to fit a narrow page.
        # The PNG travels as a data: URL (format "url"), not as bytes that the page wraps in a
        # Blob: Chromium fetches a blob: URL through its browser process, which took 12-16 ms
        # from setting the <img>'s src to the decoded picture in an empty page, against 1-5 ms
        # for the same PNG as a data: URL (benchmarks/README.md); base64 makes the message a
        # third larger.
        self.image = widgets.Image(
            format="url", layout=widgets.Layout(max_width="100%", height="auto", align_self="flex-start")
        )
        self.calls = 0
        self.refresh_ms: deque[float] = deque(maxlen=1000)
        self.max_backgrounds = 24
        self.max_prepared_backgrounds = 48
        self.background_draws = 0
        self.prepare_names = tuple(prepare)
        self.prepared_ms: float | None = None
        self.prepared_texts = 0
        self._canvas: FigureCanvasAgg | None = None
        self._backgrounds: OrderedDict[tuple, Any] = OrderedDict()
        self._texts = _TextSprites()
        self.ahead_delay = 0.06
        self.ahead_gap = 0.15  # moves closer together than this are a drag (or a held key): no drawing ahead
        self._changed_at = -math.inf
        self.ahead_limit_ms = 50.0  # a draw slower than this (training, say): no drawing ahead
        self._draw_ms = 0.0  # the last call of draw, in refresh or draw_ahead
        self.drawn_ahead = 0
        self._ahead: asyncio.TimerHandle | None = None
        self._not_ahead: set[str] = set()
        self.widget = widgets.VBox([*self.controls.values(), self.image])
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()
        if self.prepare_names and _in_kernel():
            self.prepare()

    def values(self) -> dict[str, Any]:
        """The current value of every control, by keyword.

        A logarithmic slider's value is given as the slider position Python computes
        (``base ** exponent``): the page computes the power itself, and its last bit can
        differ, which would miss every cache keyed by the learning rate.
        """
        values = {}
        for name, control in self.controls.items():
            value = control.value
            if isinstance(control, widgets.FloatLogSlider) and value > 0:
                position = _log_position(control, round((math.log(value, control.base) - control.min) / control.step))
                if math.isclose(value, position, rel_tol=1e-9):
                    value = position
            values[name] = value
        return values

    def dynamic_artists(self) -> list[Artist]:
        """The artists repainted on every move, lowest ``zorder`` first, then ``overlay`` ([] without blitting)."""
        if self.dynamic is None:
            return []
        fixed = {id(a) for a in self.overlay}
        artists = [a for a in (self.dynamic() if callable(self.dynamic) else self.dynamic) if id(a) not in fixed]
        return sorted(artists, key=lambda a: a.get_zorder()) + self.overlay

    def _freeze_layout(self) -> None:
        # Constrained layout has placed the axes; re-solving it on every move would cost
        # about a third of each redraw. None removes the engine ("none" keeps a placeholder
        # that still costs a pass); some engines cannot be removed once colour bars exist.
        if self.fig.get_layout_engine() is not None:
            try:
                self.fig.set_layout_engine(None)
            except RuntimeError:
                self.fig.set_layout_engine("none")

    def _opaque(self) -> bool:
        """Whether the figure's background is opaque: only then can text pictures be pasted."""
        return self.fig.patch.get_visible() and self.fig.patch.get_facecolor()[3] == 1.0

    def _key(self) -> tuple:
        """What the background depends on: limits, scales, and the texts not listed as dynamic."""
        dynamic = {id(a) for a in self.dynamic_artists()}

        def text(artist: Artist | None) -> object:
            if artist is None or id(artist) in dynamic:
                return None
            return (artist.get_text(), artist.get_visible())

        parts: list[object] = [tuple(self.fig.get_size_inches()), self.fig.dpi, text(self.fig._suptitle)]
        for ax in self.fig.axes:
            parts += [
                ax.get_visible(), ax.get_position().bounds, ax.get_xlim(), ax.get_ylim(),
                ax.get_xscale(), ax.get_yscale(), text(ax.xaxis.label), text(ax.yaxis.label),
                text(ax.title), text(ax._left_title), text(ax._right_title),
            ]
        return tuple(parts)

    def _encode(self, canvas: FigureCanvasAgg) -> bytes:
        return png_bytes(np.asarray(canvas.buffer_rgba()))

    def render(self, full: bool = False) -> bytes:
        """The figure as PNG bytes, drawn in one pass and compressed lightly.

        Parameters
        ----------
        full : bool, default False
            Draw the whole figure even when the panel blits (tests compare the two).

        Returns
        -------
        bytes
            A PNG image of the figure at its own dpi.
        """
        dynamic = self.dynamic_artists()
        if self._canvas is None or self._canvas is not self.fig.canvas:
            self._canvas = FigureCanvasAgg(self.fig)
            self._backgrounds.clear()
        canvas = self._canvas
        if full or not dynamic:
            canvas.draw()
            self._freeze_layout()
            return self._encode(canvas)
        if self.fig.get_layout_engine() is not None:
            # First render: lay the figure out with every artist visible (a hidden title
            # would get no room), then freeze that layout before drawing any background.
            canvas.draw()
            self._freeze_layout()
        key = self._background(canvas, dynamic)
        renderer = canvas.get_renderer()
        # Dynamic texts and overlays are pasted as pictures; only an opaque figure allows it.
        opaque = self._opaque()
        fixed = {id(a) for a in self.overlay}
        self._texts._made_this_frame = False
        for artist in dynamic:
            if not artist.get_visible():
                continue
            if opaque and id(artist) in fixed:
                self._texts.paste_fixed(artist, renderer, key)
            elif opaque and isinstance(artist, Text):
                self._texts.draw(artist, renderer, key)
            else:
                artist.draw(renderer)
        return self._encode(canvas)

    def _background(self, canvas: FigureCanvasAgg, dynamic: list[Artist], restore: bool = True) -> tuple:
        """Put the background for the artists' current state on ``canvas`` (drawn if new); return its key."""
        key = self._key()
        if key in self._backgrounds:  # seen before (say, a learning rate visited again)
            self._backgrounds.move_to_end(key)
            if restore:
                canvas.restore_region(self._backgrounds[key])
            return key
        shown = [a.get_visible() for a in dynamic]
        for artist in dynamic:
            artist.set_visible(False)
        try:
            canvas.draw()
        finally:
            for artist, visible in zip(dynamic, shown, strict=True):
                artist.set_visible(visible)
            # An axes places its titles while it draws, from their visible extent: hidden,
            # they were placed wrongly. Place them again now that they are visible.
            renderer = canvas.get_renderer()
            for ax in self.fig.axes:
                ax._update_title_position(renderer)
        self._freeze_layout()
        key = self._key()
        self._backgrounds[key] = canvas.copy_from_bbox(self.fig.bbox)
        while len(self._backgrounds) > self.max_backgrounds:
            self._backgrounds.popitem(last=False)
        self.background_draws += 1
        return key

    def prepare(self, names: Sequence[str] | None = None) -> int:
        """Visit every position of the sliders ``names`` once, without showing anything.

        Each position's ``draw`` runs with the other controls as they are: training, cached by
        the drawing code, happens now rather than on the learner's first move there. With
        ``dynamic`` artists, each new background is drawn and kept too (up to
        ``max_prepared_backgrounds``), and so are the pictures of the dynamic texts that
        take one drawing (``prepared_texts`` counts them). Then the figure is drawn for the
        controls' current values again. The panel runs this once when it is first shown in
        a kernel.

        Parameters
        ----------
        names : sequence of str, optional
            Control names; by default the panel's ``prepare`` argument.

        Returns
        -------
        int
            How many positions were visited. The time taken is kept in ``prepared_ms``.

        Raises
        ------
        ValueError
            If a name is not one of the panel's slider controls.
        """
        names = self.prepare_names if names is None else tuple(names)
        for name in names:
            if name not in self.controls or not slider_positions(self.controls[name]):
                raise ValueError(f"prepare: {name!r} is not a slider of this panel ({sorted(self.controls)})")
        start = time.perf_counter()
        current = self.values()
        dynamic = self.dynamic_artists()
        # Backgrounds only once the panel has been rendered (its layout is then frozen).
        canvas = self._canvas if self._canvas is not None and self._canvas is self.fig.canvas else None
        blits = bool(dynamic) and canvas is not None
        opaque = self._opaque()
        visited = 0
        seen: set[tuple] = set()
        try:
            for name in names:
                for value in slider_positions(self.controls[name]):
                    self.draw(**{**current, name: value})
                    visited += 1
                    if blits:
                        key = self._key()
                        if key not in seen and len(seen) < self.max_prepared_backgrounds:
                            seen.add(key)
                            self.max_backgrounds = max(self.max_backgrounds, len(seen))
                            self._background(canvas, dynamic, restore=False)
                        if opaque and key in self._backgrounds:
                            renderer = canvas.get_renderer()
                            for artist in dynamic:
                                if isinstance(artist, Text):
                                    self.prepared_texts += self._texts.prepare(artist, renderer, key)
        finally:
            self.draw(**current)
        self.prepared_ms = 1000 * (time.perf_counter() - start)
        return visited

    def refresh(self) -> None:
        """Call ``draw`` with the controls' values and show the figure again."""
        start = time.perf_counter()
        self.draw(**self.values())
        self._draw_ms = 1000 * (time.perf_counter() - start)
        self.calls += 1
        if _in_kernel():
            png = self.render()
            # The picture's size as the <img>'s width and height attributes: the page knows
            # its shape before decoding it, and a new picture of the same size changes no layout.
            height, width = np.asarray(self._canvas.buffer_rgba()).shape[:2]
            if (self.image.width, self.image.height) != (str(width), str(height)):
                self.image.width, self.image.height = str(width), str(height)
            self.image.value = b"data:image/png;base64," + base64.b64encode(png)
        self.refresh_ms.append(1000 * (time.perf_counter() - start))

    def _on_change(self, change: Mapping[str, Any]) -> None:
        if self._ahead is not None:  # a new move: whatever was to be drawn ahead may be wrong now
            self._ahead.cancel()
            self._ahead = None
        now = time.perf_counter()
        hurried, self._changed_at = now - self._changed_at < self.ahead_gap, now
        self.refresh()
        if _in_kernel() and not hurried:
            self._schedule_ahead(change)

    def next_position(self, change: Mapping[str, Any]) -> tuple[str, dict[str, Any]] | None:
        """Where the learner goes next if the move ``change`` is repeated: a control's name and all values.

        The slider moved from one position to another; the same step again (the next press
        of the same arrow key) lands here. None for a control that is not a slider, at the
        end of the range, or for a control not drawn ahead (too slow to draw).
        """
        owner = change.get("owner")
        name = next((n for n, c in self.controls.items() if c is owner), None)
        if name is None or name in self._not_ahead:
            return None
        positions = slider_positions(owner)
        old, new = _position_index(owner, change.get("old")), _position_index(owner, change.get("new"))
        if old is None or new is None or old == new or not 0 <= new < len(positions):
            return None
        ahead = min(max(new + (new - old), 0), len(positions) - 1)
        if ahead == new:
            return None
        return name, {**self.values(), name: positions[ahead]}

    def _schedule_ahead(self, change: Mapping[str, Any]) -> None:
        if self.dynamic is None or self._draw_ms > self.ahead_limit_ms:
            return
        target = self.next_position(change)
        if target is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (not in a kernel that runs one): nothing to do ahead
            return
        self._ahead = loop.call_later(self.ahead_delay, self._run_ahead, *target)

    def _run_ahead(self, name: str, values: dict[str, Any]) -> None:
        self._ahead = None
        try:
            self.draw_ahead(values)
        except Exception:  # the move itself will show the error; never draw this control ahead again
            self._not_ahead.add(name)
            return
        if self._draw_ms > self.ahead_limit_ms:  # its positions are slow to draw: do not hold up the next move
            self._not_ahead.add(name)

    def draw_ahead(self, values: Mapping[str, Any]) -> int:
        """Get the figure at ``values`` ready without showing it: its background and dynamic texts.

        Drawing the texts of a position not shown before is most of a move's time in the
        kernel (each new text is laid out and rasterised, 10-15 ms; notebook 02's panels
        change two per iteration). The panel calls this when the kernel is idle after a
        single move (``ahead_delay`` seconds after it, cancelled by a new move; never
        during a drag, see ``ahead_gap``) for the next
        position in the direction of the move (:meth:`next_position`), so that the next
        arrow-key press finds its texts as pictures and its background drawn. ``draw`` then
        runs again with the controls' current values, so the figure shows what it showed.
        A control is not drawn ahead again once its ``draw`` took more than 50 ms here
        (training a new model, say), nor after a move whose own ``draw`` took that long:
        the learner's next move would wait for it.

        Parameters
        ----------
        values : mapping of str to value
            A value for every control.

        Returns
        -------
        int
            How many text pictures were made.
        """
        canvas = self._canvas
        dynamic = self.dynamic_artists()
        if canvas is None or canvas is not self.fig.canvas or not dynamic:
            return 0  # not rendered yet, or not blitting: nothing to get ready
        current = self.values()
        made = 0
        fixed = {id(a) for a in self.overlay}
        try:
            start = time.perf_counter()
            self.draw(**values)
            self._draw_ms = 1000 * (time.perf_counter() - start)
            key = self._background(canvas, dynamic, restore=False)
            if self._opaque():
                renderer = canvas.get_renderer()
                for artist in dynamic:
                    if isinstance(artist, Text) and id(artist) not in fixed:
                        made += self._texts.prepare(artist, renderer, key, any_colour=True)
        finally:
            self.draw(**current)
        self.drawn_ahead += 1
        return made

    def _ipython_display_(self) -> None:
        display(self.widget)
