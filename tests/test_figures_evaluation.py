"""The figures and live panels of notebooks 11 and 12 (helpers/figures/evaluation/)."""

from __future__ import annotations

import warnings

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers import data, logistic, metrics, model_selection
from helpers.figures.evaluation import (
    CalibrationExplorer,
    ThresholdExplorer,
    plot_cross_validation,
    plot_expected_cost,
    plot_imbalance,
    plot_reliability,
    plot_roc_curves,
    plot_weight_paths,
)
from helpers.figures.live import slider_positions

LAMS = np.logspace(-3, 2, 6)


@pytest.fixture(scope="module")
def split():
    """The notebooks' split (SEED = 11) and the λ = 1 model of notebook 11."""
    X, y, names = data.load_breast_cancer()
    train, test = model_selection.stratified_split(y, 0.3, np.random.default_rng(11))
    theta, (A_train, A_test), _ = model_selection.fit_standardised(X[train], y[train], 1.0, X[test])
    return X[train], X[test], y[train], y[test], names, theta, A_train, A_test


@pytest.fixture(scope="module")
def out_of_fold(split):
    X_train, _, y_train, *_ = split
    folds = model_selection.stratified_folds(y_train, 5, np.random.default_rng(12))
    return {lam: model_selection.out_of_fold_probabilities(X_train, y_train, lam, folds) for lam in (0.0, *LAMS)}


def _quiet(build):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = build()
        fig.canvas.draw()  # a full render: layout and every artist
    assert isinstance(fig, Figure)
    return fig


# ---------------------------------------------------------------------------------------
# notebook 11: the threshold panel
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("threshold", [0.01, 0.05, 0.5, 0.99])
def test_threshold_explorer_draws_its_counts_at_the_ends_and_inside(split, threshold):
    *_, theta, _, A_test = split
    y_test = split[3]
    explorer = ThresholdExplorer(y_test, A_test @ theta)
    _quiet(lambda: explorer.draw(threshold=threshold))
    (tn, fp), (fn, tp) = metrics.binary_confusion(y_test, logistic.predict_proba(theta, A_test), threshold)
    shown = {key: int(text.get_text()) for key, text in explorer.counts.items()}
    assert shown == {(0, 0): tn, (0, 1): fp, (1, 0): fn, (1, 1): tp}
    recall, fpr = tp / (tp + fn), fp / (fp + tn)
    assert explorer.roc_point.get_xdata()[0] == pytest.approx(fpr)
    assert explorer.roc_point.get_ydata()[0] == pytest.approx(recall)
    cut = np.log(threshold / (1 - threshold))
    assert explorer.cut.get_xdata()[0] == pytest.approx(np.clip(cut, -explorer.limit, explorer.limit))


def test_threshold_explorer_slider_and_bad_input(split):
    *_, theta, _, A_test = split
    explorer = ThresholdExplorer(split[3], A_test @ theta)
    slider = explorer.controls()["threshold"]
    assert isinstance(slider, widgets.FloatSlider) and slider.value == 0.5
    positions = slider_positions(slider)
    assert len(positions) == 99 and positions[0] == pytest.approx(0.01) and positions[-1] == pytest.approx(0.99)
    for bad in (0.0, 1.0, -0.2, float("nan")):
        with pytest.raises(ValueError, match="threshold"):
            explorer.draw(threshold=bad)
    with pytest.raises(ValueError, match="binary labels"):
        ThresholdExplorer([0, 2], [0.1, 0.2])


def test_threshold_panel_redraws_only_its_dynamic_artists_and_blits_faithfully(split):
    from blit import assert_blitting_is_faithful, assert_dynamic_covers_changes

    *_, theta, _, A_test = split
    settings = [{"threshold": t} for t in (0.01, 0.2, 0.5, 0.73, 0.99)]
    assert_dynamic_covers_changes(ThresholdExplorer(split[3], A_test @ theta).live(), settings)
    panel = ThresholdExplorer(split[3], A_test @ theta).live()
    assert_blitting_is_faithful(panel, settings)
    assert panel.background_draws == 1  # no move changes a limit, a scale or a label


# ---------------------------------------------------------------------------------------
# notebook 11: static figures
# ---------------------------------------------------------------------------------------
def test_static_figures_of_notebook_11_build_without_warnings(split):
    _, _, y_train, y_test, _, theta, A_train, A_test = split
    _quiet(lambda: plot_roc_curves({"train": (y_train, A_train @ theta), "held out": (y_test, A_test @ theta)}))
    _quiet(lambda: plot_expected_cost(y_test, logistic.predict_proba(theta, A_test), [1.0, 5.0, 20.0]))
    _quiet(lambda: plot_imbalance(y_test, A_test @ theta, [float(y_test.mean()), 0.05, 0.01]))
    perfect = np.where(y_test == 1, 5.0, -5.0)  # a perfect ranking: AUC 1, precision 1 everywhere
    _quiet(lambda: plot_imbalance(y_test, perfect, [0.001]))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda y, s: plot_roc_curves({}), "1 to 4"),
        (lambda y, s: plot_expected_cost(y, s, [0.0]), "positive numbers"),
        (lambda y, s: plot_imbalance(y, s, [1.0]), r"shares in \(0, 1\)"),
        (lambda y, s: plot_roc_curves({"one class": (np.ones(4), np.arange(4.0))}), "both classes"),
    ],
)
def test_static_figures_of_notebook_11_reject_bad_input(call, message, split):
    y_test, theta, A_test = split[3], split[5], split[7]
    with pytest.raises(ValueError, match=message):
        call(y_test, logistic.predict_proba(theta, A_test))


