"""The split date and time inputs of the session form each have an accessible name (axe)."""

import re

import pytest


@pytest.mark.parametrize("path", ["/consultations/new/"])
def test_date_and_time_inputs_have_accessible_names(client_for, path):
    body = client_for("coordinator").get(path).content.decode()
    inputs = re.findall(r"<input[^>]*name=\"starts_at_[01]\"[^>]*>", body)
    assert len(inputs) == 2
    assert 'aria-label="Datum"' in inputs[0] and 'aria-label="Begintijd"' in inputs[1]
