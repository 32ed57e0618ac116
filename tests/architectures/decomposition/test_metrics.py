import math

import pytest

from architectures.decomposition.metrics import (
    inter_call_percentage,
    interface_number,
    measure,
    non_extreme_distribution,
    structural_modularity,
)

# Five modules in two candidates: {0, 1, 2} and {3, 4}.
CANDIDATE_OF = [0, 0, 0, 1, 1]
CALLS = {(0, 1): 1, (1, 0): 3, (1, 2): 1, (2, 3): 1, (3, 4): 1, (0, 4): 1, (2, 2): 5}


def test_structural_modularity_matches_the_hand_computed_value():
    # Cohesion: {0,1},{1,2} in a 3-module candidate -> 2/9; {3,4} in a 2-module one -> 1/4.
    # Coupling: pairs {2,3} and {0,4} cross, over 3 x 2 pairs, averaged over one pair.
    expected = (2 / 9 + 1 / 4) / 2 - 2 / (3 * 2)
    assert structural_modularity(CALLS, CANDIDATE_OF) == pytest.approx(expected)
    assert expected == pytest.approx(-7 / 72)


def test_structural_modularity_of_one_candidate_is_its_cohesion():
    assert structural_modularity({(0, 1): 2, (1, 2): 1}, [0, 0, 0]) == pytest.approx(2 / 9)


def test_structural_modularity_counts_a_pair_once_whatever_the_direction():
    one_way = structural_modularity({(0, 1): 1}, [0, 0])
    both_ways = structural_modularity({(0, 1): 1, (1, 0): 7}, [0, 0])
    assert one_way == both_ways == pytest.approx(1 / 4)


def test_inter_call_percentage_weighs_each_edge_by_log_count_plus_one():
    total = 5 + (1 + math.log(3))  # the self-call is ignored
    assert inter_call_percentage(CALLS, CANDIDATE_OF) == pytest.approx(2 / total)


def test_inter_call_percentage_is_zero_without_calls():
    assert inter_call_percentage({}, [0, 1]) == 0.0


def test_interface_number_averages_modules_called_from_elsewhere():
    # Module 3 (called by 2) and module 4 (called by 0) are interfaces; two candidates.
    assert interface_number(CALLS, CANDIDATE_OF) == pytest.approx(1.0)


def test_interface_number_counts_a_module_called_from_two_candidates_once():
    assert interface_number({(0, 2): 1, (1, 2): 1}, [0, 1, 2]) == pytest.approx(1 / 3)


def test_non_extreme_distribution_is_the_share_outside_five_to_twenty_modules():
    assert non_extreme_distribution(CANDIDATE_OF) == 1.0
    assert non_extreme_distribution([0] * 5 + [1] * 2) == pytest.approx(2 / 7)
    assert non_extreme_distribution([0] * 20 + [1] * 21) == pytest.approx(21 / 41)


def test_measure_rounds_the_four_metrics_in_to_dict():
    metrics = measure(CALLS, CANDIDATE_OF).to_dict()
    assert metrics == {
        "undecided": 0,
        "structural_modularity": round(-7 / 72, 4),
        "inter_call_percentage": round(2 / (6 + math.log(3)), 4),
        "interface_number": 1.0,
        "non_extreme_distribution": 1.0,
    }
