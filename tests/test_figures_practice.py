"""The figures and the live over-fitting panel of notebook 05 (helpers/figures/practice/)."""

from __future__ import annotations

import itertools

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import data, features, logistic, optim
from helpers.figures.live import iterations_slider, learning_rate_slider, learning_rates, slider_positions, slider_style
from helpers.figures.practice import (
    OverfittingExplorer,
    plot_age_fits,
    plot_boundaries,
    plot_lambda_sweep,
    plot_weight_growth,
)
from helpers.figures.style import PALETTE

MAX_ITER = 150  # shorter than the notebook's 1000, so the corner tests stay fast


@pytest.fixture(scope="module")
def rings():
    """The notebook's data: 60 training and 120 held-out points on two rings."""
    rng = np.random.default_rng(2)
    X, y = features.make_rings(180, rng)
    return data.train_test_split(X, y, 2 / 3, rng)


@pytest.fixture(scope="module")
def explorer(rings):
    X_train, X_test, y_train, y_test = rings
    return OverfittingExplorer(X_train, y_train, X_test, y_test, max_degree=8, max_iter=MAX_ITER, grid_size=40)


def snapshot(ex: OverfittingExplorer) -> dict[str, np.ndarray]:
    segments = ex.boundary.get_segments()
    return {
        "image": np.array(ex.image.get_array(), dtype=float),
        "boundary": np.concatenate(segments) if segments else np.empty((0, 2)),
        "train": np.asarray(ex.acc_lines[0].get_ydata(), dtype=float),
        "test": np.asarray(ex.acc_lines[1].get_ydata(), dtype=float),
        "marker": np.asarray(ex.marker.get_xdata(), dtype=float),
    }


def assert_finite(snap: dict[str, np.ndarray]) -> None:
    for name, values in snap.items():
        assert np.all(np.isfinite(values)), f"{name} holds non-finite values"
    assert snap["image"].min() >= 0 and snap["image"].max() <= 1


CORNERS = list(itertools.product((0.01, 10.0), (1, MAX_ITER), (1, 8), (0.0, 10.0)))


@pytest.mark.parametrize(("learning_rate", "iterations", "degree", "lam"), CORNERS)
def test_draw_at_every_corner_of_the_slider_ranges(explorer, learning_rate, iterations, degree, lam):
    fig = explorer.draw(learning_rate=learning_rate, iterations=iterations, degree=degree, lam=lam)
    assert isinstance(fig, Figure)
    snap = snapshot(explorer)
    assert_finite(snap)
    assert snap["marker"].tolist() == [iterations, iterations]
    assert snap["train"].size == MAX_ITER  # the whole trajectory, iterations 1..max


def test_each_slider_changes_the_picture(explorer):
    base = {"learning_rate": 1.0, "iterations": 100, "degree": 8, "lam": 0.0}
    explorer.draw(**base)
    reference = snapshot(explorer)
    for name, value in (("learning_rate", 0.1), ("iterations", 20), ("degree", 2), ("lam", 10.0)):
        explorer.draw(**{**base, name: value})
        changed = snapshot(explorer)
        assert not np.allclose(changed["image"], reference["image"]), f"moving {name} left the image unchanged"
    explorer.draw(**{**base, "iterations": 20})
    assert snapshot(explorer)["marker"].tolist() == [20, 20]


def test_iterations_slice_the_cached_run_without_retraining(explorer):
    explorer.draw(learning_rate=0.5, iterations=10, degree=3, lam=0.1)
    run = explorer.run(3, 0.1, 0.5)
    count = len(explorer._runs)
    for steps in (1, 50, MAX_ITER):
        explorer.draw(learning_rate=0.5, iterations=steps, degree=3, lam=0.1)
        assert explorer.run(3, 0.1, 0.5) is run
        A_grid = explorer.design(3)[2]
        expected = 1 / (1 + np.exp(-(A_grid @ run.trajectory.path[steps])))
        assert np.allclose(np.array(explorer.image.get_array()).ravel(), expected)
    assert len(explorer._runs) == count


def test_accuracy_curves_match_logistic_predict(explorer):
    from helpers import logistic

    run = explorer.run(8, 0.0, 1.0)
    A_train, A_test, _ = explorer.design(8)
    for k in (0, 7, MAX_ITER):
        theta = run.trajectory.path[k]
        assert run.acc_train[k] == pytest.approx(100 * np.mean(logistic.predict(theta, A_train) == explorer.y_train))
        assert run.acc_test[k] == pytest.approx(100 * np.mean(logistic.predict(theta, A_test) == explorer.y_test))


