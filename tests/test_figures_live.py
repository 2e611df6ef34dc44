"""helpers.figures.style and helpers.figures.live: style, sliders, the live panel."""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np
import pytest

from helpers.figures import style as plotting
from helpers.figures.live import LivePanel, iterations_slider, learning_rate_slider, slider_positions


def test_new_figure_is_styled_and_not_managed_by_pyplot():
    import matplotlib.pyplot as plt

    _, ax = plotting.new_figure()
    assert plt.get_fignums() == []
    assert ax.xaxis.label.get_fontsize() == 14
    with plotting.course_style():
        (line,) = ax.plot([0, 1], [0, 1])
    assert line.get_linewidth() == 2.5
    assert mpl.rcParams["lines.linewidth"] != 2.5 or mpl.rcParamsDefault["lines.linewidth"] == 2.5
    _, axes = plotting.new_figure(1, 2)
    assert axes.shape == (2,)


def test_tick_labels_stay_large_when_drawn_outside_the_style():
    fig, ax = plotting.new_figure()
    with plotting.course_style():
        ax.plot(np.arange(50), np.arange(50))
    fig.savefig(io.BytesIO(), format="png")  # drawn outside course_style: ticks are (re)created here
    sizes = {t.get_fontsize() for t in ax.get_xticklabels()}
    assert sizes == {12}


def test_palette_is_okabe_ito():
    assert plotting.PALETTE["blue"] == "#0072B2" and plotting.PALETTE["orange"] == "#E69F00"
    assert len(set(plotting.CLASS_COLORS)) == len(plotting.CLASS_COLORS) == len(plotting.CLASS_MARKERS)


def _run(costs):
    from helpers import optim

    costs = np.asarray(costs, dtype=float)
    return optim.Trajectory(params=np.zeros(1), costs=costs, path=np.zeros((costs.size, 1)), n_iter=costs.size - 1,
                            diverged_at=None)


def test_divergence_banner_says_what_the_cost_did():
    _, ax = plotting.new_figure()
    text = plotting.show_divergence(ax, None, 10)
    assert not text.get_visible()
    growing = _run([1.0, 0.9, 2.0, 4.0, 8.0, 16.0, 32.0])
    same = plotting.show_divergence(ax, growing, 10, text)
    assert same is text and text.get_visible()
    assert text.get_text().startswith("Diverging since iteration 2:") and "too large" in text.get_text()
    plotting.show_divergence(ax, growing, 1, text)  # not risen yet at iteration 1
    assert not text.get_visible()
    plotting.show_divergence(ax, _run([4.0, 6.0, 5.0, 6.0, 5.0, 6.0, 5.0]), 6, text)
    assert text.get_text().startswith("Oscillating since iteration 1:")
    plotting.show_divergence(ax, _run([4.0, 5.0, 3.0, 2.0, 1.0]), 4, text)
    assert text.get_text().startswith("Overshot at iteration 1:") and "coming back down" in text.get_text()


def test_divergence_banner_names_the_most_serious_of_several_runs():
    runs = {"cross-entropy": _run([4.0, 5.0, 3.0, 2.0, 1.0]), "squared error": _run([1.0, 2.0, 4.0, 8.0, 16.0])}
    message = plotting.divergence_message(runs, 4)
    assert message.startswith("Diverging since iteration 1:") and "the squared error cost" in message
    assert plotting.divergence_message({"a": _run([1.0, 0.5])}, 1) == ""


def test_sliders_show_their_whole_label():
    lr = learning_rate_slider(0.1)
    it = iterations_slider(100, 1000)
    assert lr.style.description_width == "initial" and it.style.description_width == "initial"
    assert lr.description == "learning rate α" and it.description == "iterations"
    assert lr.min == -4 and lr.max == 1 and lr.value == pytest.approx(0.1)


@pytest.mark.parametrize(
    "call",
    [lambda: learning_rate_slider(100.0), lambda: learning_rate_slider(0.1, 1, -1), lambda: iterations_slider(0, 10),
     lambda: iterations_slider(50, 10)],
)
def test_slider_arguments_are_checked(call):
    with pytest.raises(ValueError):
        call()


def test_live_panel_calls_draw_with_every_value():
    fig, ax = plotting.new_figure()
    (line,) = ax.plot([0.0], [0.0])
    seen = []

    def draw(learning_rate, iterations):
        seen.append((learning_rate, iterations))
        line.set_data(np.arange(iterations), np.full(iterations, learning_rate))

    lr, it = learning_rate_slider(0.1), iterations_slider(5, 50)
    panel = LivePanel(fig, draw, {"learning_rate": lr, "iterations": it})
    assert panel.calls == 1 and seen[-1] == (pytest.approx(0.1), 5)
    it.value = 20
    assert panel.calls == 2 and len(line.get_xdata()) == 20
    lr.value = 1.0
    assert seen[-1] == (pytest.approx(1.0), 20)
    assert isinstance(panel.widget, widgets.VBox) and panel.widget.children[-1] is panel.image


