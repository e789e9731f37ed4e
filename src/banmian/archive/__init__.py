"""Archive: parsed issues -> one SQLite file to search, read and export.

``ingest`` finds page files, parses issues in worker processes (or on a Dask
cluster) and streams them to the single writer, :class:`~banmian.archive.store.Store`;
``search`` opens the file read-only; ``export`` writes JSONL, CSV or Parquet.
The schema is ``schema.sql``, documented table by table.
"""
from __future__ import annotations
