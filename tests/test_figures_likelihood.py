"""Figures and live panels of notebook 02 (helpers/figures/likelihood/)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from blit import assert_blitting_is_faithful, assert_dynamic_covers_changes
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers import data, optim
from helpers.figures import likelihood as viz
from helpers.figures.likelihood import explorer as explorer_module
from helpers.figures.likelihood import scores as scores_module
from helpers.figures.live import iterations_slider, learning_rate_slider, learning_rates, slider_positions
from helpers.figures.style import new_figure

RAW = {"standardized": False, "min_exponent": -6, "max_exponent": -2, "max_iter": 5000}
STD = {"standardized": True, "min_exponent": -2, "max_exponent": 2, "max_iter": 1000}


@pytest.fixture(scope="module")
def exam():
    return data.load_exam_scores()


@pytest.fixture(scope="module")
def raw_explorer(exam):
    return viz.DescentExplorer(*exam, **RAW)


@pytest.fixture(scope="module")
def std_explorer(exam):
    return viz.DescentExplorer(*exam, **STD)


# ---------------------------------------------------------------------------------------
# geometry
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("theta", "expected_x1", "expected_x2"),
    [
        ([-100.0, 1.0, 1.0], [0.0, 100.0], [100.0, 0.0]),  # slanted, corner to corner
        ([-30.0, 1.0, 0.0], [30.0, 30.0], [0.0, 100.0]),  # vertical: x1 = 30
        ([-70.0, 0.0, 1.0], [0.0, 100.0], [70.0, 70.0]),  # horizontal: x2 = 70
    ],
)
def test_boundary_segment_ends_on_the_box(theta, expected_x1, expected_x2):
    x1, x2 = viz.boundary_segment(theta, (0, 100, 0, 100))
    got = np.array(sorted(zip(x1.tolist(), x2.tolist(), strict=True)))
    np.testing.assert_allclose(got, np.array(sorted(zip(expected_x1, expected_x2, strict=True))), atol=1e-12)
    a, b, c = theta
    np.testing.assert_allclose(a + b * x1 + c * x2, 0.0, atol=1e-9)


@pytest.mark.parametrize("theta", [[-500.0, 1.0, 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
def test_boundary_segment_is_nan_when_the_line_misses_the_box(theta):
    x1, x2 = viz.boundary_segment(theta, (0, 100, 0, 100))
    assert np.isnan(x1).all() and np.isnan(x2).all()


@pytest.mark.parametrize(
    ("theta", "box", "message"),
    [([1.0, 2.0], viz.SCORE_BOX, r"shape \(3,\)"), ([1.0, 2.0, 3.0], (0, 1, 2), "box must be"),
     ([1.0, 2.0, 3.0], (1, 0, 0, 1), "min < max")],
)
def test_boundary_segment_rejects_bad_input(theta, box, message):
    with pytest.raises(ValueError, match=message):
        viz.boundary_segment(theta, box)


def _shoelace(points):
    x, y = points[:, 0], points[:, 1]
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))


def test_admitted_region_has_the_area_of_the_predicted_ones(rng):
    box = (0.0, 2.0, 0.0, 1.0)
    grid = rng.uniform((0, 0), (2, 1), size=(200_000, 2))
    for _ in range(5):
        theta = np.array([rng.normal(), rng.normal(), rng.normal()])
        region = viz.admitted_region(theta, box)
        share = np.mean(theta[0] + grid @ theta[1:] >= 0)
        area = _shoelace(region) if len(region) >= 3 else 0.0
        assert area / 2.0 == pytest.approx(share, abs=0.005)


def test_admitted_region_is_the_box_or_nothing_when_the_boundary_is_outside():
    assert viz.admitted_region([1.0, 0.0, 0.0]).shape == (4, 2)
    assert viz.admitted_region([-1.0, 0.0, 0.0]).shape == (0, 2)


def test_the_explorers_rates_are_the_slider_positions_exactly(raw_explorer, std_explorer):
    for explorer in (raw_explorer, std_explorer):
        slider = explorer.controls()["learning_rate"]
        assert explorer.runs.learning_rates.tolist() == slider_positions(slider)  # bit for bit: exact lookups
    grid = learning_rates(-6, -2)
    slider = learning_rate_slider(1e-3, -6, -2)
    assert grid.size == round((slider.max - slider.min) / slider.step) + 1
    np.testing.assert_allclose(grid, 10.0 ** (slider.min + slider.step * np.arange(grid.size)), rtol=1e-12)
    with pytest.raises(ValueError, match="below max_exponent"):
        learning_rates(1, 1)
    with pytest.raises(ValueError, match="steps_per_decade"):
        learning_rates(-1, 1, 0)


def test_envelope_keeps_the_band_of_an_oscillating_cost(rng):
    values = 0.5 + 0.1 * (-1.0) ** np.arange(5001) + 0.01 * rng.normal(size=5001)
    index, thinned = explorer_module._envelope(values)
    assert index[0] == 0 and index[-1] == 5000 and np.all(np.diff(index) >= 0)
    assert thinned.size <= 1300
    assert thinned.max() == values.max() and thinned.min() == values.min()
    np.testing.assert_array_equal(thinned, values[index])
    short = np.linspace(1, 0, 50)
    np.testing.assert_array_equal(explorer_module._envelope(short)[1], short)


# ---------------------------------------------------------------------------------------
# trajectories
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("rate", [1e-5, 10**-3.25, 1e-3, 1e-2, 3e-4])  # 3e-4: not a slider rate, trained on first use
def test_vectorised_runs_match_fit_logistic_gd(exam, rate):
    X, y = data.add_intercept(exam[0]), exam[1]
    runs = viz.DescentRuns(X, y, [1e-6, 10**-3.25, 1e-3, 1e-2, 1e-5], 400)
    mine, reference = runs.get(rate), optim.fit_logistic_gd(X, y, rate, 400)
    np.testing.assert_allclose(mine.path, reference.path, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(mine.costs, reference.costs, rtol=1e-9)
    assert mine.diverged_at == reference.diverged_at
    assert mine.n_iter == reference.n_iter == 400


def test_runs_that_overflow_stop_where_fit_logistic_gd_stops(exam):
    """Scores near 1e300 overflow within a few steps: the runs keep the first non-finite iterate as optim does."""
    X, y = data.add_intercept(exam[0]) * 1e300, exam[1]
    rates = [1e-3, 1.0, 1000.0]
    runs = viz.DescentRuns(X, y, rates, 30)
    kinds = set()
    for rate in rates:
        mine = runs.get(rate)
        with np.errstate(over="ignore", invalid="ignore"):  # the textbook loop warns on the blow-up
            reference = optim.fit_logistic_gd(X, y, rate, 30)
        assert (mine.n_iter, mine.diverged_at) == (reference.n_iter, reference.diverged_at)
        np.testing.assert_allclose(mine.path, reference.path, rtol=1e-12)
        np.testing.assert_allclose(mine.costs, reference.costs, rtol=1e-12)
        kinds.add("stopped early" if reference.n_iter < 30 else "ran")
    assert "stopped early" in kinds


def test_slider_rates_are_never_retrained_but_others_are_cached(exam, monkeypatch):
    X, y = data.add_intercept(exam[0]), exam[1]
    rates = learning_rates(-4, -3)
    runs = viz.DescentRuns(X, y, rates, 50)
    trained = []
    real = optim.logistic_descent
    monkeypatch.setattr(optim, "logistic_descent", lambda *a, **k: trained.append(list(a[2])) or real(*a, **k))
    for rate in slider_positions(learning_rate_slider(1e-4, -4, -3)):
        runs.get(rate)  # exactly the values the slider passes
    assert trained == []
    first = runs.get(3e-4)
    assert runs.get(3e-4) is first and trained == [[3e-4]]


@pytest.mark.parametrize("rate", [0.0, -1.0, 1e4, float("nan"), "0.1", True])
def test_runs_reject_bad_learning_rates(exam, rate):
    runs = viz.DescentRuns(data.add_intercept(exam[0]), exam[1], [1e-3], 5)
    with pytest.raises(ValueError, match="learning_rate"):
        runs.get(rate)


def test_runs_reject_bad_construction(exam):
    X, y = data.add_intercept(exam[0]), exam[1]
    with pytest.raises(ValueError, match="at most 1000"):
        viz.DescentRuns(X, y, [1e-3, 1e4], 5)
    with pytest.raises(ValueError, match="max_iter"):
        viz.DescentRuns(X, y, [1e-3], 0)
    with pytest.raises(ValueError, match="same number of samples"):
        viz.DescentRuns(X[:10], y, [1e-3], 5)


# ---------------------------------------------------------------------------------------
# the live panels
# ---------------------------------------------------------------------------------------
def _corners(settings):
    grid = learning_rates(settings["min_exponent"], settings["max_exponent"])
    return [(float(rate), k) for rate in (grid[0], grid[len(grid) // 2], grid[-1]) for k in (1, settings["max_iter"])]


def _snapshot(explorer):
    return {
        "iterations": np.asarray(explorer.cost_line.get_xdata(), dtype=float).copy(),
        "cost": np.asarray(explorer.cost_line.get_ydata(), dtype=float).copy(),
        "region": explorer.region.get_xy().copy(),
        "boundary": np.concatenate([np.asarray(v, dtype=float) for v in explorer.boundary_line.get_data()]),
        "title": explorer.title.get_text(),
        "ylim": explorer.ax_cost.get_ylim(),
    }


@pytest.mark.parametrize(("name", "settings"), [("raw", RAW), ("std", STD)])
def test_draw_at_every_corner_is_finite(request, name, settings):
    explorer = request.getfixturevalue(f"{name}_explorer")
    for rate, iterations in _corners(settings):
        assert explorer.draw(learning_rate=rate, iterations=iterations) is explorer.fig
        shot = _snapshot(explorer)
        costs = explorer.runs.get(rate).costs[: iterations + 1]
        assert shot["iterations"][0] == 0 and shot["iterations"][-1] == iterations
        assert shot["cost"][-1] == costs[-1] and shot["cost"].max() == costs.max() and shot["cost"].min() == costs.min()
        assert shot["cost"].size <= 1300 and np.isfinite(shot["cost"]).all()
        assert np.isfinite(shot["region"]).all()
        assert np.isfinite(explorer.ax_cost.get_ylim()).all() and shot["cost"].max() <= shot["ylim"][1]
        assert shot["title"]


def test_iterations_and_learning_rate_both_change_the_picture(std_explorer):
    std_explorer.draw(learning_rate=1.0, iterations=10)
    early = _snapshot(std_explorer)
    std_explorer.draw(learning_rate=1.0, iterations=400)
    late = _snapshot(std_explorer)
    assert late["iterations"][-1] == 400 and early["iterations"][-1] == 10
    assert not np.allclose(early["boundary"], late["boundary"])
    std_explorer.draw(learning_rate=0.1, iterations=400)
    slower = _snapshot(std_explorer)
    assert slower["cost"][-1] > late["cost"][-1] + 1e-3
    assert not np.allclose(slower["boundary"], late["boundary"])


def test_divergence_is_shown_and_cleared(raw_explorer):
    raw_explorer.draw(learning_rate=1e-2, iterations=5000)
    assert raw_explorer.divergence_text.get_visible()
    assert raw_explorer.divergence_text.get_text().startswith("Oscillating since iteration 1:")
    assert "α too large" in raw_explorer.title.get_text()
    raw_explorer.draw(learning_rate=1e-3, iterations=5000)  # overshoots once, ends lowest of all
    assert raw_explorer.divergence_text.get_text().startswith("Overshot at iteration 1:")
    raw_explorer.draw(learning_rate=1e-4, iterations=5000)
    assert not raw_explorer.divergence_text.get_visible()
    assert "still" in raw_explorer.title.get_text() and "above the minimum" in raw_explorer.title.get_text()


def test_raw_boundary_outside_the_view_is_announced(raw_explorer):
    raw_explorer.draw(learning_rate=10**-3.25, iterations=5000)
    assert np.isnan(raw_explorer.boundary_line.get_xdata()).all()
    assert "every applicant predicted admitted" in raw_explorer.boundary_text.get_text()
    assert "training accuracy 60 %" in raw_explorer.ax_data.get_title()


def test_standardised_run_reaches_the_minimum_and_89_percent(std_explorer):
    std_explorer.draw(learning_rate=1.0, iterations=1000)
    assert "within 0.0001 nats of the minimum" in std_explorer.title.get_text()
    assert "training accuracy 89 %" in std_explorer.ax_data.get_title()
    assert std_explorer.boundary_text.get_text() == ""
    assert np.isfinite(std_explorer.boundary_line.get_xdata()).all()


def test_oscillation_without_rising_above_the_start_is_named(std_explorer):
    std_explorer.draw(learning_rate=10**1.5, iterations=1000)
    assert not std_explorer.divergence_text.get_visible()
    assert "goes up as well as down" in std_explorer.title.get_text()


def test_boundary_is_drawn_in_points(exam, std_explorer):
    scores, admitted = exam
    std_explorer.draw(learning_rate=1.0, iterations=1000)
    x1, x2 = std_explorer.boundary_line.get_data()
    best = optim.fit_logistic_newton(data.add_intercept(scores), admitted).params
    # both end points lie (nearly) on Newton's boundary, which is in points
    assert np.abs(best[0] + best[1] * np.asarray(x1) + best[2] * np.asarray(x2)).max() < 0.05


def test_live_panel_redraws_on_slider_moves(std_explorer):
    live = std_explorer.twin()
    assert live.runs is std_explorer.runs and live.fig is not std_explorer.fig
    panel = live.live(iterations=iterations_slider(300, maximum=1000))
    rate, steps = panel.controls["learning_rate"], panel.controls["iterations"]
    calls, before = panel.calls, _snapshot(live)
    steps.value = 20
    assert panel.calls == calls + 1
    after_iterations = _snapshot(live)
    assert after_iterations["iterations"][-1] == 20
    assert not np.allclose(after_iterations["boundary"], before["boundary"])
    rate.value = 10**-1.5
    assert panel.calls == calls + 2
    moved, before_move = _snapshot(live)["cost"], after_iterations["cost"]
    assert moved.shape != before_move.shape or not np.allclose(moved, before_move)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"learning_rate": 0.0, "iterations": 5}, "learning_rate"),
        ({"learning_rate": 5000.0, "iterations": 5}, "at most 1000"),
        ({"learning_rate": 1.0, "iterations": 0}, "iterations"),
        ({"learning_rate": 1.0, "iterations": 1001}, "at most max_iter = 1000"),
        ({"learning_rate": 1.0, "iterations": 2.5}, "iterations"),
    ],
)
def test_draw_rejects_bad_input(std_explorer, kwargs, message):
    with pytest.raises(ValueError, match=message):
        std_explorer.draw(**kwargs)


def test_explorer_rejects_bad_construction(exam):
    scores, admitted = exam
    with pytest.raises(ValueError, match=r"shape \(m, 2\)"):
        viz.DescentExplorer(scores[:, :1], admitted, **STD)
    with pytest.raises(ValueError, match="standardized must be True or False"):
        viz.DescentExplorer(scores, admitted, **{**STD, "standardized": 1})
    with pytest.raises(ValueError, match="max_exponent must be at most 3"):
        viz.DescentExplorer(scores, admitted, **{**STD, "max_exponent": 4})
    with pytest.raises(ValueError, match="admitted must hold binary labels"):
        viz.DescentExplorer(scores, admitted * 2, **STD)
    small = viz.DescentExplorer(scores, admitted, **{**STD, "max_iter": 20})
    with pytest.raises(ValueError, match="runs were computed for other data"):
        viz.DescentExplorer(scores, admitted, **{**RAW, "max_iter": 20}, runs=small.runs)


# ---------------------------------------------------------------------------------------
# blitting: the live panels exactly as the notebook builds them
# ---------------------------------------------------------------------------------------
# The notebook's two explorers (the raw one's slider rates are among those of RAW's runs).
NOTEBOOK_RAW = {**RAW, "min_exponent": -5, "learning_rate": 10**-3.25}
NOTEBOOK_STD = {**STD, "learning_rate": 1.0, "iterations": 500}


def test_controls_are_the_notebooks_sliders(exam, raw_explorer, std_explorer):
    raw = viz.DescentExplorer(*exam, **NOTEBOOK_RAW, minimum=raw_explorer.minimum, runs=raw_explorer.runs)
    std = viz.DescentExplorer(*exam, **NOTEBOOK_STD, minimum=std_explorer.minimum, runs=std_explorer.runs)
    expected = [
        (raw, learning_rate_slider(10**-3.25, min_exponent=-5, max_exponent=-2), iterations_slider(5000, maximum=5000)),
        (std, learning_rate_slider(1.0, min_exponent=-2, max_exponent=2), iterations_slider(500, maximum=1000)),
    ]
    for explorer, rate, steps in expected:
        for made in (explorer.controls(), explorer.twin().controls()):
            assert list(made) == ["learning_rate", "iterations"]
            for control, wanted in zip(made.values(), (rate, steps), strict=True):
                assert type(control) is type(wanted)
                for name in ("value", "min", "max", "step", "description"):
                    assert getattr(control, name) == getattr(wanted, name), name


@pytest.fixture(scope="module", params=["raw", "std"])
def notebook_panel(request, exam, raw_explorer, std_explorer):
    """The notebook's live cell: ``explorer.twin().live()``."""
    if request.param == "raw":
        explorer = viz.DescentExplorer(*exam, **NOTEBOOK_RAW, minimum=raw_explorer.minimum, runs=raw_explorer.runs)
    else:
        explorer = viz.DescentExplorer(*exam, **NOTEBOOK_STD, minimum=std_explorer.minimum, runs=std_explorer.runs)
    return explorer.twin().live()


