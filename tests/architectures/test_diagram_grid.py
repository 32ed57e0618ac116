from architectures.diagram_grid import SLIDE, columns, rows_for


def test_small_layers_never_wrap():
    assert rows_for([1, 1, 3, 1, 3], SLIDE) == 3
    assert rows_for([1, 1, 12, 1, 12], SLIDE) == 12  # wrapping would cost more than it gains


def test_a_long_layer_wraps_towards_the_aspect_asked():
    wide = rows_for([1, 1, 60, 1, 60], SLIDE)
    tall = rows_for([1, 1, 60, 1, 60], SLIDE / 4)
    assert 1 < wide < tall <= 60


def test_columns_are_balanced_and_keep_the_order():
    names = [f"n{i}" for i in range(60)]
    split = columns(names, 25)
    assert [len(c) for c in split] == [20, 20, 20]
    assert sum(split, []) == names


def test_a_layer_that_fits_is_one_column_and_an_empty_one_none():
    assert columns(["a", "b"], 5) == [["a", "b"]]
    assert columns([], 5) == []
