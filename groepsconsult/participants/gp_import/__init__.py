"""Import of a GP practice's selection file (CSV or XLSX): read, check, then import all or nothing.

reading   bytes -> header + rows of strings/dates (limits against hostile files)
columns   header variants (Dutch/English, accents, case) -> our fields
cleaning  one row -> a Participant (unsaved) or the reasons it is bad, in Dutch
checking  the whole file -> a Report (bad rows, duplicates in the region and in the file)
selectors / services / policies   reads, writes and state rules, as everywhere else
"""
