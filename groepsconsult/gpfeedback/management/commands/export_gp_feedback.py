"""Export the GP feedback of one practice: one <opaque id>.json FHIR bundle and one
<opaque id>.pdf letter per consenting participant (their latest feedback).

    python manage.py export_gp_feedback --practice 01234567 --out /srv/export/practice

Feedback still missing for a measured, consenting participant is prepared first. Participants
without a current "share with GP" consent are left out and counted.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.gpfeedback import selectors, services
from groepsconsult.gpfeedback.letter import letter_pdf
from groepsconsult.regions.models import Organisation


class Command(BaseCommand):
    help = "Write FHIR bundles and PDF letters for one GP practice's consenting patients."

    def add_arguments(self, parser):
        parser.add_argument("--practice", required=True, help="AGB code of the GP practice")
        parser.add_argument("--out", required=True, help="directory to write into")

    def handle(self, *args, practice, out, **options):
        found = Organisation.objects.filter(kind="gp_practice", agb_code=practice).first()
        if found is None:
            raise CommandError(f"No GP practice with AGB code {practice}.")
        target = Path(out)
        target.mkdir(parents=True, exist_ok=True)
        by = Actor.system("export_gp_feedback")
        consenting, left_out = selectors.practice_patients_split(practice=found)
        for registration in selectors.registrations_with_results(participants=consenting):
            try:
                services.gp_feedback_prepare(registration=registration, by=by)
            except ValidationError:
                continue  # consent withdrawn in the meantime: it is left out below
        latest = selectors.gp_feedback_latest_for_participants(participants=consenting)
        for feedback in latest.values():
            name = str(feedback.public_id)
            (target / f"{name}.json").write_text(json.dumps(feedback.bundle, indent=2))
            (target / f"{name}.pdf").write_bytes(letter_pdf(feedback.letter_html))
        if latest:
            access_log_write(
                by=by,
                action=AccessEvent.Action.EXPORT,
                subject_type="gpfeedback",
                subject_ids=[f.public_id for f in latest.values()],
                participant_ids=[f.participant.public_id for f in latest.values()],
                purpose=selectors.PURPOSE,
                detail=f"export practice {practice}",
            )
        self.stdout.write(
            f"Wrote {len(latest)} bundle(s) and letter(s) for {found.name}; "
            f"left out {left_out.count()} participant(s) without consent to share with their GP."
        )
