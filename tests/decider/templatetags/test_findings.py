from decider.templatetags.findings import by_severity

FINDINGS = [
    {"id": "a", "severity": "low"},
    {"id": "b", "severity": "high"},
    {"id": "c", "severity": "low"},
]


def test_findings_group_by_severity_highest_first_keeping_their_numbers():
    assert by_severity(FINDINGS) == [
        ("high", [(2, FINDINGS[1])]),
        ("low", [(1, FINDINGS[0]), (3, FINDINGS[2])]),
    ]


def test_no_findings_no_groups():
    assert by_severity([]) == []
