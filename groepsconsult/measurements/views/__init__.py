"""Views of the measurement circuit, one module per area (station, session overviews, InBody)."""
