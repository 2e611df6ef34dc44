"""What the figures of ``notebooks/01_sigmoid.ipynb`` share: limits and number formatting.

Introduced in ``notebooks/01_sigmoid.ipynb``.
"""

from __future__ import annotations

#: Largest parameter magnitude the explorers accept (keeps every score finite).
MAX_PARAM: float = 1e6


def _fmt(value: float, digits: int = 2) -> str:
    """Format a number without the '-0.00' that rounding a tiny negative number gives."""
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text
