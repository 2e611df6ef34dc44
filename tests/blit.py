"""Test helpers for live panels that blit (``LivePanel(..., dynamic=...)``).

Two checks, both needed:

* :func:`assert_dynamic_covers_changes` is exact: after each move it fingerprints every
  content artist of the figure (lines, images, collections, patches, texts, legends) and
  fails if one changed without being listed as dynamic. Axis titles, axis labels, limits
  and scales may change: the panel redraws its background when they do.
* :func:`assert_blitting_is_faithful` compares the blitted picture with a full redraw,
  pixel by pixel, allowing a small share of anti-aliased edges where a repainted artist
  crosses one that is not repainted.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import Collection
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from PIL import Image

from helpers.figures.live import LivePanel


def pixels(png: bytes) -> np.ndarray:
    """Decode PNG bytes to an (height, width, 3) int array."""
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def differing_fraction(panel: LivePanel) -> float:
    """Share of pixels differing (by more than 40 of 255 in a channel) between blitted and full renders."""
    blitted = pixels(panel.render())
    full = pixels(panel.render(full=True))
    return float((np.abs(blitted - full).max(axis=2) > 40).mean())


def _bytes(value: Any) -> bytes:
    try:
        return np.ascontiguousarray(np.ma.getdata(np.asarray(value, dtype=float))).tobytes()
    except (TypeError, ValueError):
        return repr(value).encode()


def fingerprint(artist: Artist) -> str:
    """A digest of what an artist shows (data, text, colours, visibility)."""
    parts: list[bytes] = [type(artist).__name__.encode(), repr((artist.get_visible(), artist.get_alpha())).encode()]
    if isinstance(artist, Line2D):
        style = (artist.get_color(), artist.get_linestyle(), artist.get_marker(), artist.get_linewidth())
        parts += [_bytes(artist.get_xdata()), _bytes(artist.get_ydata()), repr(style).encode()]
    elif isinstance(artist, Text):
        parts += [repr((artist.get_text(), artist.get_position(), artist.get_color())).encode()]
    elif isinstance(artist, AxesImage):
        parts += [_bytes(artist.get_array()), repr((artist.get_extent(), artist.get_clim())).encode()]
    elif isinstance(artist, Collection):
        parts += [_bytes(artist.get_offsets()), _bytes(artist.get_facecolor()), _bytes(artist.get_edgecolor())]
        parts += [_bytes(path.vertices) for path in artist.get_paths()]
    elif isinstance(artist, Patch):
        parts += [_bytes(artist.get_path().vertices), _bytes(artist.get_patch_transform().get_matrix()),
                  _bytes(artist.get_facecolor())]
    return hashlib.sha1(b"|".join(parts)).hexdigest()


def content_artists(panel: LivePanel) -> dict[str, Artist]:
    """Every artist that shows data or text, keyed by a stable name; axis furniture excluded."""
    fig = panel.fig
    found: dict[str, Artist] = {}
    for i, ax in enumerate(fig.axes):
        groups = {"line": ax.lines, "image": ax.images, "collection": ax.collections,
                  "patch": ax.patches, "text": ax.texts, "artist": ax.artists}
        for kind, items in groups.items():
            for j, artist in enumerate(items):
                found[f"axes{i}.{kind}{j}"] = artist
        legend = ax.get_legend()
        if legend is not None:
            for j, text in enumerate(legend.get_texts()):
                found[f"axes{i}.legend.text{j}"] = text
    for j, text in enumerate(fig.texts):
        found[f"figure.text{j}"] = text
    return found


def assert_dynamic_covers_changes(panel: LivePanel, settings: Iterable[Mapping[str, Any]]) -> None:
    """After each setting, every content artist that changed must be one of the panel's dynamic artists."""
    dynamic = {id(a) for a in panel.dynamic_artists()}
    assert dynamic, "this panel does not blit (no dynamic artists)"
    before = {name: fingerprint(a) for name, a in content_artists(panel).items()}
    for setting in settings:
        for name, value in setting.items():
            panel.controls[name].value = value
        artists = content_artists(panel)
        assert set(artists) == set(before), f"after {dict(setting)} artists were added or removed (update them instead)"
        after = {name: fingerprint(a) for name, a in artists.items()}
        stale = [name for name in after if after[name] != before[name] and id(artists[name]) not in dynamic]
        assert not stale, f"after {dict(setting)} these artists changed but are not dynamic: {stale}"
        before = after


def assert_blitting_is_faithful(
    panel: LivePanel, settings: Iterable[Mapping[str, Any]], tolerance: float = 0.005
) -> None:
    """After each setting, blitted and full renders must agree on all but ``tolerance`` of the pixels."""
    assert panel.dynamic_artists(), "this panel does not blit (no dynamic artists)"
    panel.render()
    for setting in settings:
        for name, value in setting.items():
            panel.controls[name].value = value
        fraction = differing_fraction(panel)
        assert fraction < tolerance, f"after {dict(setting)} {fraction:.2%} of the pixels differ from a full redraw"
