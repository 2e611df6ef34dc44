"""Tests of helpers/figures/softmax/: the picture helpers, the training caches, the static figures and the two
live panels. (The maths these figures show is tested in test_metrics.py, test_softmax.py and test_data.py.)"""

from __future__ import annotations

import io

import numpy as np
import pytest
from blit import assert_blitting_is_faithful, assert_dynamic_covers_changes
from matplotlib.figure import Figure

from helpers import data, metrics, one_vs_rest, optim, softmax
from helpers.figures import softmax as viz
from helpers.figures.live import LivePanel, learning_rates

DIGITS_LR = (10 ** viz.DIGITS_LEARNING_RATE_EXPONENTS[0], 10 ** viz.DIGITS_LEARNING_RATE_EXPONENTS[1])
REGIONS_LR = (10 ** viz.REGIONS_LEARNING_RATE_EXPONENTS[0], 10 ** viz.REGIONS_LEARNING_RATE_EXPONENTS[1])


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _layout(fig: Figure) -> None:
    """Run every artist's draw code (text layout, ticks, images) without rasterising: cheaper than a PNG."""
    fig.draw_without_rendering()


@pytest.fixture(scope="module")
def digits_model() -> viz.DigitsSoftmax:
    """The notebook's split and preprocessing; one model shared by every digits test."""
    pixels, digits = data.load_digits()
    p_train, p_test, y_train, y_test = data.train_test_split(pixels, digits, 0.25, np.random.default_rng(4))
    z_train, mean, std = data.standardize(p_train)
    X_train = data.add_intercept(z_train)
    X_test = data.add_intercept(data.apply_standardization(p_test, mean, std))
    return viz.DigitsSoftmax(X_train, y_train, X_test, y_test, p_test)


@pytest.fixture(scope="module")
def plane() -> tuple[np.ndarray, np.ndarray, viz.SoftmaxRuns]:
    X, y = data.make_three_class_data(np.random.default_rng(4))
    return X, y, viz.SoftmaxRuns(data.add_intercept(X), y, 3, viz.REGIONS_MAX_ITER)


@pytest.fixture(scope="module")
def digits_explorer(digits_model) -> viz.DigitsExplorer:
    return viz.DigitsExplorer(digits_model)


@pytest.fixture(scope="module")
def regions_explorer(plane) -> viz.RegionsExplorer:
    X, y, runs = plane
    return viz.RegionsExplorer(X, y, runs=runs)


# ---------------------------------------------------------------------------------------
# picture helpers and training caches
# ---------------------------------------------------------------------------------------
def test_tile_images_places_each_image_in_its_tile():
    images = np.arange(3 * 2 * 2, dtype=float).reshape(3, 2, 2)
    mosaic = viz.tile_images(images, 2, 2, gap=1, top=1)
    assert mosaic.shape == (2 * (1 + 2 + 1) - 1, 2 * (2 + 1) - 1)
    assert np.array_equal(mosaic[1:3, 0:2], images[0])
    assert np.array_equal(mosaic[1:3, 3:5], images[1])
    assert np.array_equal(mosaic[5:7, 0:2], images[2])
    assert np.isnan(mosaic[5:7, 3:5]).all()  # the unused fourth tile
    assert np.isnan(mosaic[0]).all() and np.isnan(mosaic[:, 2]).all()  # label strip and gap
    assert viz.tile_images(images, 1, 3, gap=0).shape == (2, 6)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.zeros((5, 2, 2)), 2, 2), "at most n_rows \\* n_cols = 4"),
        ((np.zeros((2, 2)), 1, 2), "3-D array"),
        ((np.zeros((1, 2, 2)), 0, 2), "n_rows must be a positive integer"),
    ],
)
def test_tile_images_rejects_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        viz.tile_images(*args)


def test_tile_images_rejects_a_negative_gap():
    with pytest.raises(ValueError, match="gap must be an integer >= 0"):
        viz.tile_images(np.zeros((1, 2, 2)), 1, 1, gap=-1)


