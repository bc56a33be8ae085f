"""The shipped definitions load, are complete in four languages, and versions are protected."""

import json

import pytest

from groepsconsult.questionnaires.models import LANGUAGES, Question, Questionnaire
from groepsconsult.questionnaires.services import (
    DefinitionError,
    definition_errors,
    questionnaire_definitions_load,
)
from groepsconsult.questionnaires.services.definitions import DEFINITIONS_DIR
from tests.factories.backbone import make_consultation
from tests.factories.questionnaires import make_registration, make_response

SHIPPED = {
    "positive_health",
    "lifestyle_wheel",
    "social_risks",
    "findrisc",
    "experience",
    "work_check",
}


def _files():
    return sorted(DEFINITIONS_DIR.glob("*.json"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_shipped_definition_is_valid(path):
    assert definition_errors(json.loads(path.read_text(encoding="utf-8"))) == []


def test_the_migration_loaded_every_shipped_questionnaire(db):
    assert set(Questionnaire.objects.filter(is_current=True).values_list("code", flat=True)) == (
        SHIPPED
    )


def test_every_question_and_option_has_all_four_languages(db):
    for question in Question.objects.all():
        assert all(question.text.get(lang) for lang in LANGUAGES), question
        for option in question.options:
            assert all(option["label"].get(lang) for lang in LANGUAGES), (question, option)
    for questionnaire in Questionnaire.objects.all():
        assert all(questionnaire.title.get(lang) for lang in LANGUAGES)


def test_shapes_match_the_issue(db):
    def kinds(code):
        return list(
            Question.objects.filter(questionnaire__code=code).values_list("kind", flat=True)
        )

    assert kinds("positive_health") == ["scale_0_10"] * 6
    assert kinds("lifestyle_wheel") == ["scale_0_10"] * 6 + ["single_choice"]
    feeds = dict(
        Question.objects.filter(questionnaire__code="social_risks", questionnaire__is_current=True)
        .exclude(risk_input="")
        .values_list("code", "risk_input")
    )
    assert feeds == {
        "smoking": "smoker",
        "diabetes": "diabetes",
        "cardiovascular_disease": "known_cvd",
        # v2: SCORE2 and heart age are withheld for CKD and FH (clinical.md §3.2).
        "kidney_disease": "ckd",
        "familial_hypercholesterolaemia": "fh",
    }
    assert "iPH" in Questionnaire.objects.get(code="positive_health").licence_note
    assert Questionnaire.objects.get(code="work_check").audience == "professional"


def test_loading_twice_changes_nothing(db):
    before = list(Question.objects.order_by("pk").values_list("pk", flat=True))
    lines = questionnaire_definitions_load()
    assert all(line.endswith("unchanged") for line in lines)
    assert list(Question.objects.order_by("pk").values_list("pk", flat=True)) == before


def _write(tmp_path, data):
    (tmp_path / f"{data['code']}.v{data['version']}.json").write_text(json.dumps(data))


def _definition(**changes):
    data = json.loads((DEFINITIONS_DIR / "experience.v1.json").read_text(encoding="utf-8"))
    return data | changes


def test_a_missing_translation_is_refused_and_nothing_loads(db, tmp_path):
    broken = _definition(code="broken")
    broken["questions"][0]["text"].pop("ar")
    _write(tmp_path, _definition(code="fine"))
    _write(tmp_path, broken)
    with pytest.raises(DefinitionError, match="missing 'ar' text"):
        questionnaire_definitions_load(directory=tmp_path)
    assert not Questionnaire.objects.filter(code__in=["fine", "broken"]).exists()


def test_a_version_with_answers_cannot_be_rewritten(db, tmp_path, region_a):
    registration = make_registration(make_consultation(region_a))
    make_response(registration, "experience", {"useful": "4"}, finish=False)
    changed = _definition()
    changed["questions"][0]["text"]["nl"] = "Andere tekst"
    _write(tmp_path, changed)
    with pytest.raises(DefinitionError, match="new version number"):
        questionnaire_definitions_load(directory=tmp_path)


def test_a_new_version_becomes_current_and_the_old_one_stays(db, tmp_path):
    newer = _definition(version=2)
    newer["questions"][0]["text"]["nl"] = "Was het nuttig?"
    _write(tmp_path, newer)
    questionnaire_definitions_load(directory=tmp_path)
    versions = dict(
        Questionnaire.objects.filter(code="experience").values_list("version", "is_current")
    )
    assert versions == {1: False, 2: True}