def test_live_panel_needs_controls():
    fig, _ = plotting.new_figure()
    with pytest.raises(ValueError, match="at least one widget"):
        LivePanel(fig, lambda: None, {})


def test_png_bytes_round_trip(rng):
    from blit import pixels
    from PIL import Image

    from helpers.figures.live import png as widgets_module
    from helpers.figures.live import png_bytes

    image = rng.integers(0, 256, size=(7, 5, 3)).astype(np.uint8)
    np.testing.assert_array_equal(pixels(png_bytes(image)), image)
    rgba = rng.integers(0, 256, size=(6, 9, 4)).astype(np.uint8)  # matplotlib's buffer layout
    decoded = Image.open(io.BytesIO(png_bytes(rgba)))
    assert decoded.mode == "RGBA"
    np.testing.assert_array_equal(np.asarray(decoded), rgba)
    # A figure-sized frame takes the two-thread path: two deflate streams joined into one.
    big = np.full((500, 1200, 4), 255, dtype=np.uint8)
    big[::7, ::3] = rng.integers(0, 256, size=big[::7, ::3].shape)
    assert big.nbytes > widgets_module._PARALLEL_FROM
    np.testing.assert_array_equal(np.asarray(Image.open(io.BytesIO(png_bytes(big)))), big)
    with pytest.raises(ValueError, match=r"\(height, width, 3 or 4\) uint8"):
        png_bytes(image.astype(float))
    with pytest.raises(ValueError, match=r"got uint8 of shape \(7, 5\)"):
        png_bytes(image[:, :, 0])


def parabola_panel():
    """The panel of notebook 00 as the notebook builds it."""
    from helpers.figures.start import MAX_ITERATIONS, ParabolaDescent

    panel = ParabolaDescent().live()
    lr, it = panel.controls["learning_rate"], panel.controls["iterations"]
    assert (lr.value, lr.min, lr.max, it.value, it.max) == (0.3, -2, 0.5, 10, MAX_ITERATIONS)
    return panel


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_blitted_parabola_panel_matches_full_redraws():
    from blit import assert_blitting_is_faithful, assert_dynamic_covers_changes

    settings = [{"learning_rate": lr, "iterations": it} for lr in (0.01, 0.3, 1.0, 1.78, 3.16) for it in (1, 9, 50)]
    assert_dynamic_covers_changes(parabola_panel(), settings)
    assert_blitting_is_faithful(parabola_panel(), settings)


def test_a_forgotten_dynamic_artist_is_caught():
    from blit import assert_dynamic_covers_changes

    panel = parabola_panel()
    cost_curve = panel.draw.__self__._cost
    panel.dynamic = [a for a in panel.dynamic if a is not cost_curve]  # forget the cost curve
    with pytest.raises(AssertionError, match=r"axes1\.line0"):
        assert_dynamic_covers_changes(panel, [{"iterations": 40}])


def test_iterations_moves_reuse_the_background_and_learning_rates_are_cached():
    panel = parabola_panel()
    panel.render()
    draws = panel.background_draws
    for it in (5, 20, 35):
        panel.controls["iterations"].value = it
        panel.render()
    assert panel.background_draws == draws  # the axes did not change: no full redraw
    panel.controls["learning_rate"].value = 1.0
    panel.render()
    assert panel.background_draws == draws + 1  # new limits: one full redraw
    panel.controls["learning_rate"].value = 0.3
    panel.render()
    assert panel.background_draws == draws + 1  # that background is remembered


def test_dynamic_must_hold_artists():
    fig, _ = plotting.new_figure()
    with pytest.raises(ValueError, match="matplotlib artists"):
        LivePanel(fig, lambda x: None, {"x": iterations_slider(1, 5)}, dynamic=[1, 2])


def test_dynamic_axes_titles_stay_in_place():
    from blit import differing_fraction

    fig, ax = plotting.new_figure()
    with plotting.course_style():
        (line,) = ax.plot([0, 1], [0, 1])
        title = ax.set_title("start")
    ax.set(xlim=(0, 20), ylim=(0, 20))

    def draw(n):
        line.set_data(np.arange(n), np.arange(n))
        title.set_text(f"after {n} steps")

    panel = LivePanel(fig, draw, {"n": iterations_slider(5, 20)}, dynamic=[line, title])
    panel.render()
    for n in (3, 10, 20):
        panel.controls["n"].value = n
        assert differing_fraction(panel) < 0.001


