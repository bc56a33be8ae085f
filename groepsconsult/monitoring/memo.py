"""One request's memo of the per-region reads.

The combined-regions guard (`disclosure`) reads every region's reach, paired outcomes and
people grouped by region; the combined page it guards then needs the same figures summed over
the regions. Inside `request_memo()` (the dashboard view) a second ask for the same regions
and filters reuses the first one's rows instead of running the GROUP BY again: at 1,000,000
participants these were 200 ms of SQL of the national page. Outside it, every call runs its
query. Only for reads that nothing writes in between (a GET), and callers only read the rows.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

_memo: ContextVar = ContextVar("monitoring_request_memo", default=None)


@contextmanager
def request_memo():
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def per_request(read):
    """`read(*, regions, filters)`, kept for the rest of the request inside `request_memo()`."""

    @functools.wraps(read)
    def kept(*, regions, filters):
        memo = _memo.get()
        if memo is None:
            return read(regions=regions, filters=filters)
        key = (read.__qualname__, tuple(region.pk for region in regions), filters)
        if key not in memo:
            memo[key] = read(regions=regions, filters=filters)
        return memo[key]

    return kept
