"""Signals other apps listen to, so this app need not import them (notifications builds on it).

`self_registered` is sent after the commit of a new place taken on the public page, with
`registration`, `contact` (the unsaved Participant as submitted: the phone, e-mail and language
the resident gave, which may differ from the record's) and `by` (the anonymous actor).
"""

from django.dispatch import Signal

self_registered = Signal()