def test_region_colours_show_class_and_confidence():
    P = np.array([[1 / 3, 1 / 3, 1 / 3], [1.0, 0.0, 0.0], [0.0, 0.2, 0.8]])
    rgb = viz.region_colours(P)
    assert rgb.shape == (3, 3) and np.all((rgb >= 0) & (rgb <= 1))
    assert np.all(rgb[0] > 0.9)  # no idea: nearly white
    blue = np.array([0.0, 0x72, 0xB2]) / 255
    assert np.allclose(rgb[1], 1 - 0.65 * (1 - blue))  # certain: the class colour at 65 %
    assert rgb[2, 1] > rgb[2, 0]  # class 2 (green) wins the third row
    smooth = viz.region_colours(P, levels=None)
    assert np.allclose(smooth[:2], rgb[:2]) and not np.allclose(smooth[2], rgb[2])


def test_softmax_runs_train_each_learning_rate_once(plane):
    X, y, _ = plane
    runs = viz.SoftmaxRuns(data.add_intercept(X), y, 3, 20)
    first = runs.trajectory(0.5)
    assert runs.trajectory(0.5) is first
    assert runs.cached_learning_rates == [0.5]
    assert first.path.shape == (21, 3, 3)
    with pytest.raises(ValueError, match="learning_rate must be a positive"):
        runs.trajectory(0.0)
    with pytest.raises(ValueError, match="max_iter must be a positive integer"):
        viz.SoftmaxRuns(data.add_intercept(X), y, 3, 0)


def test_softmax_runs_train_only_as_far_as_asked(plane):
    X, y, _ = plane
    runs = viz.SoftmaxRuns(data.add_intercept(X), y, 3, 120)
    block = viz.TRAINING_BLOCK
    part = runs.trajectory(1.0, 7)
    assert part.n_iter == block and part.path.shape == (block + 1, 3, 3)
    assert runs.trajectory(1.0, block) is part  # already trained that far: nothing new
    assert runs.trajectory(1.0, block + 1).n_iter == 2 * block
    assert runs.trajectory(1.0).n_iter == 120  # the rest, capped at max_iter
    with pytest.raises(ValueError, match="between 1 and max_iter = 120"):
        runs.trajectory(1.0, 121)


@pytest.mark.parametrize(
    ("learning_rate", "lam", "compared"), [(0.5, 0.0, 131), (0.5, 2.0, 131), (12.0, 0.0, 30), (1e308, 0.0, 2)]
)
def test_softmax_runs_match_fit_softmax_gd(plane, learning_rate, lam, compared):
    # Continued in pieces, the run is the reference's: iterates, costs, divergence (at 12 the
    # first step overshoots) and early stops (at 1e308 the cost of the first step overflows).
    # An oscillating run amplifies rounding differences, so at 12 only the first 30 iterates
    # are compared closely.
    X, y, _ = plane
    A = data.add_intercept(X)
    runs = viz.SoftmaxRuns(A, y, 3, 130, lam=lam)
    runs.trajectory(learning_rate, 3)
    mine = runs.trajectory(learning_rate)
    with np.errstate(over="ignore", invalid="ignore"):  # the reference's kernel warns at 1e308
        reference = optim.fit_softmax_gd(A, y, 3, learning_rate, 130, lam=lam)
    assert mine.n_iter == reference.n_iter and mine.diverged_at == reference.diverged_at
    assert np.allclose(mine.costs[:compared], reference.costs[:compared], rtol=1e-10, atol=0, equal_nan=True)
    scale = np.abs(reference.path[:compared]).max()
    assert np.allclose(mine.path[:compared], reference.path[:compared], rtol=1e-10, atol=1e-12 * scale)
    assert np.array_equal(mine.params, mine.path[-1])


def test_softmax_runs_train_rates_asked_together_in_one_descent(plane):
    X, y, _ = plane
    A = data.add_intercept(X)
    runs = viz.SoftmaxRuns(A, y, 3, 60)
    rates = list(learning_rates(-1, 1, 2))
    together = runs.trajectories(rates, 10)
    assert runs.cached_learning_rates == rates
    assert [run.n_iter for run in together] == [viz.TRAINING_BLOCK] * len(rates)
    assert all(runs.trajectory(alpha, 10) is run for alpha, run in zip(rates, together, strict=True))
    for alpha, run in zip(rates, runs.trajectories(rates), strict=True):  # continued to max_iter, all at once
        reference = optim.fit_softmax_gd(A, y, 3, alpha, 60)
        assert run.n_iter == 60 and run.diverged_at == reference.diverged_at
        assert np.allclose(run.costs, reference.costs, rtol=1e-10, atol=0)
    with pytest.raises(ValueError, match="learning_rate must be a positive"):
        runs.trajectories([0.5, -1.0])


