"""Sliders for the live figures: a logarithmic learning-rate slider, an iterations slider, and
the positions a slider can take (one snapping rule for every panel).

Introduced in ``notebooks/00_start_here.ipynb``.
"""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as widgets
import numpy as np

__all__ = ["iterations_slider", "learning_rate_slider", "learning_rates", "slider_positions", "slider_style", "snap"]

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
    list
        Floats (ints for an IntSlider; the options' values for a SelectionSlider).
    """
    if isinstance(control, widgets.SelectionSlider):
        return [option[1] if isinstance(option, tuple) else option for option in control.options]
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


def _position_index(control: widgets.ValueWidget, value: Any) -> int | None:
    """The index of ``value`` among :func:`slider_positions` of ``control``, or None."""
    try:
        if isinstance(control, widgets.SelectionSlider):
            return slider_positions(control).index(value)
        if isinstance(control, widgets.FloatLogSlider):
            return round((math.log(float(value), control.base) - control.min) / control.step)
        if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
            return round((float(value) - control.min) / control.step)
    except (TypeError, ValueError):  # not a number, a log slider's value <= 0, or not an option
        return None
    return None


def learning_rates(min_exponent: float, max_exponent: float, steps_per_decade: int = 4) -> np.ndarray:
    """Every rate that ``learning_rate_slider(_, min_exponent, max_exponent, steps_per_decade)`` offers.

    Introduced in ``notebooks/04_gradient_descent.ipynb``. The one list of slider
    rates: the same floats, bit for bit, as :func:`slider_positions` of that slider (and so
    as the values :meth:`LivePanel.values` passes to a figure), so a figure can train these
    rates in advance and find them again by exact lookup.

    Parameters
    ----------
    min_exponent, max_exponent : float
        The slider runs from ``10**min_exponent`` to ``10**max_exponent``.
    steps_per_decade : int
        Positions per factor of ten.

    Returns
    -------
    numpy.ndarray, shape (L,)

    Raises
    ------
    ValueError
        If the range is empty or ``steps_per_decade`` is not a positive integer.

    Examples
    --------
    >>> learning_rates(-1, 0, 2).round(4).tolist()
    [0.1, 0.3162, 1.0]
    """
    if isinstance(steps_per_decade, bool) or not isinstance(steps_per_decade, int) or steps_per_decade < 1:
        raise ValueError(f"steps_per_decade must be a positive integer; got {steps_per_decade!r}")
    if not min_exponent < max_exponent:
        raise ValueError(f"min_exponent must be below max_exponent; got {min_exponent} and {max_exponent}")
    step = 1 / steps_per_decade
    count = round((max_exponent - min_exponent) / step) + 1
    return np.array([float(10 ** (min_exponent + i * step)) for i in range(count)])


def snap(control: widgets.ValueWidget, value: Any) -> Any:
    """``value`` as the slider position Python computes, if ``control`` is a logarithmic slider.

    Introduced in ``notebooks/00_start_here.ipynb``. The page computes ``base ** exponent``
    itself, and its last bit can differ from Python's, which would miss every cache keyed
    by the learning rate. A value within 1e-9 (relative) of a position becomes that
    position; any other value, and the value of any other control, is returned as it is.
    """
    if isinstance(control, widgets.FloatLogSlider) and isinstance(value, (int, float)) and value > 0:
        position = _log_position(control, round((math.log(value, control.base) - control.min) / control.step))
        if math.isclose(value, position, rel_tol=1e-9):
            return position
    return value
