"""Ingest on a Dask LocalCluster makes the same archive as the process pool."""
from __future__ import annotations

import pytest
from archive_support import dump_tables

from banmian.archive.ingest import IngestOptions, ingest
from banmian.errors import ArchiveError

pytest.importorskip("distributed", reason="Dask distributed not installed (pip install 'dask[distributed]==2026.8.0')")


def test_archive_dask_local_cluster_equals_process_pool(tmp_path, small_pages):
    pool_db, dask_db = tmp_path / "pool.db", tmp_path / "dask.db"
    pooled = ingest([small_pages], pool_db, IngestOptions(workers=2, batch_pages=3))
    dasked = ingest([small_pages], dask_db, IngestOptions(dask="local:2", batch_pages=3))
    assert (pooled.added, dasked.added, dasked.pages_parsed, dasked.failed) == (6, 6, 18, 0)
    got, want = dump_tables(dask_db), dump_tables(pool_db)
    for table in want:
        assert got[table] == want[table], table


def test_archive_dask_unreachable_scheduler_is_a_clear_error(tmp_path, small_pages, monkeypatch):
    from banmian.archive import ingest as ingest_mod
    monkeypatch.setattr(ingest_mod, "DASK_CONNECT_TIMEOUT_S", 1)
    with pytest.raises(ArchiveError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        ingest([small_pages], tmp_path / "a.db", IngestOptions(dask="tcp://127.0.0.1:9"))