def _slider_rates(panel):
    rate = panel.controls["learning_rate"]
    return [float(rate.base ** (rate.min + k * rate.step)) for k in range(round((rate.max - rate.min) / rate.step) + 1)]


def _settings(panel):
    """Every learning rate of the slider, an iterations sweep at the largest, and the four corners."""
    rates, top = _slider_rates(panel), panel.controls["iterations"].max
    sweep = [{"learning_rate": r, "iterations": k} for r, k in zip(rates, itertools.cycle([top, 1, top // 3]))]
    iterations = [{"iterations": k} for k in (2, top // 10, top // 2)]
    corners = [{"learning_rate": r, "iterations": k} for r in (rates[0], rates[-1]) for k in (1, top)]
    return sweep + iterations + corners


def _some_settings(panel):
    """Fewer, for the pixel comparison (two renders each): the four corners (both axes, the banner) and the middle."""
    rates, top = _slider_rates(panel), panel.controls["iterations"].max
    pairs = [(rates[0], 1), (rates[0], top), (rates[len(rates) // 2], top // 2), (rates[-1], top), (rates[-1], 1)]
    return [{"learning_rate": r, "iterations": k} for r, k in pairs]


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_blitted_panels_match_full_redraws(notebook_panel):
    assert_dynamic_covers_changes(notebook_panel, _settings(notebook_panel))  # exact and cheap: every position
    assert_blitting_is_faithful(notebook_panel, _some_settings(notebook_panel))


def test_only_the_learning_rate_changes_the_axes_and_at_most_once(notebook_panel):
    rate, steps = notebook_panel.controls["learning_rate"], notebook_panel.controls["iterations"]
    notebook_panel.render()
    draws = notebook_panel.background_draws
    for k in (1, 7, steps.max // 3, steps.max):
        steps.value = k
        notebook_panel.render()
    assert notebook_panel.background_draws == draws  # moving the iterations slider never redraws the axes
    limits = set()
    for value in _slider_rates(notebook_panel) + _slider_rates(notebook_panel)[::-1]:
        rate.value = value
        limits.add(notebook_panel.draw.__self__.ax_cost.get_ylim())
    assert len(limits) == 2  # 0.8 for the runs that descend, one taller axis for all the others


def test_minimum_label_and_key_stay_clear_of_the_curve_and_the_region(exam, std_explorer):
    labels = std_explorer.minimum_labels
    std_explorer.draw(learning_rate=1.0, iterations=1000)
    assert labels["below"].get_visible() and not labels["corner"].get_visible()
    std_explorer.draw(learning_rate=100.0, iterations=1000)
    assert labels["corner"].get_visible() and not labels["below"].get_visible()
    top = std_explorer.ax_cost.get_ylim()[1]
    assert std_explorer.runs.get(100.0).costs.max() < 0.9 * top  # the curve stays below the corner label
    key_top = scores_module._ABOVE_KEY[2]  # the region and the boundary never reach into the key's band
    assert viz.SCORE_BOX[2] < key_top < exam[0][:, 1].min()  # and no applicant lies in that band
    for rate in (0.01, 1.0, 100.0):
        std_explorer.draw(learning_rate=rate, iterations=1000)
        heights = np.concatenate([std_explorer.region.get_xy()[:, 1], std_explorer.boundary_line.get_ydata()])
        assert np.all(np.isnan(heights) | (heights >= key_top - 1e-9))


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def test_static_figures_build_and_use_a_given_axes(exam):
    scores, admitted = exam
    assert isinstance(viz.plot_coin_likelihood(7, 10), Figure)
    assert isinstance(viz.plot_loss_curves(), Axes)
    assert isinstance(viz.plot_kl_decomposition([0.8, 0.15, 0.05], [0.2, 0.5, 0.3]), Axes)
    assert isinstance(viz.plot_exam_scores(scores, admitted), Axes)
    _, ax = new_figure()
    assert viz.plot_convergence({"run": [0.7, 0.5, 0.3]}, 0.2, ax=ax) is ax
    assert len(ax.lines) == 1


def test_decision_boundary_figure_marks_the_applicant(exam):
    scores, admitted = exam
    theta = optim.fit_logistic_newton(data.add_intercept(scores), admitted).params
    ax = viz.plot_decision_boundary(theta, scores, admitted, mark=[45, 85])
    labels = [line.get_label() for line in ax.lines]
    assert "scores (45, 85): P = 0.776" in labels
    Z, mean, std = data.standardize(scores)
    theta_std = optim.fit_logistic_newton(data.add_intercept(Z), admitted).params
    again = viz.plot_decision_boundary(theta_std, scores, admitted, mean=mean, std=std, mark=[45, 85])
    assert "scores (45, 85): P = 0.776" in [line.get_label() for line in again.lines]


def test_kl_decomposition_shows_cross_entropy_falling_to_the_entropy():
    ax = viz.plot_kl_decomposition([0.8, 0.15, 0.05], [0.2, 0.5, 0.3])
    total = ax.lines[0].get_ydata()
    assert np.all(np.diff(total) <= 1e-12)
    assert total[-1] == pytest.approx(-(0.8 * np.log(0.8) + 0.15 * np.log(0.15) + 0.05 * np.log(0.05)))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, a: viz.plot_coin_likelihood(10, 10), "smaller than tosses"),
        (lambda s, a: viz.plot_coin_likelihood(0, 10), "heads"),
        (lambda s, a: viz.plot_loss_curves(marks=[0.0, 0.5]), "strictly between 0 and 1"),
        (lambda s, a: viz.plot_kl_decomposition([1.0, 0.0], [0.5, 0.3, 0.2]), "equal length"),
        (lambda s, a: viz.plot_kl_decomposition([0.5, 0.6], [0.5, 0.5]), "sum to 1"),
        (lambda s, a: viz.plot_exam_scores(s[:, :1], a), r"shape \(m, 2\)"),
        (lambda s, a: viz.plot_exam_scores(s, a[:5]), "same number of samples"),
        (lambda s, a: viz.plot_decision_boundary([1.0, 2.0, 3.0], s, a, mean=[0.0, 0.0]), "both mean and std"),
        (lambda s, a: viz.plot_decision_boundary([1.0, 2.0, 3.0], s, a, mark=[45.0]), r"shape \(2,\)"),
        (lambda s, a: viz.plot_convergence({}, 0.2), "at least one run"),
        (lambda s, a: viz.plot_loss_curves(ax="not an axes"), "matplotlib Axes"),
    ],
)
def test_static_figures_reject_bad_input(exam, call, message):
    with pytest.raises(ValueError, match=message):
        call(*exam)
