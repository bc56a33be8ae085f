"""Small SQL expressions the ORM lacks, written for both databases (SQLite and PostgreSQL)."""

from django.db.models import FloatField, Func


class DaysBetween(Func):
    """`end - start` in days (a float), computed by the database: no per-row Python on SQLite
    (Django's own datetime subtraction there calls a Python function for every row)."""

    arity = 2
    output_field = FloatField()
    template = "(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)"
    arg_joiner = " - "

    def __init__(self, start, end, **extra):
        super().__init__(end, start, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra,
        )