def test_digits_runs_record_training_and_held_out_metrics():
    # With a penalty the objective is not the cross-entropy: the training cost is measured apart.
    pixels, digits = data.load_digits()
    X = data.add_intercept(pixels[:300] / 16)
    y = digits[:300]
    model = viz.DigitsSoftmax(X[:200], y[:200], X[200:], y[200:], pixels[200:300], max_iter=40, lam=0.5)
    run = model.run(2.0)
    path = run.trajectory.path
    train_cost, train_accuracy = metrics.path_metrics(X[:200], y[:200], path)
    test_cost, test_accuracy = metrics.path_metrics(X[200:], y[200:], path)
    assert np.allclose(run.train_cost, train_cost) and np.allclose(run.test_cost, test_cost)
    assert np.array_equal(run.train_accuracy, train_accuracy) and np.array_equal(run.test_accuracy, test_accuracy)
    # At W = 0 every score ties and argmax picks class 0: the accuracy is the share of class 0.
    assert run.train_accuracy[0] == np.mean(y[:200] == 0)
    assert np.all(run.trajectory.costs[1:] > run.train_cost[1:])  # the penalty is in the objective only


@pytest.mark.parametrize("lam", [0.0, 0.5])
def test_training_ahead_gives_the_runs_and_metrics_of_training_on_demand(lam):
    pixels, digits = data.load_digits()
    X = data.add_intercept(pixels[:300] / 16)
    y = digits[:300]

    def model():
        return viz.DigitsSoftmax(X[:200], y[:200], X[200:], y[200:], pixels[200:300], max_iter=45, lam=lam)

    on_demand, ahead = model(), model()
    rates = [0.5, 40.0]  # 40 diverges: its run keeps stepping on NaNs and still ends
    calls = 0
    while ahead.train_ahead(rates, steps=7):  # all the way (max_iter = 45)
        calls += 1
    assert calls == 2 * 7  # 45 steps in pieces of 7, for each rate
    assert [ahead.runs.trained(alpha) for alpha in rates] == [45, 45]
    for alpha in rates:
        expected, got = on_demand.run(alpha), ahead.run(alpha)
        assert np.array_equal(got.trajectory.path, expected.trajectory.path)
        assert got.trajectory.n_iter == expected.trajectory.n_iter
        for name in ("train_cost", "test_cost", "train_accuracy", "test_accuracy"):
            assert np.allclose(getattr(got, name), getattr(expected, name), rtol=1e-12, atol=0, equal_nan=True), name
    assert not ahead.train_ahead(rates)


def test_the_digits_panel_trains_the_nearest_rates_first():
    pixels, digits = data.load_digits()
    X = data.add_intercept(pixels[:300] / 16)
    model = viz.DigitsSoftmax(X[:200], digits[:200], X[200:300], digits[200:300], pixels[200:300], max_iter=120)
    explorer = viz.DigitsExplorer(model)
    rates = learning_rates(*explorer.exponents)
    shown = float(rates[5])
    explorer.draw(learning_rate=shown, iterations=60)  # trained to 100 (two blocks of 50)
    trained = {float(alpha): model.runs.trained(alpha) for alpha in rates}
    order = []
    while explorer.work_ahead():
        now = {alpha: model.runs.trained(alpha) for alpha in trained}
        order += [alpha for alpha in trained if now[alpha] != trained[alpha] and alpha not in order]
        trained = now
    distance = [abs(np.log(alpha / shown)) for alpha in order]
    assert distance == sorted(distance) and shown not in order  # the shown rate was already trained
    assert set(trained.values()) == {100, model.max_iter}  # as far as shown (the largest rate: all 120)
    explorer.draw(learning_rate=shown, iterations=101)
    while explorer.work_ahead():
        pass
    assert {model.runs.trained(alpha) for alpha in rates} == {model.max_iter}
    assert explorer.live().work_ahead == explorer.work_ahead