# ---------------------------------------------------------------------------------------
# notebook 12
# ---------------------------------------------------------------------------------------
def test_static_figures_of_notebook_12_build_without_warnings(split, out_of_fold):
    X_train, _, y_train, _, names, *_ = split
    thetas = np.array([model_selection.fit_standardised(X_train, y_train, float(lam))[0] for lam in LAMS])
    _quiet(lambda: plot_weight_paths(LAMS, thetas, names))
    costs = np.abs(np.random.default_rng(0).normal(0.2, 0.05, size=(LAMS.size, 5)))
    lam_min, lam_1se = model_selection.choose_lambda(LAMS, costs)
    _quiet(lambda: plot_cross_validation(LAMS, costs, lam_min, lam_1se))
    _quiet(lambda: plot_reliability({"λ = 0": (y_train, out_of_fold[0.0]), "λ = 1": (y_train, out_of_fold[1.0])}))
    with pytest.raises(ValueError, match="positive and increasing"):
        plot_weight_paths(LAMS[::-1], thetas, names)
    with pytest.raises(ValueError, match="shape"):
        plot_cross_validation(LAMS, costs[:, :1], lam_min, lam_1se)


@pytest.mark.parametrize("lam", [0.0, 0.001, 1.0, 100.0])
def test_calibration_explorer_at_the_ends_and_inside(split, out_of_fold, lam):
    y_train = split[2]
    explorer = CalibrationExplorer(y_train, out_of_fold, start=1.0)
    _quiet(lambda: explorer.draw(lam=lam))
    mean_p, observed, counts = metrics.reliability_bins(y_train, out_of_fold[lam], 10)
    np.testing.assert_allclose(explorer.line.get_xdata(), mean_p[counts > 0])
    np.testing.assert_allclose(explorer.line.get_ydata(), observed[counts > 0])
    assert [float(path.vertices[:, 1].max()) for path in explorer.bars.get_paths()] == counts.tolist()
    assert len(explorer.intervals.get_segments()) == int((counts > 0).sum())


def test_calibration_explorer_slider_and_bad_input(split, out_of_fold):
    y_train = split[2]
    explorer = CalibrationExplorer(y_train, out_of_fold, start=1.0)
    slider = explorer.controls()["lam"]
    assert slider.value == 1.0 and [v for _, v in slider.options] == sorted(out_of_fold)
    with pytest.raises(ValueError, match="one of the given"):
        explorer.draw(lam=0.5)
    with pytest.raises(ValueError, match="start must be one of"):
        CalibrationExplorer(y_train, out_of_fold, start=0.5)
    with pytest.raises(ValueError, match="at least two"):
        CalibrationExplorer(y_train, {0.0: out_of_fold[0.0]})


def test_calibration_panel_redraws_only_its_dynamic_artists_and_blits_faithfully(split, out_of_fold):
    from blit import assert_blitting_is_faithful, assert_dynamic_covers_changes

    y_train = split[2]
    settings = [{"lam": lam} for lam in (0.0, 100.0, 0.001, 1.0)]
    assert_dynamic_covers_changes(CalibrationExplorer(y_train, out_of_fold).live(), settings)
    panel = CalibrationExplorer(y_train, out_of_fold).live()
    assert_blitting_is_faithful(panel, settings)
    assert panel.background_draws == 1


# ---------------------------------------------------------------------------------------
# the numbers the notebooks state in words, pinned here (they hold for the notebooks' defaults)
# ---------------------------------------------------------------------------------------
def test_the_defaults_of_notebooks_11_and_12_give_the_stated_results(split, out_of_fold):
    X_train, _, y_train, y_test, _, theta, _, A_test = split
    p = logistic.predict_proba(theta, A_test)
    assert metrics.binary_confusion(y_test, p, 0.5).tolist() == [[107, 0], [5, 59]]
    assert metrics.binary_confusion(y_test, p, 1 / 21)[1, 0] == 0  # t* = 1/21 misses no held-out cancer
    folds = model_selection.stratified_folds(y_train, 5, np.random.default_rng(12))
    grid = np.logspace(-3, 2, 11)
    costs, _ = model_selection.cross_validate(X_train, y_train, grid, folds)
    mean = costs.mean(axis=1)
    assert model_selection.choose_lambda(grid, costs) == (1.0, pytest.approx(10**0.5))
    # the minimum is clear: the runner-up mean is more than 5 % higher (no rounding can swap them)
    assert np.sort(mean)[1] > 1.05 * mean.min()
    se = costs.std(axis=1, ddof=1) / np.sqrt(costs.shape[1])
    bound = mean.min() + se[np.argmin(mean)]
    # The rule takes the largest λ under that line: every mean right of the minimum is far from it.
    right = mean[np.argmin(mean) + 1:]
    assert np.all(np.abs(right - bound) > 0.05 * bound)
    assert metrics.roc_auc(y_test, p) > 0.99
