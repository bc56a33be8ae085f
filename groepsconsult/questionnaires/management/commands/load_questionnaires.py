"""Load (or update) the questionnaire definitions from questionnaires/definitions/*.json."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from groepsconsult.questionnaires.services import DefinitionError, questionnaire_definitions_load
from groepsconsult.questionnaires.services.definitions import DEFINITIONS_DIR


class Command(BaseCommand):
    help = "Load the versioned questionnaire definitions (idempotent; all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(DEFINITIONS_DIR))

    def handle(self, *args, directory, **options):
        try:
            lines = questionnaire_definitions_load(directory=Path(directory))
        except DefinitionError as exc:
            raise CommandError(str(exc)) from exc
        for line in lines:
            self.stdout.write(line)