# ---------------------------------------------------------------------------------------
# static figures
# ---------------------------------------------------------------------------------------
def test_static_figures_render(plane):
    X, y, runs = plane
    A = data.add_intercept(X)
    pixels, digits = data.load_digits()
    fun = softmax.minibatch_objective(A, y, 3)
    update_runs = {
        "batch": (optim.minibatch_gradient_descent(fun, np.zeros((3, 3)), len(y), 0.5, 3, len(y),
                                                   np.random.default_rng(0)), len(y)),
        "sgd": (optim.minibatch_gradient_descent(fun, np.zeros((3, 3)), len(y), 0.5, 3, 1,
                                                 np.random.default_rng(0)), 1),
    }
    figures = [
        viz.plot_softmax_anatomy([2.0, 1.0, 0.1, -1.0]),
        viz.plot_digit_samples(pixels, digits, 1, 5),
        viz.plot_update_comparison(update_runs, len(y), per_update=runs.trajectory(1.0)),
        viz.plot_ovr_vs_softmax(X, y, runs.trajectory(1.0).params, one_vs_rest.fit(A, y, 3), resolution=40),
    ]
    for fig in figures:
        assert isinstance(fig, Figure)
        width, height = fig.get_size_inches()
        assert width <= 12.0 and height <= 4.8
        _layout(fig)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: viz.plot_softmax_anatomy([1.0]), "between 2 and 10 scores"),
        (lambda: viz.plot_digit_samples(np.zeros((3, 10)), [0, 1, 2]), "64 columns"),
        (lambda: viz.plot_update_comparison({}, 10), "at least one run"),
        (lambda: viz.plot_ovr_vs_softmax(np.zeros((4, 3)), [0, 1, 2, 0], np.zeros((3, 3)), np.zeros((3, 3))),
         "2 columns"),
        (lambda: viz.plot_ovr_vs_softmax(np.zeros((4, 2)), [0, 1, 2, 0], np.zeros((3, 3)), np.zeros((3, 2))),
         "both have shape \\(3, K\\)"),
    ],
)
def test_static_figures_reject_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------
# the digits panel
# ---------------------------------------------------------------------------------------
def _digits_state(explorer: viz.DigitsExplorer) -> dict[str, np.ndarray]:
    return {
        "cost_train": np.asarray(explorer.cost_train.get_ydata(), dtype=float),
        "cost_test": np.asarray(explorer.cost_test.get_ydata(), dtype=float),
        "acc_test": np.asarray(explorer.acc_test.get_ydata(), dtype=float),
        "weights": np.asarray(explorer.weight_image.get_array(), dtype=float).copy(),
        "mistakes": np.asarray(explorer.error_image.get_array(), dtype=float).copy(),
        "confusion": np.asarray(explorer.cm_image.get_array(), dtype=float).copy(),
    }


@pytest.mark.parametrize(
    ("learning_rate", "iterations"),
    [(1.0, 100), (DIGITS_LR[0], 1), (DIGITS_LR[0], viz.DIGITS_MAX_ITER), (DIGITS_LR[1], 1),
     (DIGITS_LR[1], viz.DIGITS_MAX_ITER)],
)
def test_digits_draw_is_finite_everywhere(digits_explorer, digits_model, learning_rate, iterations):
    fig = digits_explorer.draw(learning_rate, iterations)
    state = _digits_state(digits_explorer)
    for name in ("cost_train", "cost_test", "acc_test", "confusion"):
        assert np.all(np.isfinite(state[name])), name
        assert state[name].size > 0
    assert state["cost_train"].shape == (iterations + 1,)
    assert np.isfinite(state["weights"][~np.isnan(state["weights"])]).all()
    assert state["confusion"].sum() == digits_model.y_test.size
    counts = state["confusion"].astype(int).ravel()
    assert digits_explorer.cm_counts.texts == [str(c) if c else "" for c in counts]
    shown = [text for text in digits_explorer.error_labels.texts if text]
    assert len(shown) == min(10, digits_model.y_test.size - np.trace(state["confusion"]))
    assert all(text[0] != text[-1] and "→" in text for text in shown)  # true → predicted, never equal
    _layout(fig)


