"""Views of the consultations app: planning (sessions), team (roster) and run sheet."""