def test_a_dynamic_figure_title_gets_room_in_the_layout():
    fig, ax = plotting.new_figure()
    with plotting.course_style():
        (line,) = ax.plot([0, 1], [0, 1])
        ax.set_title("a static axes title")
        suptitle = fig.suptitle("a dynamic figure title")

    def draw(n):
        line.set_data(np.arange(n), np.arange(n))
        suptitle.set_text(f"after {n} steps")

    panel = LivePanel(fig, draw, {"n": iterations_slider(5, 20)}, dynamic=[line, suptitle])
    panel.render()
    renderer = panel._canvas.get_renderer()
    top_of_axes_title = ax.title.get_window_extent(renderer).y1
    assert suptitle.get_window_extent(renderer).y0 >= top_of_axes_title - 1


def caption_panel():
    """A panel with a caption that changes on every move and a label that changes only with ``colour``."""
    fig, ax = plotting.new_figure()
    # 4.6 in at 100 dpi is 459.99999 px to matplotlib 3.10: a picture made on a canvas
    # rounded down to 459 px would be pasted one pixel too high (seen on Python 3.10).
    fig.set_size_inches(12, 4.6)
    ax.set_xlim(0, 60)
    ax.set_ylim(0, 1)
    (line,) = ax.plot([], [])  # kept off the spines: a line over a spine is the one known blit difference
    moving = ax.text(0.02, 0.9, "", transform=ax.transAxes, fontsize=14)
    steady = ax.text(0.5, 0.5, "", transform=ax.transAxes, fontsize=14, ha="center",
                     bbox={"boxstyle": "round", "facecolor": "white"})

    def draw(iterations, colour):
        line.set_data(np.arange(iterations) + 5, np.linspace(0.2, 0.8, iterations))
        moving.set_text(f"iteration {iterations}")
        steady.set_text(f"colour {colour}")
        steady.set_color(colour)

    controls = {"iterations": iterations_slider(5, 50),
                "colour": widgets.Dropdown(options=["black", "tab:orange"], value="black")}
    return LivePanel(fig, draw, controls, dynamic=[line, moving, steady]), steady


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_unchanged_dynamic_texts_are_pasted_and_match_a_full_redraw():
    from blit import pixels

    panel, _ = caption_panel()
    panel.render()
    for value in range(6, 16):
        panel.controls["iterations"].value = value
        blitted = pixels(panel.render())
        full = pixels(panel.render(full=True))
        # A pasted text is blended from the same Agg pixels: at most rounding apart.
        assert np.abs(blitted - full).max() <= 2
    assert panel._texts.pasted >= 8  # the steady label, from its second frame on


def test_a_text_property_change_is_never_hidden_by_an_old_picture():
    from blit import pixels

    panel, steady = caption_panel()
    changes = {
        "colour": lambda: steady.set_color("tab:green"),
        "alpha": lambda: steady.set_alpha(0.4),
        "size": lambda: steady.set_fontsize(20),
        "weight": lambda: steady.set_fontweight("bold"),
        "position": lambda: steady.set_position((0.4, 0.3)),
        "rotation": lambda: steady.set_rotation(10),
        "alignment": lambda: steady.set_horizontalalignment("left"),
        "box colour": lambda: steady.get_bbox_patch().set_facecolor("tab:blue"),
        "box edge": lambda: steady.get_bbox_patch().set_linewidth(4),
        "text, through the panel": lambda: panel.controls["colour"].__setattr__("value", "tab:orange"),
    }
    for name, change in changes.items():
        before = panel._texts.pasted
        panel.render()
        panel.render()  # unchanged twice: its picture is made and pasted
        assert panel._texts.pasted > before
        change()
        blitted = pixels(panel.render())
        difference = np.abs(blitted - pixels(panel.render(full=True))).max()
        assert difference <= 2, f"after changing the text's {name}, an old picture of it was pasted"


def _figure_with_a_dynamic_title():
    """Two constrained-layout panels; ``draw(n)`` changes a line and the figure title."""
    fig, (ax, other) = plotting.new_figure(1, 2)
    with plotting.course_style():
        (line,) = ax.plot([0, 1], [0, 1])
        other.plot([0, 1], [1, 0])
        other.set_ylabel("a static label")
        suptitle = fig.suptitle("a dynamic figure title")
    ax.set(xlim=(0, 20), ylim=(0, 20))

    def draw(n):
        line.set_data(np.arange(n), np.arange(n))
        suptitle.set_text(f"after {n} steps" if n > 4 else f"after {n} steps,\non two lines")

    return fig, draw, [line, suptitle]


