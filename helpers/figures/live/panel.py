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
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text

from .png import png_bytes
from .sliders import _position_index, slider_positions, snap
from .sprites import _TextSprites

__all__ = ["LivePanel", "freeze_layout"]

def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of ipywidgets
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def freeze_layout(fig: Figure, lay_out: bool = True) -> None:
    """Lay ``fig`` out once (constrained layout), then keep that layout: redraws skip the solver.

    Introduced in ``notebooks/00_start_here.ipynb``. Re-solving constrained layout on every
    move would cost about a third of each redraw. A live panel freezes its figure's layout
    after its first render; a figure calls this itself after creating every artist with
    its widest text (placeholders), so that the layout leaves room for what the panel will
    show, not only for its first frame.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    lay_out : bool, default True
        Lay the figure out first (``Figure.draw_without_rendering``); ``False`` if it has
        just been drawn.
    """
    if lay_out:
        fig.draw_without_rendering()
    if fig.get_layout_engine() is not None:
        # None removes the engine ("none" keeps a placeholder that still costs a pass);
        # some engines cannot be removed once colour bars exist.
        try:
            fig.set_layout_engine(None)
        except RuntimeError:
            fig.set_layout_engine("none")


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
    work_ahead : callable, optional
        Work for the kernel's idle time, such as training learning rates further than a
        slider has asked yet: ``work_ahead()`` does a few milliseconds of it and returns
        whether more is left. The panel calls it once no control of any panel in the
        kernel has moved for ``work_delay`` seconds (after it is shown, after each move),
        then again and again with ``work_gap`` seconds between calls (a message from the
        page that came meanwhile is handled first) until it returns False; a move cancels
        the next call. Nothing is done ahead without an event loop
        (outside a kernel), and never again after an exception (the learner's own move
        will show it).

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
    work_delay, work_gap : float
        Seconds without a move before ``work_ahead`` runs (0.3: after drawing ahead), and
        between its calls (0.002).
    worked_ahead : int
        How many times ``work_ahead`` has run.
    text_pictures : bool
        Whether dynamic texts and overlays are pasted as pictures (the default) or drawn
        every time; ``benchmarks/engine.py`` switches it off to measure what it saves.

    Examples
    --------
    In a notebook cell::

        panel = LivePanel(fig, explorer.draw, {"weight": w_slider, "bias": b_slider},
                          dynamic=explorer.dynamic_artists)
        panel   # shows the sliders and the figure
    """

    #: When any panel's control last moved (``time.perf_counter``): the panels of one kernel
    #: share it, so no panel works ahead while another is being moved.
    _moved_at: float = -math.inf

    def __init__(
        self,
        fig: Figure,
        draw: Callable[..., object],
        controls: Mapping[str, widgets.ValueWidget],
        dynamic: Sequence[Artist] | Callable[[], Sequence[Artist]] | None = None,
        prepare: Sequence[str] | None = None,
        overlay: Sequence[Artist] = (),
        work_ahead: Callable[[], bool] | None = None,
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
        self._axes_titles: dict[int, list[Text]] = {}
        self._texts = _TextSprites()
        self.text_pictures = True
        self.ahead_delay = 0.06
        self.ahead_gap = 0.15  # moves closer together than this are a drag (or a held key): no drawing ahead
        self._changed_at = -math.inf
        self.ahead_limit_ms = 50.0  # a draw slower than this (training, say): no drawing ahead
        self._draw_ms = 0.0  # the last call of draw, in refresh or draw_ahead
        self.drawn_ahead = 0
        self._ahead: asyncio.TimerHandle | None = None
        self._not_ahead: set[str] = set()
        if work_ahead is not None and not callable(work_ahead):
            raise ValueError(f"work_ahead must be a function of no arguments; got {type(work_ahead).__name__}")
        self.work_ahead = work_ahead
        self.work_delay = 0.3
        self.work_gap = 0.002
        self.worked_ahead = 0
        self._work: asyncio.TimerHandle | None = None
        self.widget = widgets.VBox([*self.controls.values(), self.image])
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()
        if self.prepare_names and _in_kernel():
            self.prepare()
        if _in_kernel():
            self._schedule_work(self.work_delay)

    def values(self) -> dict[str, Any]:
        """The current value of every control, by keyword.

        A logarithmic slider's value is given as the slider position Python computes
        (``base ** exponent``): the page computes the power itself, and its last bit can
        differ, which would miss every cache keyed by the learning rate.
        """
        return {name: snap(control, control.value) for name, control in self.controls.items()}

    def dynamic_artists(self) -> list[Artist]:
        """The artists repainted on every move, lowest ``zorder`` first, then ``overlay`` ([] without blitting)."""
        if self.dynamic is None:
            return []
        fixed = {id(a) for a in self.overlay}
        artists = [a for a in (self.dynamic() if callable(self.dynamic) else self.dynamic) if id(a) not in fixed]
        return sorted(artists, key=lambda a: a.get_zorder()) + self.overlay

    def _freeze_layout(self) -> None:
        freeze_layout(self.fig, lay_out=False)  # the canvas has just been drawn: laid out

    def _opaque(self) -> bool:
        """Whether the figure's background is opaque: only then can text pictures be pasted."""
        return self.fig.patch.get_visible() and to_rgba(self.fig.patch.get_facecolor())[3] == 1.0

    def _key(self) -> tuple:
        """What the background depends on: limits, scales, and the texts not listed as dynamic."""
        dynamic = {id(a) for a in self.dynamic_artists()}

        def text(artist: Text | None) -> object:
            if artist is None or id(artist) in dynamic:
                return None
            return (artist.get_text(), artist.get_visible())

        # The figure's texts (its suptitle is one of them) and each axes' titles, unless dynamic.
        parts: list[object] = [tuple(self.fig.get_size_inches()), self.fig.dpi, *(text(t) for t in self.fig.texts)]
        for ax in self.fig.axes:
            parts += [
                ax.get_visible(), ax.get_position().bounds, ax.get_xlim(), ax.get_ylim(),
                ax.get_xscale(), ax.get_yscale(), text(ax.xaxis.label), text(ax.yaxis.label),
                *(text(title) for title in self._titles(ax)),
            ]
        return tuple(parts)

    def _titles(self, ax: Axes) -> list[Text]:
        """The axes' three titles (left, centre, right), found through public API and kept.

        ``Axes.get_children`` lists them among its texts; the other texts are ``ax.texts``.
        """
        found = self._axes_titles.get(id(ax))
        if found is None:
            others = {id(t) for t in ax.texts}
            found = [c for c in ax.get_children() if isinstance(c, Text) and id(c) not in others]
            self._axes_titles[id(ax)] = found
        return found

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
        opaque = self._opaque() and self.text_pictures
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
            # they were placed wrongly. Measuring the axes (public API) places them again.
            renderer = canvas.get_renderer()
            hidden = {id(artist) for artist in dynamic}
            for ax in self.fig.axes:
                if any(id(title) in hidden for title in self._titles(ax)):
                    ax.get_tightbbox(renderer)
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
        blits = bool(dynamic)
        opaque = self._opaque()
        visited = 0
        seen: set[tuple] = set()
        try:
            for name in names:
                for value in slider_positions(self.controls[name]):
                    self.draw(**{**current, name: value})
                    visited += 1
                    if blits and canvas is not None:
                        key = self._key()
                        if key not in seen and len(seen) < self.max_prepared_backgrounds:
                            seen.add(key)
                            self.max_backgrounds = max(self.max_backgrounds, len(seen))
                            self._background(canvas, dynamic, restore=False)
                        if opaque and self.text_pictures and key in self._backgrounds:
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
            canvas = self._canvas
            assert canvas is not None  # render() made it
            height, width = np.asarray(canvas.buffer_rgba()).shape[:2]
            if (self.image.width, self.image.height) != (str(width), str(height)):
                self.image.width, self.image.height = str(width), str(height)
            self.image.value = b"data:image/png;base64," + base64.b64encode(png)
        self.refresh_ms.append(1000 * (time.perf_counter() - start))

    def _on_change(self, change: Mapping[str, Any]) -> None:
        if self._ahead is not None:  # a new move: whatever was to be drawn ahead may be wrong now
            self._ahead.cancel()
            self._ahead = None
        if self._work is not None:  # the move first; the work waits until the kernel is idle again
            self._work.cancel()
            self._work = None
        now = time.perf_counter()
        hurried, self._changed_at = now - self._changed_at < self.ahead_gap, now
        LivePanel._moved_at = now  # every panel's work waits for the kernel to be quiet
        self.refresh()
        if _in_kernel():
            if not hurried:
                self._schedule_ahead(change)
            self._schedule_work(self.work_delay)

    def _schedule_work(self, delay: float) -> None:
        if self.work_ahead is None or self._work is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop: nothing is done ahead
            return
        self._work = loop.call_later(delay, self._run_work)

    def _run_work(self) -> None:
        self._work = None
        if self.work_ahead is None:
            return
        quiet = time.perf_counter() - LivePanel._moved_at
        if quiet < self.work_delay:  # another panel in this kernel has moved meanwhile: its moves first
            self._schedule_work(self.work_delay - quiet)
            return
        try:
            more = self.work_ahead()
        except Exception:  # never again; the learner's own move will show the error
            self.work_ahead = None
            return
        self.worked_ahead += 1
        if more:
            self._schedule_work(self.work_gap)

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
            if self._opaque() and self.text_pictures:
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
