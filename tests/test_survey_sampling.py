"""The survey campaigns' sampling maths (property_survey/tools/sampling.py),
pure Python: tested here without Odoo."""

import importlib.util
from pathlib import Path

import pytest

SOURCE = (
    Path(__file__).resolve().parent.parent
    / "addons"
    / "property_survey"
    / "tools"
    / "sampling.py"
)
_spec = importlib.util.spec_from_file_location("survey_sampling", SOURCE)
sampling = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sampling)


def test_largest_remainder_sums_to_total_each_share_within_one():
    weights = {1: 5, 2: 3, 3: 3}
    shares = sampling.largest_remainder(10, weights)
    assert shares == {1: 4, 2: 3, 3: 3}
    assert sum(shares.values()) == 10
    for key, weight in weights.items():
        assert abs(shares[key] - 10 * weight / 11) <= 1


def test_largest_remainder_ties_go_to_the_smallest_key():
    assert sampling.largest_remainder(1, {2: 1, 1: 1}) == {2: 0, 1: 1}


@pytest.mark.parametrize(
    ("total", "weights"), [(0, {1: 4}), (5, {1: 0, 2: 0}), (3, {})]
)
def test_largest_remainder_nothing_to_split(total, weights):
    assert sampling.largest_remainder(total, weights) == dict.fromkeys(weights, 0)


@pytest.mark.parametrize(
    ("population", "mode", "fixed", "expected"),
    [
        # 95 % / 5 %: n0 = 384.15; N = 1000 -> 384.15 / 1.38315 = 277.7 -> 278
        (1000, "statistical", 0, 278),
        (100000, "statistical", 0, 383),
        (20, "statistical", 0, 20),  # never more than the population
        (20, "fixed", 50, 20),
        (200, "fixed", 50, 50),
        (200, "fixed", -3, 0),
        (0, "fixed", 50, 0),
        (-1, "statistical", 0, 0),
    ],
)
def test_sample_size(population, mode, fixed, expected):
    assert sampling.sample_size(population, mode, fixed, 95, 5) == expected


def test_tighter_margin_needs_more_households():
    assert sampling.sample_size(10000, "statistical", 0, 99, 3) > sampling.sample_size(
        10000, "statistical", 0, 95, 5
    )