def _laid_out(fig, *, hide=()):
    """Axes positions that constrained layout gives ``fig`` with the artists ``hide`` hidden."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for artist in hide:
        artist.set_visible(False)
    FigureCanvasAgg(fig).draw()
    return [ax.get_position().bounds for ax in fig.axes]


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
@pytest.mark.parametrize("blits", [True, False])
def test_live_panel_lays_the_figure_out_once_with_everything_visible_then_freezes_it(blits):
    reference, draw_reference, _ = _figure_with_a_dynamic_title()
    draw_reference(10)
    expected = _laid_out(reference)
    untitled, draw_untitled, dynamic_untitled = _figure_with_a_dynamic_title()
    draw_untitled(10)
    assert _laid_out(untitled, hide=dynamic_untitled) != expected  # a hidden title gets no room

    fig, draw, dynamic = _figure_with_a_dynamic_title()
    panel = LivePanel(fig, draw, {"n": iterations_slider(10, 20)}, dynamic=dynamic if blits else None)
    assert fig.get_layout_engine() is not None  # nothing rendered yet
    panel.render()
    assert fig.get_layout_engine() is None  # frozen: later renders skip the layout pass
    assert [ax.get_position().bounds for ax in fig.axes] == expected  # laid out with the title shown
    for n in (3, 20, 1):  # a two-line title would move the axes down if the layout ran again
        panel.controls["n"].value = n
        panel.render()
        panel.render(full=True)
        assert fig.get_layout_engine() is None
        assert [ax.get_position().bounds for ax in fig.axes] == expected


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_text_pictures_are_made_from_a_window_and_fall_back_to_the_whole_canvas(monkeypatch):
    from blit import pixels

    from helpers.figures.live import sprites as live

    panel, _ = caption_panel()
    for value in range(6, 9):
        panel.controls["iterations"].value = value
        assert np.abs(pixels(panel.render()) - pixels(panel.render(full=True))).max() <= 2
    assert panel._texts.pasted >= 1 and panel._texts.searched_whole == 0  # the window was enough

    # A window that misses the text (too small, elsewhere): the rim or emptiness test must notice.
    for wrong in [(0, 3, 0, 3), (5, 30, 5, 30)]:
        fresh, _ = caption_panel()
        monkeypatch.setattr(live._TextSprites, "_window", staticmethod(lambda *_args, w=wrong: w))
        for value in range(6, 9):
            fresh.controls["iterations"].value = value
            assert np.abs(pixels(fresh.render()) - pixels(fresh.render(full=True))).max() <= 2
        assert fresh._texts.pasted >= 1 and fresh._texts.searched_whole >= 1


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_prepare_visits_every_learning_rate_once_so_first_moves_draw_no_background():
    from blit import differing_fraction

    from helpers.figures.start import parabola_trajectory

    panel = parabola_panel()
    assert panel.prepare_names == ("learning_rate",)  # log sliders by default
    panel.render()
    first = panel.background_draws
    parabola_trajectory.cache_clear()
    lr = panel.controls["learning_rate"]
    positions = [float(10 ** (lr.min + i * lr.step)) for i in range(11)]
    assert panel.prepare() == len(positions) == 11
    trained = len(positions) + 1  # and the start value, 0.3, which is not a position
    assert parabola_trajectory.cache_info().currsize == trained  # every rate trained
    prepared = panel.background_draws
    assert prepared > first and panel.prepared_ms > 0
    assert panel.max_backgrounds >= len(panel._backgrounds)
    assert panel.draw.__self__._title.get_text().startswith("α = 0.3:")  # the current values drawn again
    for rate in positions:
        lr.value = rate
        assert differing_fraction(panel) < 0.005  # the prepared background is the right one
    assert panel.background_draws == prepared  # no first visit needed a background
    assert parabola_trajectory.cache_info().currsize == trained  # nor training


def test_prepare_is_checked_and_can_be_turned_off():
    from helpers.figures.start import ParabolaDescent

    descent = ParabolaDescent()
    controls = {"learning_rate": learning_rate_slider(0.3, -2, 0.5), "iterations": iterations_slider(10, 50),
                "colour": widgets.Dropdown(options=["a", "b"])}
    panel = LivePanel(descent.fig, lambda learning_rate, iterations, colour: descent.draw(learning_rate, iterations),
                      controls, prepare=())
    assert panel.prepare_names == () and panel.prepared_ms is None
    assert panel.prepare(["iterations"]) == 50
    with pytest.raises(ValueError, match=r"'speed' is not a slider"):
        panel.prepare(["speed"])
    with pytest.raises(ValueError, match=r"'colour' is not a slider"):
        panel.prepare(["colour"])
    with pytest.raises(ValueError, match=r"prepare must list names of controls"):
        LivePanel(descent.fig, descent.draw, controls, prepare="learning_rate")
    with pytest.raises(ValueError, match=r"control 'colour' is not a slider; got Dropdown"):
        LivePanel(descent.fig, descent.draw, controls, prepare=["colour"])


def test_a_log_slider_value_computed_by_the_page_is_snapped_to_the_python_position():
    panel = parabola_panel()
    lr = panel.controls["learning_rate"]
    exact = float(10 ** (lr.min + 3 * lr.step))
    lr.value = exact * (1 + 2e-16)  # what Math.pow in the browser may give
    assert panel.values()["learning_rate"] == exact
    lr.value = 0.123  # not a position (set from Python): passed on as it is
    assert panel.values()["learning_rate"] == 0.123


def test_an_overlay_is_pasted_over_what_changes_beneath_it_translucent_parts_included():
    from blit import pixels

    fig, ax = plotting.new_figure()
    with plotting.course_style():
        image = ax.imshow(np.zeros((20, 30)), cmap="viridis", vmin=0, vmax=1, extent=(0, 30, 0, 20), aspect="auto")
        ax.plot([], [], color="black", label="a line")
        legend = ax.legend(loc="lower left", framealpha=0.5)  # the changing image shows through it
    ax.set(xlim=(-5, 35), ylim=(-5, 25))  # the image clear of the spines,
    ax.grid(False)  # and of grid lines (the background's, which it would cover)

    def draw(n):
        image.set_data(np.add.outer(np.arange(20), np.arange(30)) % (n + 2) / (n + 1))

    panel = LivePanel(fig, draw, {"n": iterations_slider(1, 10)}, dynamic=[image], overlay=[legend])
    assert panel.dynamic_artists()[-1] is legend
    for n in range(1, 6):
        panel.controls["n"].value = n
        assert np.abs(pixels(panel.render()) - pixels(panel.render(full=True))).max() <= 2
    assert panel._texts.pasted >= 5
    with pytest.raises(ValueError, match="overlay must hold matplotlib artists"):
        LivePanel(fig, draw, {"n": iterations_slider(1, 10)}, dynamic=[image], overlay=["legend"])
    with pytest.raises(ValueError, match="overlay needs dynamic artists"):
        LivePanel(fig, draw, {"n": iterations_slider(1, 10)}, overlay=[legend])


def test_at_most_one_two_drawing_text_picture_is_made_per_frame():
    fig, ax = plotting.new_figure()
    # Boxed: a picture takes two drawings (over black and over white).
    labels = [ax.text(0.1, 0.2 + 0.2 * i, "", transform=ax.transAxes, fontsize=14, bbox={"facecolor": "white"})
              for i in range(3)]

    def draw(n):
        for i, label in enumerate(labels):
            label.set_text(f"label {i}: {n // 10}")  # all three change together, every tenth step

    panel = LivePanel(fig, draw, {"n": iterations_slider(1, 50)}, dynamic=labels)
    made = []
    for n in range(2, 8):  # "label i: 0" throughout
        panel.controls["n"].value = n
        panel.render()
        made.append(len(panel._texts._sprites))
    # The first frame draws them; from the second on they are unchanged, one picture a frame.
    assert made == [0, 1, 2, 3, 3, 3]


def _image_pixels(make, **imshow):
    """Pixels of a figure with one image, drawn by ``make(ax, data, **imshow)``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig, ax = plotting.new_figure(width=6.3, height=4.1)
    data = imshow.pop("data")
    limits = imshow.pop("limits", None)
    image = make(ax, data, **imshow)
    if limits:
        ax.set(xlim=limits[0], ylim=limits[1])
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].astype(int), image