def test_over_fitting_and_its_cure_show_in_the_numbers(rings):
    X_train, X_test, y_train, y_test = rings
    ex = OverfittingExplorer(X_train, y_train, X_test, y_test, max_iter=500, grid_size=20)
    free, ridge = ex.run(8, 0.0, 1.0), ex.run(8, 1.0, 1.0)
    assert free.acc_train[-1] - free.acc_test[-1] > 10
    assert ridge.acc_test[-1] > free.acc_test[-1] + 5


def test_divergence_banner_follows_the_learning_rate(explorer):
    explorer.draw(learning_rate=10.0, iterations=MAX_ITER, degree=8, lam=0.0)
    assert explorer.run(8, 0.0, 10.0).trajectory.diverged_at is not None
    kind, since = optim.cost_behaviour(explorer.run(8, 0.0, 10.0).trajectory.costs)
    words = {"recovers": "Overshot", "oscillates": "Oscillating", "grows": "Diverging"}[kind]
    assert explorer.banner.get_visible() and explorer.banner.get_text().startswith(f"{words} ")
    assert f"iteration {since}:" in explorer.banner.get_text()
    explorer.draw(learning_rate=0.1, iterations=MAX_ITER, degree=8, lam=0.0)
    assert not explorer.banner.get_visible()


def test_cache_is_bounded(rings):
    X_train, X_test, y_train, y_test = rings
    ex = OverfittingExplorer(X_train, y_train, X_test, y_test, max_degree=2, max_iter=5, grid_size=10)
    for i in range(ex.cache_size + 5):
        ex.run(1, 0.0, 0.01 * (i + 1))
    assert len(ex._runs) == ex.cache_size


def test_the_panel_visits_every_rate_degree_and_lambda_when_shown(rings):
    X_train, X_test, y_train, y_test = rings
    ex = OverfittingExplorer(X_train, y_train, X_test, y_test, max_degree=2, max_iter=5, grid_size=10)
    panel = ex.live()
    assert panel.prepare_names == ("learning_rate", "degree", "lam")
    visited = panel.prepare()  # what showing it in a kernel runs
    assert visited == len(ex.learning_rates) + 2 + len(panel.controls["lam"].options)
    runs = len(ex._runs)
    for name in ("degree", "lam"):  # a first move there finds its training done
        for value in slider_positions(panel.controls[name]):
            panel.controls[name].value = value
            assert len(ex._runs) == runs, (name, value)
        panel.controls[name].value = slider_positions(panel.controls[name])[-1 if name == "degree" else 0]


def test_live_panel_redraws_on_every_slider(rings):
    X_train, X_test, y_train, y_test = rings
    ex = OverfittingExplorer(X_train, y_train, X_test, y_test, max_iter=MAX_ITER, grid_size=30)
    panel = ex.live(lam=widgets.SelectionSlider(options=[("0", 0.0), ("1", 1.0), ("10", 10.0)], value=0.0))
    sliders = panel.controls
    assert panel.calls == 1
    before = snapshot(ex)["image"]
    new_values = {"learning_rate": 0.1, "iterations": 7, "degree": 2, "lam": 10.0}
    for count, (name, value) in enumerate(new_values.items(), start=2):
        sliders[name].value = value
        assert panel.calls == count
        after = snapshot(ex)["image"]
        assert not np.allclose(after, before), f"{name} slider did not change the figure"
        before = after


# ---------------------------------------------------------------------------------------
# the live panel as the notebook builds it: blitting, backgrounds, training kernel
# ---------------------------------------------------------------------------------------
LAM_VALUES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def notebook_panel(rings):
    """The live cell of notebooks/10_regularisation.ipynb, verbatim."""
    X_train, X_test, y_train, y_test = rings
    return OverfittingExplorer(X_train, y_train, X_test, y_test, max_degree=8, max_iter=500).live()


