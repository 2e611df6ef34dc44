"""The live-panel engine: sliders that redraw one figure in place, fast enough to follow a drag.

See ``README.md`` in this folder for why each piece exists and what it measured.
Introduced in ``notebooks/00_start_here.ipynb``.
"""

from .figure import LiveFigure
from .panel import LivePanel, freeze_layout
from .png import png_bytes
from .sliders import iterations_slider, learning_rate_slider, learning_rates, slider_positions, slider_style, snap

__all__ = [
    "LiveFigure",
    "LivePanel",
    "freeze_layout",
    "iterations_slider",
    "learning_rate_slider",
    "learning_rates",
    "png_bytes",
    "slider_positions",
    "slider_style",
    "snap",
]