@pytest.mark.parametrize(
    "case",
    ["lower", "upper", "masked gaps", "rgba bytes", "translucent rgba", "rgb floats", "cut by the axes", "stretched",
     "none"],
)
def test_nearest_image_draws_what_imshow_draws(rng, case):
    values = rng.random((9, 13))
    options = {"data": values, "cmap": "viridis", "vmin": 0, "vmax": 1}
    if case == "upper":
        options["origin"] = "upper"
    elif case == "lower":
        options["origin"] = "lower"
    elif case == "masked gaps":
        values[::3, ::4] = np.nan
        options["data"] = np.ma.masked_invalid(values)
        options["cmap"] = plotting.mpl.colormaps["RdBu"].with_extremes(bad="none")
    elif case in ("rgba bytes", "translucent rgba"):
        colours = (rng.random((9, 13, 4)) * 255).astype(np.uint8)
        if case == "rgba bytes":
            colours[..., 3] = 255
        options = {"data": colours, "origin": "lower"}
    elif case == "rgb floats":
        options = {"data": rng.random((9, 13, 3))}
    elif case == "cut by the axes":
        options.update(extent=(0, 13, 0, 9), limits=((2.3, 11.7), (-1.5, 7.2)))
    elif case == "stretched":
        options.update(extent=(-0.37, 4.1, 2.0, 2.9), aspect="auto")
    expected, standard = _image_pixels(lambda ax, d, **kw: ax.imshow(
        d, interpolation="none" if case == "none" else "nearest", **kw), **dict(options))
    got, fast = _image_pixels(plotting.nearest_image, **dict(options))
    assert type(fast) is plotting.NearestImage and type(standard) is not plotting.NearestImage
    # Matplotlib samples in Agg's fixed point (1/256 pixel), NearestImage at exact pixel
    # centres: where a cell edge falls almost on a pixel centre the two may pick the cells on
    # either side. Every pixel must show what imshow shows there or one pixel away (diagonals too,
    # at the corners of cells).
    differing = np.argwhere(np.abs(got - expected).max(axis=2) > 0)
    padded = np.pad(expected, ((1, 1), (1, 1), (0, 0)), mode="edge")
    # Translucent colours are blended in another order: a unit of rounding apart.
    tolerance = 1 if case == "translucent rgba" else 0
    for y, x in differing:
        neighbours = padded[y : y + 3, x : x + 3].reshape(-1, 3)  # the pixel and its eight neighbours
        closest = np.abs(neighbours - got[y, x]).max(axis=1).min()
        assert closest <= tolerance, f"pixel {(y, x)} shows a cell imshow does not show"
    assert len(differing) < 0.1 * got.shape[0] * got.shape[1]