def test_controls_are_the_notebooks_sliders(explorer):
    """The sliders the notebook's live cell had before ``live()`` built them."""
    lam_options = [("0", 0.0)] + [(f"{v:g}", v) for v in LAM_VALUES]
    expected = {
        "learning_rate": learning_rate_slider(value=1.0, min_exponent=-2, max_exponent=1),
        "iterations": iterations_slider(value=MAX_ITER, maximum=MAX_ITER),
        "degree": widgets.IntSlider(value=8, min=1, max=8, description="polynomial degree d", **slider_style()),
        "lam": widgets.SelectionSlider(options=lam_options, value=0.0, description="regularisation λ",
                                       **slider_style()),
    }
    made = explorer.controls()
    assert list(made) == list(expected)
    for name, wanted in expected.items():
        control = made[name]
        assert type(control) is type(wanted)
        for attribute in ("value", "min", "max", "step", "description", "options", "base"):
            if hasattr(wanted, attribute):
                assert getattr(control, attribute) == getattr(wanted, attribute), (name, attribute)
    assert explorer.learning_rates.tolist() == slider_positions(made["learning_rate"])  # exact lookups
    assert np.array_equal(explorer.learning_rates, learning_rates(-2, 1))


# Each slider's two ends, in every combination (16 corners), then points inside the ranges.
SLIDER_ENDS = {"learning_rate": (0.01, 10.0), "iterations": (1, 500), "degree": (1, 8), "lam": (0.0, 10.0)}
CORNER_INDICES = list(itertools.product((0, 1), repeat=len(SLIDER_ENDS)))
INSIDE = [
    {"learning_rate": 1.0, "iterations": 37, "degree": 3, "lam": 0.1},
    {"learning_rate": 0.1, "iterations": 250, "degree": 5, "lam": 1.0},
    {"learning_rate": 1.778, "iterations": 120, "degree": 6, "lam": 0.003},
    {"learning_rate": 3.162, "iterations": 2, "degree": 2, "lam": 0.03},
]


def corner(indices: tuple[int, ...]) -> dict[str, float]:
    return {name: ends[i] for (name, ends), i in zip(SLIDER_ENDS.items(), indices, strict=True)}


PANEL_SETTINGS = [corner(c) for c in CORNER_INDICES] + INSIDE
# A full redraw per setting is slow (about a quarter of a second with the comparison), so
# the pixel comparison takes half the corners, those with an even number of upper ends,
# and two inside points. Every slider still reaches both ends, and every pair of sliders
# meets in all four combinations of its ends.
PIXEL_SETTINGS = [corner(c) for c in CORNER_INDICES if sum(c) % 2 == 0] + INSIDE[2:]


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_blitted_panel_lists_every_artist_a_move_changes(rings):
    from blit import assert_dynamic_covers_changes

    assert_dynamic_covers_changes(notebook_panel(rings), PANEL_SETTINGS)


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_blitted_panel_matches_full_redraws_on_one_background(rings):
    from blit import assert_blitting_is_faithful

    panel = notebook_panel(rings)
    explorer = panel.draw.__self__
    panel.render()
    assert panel.background_draws == 1
    for it in (1, 2, 99, 500):  # the iterations slider alone never redraws the background
        panel.controls["iterations"].value = it
        panel.render()
    assert panel.background_draws == 1
    assert_blitting_is_faithful(panel, PIXEL_SETTINGS)
    # No slider changes a limit, a scale or a label: every move above reused that background.
    assert panel.background_draws == 1
    # The accuracy legend is left in the background: it must sit above 100 %, where no curve goes.
    legend = explorer.ax_acc.get_legend().get_window_extent()
    assert explorer.ax_acc.transData.inverted().transform((legend.x0, legend.y0))[1] > 101
    assert explorer.ax_acc.get_legend() not in panel.dynamic_artists()
    # The titles are plain texts that stay where an axes title goes, and follow the sliders.
    assert explorer.map_title.get_text() == "Degree 2 (6 features), λ = 0.03, α = 3.16"
    assert explorer.acc_title.get_text().startswith("Step 2: train ")
    for title, ax in ((explorer.map_title, explorer.ax_map), (explorer.acc_title, explorer.ax_acc)):
        box, frame = title.get_window_extent(), ax.get_window_extent()
        assert frame.y1 < box.y0 < frame.y1 + 20 and box.y1 < explorer.fig.bbox.y1
        assert abs((box.x0 + box.x1) / 2 - (frame.x0 + frame.x1) / 2) < 1


