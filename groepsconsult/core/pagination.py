"""Pagination whose cost does not grow with the table: the count stops at CAP rows.

Django's Paginator runs COUNT(*) over everything the filter matches; over a region with a
hundred thousand participants that count is the most expensive query of the page, for a number
nobody reads. Past CAP the page says "more than 1000" and asks to search or filter; pages up to
the cap work as before. The counted subquery selects only the primary key, so a list annotated
with per-row counts does not compute them for every row it counts.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

CAP = 1000


class CappedPaginator(Paginator):
    cap = CAP

    @cached_property
    def count(self):
        object_list = self.object_list
        if hasattr(object_list, "order_by"):  # a queryset: COUNT over a LIMITed subquery
            if not object_list.query.combinator:
                # Only the key in the subquery: annotations the page shows (correlated counts
                # per row) are not computed for up to CAP rows just to count them.
                object_list = object_list.values("pk")
            return object_list.order_by()[: self.cap + 1].count()
        return min(len(object_list), self.cap + 1)

    @property
    def capped(self):
        """True when more rows match than the paginator counted."""
        return self.count > self.cap