def test_digits_draw_changes_with_each_slider(digits_explorer):
    digits_explorer.draw(1.0, 100)
    base = _digits_state(digits_explorer)
    digits_explorer.draw(1.0, 20)
    fewer = _digits_state(digits_explorer)
    assert fewer["cost_train"].shape == (21,)
    assert not np.allclose(np.nan_to_num(fewer["weights"]), np.nan_to_num(base["weights"]))
    digits_explorer.draw(DIGITS_LR[0], 100)
    slower = _digits_state(digits_explorer)
    assert slower["cost_train"][-1] > base["cost_train"][-1]
    assert not np.array_equal(slower["confusion"], base["confusion"])


def test_digits_banner_appears_only_for_a_too_large_step(digits_explorer, digits_model):
    assert _png(digits_explorer.draw(1.0, 100)).startswith(b"\x89PNG")
    assert not digits_explorer.divergence.get_visible()
    run = digits_model.run(DIGITS_LR[1])
    assert run.trajectory.diverged_at is not None
    digits_explorer.draw(DIGITS_LR[1], viz.DIGITS_MAX_ITER)
    kind, since = optim.cost_behaviour(run.trajectory.costs, viz.DIGITS_MAX_ITER)
    words = {"recovers": "Overshot", "oscillates": "Oscillating", "grows": "Diverging"}[kind]
    assert digits_explorer.divergence.get_visible()
    assert digits_explorer.divergence.get_text().startswith(f"{words} ") and f"iteration {since}:" in (
        digits_explorer.divergence.get_text()
    )


def test_digits_metrics_are_cached_per_learning_rate(digits_model):
    assert digits_model.run(1.0) is digits_model.run(1.0)
    run = digits_model.run(1.0)
    assert np.isclose(run.train_cost[0], np.log(10))
    cost, accuracy = metrics.path_metrics(digits_model.runs.X, digits_model.runs.y, run.trajectory.path)
    assert np.allclose(run.train_cost, cost) and np.array_equal(run.train_accuracy, accuracy)
    test_cost, test_accuracy = metrics.path_metrics(digits_model.X_test, digits_model.y_test, run.trajectory.path)
    assert np.allclose(run.test_cost, test_cost) and np.array_equal(run.test_accuracy, test_accuracy)
    assert run.test_accuracy[100] > 0.94
    assert run.trajectory.n_iter == viz.DIGITS_MAX_ITER


def test_digits_runs_are_trained_as_far_as_the_slider_asks(digits_model):
    run = digits_model.run(0.3, 60)
    assert run.trajectory.n_iter == 2 * viz.TRAINING_BLOCK and run.train_cost.shape == (2 * viz.TRAINING_BLOCK + 1,)
    assert digits_model.run(0.3, 80) is run
    longer = digits_model.run(0.3)
    assert longer.trajectory.n_iter == viz.DIGITS_MAX_ITER
    assert np.array_equal(longer.test_cost[: run.test_cost.size], run.test_cost)  # continued, not retrained


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"learning_rate": 0.0, "iterations": 10}, "learning_rate must be a positive"),
        ({"learning_rate": 1.0, "iterations": 0}, "iterations must be a positive integer"),
        ({"learning_rate": 1.0, "iterations": viz.DIGITS_MAX_ITER + 1}, "between 1 and max_iter = 500"),
        ({"learning_rate": 1.0, "iterations": 2.5}, "iterations must be a positive integer"),
    ],
)
def test_digits_draw_rejects_bad_input(digits_explorer, kwargs, message):
    with pytest.raises(ValueError, match=message):
        digits_explorer.draw(**kwargs)


def test_digits_classes_reject_bad_construction(digits_model):
    with pytest.raises(ValueError, match="model must be a DigitsSoftmax"):
        viz.DigitsExplorer("model")
    with pytest.raises(ValueError, match="n_mistakes must be at most 10"):
        viz.DigitsExplorer(digits_model, n_mistakes=11)
    X = digits_model.runs.X
    with pytest.raises(ValueError, match="X_test must have the 65 columns"):
        viz.DigitsSoftmax(X, digits_model.runs.y, digits_model.X_test[:, :10], digits_model.y_test,
                          digits_model.images_test)
    with pytest.raises(ValueError, match="images_test must have shape"):
        viz.DigitsSoftmax(X, digits_model.runs.y, digits_model.X_test, digits_model.y_test, np.zeros((3, 64)))