def test_nearest_image_leaves_what_it_cannot_do_to_matplotlib(rng):
    _, ax = plotting.new_figure()
    image = plotting.nearest_image(ax, rng.random((4, 5)), alpha=0.5)
    assert image._nearest_image(1.0) is None  # an image alpha: matplotlib's own path
    image.set_alpha(None)
    # Its own path, on matplotlib >= 3.11 (whose geometry it follows).
    assert (image._nearest_image(1.0) is not None) == plotting._ROUNDS_TO_PIXEL_BORDERS
    with pytest.raises(ValueError, match="always interpolates 'nearest'"):
        plotting.nearest_image(ax, rng.random((4, 5)), interpolation="bilinear")


@pytest.mark.parametrize("colour", ["black", plotting.PALETTE["vermillion"], plotting.PALETTE["blue"]])
def test_dark_texts_are_kept_from_their_first_drawing_and_pasted_when_shown_again(colour):
    from blit import pixels

    fig, ax = plotting.new_figure()
    ax.set(xlim=(0, 10), ylim=(0, 10))
    with plotting.course_style():
        ax.imshow(np.linspace(0, 1, 60).reshape(6, 10), extent=(0, 10, 0, 10), cmap="viridis", aspect="auto")
    caption = ax.text(0.5, 5, "", fontsize=16, color=colour, fontweight="bold")  # over the image's colours

    def draw(n):
        caption.set_text(f"step {n}: cost {1 / n:.4f} nats −")

    panel = LivePanel(fig, draw, {"n": iterations_slider(1, 9)}, dynamic=[caption])
    assert panel._texts._one_draw_colour(caption) is not None
    for n in (1, 2, 3, 2, 1, 3):
        panel.controls["n"].value = n
        assert np.abs(pixels(panel.render()) - pixels(panel.render(full=True))).max() <= 2
    assert len(panel._texts._sprites) == 3  # one picture per text shown, made when first drawn
    assert panel._texts.pasted >= 6


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_prepare_makes_the_pictures_of_dark_dynamic_texts():
    panel = parabola_panel()
    panel.render()
    panel.prepare()
    assert panel.prepared_texts == 11  # the title at each of the 11 learning rates
    pasted = panel._texts.pasted
    lr = panel.controls["learning_rate"]
    lr.value = float(10 ** (lr.min + 4 * lr.step))
    panel.render()
    assert panel._texts.pasted == pasted + 1  # the title was pasted, not drawn


