"""Earlier results import on the web: the same check and all-or-nothing import as
`manage.py import_earlier_results` (docs/earlier-results.md). Who: GP_IMPORT (the coordinator's
file imports), in the active region. Nothing of the file is kept: check, then upload again
with "Import now" ticked. A check is a full dry run, so its counts are exact."""

from django.shortcuts import render

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.measurements.earlier.columns import MEASURE_NAMES
from groepsconsult.measurements.earlier.services import (
    EarlierImportRefused,
    earlier_results_import,
)
from groepsconsult.measurements.forms import EarlierResultsUploadForm
from groepsconsult.measurements.models import Measure
from groepsconsult.participants.gp_import.reading import FileRejected


@require_permission(Permission.GP_IMPORT)
def earlier_import(request):
    region = request.membership.region
    form = EarlierResultsUploadForm(request.POST or None, request.FILES or None, region=region)
    context = {"form": form, "measures": [Measure(m) for m in MEASURE_NAMES]}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        hood = form.cleaned_data["neighbourhood"]
        try:
            context["outcome"] = earlier_results_import(
                region=region,
                data=upload.read(),
                file_name=upload.name,
                by=Actor.from_request(request),
                neighbourhood=hood.name if hood else "",
                dry_run=not form.cleaned_data["confirm"],
            )
        except FileRejected as exc:
            for message in exc.messages:
                form.add_error("file", message)
        except EarlierImportRefused as exc:
            context["errors"] = exc.messages
    return render(request, "measurements/earlier_import.html", context)
