from decider.engine.answers import ANSWER_FIELDS
from decider.engine.questions import BY_NAME, QUESTIONS, Kind


def test_each_question_is_declared_once():
    assert len(BY_NAME) == len(QUESTIONS)


def test_only_teams_refuses_dont_know():
    assert [q.name for q in QUESTIONS if not q.unknown and q.kind is not Kind.SET] == ["teams"]


def test_every_choice_and_set_names_its_values_and_every_number_its_bounds():
    for question in QUESTIONS:
        if question.kind is Kind.NUMBER:
            low, high = question.bounds
            assert low < high, question.name
        else:
            assert question.values is not None and len(question.values) >= 2, question.name


def test_the_answers_class_has_one_field_per_question_plus_the_flags_and_domains():
    flags = {q.unknown_flag for q in QUESTIONS if q.unknown_flag}
    assert {q.name for q in QUESTIONS} | flags | {"domains"} == ANSWER_FIELDS


def test_ops_says_dont_know_with_a_flag_beside_the_list():
    assert BY_NAME["ops"].unknown_flag == "unknown_ops"
    assert BY_NAME["practices"].unknown_flag is None


def test_the_core_questions_stay_visible():
    core = {q.name for q in QUESTIONS if q.core}
    assert {"teams", "deploy_contention", "scaling", "tech_diversity", "monolith_pain"} <= core