def test_slider_positions():
    from helpers.figures.live import slider_positions

    assert slider_positions(iterations_slider(2, 5)) == [1, 2, 3, 4, 5]
    assert slider_positions(widgets.FloatSlider(value=0, min=-1, max=1, step=0.5)) == [-1, -0.5, 0, 0.5, 1]
    rates = slider_positions(learning_rate_slider(0.1, -2, 0, steps_per_decade=2))
    assert rates == [10**-2, 10**-1.5, 10**-1, 10**-0.5, 1.0]
    assert slider_positions(widgets.Dropdown(options=["a"])) == []
    lams = widgets.SelectionSlider(options=[("0", 0.0), ("0.1", 0.1), ("1", 1.0)], value=0.1)
    assert slider_positions(lams) == [0.0, 0.1, 1.0]
    assert slider_positions(widgets.SelectionSlider(options=["a", "b"])) == ["a", "b"]


def test_a_selection_slider_is_drawn_ahead_like_any_slider():
    from matplotlib.figure import Figure

    from helpers.figures.live.sliders import _position_index

    lams = widgets.SelectionSlider(options=[("0", 0.0), ("0.1", 0.1), ("1", 1.0)], value=0.0)
    assert [_position_index(lams, v) for v in (0.0, 0.1, 1.0, 0.5)] == [0, 1, 2, None]
    fig = Figure(figsize=(2, 2))
    panel = LivePanel(fig, lambda lam: fig, {"lam": lams}, prepare=["lam"])
    assert panel.next_position({"owner": lams, "old": 0.0, "new": 0.1}) == ("lam", {"lam": 1.0})
    assert panel.next_position({"owner": lams, "old": 0.1, "new": 1.0}) is None  # the end of the range


def test_text_pictures_are_bounded_in_memory():
    panel, _ = caption_panel()
    texts = panel._texts
    texts.max_bytes = 40_000  # a few captions' worth
    for value in range(5, 45):
        panel.controls["iterations"].value = value
        panel.render()
    assert 1 <= len(texts._sprites) < 35 and texts.nbytes <= texts.max_bytes
    assert texts.nbytes == sum(s[2].nbytes + s[3].nbytes for s in texts._sprites.values())


def test_an_annotation_without_an_arrow_is_pasted_like_a_text():
    from blit import pixels

    fig, ax = plotting.new_figure()
    ax.set(xlim=(0, 10), ylim=(0, 10))
    (line,) = ax.plot([], [])
    label = ax.annotate("minimum", (5, 5), xytext=(0, -9), textcoords="offset points", fontsize=14)
    arrowed = ax.annotate("here", (2, 2), xytext=(4, 4), arrowprops={"arrowstyle": "->"})

    def draw(n):
        line.set_data([1, 1 + n / 10], [1, 9])
        label.xy = (5, 5 if n < 4 else 6)  # moves once: the old picture must not be pasted

    panel = LivePanel(fig, draw, {"n": iterations_slider(1, 9)}, dynamic=[line, label, arrowed])
    assert panel._texts.signature(arrowed, ()) is None and panel._texts.signature(label, ()) is not None
    for n in range(1, 8):
        panel.controls["n"].value = n
        assert np.abs(pixels(panel.render()) - pixels(panel.render(full=True))).max() <= 2
    assert panel._texts.pasted >= 5
    assert len(panel._texts._sprites) == 2  # one picture at each of its two places, reused


@pytest.mark.parametrize("ha", ["left", "center", "right"])
@pytest.mark.parametrize("va", ["baseline", "top", "bottom", "center"])
def test_the_estimated_window_holds_the_text(ha, va):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from helpers.figures.live.sprites import _TextSprites

    fig, ax = plotting.new_figure()
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    for words, weight, size in [("WWW mmm 000 −±→", "bold", 18), ("two\nlines, the second longer", "normal", 13)]:
        text = ax.text(0.5, 0.5, words, ha=ha, va=va, fontsize=size, fontweight=weight, transform=ax.transAxes)
        x0, x1, y0, y1 = _TextSprites._estimated_window(text, renderer)
        extent = text.get_window_extent(renderer)
        assert x0 < extent.x0 and extent.x1 < x1 and y0 < extent.y0 and extent.y1 < y1, (words, ha, va)
        text.remove()


