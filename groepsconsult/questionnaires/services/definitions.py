"""Load the versioned questionnaire definitions (JSON under questionnaires/definitions/).

Rules that protect stored answers:
- every text exists in all four languages (nl, en, tr, ar), so no participant meets a blank;
- a version that already has answers is never changed: a new wording must be a new version
  (the load refuses and says so), otherwise old answers would silently point at new text;
- loading the same files twice changes nothing (idempotent: the demo seed runs it every time).
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.questionnaires.models import LANGUAGES, Question, Questionnaire

DEFINITIONS_DIR = Path(__file__).resolve().parent.parent / "definitions"
PURPOSE = Purpose.QUESTIONNAIRE_DEFINITIONS
_QUESTION_FIELDS = ("kind", "text", "options", "required", "min_value", "max_value", "unit")


class DefinitionError(ValueError):
    """A definition file is invalid or would rewrite a version that already has answers."""


def _text_errors(where: str, texts) -> list[str]:
    if not isinstance(texts, dict):
        return [f"{where}: expected texts per language, got {type(texts).__name__}"]
    return [f"{where}: missing {lang!r} text" for lang in LANGUAGES if not texts.get(lang)]


def _option_errors(where: str, question: dict) -> list[str]:
    kind, options = question.get("kind"), question.get("options", [])
    errors = []
    if kind == Question.Kind.SINGLE_CHOICE and len(options) < 2:
        errors.append(f"{where}: a single choice needs at least two options")
    values = [str(option.get("value", "")) for option in options]
    if len(set(values)) != len(values) or "" in values:
        errors.append(f"{where}: option values must be unique and not empty")
    for option in options:
        errors += _text_errors(f"{where} option {option.get('value')!r}", option.get("label"))
    return errors


def definition_errors(data: dict) -> list[str]:
    """Everything wrong with one definition, as readable lines (empty list: valid)."""
    code = data.get("code", "?")
    errors = [f"{code}: missing {key!r}" for key in ("code", "version", "title") if key not in data]
    errors += _text_errors(f"{code} title", data.get("title"))
    if data.get("intro"):
        errors += _text_errors(f"{code} intro", data["intro"])
    if data.get("audience", "participant") not in Questionnaire.Audience.values:
        errors.append(f"{code}: unknown audience {data.get('audience')!r}")
    questions = data.get("questions") or []
    if not questions:
        errors.append(f"{code}: no questions")
    seen_codes, seen_orders = set(), set()
    for question in questions:
        where = f"{code}.{question.get('code', '?')}"
        if question.get("kind") not in Question.Kind.values:
            errors.append(f"{where}: unknown kind {question.get('kind')!r}")
        risk_input = question.get("risk_input", "")
        if risk_input and (
            risk_input not in Question.RiskInput.values or question.get("kind") != "yes_no"
        ):
            errors.append(f"{where}: risk_input {risk_input!r} must be a known yes/no input")
        if question.get("code") in seen_codes or question.get("order") in seen_orders:
            errors.append(f"{where}: code and order must be unique in the questionnaire")
        seen_codes.add(question.get("code"))
        seen_orders.add(question.get("order"))
        errors += _text_errors(where, question.get("text"))
        errors += _option_errors(where, question)
    return errors


def _question_values(question: dict) -> dict:
    def decimal_or_none(value):
        return None if value is None else Decimal(str(value))

    return {
        "order": question["order"],
        "kind": question["kind"],
        "text": question["text"],
        "options": question.get("options", []),
        "required": question.get("required", True),
        "min_value": decimal_or_none(question.get("min_value")),
        "max_value": decimal_or_none(question.get("max_value")),
        "unit": question.get("unit", ""),
        "risk_input": question.get("risk_input", ""),
    }


def _same_questions(questionnaire, data: dict) -> bool:
    stored = {
        q.code: {"order": q.order, "risk_input": q.risk_input}
        | {f: getattr(q, f) for f in _QUESTION_FIELDS}
        for q in questionnaire.questions.all()
    }
    wanted = {q["code"]: _question_values(q) for q in data["questions"]}
    return stored == wanted


def _load_one(data: dict, by: Actor | None, models=(Questionnaire, Question)) -> str:
    """Create or update one definition. `models` lets the data migration pass its historical
    models; `by=None` (migration) writes no audit row, as the audit schema may differ then."""
    questionnaire_model, question_model = models
    header = {
        "audience": data.get("audience", "participant"),
        "order": data.get("order", 0),
        "title": data["title"],
        "intro": data.get("intro", {}),
        "source": data.get("source", ""),
        "licence_note": data.get("licence_note", ""),
    }
    existing = questionnaire_model.objects.filter(
        code=data["code"], version=data["version"]
    ).first()
    unchanged_header = existing and all(getattr(existing, k) == v for k, v in header.items())
    if unchanged_header and _same_questions(existing, data):
        return f"{data['code']} v{data['version']}: unchanged"
    if existing and existing.responses.exists():
        raise DefinitionError(
            f"{data['code']} v{data['version']} already has answers and its file changed: "
            "give the changed definition a new version number."
        )
    # A newer version becomes current; an older file never takes "current" away from it.
    newest = questionnaire_model.objects.filter(code=data["code"]).order_by("-version").first()
    is_current = newest is None or newest.version <= data["version"]
    if is_current:
        questionnaire_model.objects.filter(code=data["code"]).exclude(
            version=data["version"]
        ).update(is_current=False)
    questionnaire = existing or questionnaire_model(code=data["code"], version=data["version"])
    for key, value in (header | {"is_current": is_current}).items():
        setattr(questionnaire, key, value)
    questionnaire.full_clean()
    questionnaire.save()
    questionnaire.questions.all().delete()
    for question in data["questions"]:
        row = question_model(questionnaire=questionnaire, code=question["code"])
        for key, value in _question_values(question).items():
            setattr(row, key, value)
        row.full_clean(exclude=["questionnaire"])
        row.save()
    if by is None:
        return f"{data['code']} v{data['version']}: loaded by migration"
    access_log_write(
        by=by,
        action=AccessEvent.Action.CHANGE if existing else AccessEvent.Action.CREATE,
        subject_type="questionnaire",
        subject_ids=[f"{data['code']}:v{data['version']}"],
        purpose=PURPOSE,
    )
    return f"{data['code']} v{data['version']}: {'updated' if existing else 'loaded'}"


def definition_files_read(paths) -> list[dict]:
    """Parse and validate definition files; any error stops everything (DefinitionError)."""
    definitions = []
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DefinitionError(f"{path.name}: not valid JSON ({exc})") from exc
        errors = definition_errors(data)
        if errors:
            raise DefinitionError(f"{path.name}: " + "; ".join(errors))
        definitions.append(data)
    return definitions


def questionnaire_definitions_load(
    *, directory: Path = DEFINITIONS_DIR, by: Actor | None = None, paths=None, models=None
) -> list[str]:
    """Validate every *.json file in `directory` (or `paths`), then load all or none (atomic)."""
    definitions = definition_files_read(paths or sorted(Path(directory).glob("*.json")))
    if models is None:
        by = by or Actor.system("load_questionnaires")
        models = (Questionnaire, Question)
    with transaction.atomic():
        return [_load_one(data, by, models) for data in definitions]
