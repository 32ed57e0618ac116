from architectures.antipatterns.severity import Severity, default_severity


def test_ranks_order_low_medium_high():
    assert Severity.LOW.rank < Severity.MEDIUM.rank < Severity.HIGH.rank


def test_values_are_the_contract_strings():
    assert [str(s) for s in Severity] == ["low", "medium", "high"]
    assert default_severity(3.05) == "low"
