"""Querysets compiled to SQL once per shape and run again with new values (issue "Scale and
speed").

Django compiles a queryset to SQL each time it runs it. For the hot queries of the facts
refresh (the rollup's GROUP BY of 60 aggregates, the facts' source with its subqueries) that
compiling cost more than SQLite's answer: a third of a station save's refresh.

`Prepared(build)`: `build(*values)` returns a `values()` or `values_list()` queryset filtered
by `values` (ids, or lists of ids, dates, datetimes; None where a filter reads IS NULL). The
first call of a shape (the length of each list, which values are None) builds it with stand-in
values, compiles it once and notes where each stand-in landed among the SQL parameters; every
later call of that shape binds the real values there and runs the same SQL. Rows pass through
Django's own converters, so they are what the queryset itself would give. A shape whose
stand-ins are not all found among the parameters (a lookup that rewrote its value) runs through
the ORM every time: slower, never different. tests/monitoring/test_prepared.py compares both.
"""

import datetime as dt
import itertools
import weakref

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections

MAX_SHAPES = 64  # per connection and query; the station path uses one or two
# A call with more values than this (a rebuild's batch) runs through the ORM: compiling is
# then a small part of its cost, and each length would be a shape of its own.
MAX_VALUES = 32
_ORM = object()  # a shape that runs through the ORM


def _standin(value, n):
    """A value of the same type no real row filters by (ids are far below 2,000,000,000)."""
    if isinstance(value, bool):
        raise TypeError("booleans are compiled as constants")
    if isinstance(value, int):
        return 2_000_000_000 + n
    if isinstance(value, dt.datetime):
        return dt.datetime(1901, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=n)
    if isinstance(value, dt.date):
        return dt.date(1901, 1, 1) + dt.timedelta(days=n)
    raise TypeError(f"no stand-in for {type(value).__name__}")


def _adapt(value, connection):
    """The parameter Django binds for a lookup on this value."""
    if isinstance(value, dt.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, dt.date):
        return connection.ops.adapt_datefield_value(value)
    return value


def _normal(args):
    """Lists as sorted distinct values (what an IN lookup binds), scalars as they are."""
    return [sorted(set(a)) if isinstance(a, list | tuple | set | frozenset) else a for a in args]


def _shape(args):
    return tuple(("list", len(a)) if isinstance(a, list) else a is None for a in args)


class _Plan:
    def __init__(self, compiler, sql, params, slots, names):
        self.compiler, self.sql, self.params = compiler, sql, params
        self.slots, self.names = slots, names  # slots: [(flat value index, param positions)]

    def run(self, connection, flat):
        params = list(self.params)
        for index, positions in self.slots:
            value = _adapt(flat[index], connection)
            for position in positions:
                params[position] = value
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            width = self.compiler.col_count
            raw = [row[:width] for row in cursor.fetchall()]
        return list(self.compiler.results_iter(results=[raw], tuple_expected=True))


class Prepared:
    def __init__(self, build):
        self.build = build
        self._plans = weakref.WeakKeyDictionary()  # a connection (one per thread) -> shapes

    def rows(self, *args):
        """The rows as tuples, in the queryset's column order."""
        return self._run(args)[0]

    def dicts(self, *args):
        """The rows as dicts, as `values()` gives them."""
        rows, names = self._run(args)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _run(self, args):
        args = _normal(args)
        flat = [v for a in args for v in (a if isinstance(a, list) else [a]) if v is not None]
        lists = [a for a in args if isinstance(a, list)]
        if len(flat) > MAX_VALUES or any(not a or None in a for a in lists):
            return self._orm(args)
        connection = connections[DEFAULT_DB_ALIAS]
        plans = self._plans.setdefault(connection, {})
        shape = _shape(args)
        plan = plans.get(shape)
        if plan is None and len(plans) < MAX_SHAPES:
            plan = plans[shape] = self._plan(args, connection)
        if plan is None or plan is _ORM:
            return self._orm(args)
        return plan.run(connection, flat), plan.names

    def _orm(self, args):
        queryset = self.build(*args)
        names = _names(queryset)
        rows = [tuple(r[n] for n in names) if isinstance(r, dict) else r for r in queryset]
        return rows, names

    def _plan(self, args, connection):
        count = itertools.count(1)
        standins = [
            [_standin(v, next(count)) for v in a]
            if isinstance(a, list)
            else (None if a is None else _standin(a, next(count)))
            for a in args
        ]
        queryset = self.build(*standins)
        compiler = queryset.query.get_compiler(connection=connection)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _ORM
        params = tuple(params)
        flat = [v for a in standins for v in (a if isinstance(a, list) else [a]) if v is not None]
        slots = []
        for index, value in enumerate(flat):
            adapted = _adapt(value, connection)
            positions = [
                i for i, p in enumerate(params) if type(p) is type(adapted) and p == adapted
            ]
            if not positions:
                return _ORM
            slots.append((index, positions))
        return _Plan(compiler, sql, params, slots, _names(queryset))


def _names(queryset):
    """The column names of a values()/values_list() queryset, in the order of its SELECT."""
    query = queryset.query
    if query.selected:
        return list(query.selected)
    return [*query.extra_select, *query.values_select, *query.annotation_select]
