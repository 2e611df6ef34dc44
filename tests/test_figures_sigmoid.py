"""The figures and slider panels of notebook 01 (helpers/figures/sigmoid/).

The boundary line and the point cloud they draw are tested with the maths
(tests/test_logistic.py, tests/test_data.py).

Warnings are errors in this suite (pyproject.toml), so every draw below also proves that
no slider position overflows, divides by zero or produces NaN.
"""

from __future__ import annotations

import io
import itertools

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import logistic, optim
from helpers.data import add_intercept, make_two_blobs
from helpers.figures.live import LivePanel
from helpers.figures.sigmoid import (
    BoundaryExplorer,
    SigmoidExplorer,
    TrainingPreview,
    odds_figure,
    threshold_shift_figure,
)
from helpers.sigmoid import sigmoid


def render(fig: Figure) -> None:
    fig.savefig(io.BytesIO(), format="png")


def students(seed: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """The notebook's 1-D data: hours studied and pass/fail, overlapping classes."""
    rng = np.random.default_rng(seed)
    hours = np.sort(rng.uniform(0.5, 9.5, size=20)).round(1)
    passed = (rng.uniform(size=20) < sigmoid(1.5 * (hours - 5.0))).astype(float)
    return hours, passed


@pytest.fixture(scope="module")
def sigmoid_explorer() -> SigmoidExplorer:
    return SigmoidExplorer()


@pytest.fixture(scope="module")
def cloud() -> tuple[np.ndarray, np.ndarray]:
    return make_two_blobs(np.random.default_rng(1), n_per_class=40)


@pytest.fixture(scope="module")
def boundary_explorer(cloud) -> BoundaryExplorer:
    return BoundaryExplorer(*cloud)


@pytest.fixture(scope="module")
def preview() -> TrainingPreview:
    hours, passed = students()
    return TrainingPreview(hours, passed, centre=5.0, max_iterations=200)


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def test_threshold_shift_figure_marks_the_newly_misclassified_sample():
    hours, passed = students()
    X = add_intercept(hours)
    before = np.linalg.lstsq(X, passed, rcond=None)[0]
    after = np.linalg.lstsq(add_intercept(np.append(hours, 40.0)), np.append(passed, 1.0), rcond=None)[0]
    fig = threshold_shift_figure(hours, passed, before, after, 40.0)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    rings = [c for c in fig.axes[1].collections if c.get_label() == "now misclassified"]
    assert len(rings) == 1
    ring_x = rings[0].get_offsets()[:, 0]
    assert np.allclose(ring_x, [5.1])  # the student at 5.1 h who passed


def test_threshold_shift_figure_bad_input():
    with pytest.raises(ValueError, match="non-zero slope"):
        threshold_shift_figure([1.0, 2.0], [0, 1], [0.1, 0.0], [0.1, 0.2], 40.0)
    with pytest.raises(ValueError, match="binary labels"):
        threshold_shift_figure([1.0, 2.0], [0, 2], [0.1, 0.1], [0.1, 0.2], 40.0)
    with pytest.raises(ValueError, match="same number of samples"):
        threshold_shift_figure([1.0, 2.0, 3.0], [0, 1], [0.1, 0.1], [0.1, 0.2], 40.0)


def test_odds_figure_curves_are_what_they_claim():
    fig = odds_figure()
    odds_ax, log_ax, sig_ax = fig.axes
    p, odds = odds_ax.lines[0].get_data()
    assert np.allclose(odds, p / (1 - p))
    p, log_odds = log_ax.lines[0].get_data()
    assert np.allclose(np.exp(log_odds), p / (1 - p))
    z, s = sig_ax.lines[0].get_data()
    assert np.allclose(s, 1 / (1 + np.exp(-z)))


# ---------------------------------------------------------------------------------------
# SigmoidExplorer
# ---------------------------------------------------------------------------------------
def test_sigmoid_explorer_at_defaults(sigmoid_explorer):
    fig = sigmoid_explorer.draw(**SigmoidExplorer.defaults)
    x, p = sigmoid_explorer.p_line.get_data()
    assert np.allclose(p, sigmoid(x))
    assert np.allclose(sigmoid_explorer.slope_line.get_ydata(), sigmoid(x) * (1 - sigmoid(x)))
    assert sigmoid_explorer.p_marker.get_visible()
    assert np.allclose(sigmoid_explorer.p_marker.get_xdata(), [0.0])
    assert np.allclose(sigmoid_explorer.slope_marker.get_ydata(), [0.25])
    assert isinstance(fig, Figure)


@pytest.mark.parametrize(("weight", "bias"), list(itertools.product([-5.0, -0.1, 0.0, 0.1, 5.0], [-5.0, 0.0, 5.0])))
def test_sigmoid_explorer_corners_are_finite(sigmoid_explorer, weight, bias):
    sigmoid_explorer.draw(weight=weight, bias=bias)
    for line in (sigmoid_explorer.p_line, sigmoid_explorer.slope_line):
        assert np.all(np.isfinite(line.get_ydata()))
    crossing = sigmoid_explorer.p_marker.get_visible()
    assert crossing == (weight != 0.0)
    if crossing:
        assert np.isclose(sigmoid_explorer.p_marker.get_xdata()[0], -bias / weight)
        assert np.isclose(sigmoid_explorer.slope_marker.get_ydata()[0], weight / 4)
    else:
        text = sigmoid_explorer.p_text.get_text()
        assert ("no crossing" in text) if bias else ("for every x" in text)


def test_sigmoid_explorer_sliders_change_the_curve(sigmoid_explorer):
    sigmoid_explorer.draw(weight=1.0, bias=0.0)
    first = sigmoid_explorer.p_line.get_ydata().copy()
    sigmoid_explorer.draw(weight=1.0, bias=2.0)
    shifted = sigmoid_explorer.p_line.get_ydata().copy()
    sigmoid_explorer.draw(weight=3.0, bias=2.0)
    steeper = sigmoid_explorer.p_line.get_ydata().copy()
    assert not np.allclose(first, shifted) and not np.allclose(shifted, steeper)
    assert "−b/w = -0.67" in sigmoid_explorer.p_text.get_text()


def test_sigmoid_explorer_bad_input(sigmoid_explorer):
    with pytest.raises(ValueError, match="weight must be a real number"):
        sigmoid_explorer.draw(weight="1", bias=0.0)
    with pytest.raises(ValueError, match="bias must be a finite number"):
        sigmoid_explorer.draw(weight=1.0, bias=float("nan"))
    with pytest.raises(ValueError, match="weight must be a real number"):
        sigmoid_explorer.draw(weight=True, bias=0.0)
    with pytest.raises(ValueError, match="x_range"):
        SigmoidExplorer(x_range=(3.0, -3.0))


def test_sigmoid_explorer_live_panel_redraws(sigmoid_explorer):
    explorer = sigmoid_explorer
    panel = explorer.live()
    controls = panel.controls
    assert panel.calls == 1
    before = explorer.p_line.get_ydata().copy()
    controls["weight"].value = -2.0
    controls["bias"].value = 1.5
    assert panel.calls == 3
    assert not np.allclose(before, explorer.p_line.get_ydata())
    assert np.isclose(explorer.p_marker.get_xdata()[0], 0.75)


# ---------------------------------------------------------------------------------------
# BoundaryExplorer
# ---------------------------------------------------------------------------------------
def test_boundary_explorer_at_defaults(boundary_explorer, cloud):
    X, y = cloud
    boundary_explorer.draw(**BoundaryExplorer.defaults)
    image = np.asarray(boundary_explorer.image.get_array())
    assert np.all(np.isfinite(image)) and image.min() >= 0 and image.max() <= 1
    x1, x2 = boundary_explorer.line.get_data()
    assert np.allclose(np.asarray(x1) + np.asarray(x2), 3.0)  # the boundary x1 + x2 = 3
    # the right panel: each sample at (score, sigma(score)), class by class
    scores = add_intercept(X) @ np.array([-3.0, 1.0, 1.0])
    offsets = boundary_explorer.curve_points[1].get_offsets()
    assert np.allclose(offsets[:, 0], np.clip(scores[y == 1], -10, 10))
    assert np.allclose(offsets[:, 1], sigmoid(offsets[:, 0]))
    accuracy = np.mean(logistic.predict([-3.0, 1.0, 1.0], add_intercept(X)) == y)
    assert f"accuracy {accuracy:.0%}" in boundary_explorer.curve_text.get_text()


@pytest.mark.parametrize(
    ("theta0", "theta1", "theta2"),
    list(itertools.product([-10.0, 0.0, 10.0], [-4.0, 0.0, 4.0], [-4.0, 0.0, 4.0])),
)
def test_boundary_explorer_corners_are_finite(boundary_explorer, theta0, theta1, theta2):
    boundary_explorer.draw(theta0=theta0, theta1=theta1, theta2=theta2)
    assert np.all(np.isfinite(np.asarray(boundary_explorer.image.get_array())))
    for line in (boundary_explorer.line, boundary_explorer.line_low, boundary_explorer.line_high):
        assert np.all(np.isfinite(np.asarray(line.get_xdata(), dtype=float)))
        assert np.all(np.isfinite(np.asarray(line.get_ydata(), dtype=float)))
    for points in boundary_explorer.curve_points:
        assert np.all(np.isfinite(points.get_offsets()))
    text = boundary_explorer.where_text.get_text()
    if theta1 == 0 and theta2 == 0:
        assert "no boundary" in text and boundary_explorer.line.get_xdata().size == 0
        assert not boundary_explorer.arrow.get_visible()
    elif theta2 == 0 and boundary_explorer.line.get_xdata().size:
        assert "vertical" in text
        assert np.allclose(boundary_explorer.line.get_xdata(), -theta0 / theta1)


def test_boundary_explorer_arrow_points_toward_class_one(boundary_explorer):
    boundary_explorer.draw(theta0=-3.0, theta1=1.0, theta2=2.0)
    foot = np.array(boundary_explorer.arrow.get_position())
    tip = np.array(boundary_explorer.arrow.xy)
    theta = np.array([-3.0, 1.0, 2.0])
    assert np.isclose(theta @ np.r_[1.0, foot], 0.0)  # the arrow starts on the boundary
    assert theta @ np.r_[1.0, tip] > 0  # and ends on the class-1 side
    direction = tip - foot
    assert np.isclose(direction @ np.array([2.0, -1.0]), 0.0)  # perpendicular to the line


def test_boundary_explorer_sliders_change_the_picture(boundary_explorer):
    boundary_explorer.draw(theta0=-3.0, theta1=1.0, theta2=1.0)
    image = np.array(boundary_explorer.image.get_array())
    line = np.concatenate(boundary_explorer.line.get_data())
    boundary_explorer.draw(theta0=-2.0, theta1=1.0, theta2=1.0)
    assert not np.allclose(image, boundary_explorer.image.get_array())
    assert not np.allclose(line, np.concatenate(boundary_explorer.line.get_data()))
    # scaling theta keeps the boundary but sharpens the surface
    boundary_explorer.draw(theta0=-6.0, theta1=2.0, theta2=2.0)
    assert np.allclose(np.concatenate(boundary_explorer.line.get_data()), line)
    assert np.abs(np.asarray(boundary_explorer.image.get_array()) - 0.5).mean() > np.abs(image - 0.5).mean()


def test_boundary_explorer_says_when_the_boundary_is_out_of_view(boundary_explorer):
    boundary_explorer.draw(theta0=-10.0, theta1=0.5, theta2=0.5)  # x1 + x2 = 20, far up right
    assert "outside this view" in boundary_explorer.where_text.get_text()
    assert boundary_explorer.line.get_xdata().size == 0 and not boundary_explorer.arrow.get_visible()


def test_boundary_explorer_renders_without_warnings_with_no_boundary(boundary_explorer):
    boundary_explorer.draw(theta0=10.0, theta1=0.0, theta2=0.0)
    render(boundary_explorer.fig)


def test_boundary_explorer_bad_input(boundary_explorer, cloud):
    X, y = cloud
    with pytest.raises(ValueError, match=r"shape \(m, 2\)"):
        BoundaryExplorer(np.ones((4, 3)), [0, 1, 0, 1])
    with pytest.raises(ValueError, match="binary labels"):
        BoundaryExplorer(X, y + 1)
    with pytest.raises(ValueError, match="theta1 must be a finite number"):
        boundary_explorer.draw(theta0=0.0, theta1=float("inf"), theta2=1.0)
    with pytest.raises(ValueError, match="theta0 must lie between"):
        boundary_explorer.draw(theta0=1e9, theta1=1.0, theta2=1.0)


def test_boundary_explorer_live_panel_redraws(boundary_explorer):
    explorer = boundary_explorer
    panel = explorer.live()
    controls = panel.controls
    assert panel.calls == 1
    before = np.array(explorer.image.get_array())
    controls["theta2"].value = 0.0
    assert panel.calls == 2
    assert not np.allclose(before, explorer.image.get_array())
    assert np.allclose(explorer.line.get_xdata(), 3.0)  # theta = (-3, 1, 0): x1 = 3


# ---------------------------------------------------------------------------------------
# TrainingPreview
# ---------------------------------------------------------------------------------------
def test_training_preview_at_defaults(preview):
    preview.draw(**TrainingPreview.defaults)
    t, costs = preview.cost_line.get_data()
    assert len(t) == TrainingPreview.defaults["iterations"] + 1
    run = preview.trajectory(TrainingPreview.defaults["learning_rate"])
    assert np.allclose(costs, run.costs[: len(t)])
    theta = run.at(TrainingPreview.defaults["iterations"])
    assert np.allclose(preview.curve.get_ydata(), sigmoid(theta[0] + theta[1] * (preview.grid - 5.0)))
    assert not preview.divergence.get_visible()


@pytest.mark.parametrize(("exponent", "iterations"), list(itertools.product([-3.0, 0.0, 2.0], [1, 200])))
def test_training_preview_corners_are_finite(preview, exponent, iterations):
    preview.draw(learning_rate=10.0**exponent, iterations=iterations)
    assert np.all(np.isfinite(preview.curve.get_ydata()))
    assert np.all(np.isfinite(preview.cost_line.get_ydata()))
    assert len(preview.cost_line.get_xdata()) == iterations + 1


def test_training_preview_iterations_slice_the_cache(preview):
    preview.draw(learning_rate=0.3, iterations=5)
    trained = preview.n_trained
    early = preview.curve.get_ydata().copy()
    preview.draw(learning_rate=0.3, iterations=150)
    assert preview.n_trained == trained  # same learning rate: no retraining
    assert not np.allclose(early, preview.curve.get_ydata())  # but the curve moved
    preview.draw(learning_rate=0.03, iterations=150)
    assert preview.n_trained == trained + 1


def test_training_preview_shows_divergence_only_for_a_rising_cost(preview):
    preview.draw(learning_rate=100.0, iterations=200)  # overshoots at once, then jumps up and down
    assert preview.divergence.get_visible()
    assert preview.divergence.get_text().startswith("Oscillating since iteration 1")
    preview.draw(learning_rate=100.0, iterations=50)  # still on its way back down from the overshoot
    assert preview.divergence.get_text().startswith("Overshot at iteration 1")
    assert preview.ax_cost.get_ylim()[1] >= preview.cost_line.get_ydata().max()
    render(preview.fig)
    preview.draw(learning_rate=1.0, iterations=50)
    assert not preview.divergence.get_visible()


def test_training_preview_bad_input(preview):
    with pytest.raises(ValueError, match="learning_rate"):
        preview.draw(learning_rate=0.0, iterations=10)
    with pytest.raises(ValueError, match="learning_rate"):
        preview.draw(learning_rate="fast", iterations=10)
    with pytest.raises(ValueError, match="iterations must be a positive integer"):
        preview.draw(learning_rate=0.1, iterations=0)
    with pytest.raises(ValueError, match="at most max_iterations = 200"):
        preview.draw(learning_rate=0.1, iterations=201)
    with pytest.raises(ValueError, match="both classes"):
        TrainingPreview([1.0, 2.0, 3.0], [1, 1, 1])


def test_training_preview_live_panel_redraws():
    hours, passed = students()
    explorer = TrainingPreview(hours, passed, centre=5.0, max_iterations=100)
    panel = explorer.live()
    controls = panel.controls
    assert panel.calls == 1 and controls["iterations"].max == 100
    before = explorer.curve.get_ydata().copy()
    controls["iterations"].value = 3
    assert panel.calls == 2 and not np.allclose(before, explorer.curve.get_ydata())
    trained = explorer.n_trained
    controls["learning_rate"].value = 1.0
    assert panel.calls == 3 and explorer.n_trained == trained + 1


def test_training_preview_trains_the_slider_rates_as_the_textbook_loop_does():
    # the slider's 21 rates are trained together (optim.Descent); each run is the one
    # optim.fit_logistic_gd gives alone, diverging ones included. At the two largest rates
    # (56 and 100) the iterates bounce chaotically and the last-bit differences of the stacked
    # product grow after about 70 iterations, so those two are compared over 60 iterations.
    hours, passed = students()
    explorer = TrainingPreview(hours, passed, centre=5.0, max_iterations=200)
    for rate in [*SLIDER_RATES, 0.3]:
        run = explorer.trajectory(rate)
        alone = optim.fit_logistic_gd(explorer.design, explorer.y, rate, 200)
        assert run.n_iter == alone.n_iter and run.diverged_at == alone.diverged_at, rate
        shown = slice(0, 61) if rate > 50 else slice(None)
        assert np.allclose(run.path[shown], alone.path[shown], rtol=1e-10, atol=1e-12), rate
        assert np.allclose(run.costs[shown], alone.costs[shown], rtol=1e-10, atol=1e-12), rate
    assert explorer.n_trained == len(SLIDER_RATES) + 1


# ---------------------------------------------------------------------------------------
# the live panels blit (issue 8): built exactly as notebooks/01_sigmoid.ipynb builds them
# ---------------------------------------------------------------------------------------
def notebook_sigmoid_panel() -> LivePanel:
    return SigmoidExplorer().live()


def notebook_boundary_panel() -> LivePanel:
    X_cloud, y_cloud = make_two_blobs(np.random.default_rng(1), n_per_class=40)
    return BoundaryExplorer(X_cloud, y_cloud).live()


def notebook_training_panel() -> LivePanel:
    hours, passed = students()
    return TrainingPreview(hours, passed, centre=5.0, x_label="hours studied (h)").live()


# Two lists per panel. SWEEP walks each slider over its whole range and visits the corners and
# the special cases the figures describe in words (w = 0, a crossing outside the plot; no
# boundary, a vertical one, one outside the view; a diverging run); the exact check of the
# dynamic artists needs no rendering, so it takes all of them. The pixel comparison (a full
# redraw costs about 0.1 s) takes CORNERS: the ends of every slider and the special cases that
# hide or move the most artists. The last number is how many backgrounds CORNERS needs: one, since
# no slider changes the axes, except that a diverging learning rate gets a taller cost axis.
SIGMOID_CORNERS = [(-5.0, -5.0), (5.0, 5.0), (0.0, 5.0), (0.1, 5.0)]
SIGMOID_SWEEP = [
    *SIGMOID_CORNERS,
    (-5.0, 5.0),
    (5.0, -5.0),
    (0.0, 0.0),
    (0.0, -5.0),
    (-0.1, 0.0),
    (-2.5, 2.5),
    *((w, 1.0) for w in np.linspace(-5.0, 5.0, 11)),
    *((1.5, b) for b in np.linspace(-5.0, 5.0, 6)),
]
BOUNDARY_CORNERS = [(-10.0, -4.0, -4.0), (10.0, -4.0, 4.0), (0.0, 0.0, 0.0), (-3.0, 1.0, 0.0)]
BOUNDARY_SWEEP = [
    *BOUNDARY_CORNERS,
    *itertools.product([-10.0, 10.0], [-4.0, 4.0], [-4.0, 4.0]),
    (10.0, 0.0, 0.0),
    (-10.0, 0.5, 0.5),
    (-3.0, 0.0, 1.0),
    (0.0, -4.0, 0.0),
    (0.0, 0.0, 4.0),
    (-3.0, 1.0, 1.0),
    *((t0, 1.0, 1.0) for t0 in np.linspace(-10.0, 10.0, 5)),
    *((-3.0, t1, 2.0) for t1 in np.linspace(-4.0, 4.0, 5)),
]
SLIDER_RATES = [float(10.0**e) for e in np.arange(-3.0, 2.01, 0.25)]  # the 21 positions of the slider
TRAINING_CORNERS = [(0.001, 1), (0.001, 500), (100.0, 1), (100.0, 500)]
TRAINING_SWEEP = [
    *TRAINING_CORNERS,
    (1.0, 3),
    (SLIDER_RATES[-3], 250),
    *((rate, 100) for rate in SLIDER_RATES[::2]),
    *((0.1, it) for it in (1, 2, 10, 250, 499, 500)),
    *((100.0, it) for it in (2, 3, 50)),
]
PANELS = {
    "sigmoid": (notebook_sigmoid_panel, ("weight", "bias"), SIGMOID_CORNERS, SIGMOID_SWEEP, 1),
    "boundary": (notebook_boundary_panel, ("theta0", "theta1", "theta2"), BOUNDARY_CORNERS, BOUNDARY_SWEEP, 1),
    "training": (notebook_training_panel, ("learning_rate", "iterations"), TRAINING_CORNERS, TRAINING_SWEEP, 2),
}


def settings(names: tuple[str, ...], rows: list[tuple]) -> list[dict]:
    """Slider values by name; an iteration count stays an integer."""
    return [
        {name: int(value) if name == "iterations" else float(value) for name, value in zip(names, row, strict=True)}
        for row in rows
    ]


@pytest.mark.parametrize("name", list(PANELS))
def test_live_panel_lists_every_artist_its_sliders_change(name):
    from blit import assert_dynamic_covers_changes

    make, names, _, sweep, _ = PANELS[name]
    assert_dynamic_covers_changes(make(), settings(names, sweep))


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
@pytest.mark.parametrize("name", list(PANELS))
def test_live_panel_blits_the_same_picture_as_a_full_redraw(name):
    from blit import assert_blitting_is_faithful

    make, names, corners, _, backgrounds = PANELS[name]
    panel = make()
    assert_blitting_is_faithful(panel, settings(names, corners))
    # Fixed limits, titles and labels: the other moves (the iterations slider's in particular)
    # were all blits over a background drawn before.
    assert panel.background_draws == backgrounds
    if "iterations" in names:  # and the iterations slider alone never needs a new one
        for it in (2, 250, 499, 1):
            panel.controls["iterations"].value = it
            panel.render()
        assert panel.background_draws == backgrounds


def test_training_panel_cost_axis_takes_two_heights_across_the_learning_rate_slider():
    explorer = notebook_training_panel().draw.__self__
    heights = set()
    for rate in SLIDER_RATES[::2]:  # 0.001 to 100, two of them diverging
        explorer.draw(learning_rate=rate, iterations=100)
        run = explorer.trajectory(rate)
        bottom, top = explorer.ax_cost.get_ylim()
        assert bottom == 0.0 and top >= run.costs.max()  # the whole run fits
        if run.diverged_at is None:  # the cost never rises above ln 2
            assert top == 0.8
        heights.add(top)
    assert len(heights) == 2  # one background for the steady rates, one for the diverging ones