def test_drawing_ahead_gets_the_next_position_ready_and_leaves_the_figure_as_it_was():
    from blit import pixels

    panel = parabola_panel()
    lr = panel.controls["learning_rate"]
    positions = slider_positions(lr)
    lr.value = positions[4]  # outside a kernel: draw, no picture sent, nothing drawn ahead
    shown = panel.render()
    target = panel.next_position({"owner": lr, "old": positions[3], "new": positions[4]})
    assert target == ("learning_rate", {**panel.values(), "learning_rate": positions[5]})  # the same step again
    draws = panel.background_draws
    made = panel.draw_ahead(target[1])
    assert made == 1 and panel.drawn_ahead == 1  # the title, which names the learning rate
    assert panel.background_draws == draws + 1  # new axis limits: that background is drawn now
    np.testing.assert_array_equal(pixels(panel.render()), pixels(shown))  # nothing moved
    pasted = panel._texts.pasted
    lr.value = positions[5]
    blitted = panel.render()
    assert panel._texts.pasted == pasted + 1  # the title drawn ahead was pasted, not drawn
    assert panel.background_draws == draws + 1  # and the background was ready
    twin = parabola_panel()  # the same moves, nothing drawn ahead: the same picture
    twin.controls["learning_rate"].value = positions[4]
    twin.render()
    twin.controls["learning_rate"].value = positions[5]
    assert np.abs(pixels(blitted) - pixels(twin.render())).max() <= 2


def test_next_position_follows_the_last_step_and_stops_at_the_ends():
    panel = parabola_panel()
    it, lr = panel.controls["iterations"], panel.controls["learning_rate"]
    assert panel.next_position({"owner": it, "old": 20, "new": 15})[1]["iterations"] == 10  # a drag, five at a time
    assert panel.next_position({"owner": it, "old": it.max - 1, "new": it.max}) is None  # the end of the range
    lr_positions = slider_positions(lr)
    name, values = panel.next_position({"owner": lr, "old": lr_positions[3], "new": lr_positions[4]})
    assert name == "learning_rate" and values["learning_rate"] == lr_positions[5]
    assert panel.next_position({"owner": object(), "old": 1, "new": 2}) is None


def _line_panel(work, monkeypatch):
    """A small blitting panel in a pretend kernel, with ``work`` for its idle time."""
    from matplotlib.figure import Figure

    from helpers.figures.live import panel as panel_module

    monkeypatch.setattr(panel_module, "_in_kernel", lambda: True)
    fig = Figure(figsize=(2, 2))
    (line,) = fig.add_subplot().plot([0, 1], [0, 1])

    def draw(n):
        line.set_ydata([0, n])
        return fig

    slider = widgets.IntSlider(value=1, min=1, max=5)
    return LivePanel(fig, draw, {"n": slider}, dynamic=[line], prepare=(), work_ahead=work), slider


def test_work_ahead_runs_when_idle_until_it_is_done(monkeypatch):
    import asyncio

    calls = []

    def work():
        calls.append(1)
        return len(calls) < 5

    async def main():
        panel, _ = _line_panel(work, monkeypatch)
        panel.work_delay = 0.05
        await asyncio.sleep(0.02)
        assert calls == []  # not before the panel has been idle for work_delay
        await asyncio.sleep(0.4)
        assert len(calls) == 5 and panel.worked_ahead == 5  # then until it says it is done
        assert panel._work is None

    asyncio.run(main())


def test_a_move_puts_the_work_off_and_an_error_stops_it(monkeypatch):
    import asyncio

    calls = []

    def work():
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("broken")
        return True

    async def main():
        panel, slider = _line_panel(work, monkeypatch)
        panel.work_delay = 0.2
        await asyncio.sleep(0.1)
        slider.value = 2  # a move before the work started: it waits work_delay from now
        await asyncio.sleep(0.15)
        assert calls == []
        await asyncio.sleep(0.3)
        assert len(calls) == 3 and panel.work_ahead is None  # stopped at the error, not raised
        slider.value = 3  # the panel still works
        assert panel.calls == 3

    asyncio.run(main())


def test_work_ahead_must_be_callable():
    from matplotlib.figure import Figure

    fig = Figure()
    with pytest.raises(ValueError, match="work_ahead must be a function"):
        LivePanel(fig, lambda n: fig, {"n": widgets.IntSlider()}, work_ahead=3)


def test_a_move_on_another_panel_puts_the_work_off_too(monkeypatch):
    import asyncio

    calls = []

    def work():
        calls.append(1)
        return True

    async def main():
        working, _ = _line_panel(work, monkeypatch)
        _, other = _line_panel(None, monkeypatch)
        working.work_delay = 0.2
        await asyncio.sleep(0.15)
        other.value = 2  # the kernel is busy with the other panel: the work waits 0.2 s from here
        await asyncio.sleep(0.15)
        assert calls == []
        await asyncio.sleep(0.2)
        assert calls  # then it goes on
        working.work_ahead = None  # stop it

    asyncio.run(main())
