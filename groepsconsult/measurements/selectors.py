"""Reads of measurements. Callers have already fetched the registration through a scoped selector."""

from groepsconsult.measurements.models import Measurement


def measurement_current_for_registration(*, registration) -> dict[str, Measurement]:
    """The current (not superseded) value per measure; the latest wins if a station saved twice."""
    rows = Measurement.objects.filter(
        registration=registration, superseded_by__isnull=True
    ).order_by("measured_at", "id")
    return {row.measure: row for row in rows}