def test_digits_live_panel_redraws_on_slider_moves(digits_explorer):
    explorer = digits_explorer
    panel = explorer.live()
    rate, steps = panel.controls["learning_rate"], panel.controls["iterations"]
    assert panel.calls == 1
    before = np.asarray(explorer.cost_train.get_xdata()).size
    steps.value = 300
    assert panel.calls == 2 and np.asarray(explorer.cost_train.get_xdata()).size == 301 != before
    title = explorer.cost_title.get_text()
    rate.value = DIGITS_LR[0]
    assert panel.calls == 3 and explorer.cost_title.get_text() != title


# ---------------------------------------------------------------------------------------
# the decision-regions panel
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("learning_rate", "iterations"),
    [(1.0, 50), (REGIONS_LR[0], 1), (REGIONS_LR[0], viz.REGIONS_MAX_ITER), (REGIONS_LR[1], 1),
     (REGIONS_LR[1], viz.REGIONS_MAX_ITER)],
)
def test_regions_draw_is_finite_everywhere(regions_explorer, learning_rate, iterations):
    fig = regions_explorer.draw(learning_rate, iterations)
    image = np.asarray(regions_explorer.region.get_array())
    assert image.shape == (160, 160, 4) and image.dtype == np.uint8 and np.all(image[..., 3] == 255)
    W = regions_explorer.runs.trajectory(learning_rate).at(iterations)
    expected = viz.region_colours(softmax.predict_proba(W, regions_explorer.grid)).reshape(160, 160, 3)
    assert np.abs(image[..., :3] / 255 - expected).max() <= 0.5 / 255  # the colours, to 8 bits
    costs = np.asarray(regions_explorer.curve.get_ydata(), dtype=float)
    assert costs.shape == (iterations + 1,) and np.all(np.isfinite(costs))
    _layout(fig)


def test_regions_move_with_each_slider(regions_explorer):
    regions_explorer.draw(1.0, 50)
    base = np.asarray(regions_explorer.region.get_array(), dtype=float).copy()
    regions_explorer.draw(1.0, 5)
    assert not np.allclose(np.asarray(regions_explorer.region.get_array(), dtype=float), base)
    regions_explorer.draw(0.1, 50)
    assert not np.allclose(np.asarray(regions_explorer.region.get_array(), dtype=float), base)


def test_regions_banner_for_a_too_large_step(regions_explorer):
    regions_explorer.draw(1.0, 50)
    assert not regions_explorer.divergence.get_visible()
    assert _png(regions_explorer.draw(REGIONS_LR[1], 10)).startswith(b"\x89PNG")
    assert regions_explorer.divergence.get_visible()


def test_regions_reject_bad_input(plane, regions_explorer):
    X, y, runs = plane
    with pytest.raises(ValueError, match="between 1 and max_iter = 300"):
        regions_explorer.draw(1.0, viz.REGIONS_MAX_ITER + 1)
    with pytest.raises(ValueError, match="learning_rate must be a positive"):
        regions_explorer.draw(-1.0, 10)
    with pytest.raises(ValueError, match="2 columns"):
        viz.RegionsExplorer(np.zeros((3, 3)), [0, 1, 2])
    with pytest.raises(ValueError, match="runs must be trained on \\[1, X\\]"):
        viz.RegionsExplorer(X[:10], y[:10], runs=runs)
    with pytest.raises(ValueError, match="runs must be a SoftmaxRuns"):
        viz.RegionsExplorer(X, y, runs="runs")


def test_regions_live_panel_redraws_on_slider_moves(regions_explorer):
    explorer = regions_explorer
    panel = explorer.live()
    rate, steps = panel.controls["learning_rate"], panel.controls["iterations"]
    before = np.asarray(explorer.region.get_array(), dtype=float).copy()
    steps.value = 200
    assert panel.calls == 2
    after = np.asarray(explorer.region.get_array(), dtype=float)
    assert not np.allclose(after, before)
    rate.value = 10 ** -1.0
    assert panel.calls == 3 and "α = 0.1" in explorer.map_title.get_text()