@pytest.mark.parametrize("degree", [1, 4, 8])
def test_designs_of_every_degree_are_the_first_columns_of_the_largest(explorer, degree):
    expected = features.polynomial_design(explorer.X_train, degree, explorer.X_test, explorer.grid_points)
    for got, want in zip(explorer.design(degree), expected, strict=True):
        assert np.array_equal(got, want)


@pytest.mark.parametrize(
    ("learning_rate", "lam", "horizon"),
    [
        (0.01, 0.0, None), (1.0, 0.0, None), (1.0, 10.0, None),  # converging
        (10.0, 0.0, None),  # diverging: the cost rises above its start
        (10.0, 1.0, None),  # diverging and chaotic (trained alone, it still follows the textbook loop)
        # the cost overflows; huge but finite weights; the step overflows
        (1e5, 1.0, None), (1e306, 0.0, None), (1e308, 0.0, None),
    ],
)
def test_the_explorers_runs_are_fit_logistic_gd_iterate_for_iterate(explorer, learning_rate, lam, horizon):
    A = explorer.design(8)[0]
    with np.errstate(over="ignore", invalid="ignore"):  # the general loop warns on the blow-up
        expected = optim.fit_logistic_gd(A, explorer.y_train, learning_rate, MAX_ITER, lam=lam)
    got = explorer.run(8, lam, learning_rate).trajectory
    assert (got.n_iter, got.diverged_at) == (expected.n_iter, expected.diverged_at)
    assert got.path.shape == expected.path.shape
    scale = np.abs(expected.path).max(axis=1, keepdims=True) + 1  # as tests/test_optim.py compares Descent
    k = got.n_iter + 1 if horizon is None else horizon
    assert np.all(np.abs(got.path[:k] - expected.path[:k]) <= 1e-12 * scale[:k])
    assert np.allclose(got.costs[:k], expected.costs[:k], rtol=1e-12, atol=1e-300, equal_nan=True)
    if horizon is None:
        assert np.all(np.abs(got.params - expected.params) <= 1e-12 * scale[-1])
    else:  # every step of the whole run is the textbook step from the iterate before it
        steps = got.path[:-1] - learning_rate * np.array([logistic.gradient(t, A, explorer.y_train, lam=lam)
                                                          for t in got.path[:-1]])
        assert np.all(np.abs(got.path[1:] - steps) <= 1e-12 * (np.abs(got.path[1:]).max(axis=1, keepdims=True) + 1))
    if learning_rate > 1e300:  # the weights' own overflow is reported as divergence
        assert got.diverged_at == 1


def test_each_rate_is_trained_once_per_degree_and_lambda_on_its_own(rings, monkeypatch):
    # A move of the degree or λ slider waits for one training, not for every slider rate.
    X_train, X_test, y_train, y_test = rings
    ex = OverfittingExplorer(X_train, y_train, X_test, y_test, max_degree=3, max_iter=20, grid_size=10)
    trained = []
    real = optim.logistic_descent
    monkeypatch.setattr(optim, "logistic_descent", lambda *a, **k: trained.append(len(a[2])) or real(*a, **k))
    for rate in ex.learning_rates:
        ex.run(3, 0.1, float(rate))
        ex.run(3, 0.1, float(rate))  # cached
    assert trained == [1] * ex.learning_rates.size
    ex.run(2, 0.1, 1.0)
    ex.run(3, 0.1, 0.5)  # not a slider rate
    assert trained == [1] * (ex.learning_rates.size + 2)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"learning_rate": 0.0}, "learning_rate must be a positive"),
        ({"learning_rate": "fast"}, "learning_rate must be a positive real number"),
        ({"iterations": 0}, "iterations must be a positive integer"),
        ({"iterations": MAX_ITER + 1}, f"at most max_iter = {MAX_ITER}"),
        ({"degree": 9}, "degree must be an integer from 1 to 8"),
        ({"degree": 2.0}, "degree must be an integer from 1 to 8"),
        ({"lam": -1.0}, "lam must be a finite number >= 0"),
    ],
)
def test_draw_rejects_bad_values(explorer, kwargs, message):
    arguments = {"learning_rate": 1.0, "iterations": 10, "degree": 2, "lam": 0.0, **kwargs}
    with pytest.raises(ValueError, match=message):
        explorer.draw(**arguments)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"X_train": np.ones((5, 3))}, "X_train must have 2 columns"),
        ({"y_train": np.full(60, 2.0)}, "y_train must hold binary labels"),
        ({"y_test": np.zeros(7)}, "same number of samples"),
        ({"max_iter": 0}, "max_iter must be a positive integer"),
        ({"grid_size": 5}, "grid_size must be at least 10"),
    ],
)
def test_constructor_rejects_bad_input(rings, change, message):
    X_train, X_test, y_train, y_test = rings
    arguments = {"X_train": X_train, "y_train": y_train, "X_test": X_test, "y_test": y_test, **change}
    with pytest.raises(ValueError, match=message):
        OverfittingExplorer(**arguments)


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def test_plot_boundaries_draws_the_zero_level(rings):
    X_train, X_test, y_train, y_test = rings
    (A2,) = features.polynomial_design(X_train, 2)
    theta = optim.fit_logistic_newton(A2, y_train).params
    fig = plot_boundaries(X_train, y_train, [(2, theta, "degree 2")], X_test, y_test, title="t", grid_size=60)
    curves = fig.axes[0].collections[-1 - 4].get_segments()  # the boundary, added before the 4 scatters
    points = np.concatenate(curves)
    assert np.all(np.isfinite(points))
    (A_curve,) = features.polynomial_design(X_train, 2, points)[1:]
    assert np.abs(A_curve @ theta).max() < 0.2  # the drawn curve is where the score is zero
    with pytest.raises(ValueError, match="must have 6 entries"):
        plot_boundaries(X_train, y_train, [(2, theta[:5], "bad")])
    with pytest.raises(ValueError, match="at least one"):
        plot_boundaries(X_train, y_train, [])


