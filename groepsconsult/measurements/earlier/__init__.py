"""Earlier results: import the first results of a region that ran sessions before this software
(`manage.py import_earlier_results`, docs/earlier-results.md)."""