# ---------------------------------------------------------------------------------------
# the live panels exactly as the notebook builds them (``explorer.live()``)
# ---------------------------------------------------------------------------------------
def _settings(exponents: tuple[float, float], max_iter: int) -> list[dict[str, float]]:
    """Each slider across its whole range alone, then the corners and the middle of both."""
    low, high = (10.0**e for e in exponents)
    middle = 10.0 ** np.mean(exponents)
    alone = [{"learning_rate": 10.0**e} for e in np.linspace(*exponents, 5)]  # first: few steps to train
    alone += [{"iterations": i} for i in (1, 2, max_iter // 3, max_iter - 1, max_iter)]
    corners = [{"learning_rate": lr, "iterations": i} for lr in (low, high) for i in (1, max_iter)]
    return alone + corners + [{"learning_rate": middle, "iterations": max_iter // 2}, {"learning_rate": 1.0}]


DIGITS_SETTINGS = _settings(viz.DIGITS_LEARNING_RATE_EXPONENTS, viz.DIGITS_MAX_ITER)
REGIONS_SETTINGS = _settings(viz.REGIONS_LEARNING_RATE_EXPONENTS, viz.REGIONS_MAX_ITER)


def _corners(exponents: tuple[float, float], max_iter: int) -> list[dict[str, float]]:
    """The four corners of both sliders: fewer settings where pixels are compared (two renders each)."""
    low, high = (10.0**e for e in exponents)
    corners = ((low, max_iter), (low, 1), (high, 1), (high, max_iter))
    return [{"learning_rate": lr, "iterations": i} for lr, i in corners]


@pytest.fixture(scope="module")
def digits_panel(digits_explorer) -> LivePanel:
    return digits_explorer.live()


@pytest.fixture(scope="module")
def regions_panel(regions_explorer) -> LivePanel:
    return regions_explorer.live()


@pytest.mark.parametrize("which", ["digits", "regions"])
def test_the_live_panels_have_the_notebooks_sliders(digits_panel, regions_panel, which):
    if which == "digits":
        panel, defaults, exponents, max_iter = (
            digits_panel, viz.DIGITS_DEFAULTS, viz.DIGITS_LEARNING_RATE_EXPONENTS, viz.DIGITS_MAX_ITER)
    else:
        panel, defaults, exponents, max_iter = (
            regions_panel, viz.REGIONS_DEFAULTS, viz.REGIONS_LEARNING_RATE_EXPONENTS, viz.REGIONS_MAX_ITER)
    rate, steps = panel.controls["learning_rate"], panel.controls["iterations"]
    assert (rate.min, rate.max, rate.step) == (*exponents, 0.25)
    assert (steps.min, steps.max) == (1, max_iter)
    fresh = panel.draw.__self__.controls()  # the defaults, whatever the tests above moved
    assert {name: control.value for name, control in fresh.items()} == dict(defaults)
    assert panel.dynamic == panel.draw.__self__.dynamic_artists


def test_digits_panel_repaints_every_artist_it_changes(digits_panel):
    assert_dynamic_covers_changes(digits_panel, DIGITS_SETTINGS)


def test_regions_panel_repaints_every_artist_it_changes(regions_panel):
    assert_dynamic_covers_changes(regions_panel, REGIONS_SETTINGS)


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
@pytest.mark.parametrize("which", ["digits", "regions"])
def test_blitting_matches_full_redraws_and_keeps_one_background(digits_panel, regions_panel, which):
    # The axes are fixed for every learning rate and iteration count, so the first render
    # draws the one background the panel will ever need, and no slider move redraws it.
    if which == "digits":
        panel, corners = digits_panel, _corners(viz.DIGITS_LEARNING_RATE_EXPONENTS, viz.DIGITS_MAX_ITER)
    else:
        panel, corners = regions_panel, _corners(viz.REGIONS_LEARNING_RATE_EXPONENTS, viz.REGIONS_MAX_ITER)
    panel.render()
    draws = panel.background_draws
    assert draws >= 1
    steps = panel.controls["iterations"]
    for value in (1, steps.max // 2, steps.max):  # the iterations slider alone
        steps.value = value
        panel.render()
    assert panel.background_draws == draws
    assert_blitting_is_faithful(panel, corners)  # and with the learning rate
    assert panel.background_draws == draws
    if which == "regions":  # its legend, over the changing regions, is pasted as a picture
        assert panel.overlay == panel.draw.__self__.overlay_artists and panel.overlay
        assert any(key[1] == "fixed" for key in panel._texts._sprites)


def test_the_fixed_cost_axes_hold_every_run(digits_model, digits_panel, plane, regions_panel):
    low, high = digits_panel.draw.__self__.ax_cost.get_ylim()
    for alpha in (DIGITS_LR[0], 1.0, DIGITS_LR[1]):
        run = digits_model.run(alpha)
        costs = np.concatenate([run.train_cost, run.test_cost])
        assert low < costs.min() and costs.max() < high, alpha
    _, _, runs = plane
    low, high = regions_panel.draw.__self__.curve.axes.get_ylim()
    assert len(runs.cached_learning_rates) >= 17  # every slider position, trained when the explorer was built
    for alpha in runs.cached_learning_rates:
        costs = runs.trajectory(alpha).costs
        assert low < costs.min() and costs.max() < high, alpha


def test_no_accuracy_curve_crosses_the_digits_legend(digits_model, digits_panel):
    # The legend is part of the background: a curve through it would be painted over it.
    explorer = digits_panel.draw.__self__
    _layout(explorer.fig)
    box = explorer.ax_acc.get_legend().get_window_extent().transformed(explorer.ax_acc.transData.inverted())
    for alpha in (DIGITS_LR[0], 1.0, DIGITS_LR[1]):  # 0.01 climbs slowest, closest to the legend
        run = digits_model.run(alpha)
        steps = np.arange(run.train_accuracy.size)
        for accuracy in (run.train_accuracy, run.test_accuracy):
            inside = (steps >= box.x0) & (steps <= box.x1) & (100 * accuracy >= box.y0) & (100 * accuracy <= box.y1)
            assert not inside.any(), alpha


# ---------------------------------------------------------------------------------------
# the theory figures (notebooks 08 and 09): the categorical link, temperature, the Hessian's spectrum
# ---------------------------------------------------------------------------------------
def test_categorical_link_draws_probabilities_and_natural_parameters():
    fig = viz.plot_categorical_link([0.5, 0.2, 0.2, 0.1])
    ax_p, ax_eta = fig.axes
    np.testing.assert_allclose([bar.get_height() for bar in ax_eta.patches], np.log([5.0, 2.0, 2.0, 1.0]))
    np.testing.assert_allclose(ax_p.lines[0].get_ydata(), [0.5, 0.2, 0.2, 0.1])  # softmax(η) recovers p
    _layout(fig)
    with pytest.raises(ValueError, match="every probability > 0"):
        viz.plot_categorical_link([0.5, 0.5, 0.0])


def test_temperature_figure_shows_the_limits():
    fig = viz.plot_temperature([2.0, 1.0, 0.1, -1.0])
    ax_p, ax_h = fig.axes
    first = np.array([line.get_ydata() for line in ax_p.lines[:4]])  # (K, N)
    np.testing.assert_allclose(first[:, 0], [1.0, 0.0, 0.0, 0.0], atol=1e-6)  # T = 0.01: the argmax
    np.testing.assert_allclose(first[:, -1], 0.25, atol=0.02)  # T = 100: nearly uniform
    entropy = ax_h.lines[0].get_ydata()
    assert np.all(np.diff(entropy) >= -1e-12)
    assert ax_p.get_xscale() == "log"
    _layout(fig)
    with pytest.raises(ValueError, match="positive and increasing"):
        viz.plot_temperature([1.0, 2.0], temperatures=[1.0, 0.5])
    with pytest.raises(ValueError, match="between 2 and"):
        viz.plot_temperature([1.0])


def test_hessian_spectrum_counts_the_flat_directions():
    points, labels = data.make_three_class_data(np.random.default_rng(0))
    X = data.add_intercept(points)
    W = 0.5 * np.random.default_rng(1).normal(size=(3, 3))
    fig = viz.plot_hessian_spectrum(W, X, labels, lam=1.0)
    legend = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert legend[0].endswith(": 3 zero") and legend[1].endswith(": 1 zero") and legend[2].endswith(": 0 zero")
    _layout(fig)
    with pytest.raises(ValueError, match="lam must be > 0"):
        viz.plot_hessian_spectrum(W, X, labels, lam=0.0)
