"""facts_changed_together: the block's sends go out once, merged, at its end; none on an error."""

import pytest

from groepsconsult.core.signals import facts_changed, facts_changed_together, send_facts_changed


class Measurement:  # senders are models
    pass


class Registration:
    pass


@pytest.fixture
def sent(monkeypatch):
    """What facts_changed sends, with only this recorder listening (no monitoring refresh)."""
    seen = []
    monkeypatch.setattr(facts_changed, "receivers", [])
    facts_changed.connect(lambda sender, **kwargs: seen.append((sender, kwargs)), weak=False)
    return seen


def test_the_sends_of_a_block_go_out_once_merged(sent):
    with facts_changed_together():
        send_facts_changed(Registration, consultation_ids=[7])
        with facts_changed_together():  # an inner block leaves the sending to the outer one
            send_facts_changed(Measurement, participant_ids=[3, 2], sessions_changed=False)
            send_facts_changed(Measurement, participant_ids=[2], sessions_changed=False)
        assert sent == []
    assert len(sent) == 1
    sender, kwargs = sent[0]
    assert sender is Registration and kwargs["sessions_changed"]  # one send asked for it
    assert kwargs["participant_ids"] == [2, 3] and kwargs["consultation_ids"] == [7]


def test_a_block_of_neutral_sends_leaves_peoples_sessions_alone(sent):
    with facts_changed_together():
        send_facts_changed(Measurement, participant_ids=[1], sessions_changed=False)
        send_facts_changed(Measurement, participant_ids=[2], sessions_changed=False)
    assert [(k["participant_ids"], k["sessions_changed"]) for _, k in sent] == [([1, 2], False)]


def test_a_block_that_fails_sends_nothing(sent):
    with pytest.raises(ValueError), facts_changed_together():
        send_facts_changed(Measurement, participant_ids=[1])
        raise ValueError
    assert sent == []
    send_facts_changed(Measurement, participant_ids=[1])  # outside a block: at once
    assert [k["participant_ids"] for _, k in sent] == [[1]]
