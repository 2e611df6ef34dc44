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

Introduced in ``notebooks/00_start_here.ipynb``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets
from IPython.display import Image, display
from matplotlib.figure import Figure

__all__ = ["LivePanel", "iterations_slider", "learning_rate_slider", "slider_style"]

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


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of ipywidgets
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


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

    Attributes
    ----------
    widget : ipywidgets.VBox
        The controls above an ``Output`` showing the figure. Displaying the panel shows it.
    calls : int
        How many times ``draw`` has run (tests use it to see that a slider redraws).

    Examples
    --------
    In a notebook cell::

        panel = LivePanel(fig, explorer.draw, {"weight": w_slider, "bias": b_slider})
        panel   # shows the sliders and the figure
    """

    def __init__(
        self,
        fig: Figure,
        draw: Callable[..., object],
        controls: Mapping[str, widgets.ValueWidget],
    ) -> None:
        if not controls:
            raise ValueError("controls must name at least one widget; got none")
        self.fig = fig
        self.draw = draw
        self.controls = dict(controls)
        self.output = widgets.Output()
        self.calls = 0
        self.widget = widgets.VBox([*self.controls.values(), self.output])
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()

    def values(self) -> dict[str, Any]:
        """The current value of every control, by keyword."""
        return {name: control.value for name, control in self.controls.items()}

    def render(self) -> bytes:
        """The figure as PNG bytes, drawn once (no second pass to trim the margins).

        After the first render the layout is frozen: constrained layout has placed the axes,
        and re-solving it on every slider move would cost about a third of each redraw.
        The PNG is compressed lightly, which is much faster and only slightly larger.
        """
        buffer = io.BytesIO()
        self.fig.savefig(buffer, format="png", dpi=self.fig.dpi, pil_kwargs={"compress_level": 1})
        if self.fig.get_layout_engine() is not None:
            try:  # None removes the engine; "none" would keep a placeholder that still costs a pass
                self.fig.set_layout_engine(None)
            except RuntimeError:  # some engines cannot be removed once colour bars exist
                self.fig.set_layout_engine("none")
        return buffer.getvalue()

    def refresh(self) -> None:
        """Call ``draw`` with the controls' values and show the figure again."""
        self.draw(**self.values())
        self.calls += 1
        if _in_kernel():
            picture = Image(data=self.render(), format="png")
            with self.output:
                self.output.clear_output(wait=True)
                display(picture)

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        self.refresh()

    def _ipython_display_(self) -> None:
        display(self.widget)
