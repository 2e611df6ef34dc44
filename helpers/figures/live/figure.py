"""``LiveFigure``: the base of every interactive figure, which builds its own live panel.

Introduced in ``notebooks/00_start_here.ipynb``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from .panel import LivePanel

__all__ = ["LiveFigure"]


class LiveFigure:
    """Base of the course's interactive figures: draw it at given values, or show it with sliders.

    Introduced in ``notebooks/00_start_here.ipynb``. A subclass builds ``self.fig`` and its
    artists once in ``__init__``; ``draw(**values)`` updates them for explicit values (what
    tests and the static picture call); ``controls()`` makes its sliders, set to the
    notebook's defaults; ``dynamic_artists`` lists every artist ``draw`` changes (and
    ``overlay_artists`` the unchanging ones that lie over them). :meth:`live` wires these
    into a :class:`LivePanel`, so notebooks and tests never repeat the wiring.
    """

    fig: Figure
    dynamic_artists: Sequence[Artist] | None = None
    overlay_artists: Sequence[Artist] = ()
    #: The controls whose every position the panel visits when first shown (``LivePanel``'s
    #: ``prepare``); None: its default, the logarithmic (learning-rate) sliders.
    prepare_controls: Sequence[str] | None = None
    #: Work the panel does while the kernel is idle (``LivePanel``'s ``work_ahead``): a method
    #: that does a few milliseconds of it and returns whether more is left; None: nothing.
    work_ahead: Callable[[], bool] | None = None

    #: ``draw(**values)``: update the figure for one value per control; every subclass defines it
    #: with its own keyword parameters (``draw(self, learning_rate, iterations)``, say).
    draw: Callable[..., Figure]

    def controls(self) -> dict[str, widgets.ValueWidget]:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def live(self, **controls: widgets.ValueWidget) -> LivePanel:
        """The figure with its sliders: a :class:`LivePanel` (display it to show it).

        Parameters
        ----------
        **controls : ipywidgets.ValueWidget
            Replace one of :meth:`controls` by name (a wider range, another default).

        Raises
        ------
        ValueError
            If a name is not one of the figure's controls.
        """
        made = self.controls()
        unknown = sorted(set(controls) - set(made))
        if unknown:
            raise ValueError(f"live: {unknown} are not controls of this figure; its controls are {sorted(made)}")
        made.update(controls)
        return LivePanel(self.fig, self.draw, made, dynamic=self.dynamic_artists, prepare=self.prepare_controls,
                         overlay=self.overlay_artists, work_ahead=self.work_ahead)
