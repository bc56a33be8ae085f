"""Writes of the questionnaires app: loading definitions, and saving responses."""

from groepsconsult.questionnaires.services.definitions import (
    DefinitionError,
    definition_errors,
    questionnaire_definitions_load,
)
from groepsconsult.questionnaires.services.responses import (
    answer_value_clean,
    response_save,
    response_start,
    response_submit,
)
from groepsconsult.questionnaires.services.scoring import questions_to_ask, station_values_for

__all__ = [
    "DefinitionError",
    "answer_value_clean",
    "definition_errors",
    "questionnaire_definitions_load",
    "response_save",
    "response_start",
    "response_submit",
    "questions_to_ask",
    "station_values_for",
]