def test_plot_lambda_sweep_and_its_checks():
    lams = np.logspace(-3, 2, 6)
    curves = [np.linspace(90, 80, 6), np.linspace(80, 85, 6), np.linspace(0.1, 0.5, 6), np.linspace(2, 0.4, 6)]
    fig = plot_lambda_sweep(lams, *curves, best=3, degree=8)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert fig.axes[0].lines[2].get_xdata()[0] == pytest.approx(lams[3])  # the best-λ marker
    fig.draw_without_rendering()
    labels = {t.get_text() for t in fig.axes[0].get_xticklabels()}
    assert {"10⁻³", "1", "10²"} <= labels  # plain Unicode powers of ten, no mathtext
    with pytest.raises(ValueError, match="positive"):
        plot_lambda_sweep(np.r_[0.0, lams[1:]], *curves, best=3, degree=8)
    with pytest.raises(ValueError, match="shape of lams"):
        plot_lambda_sweep(lams, curves[0][:5], *curves[1:], best=3, degree=8)
    with pytest.raises(ValueError, match="best must be an index"):
        plot_lambda_sweep(lams, *curves, best=6, degree=8)


def test_plot_age_fits_and_weight_growth():
    rng = np.random.default_rng(1)
    age, y = features.make_age_risk(200, rng)
    edges = features.quantile_bin_edges(age, 4)
    grid = np.linspace(18, 90, 50)
    curve = features.age_risk_probability(grid)
    fig = plot_age_fits(age, y, edges, grid, [("true", curve, PALETTE["black"], ":")], title="t")
    assert np.allclose(fig.axes[0].lines[-1].get_ydata(), curve)
    with pytest.raises(ValueError, match="shape of grid"):
        plot_age_fits(age, y, edges, grid, [("true", curve[:10], PALETTE["black"], ":")])
    A = data.add_intercept(np.r_[-np.ones(5), np.ones(5)])
    run = optim.fit_logistic_newton(A, np.r_[np.zeros(5), np.ones(5)], lam=1.0)
    fig = plot_weight_growth([("λ = 1", run, PALETTE["blue"])])
    assert np.allclose(fig.axes[0].lines[0].get_ydata(), np.linalg.norm(run.path, axis=1))
    with pytest.raises(ValueError, match="at least one"):
        plot_weight_growth([])


def test_plane_grid_lists_the_points_row_by_row_from_the_bottom():
    from helpers.figures.style import plane_grid

    xs, ys, points = plane_grid((0.0, 1.0, 10.0, 12.0), 3)
    assert xs.tolist() == [0.0, 0.5, 1.0] and ys.tolist() == [10.0, 11.0, 12.0]
    image = points[:, 1].reshape(3, 3)  # an origin="lower" image: row r is y = ys[r]
    assert np.array_equal(image[:, 0], ys) and np.array_equal(points[:3, 0], xs)
