"""Text pictures: dynamic texts kept as small pictures and pasted instead of drawn again.

Introduced in ``notebooks/00_start_here.ipynb``.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import to_rgba
from matplotlib.text import Annotation, Text


def _plain_text(artist: Artist) -> bool:
    """A Text, or an Annotation without an arrow (a text placed relative to a point)."""
    if type(artist) is Text:
        return True
    return type(artist) is Annotation and artist.arrow_patch is None

def _linespacing(text: Text) -> object:
    """The text's line spacing through public API (``Text.get_linespacing``, matplotlib 3.10+), else None.

    A text's multi-line alignment has no public getter: the course sets it, if at all,
    when it creates a text, never in a ``draw``, and the blitting tests compare every
    figure's blitted frames with full redraws.
    """
    getter = getattr(text, "get_linespacing", None)
    return getter() if getter is not None else None


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
        self._previous: dict[int, tuple | None] = {}
        self._scratch: RendererAgg | None = None

    @staticmethod
    def signature(text: Text, background: tuple) -> tuple | None:
        """Everything that decides the text's pixels, or None if it is not a plain Text."""
        if not _plain_text(text) or text.get_path_effects() or text.get_usetex() or not text.get_text():
            return None  # not plain, or empty (matplotlib draws nothing, not even its box)
        anchored: tuple | None = None
        transform: int | None = id(text.get_transform())
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
            text.get_horizontalalignment(), text.get_verticalalignment(), _linespacing(text),
            text.get_clip_on(), text.get_wrap(), text.get_transform_rotates_text(),
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
        if not isinstance(text, Text) or not _plain_text(text) or text.get_bbox_patch() is not None:
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
        height, width = pixels.shape[:2]
        window = self._window(text, renderer, (height, width))
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
        margin = 8.0
        if isinstance(text, Text):
            patch = text.get_bbox_patch()
            if patch is not None:  # the box's padding and edge lie outside the text's extent
                margin += (3 * float(text.get_fontsize()) + 2 * patch.get_linewidth()) * renderer.dpi / 72
            else:
                margin += 0.5 * float(text.get_fontsize()) * renderer.dpi / 72
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
        spacing = _linespacing(text)  # a number, "normal" (matplotlib 3.11), or None (not readable)
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
        scratch = self._scratch
        if scratch is None:  # pragma: no cover - _make sets it before calling this
            return None
        colour = self._one_draw_colour(text)
        if colour is not None:  # once over white; its darkest channel gives the coverage
            pixels[top:bottom, left:right] = 255
            text.draw(scratch)
            channel = int(np.argmin(colour))
            darkened = pixels[top:bottom, left:right, channel]
            drawn = darkened != 255
        else:  # over black and over white: whatever blending the renderer uses, over black it
            # leaves colour x coverage, and white minus black is what the background keeps
            over = []
            for shade in (0, 255):
                pixels[top:bottom, left:right] = (shade, shade, shade, 255)
                text.draw(scratch)
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
