"""Archive schema: versioned, WAL, foreign keys, views, migrations, one writer."""
from __future__ import annotations

import sqlite3

import pytest

from banmian.archive import store as store_mod
from banmian.archive.search import connect_readonly
from banmian.archive.store import SCHEMA_VERSION, Store
from banmian.errors import ArchiveError


def test_archive_schema_new_file_is_versioned_wal_with_foreign_keys(tmp_path):
    db = tmp_path / "a.db"
    with Store(db) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert st.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        meta = dict(st.conn.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(SCHEMA_VERSION) and meta["tokenizer_version"] == "1"
    conn = connect_readonly(db)
    views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert {"v_articles", "v_paragraphs", "v_people", "v_statistics", "v_pages", "v_summary"} <= views
    with pytest.raises(sqlite3.OperationalError):  # read-only really is read-only
        conn.execute("INSERT INTO papers(name) VALUES ('x')")


def test_archive_schema_views_read_well(small_db):
    conn = connect_readonly(small_db)
    paper, issues, first, last, pages, skipped, articles, chars = conn.execute("SELECT * FROM v_summary").fetchone()
    assert (paper, issues, pages, skipped) == ("测试日报", 6, 18, 0) and articles > 18 and chars > 10_000
    head = conn.execute("SELECT title, kicker, headline FROM v_articles WHERE date = '2024-01-01' "
                        "ORDER BY seq").fetchone()
    assert head[0] == "较真碰硬抓好问题整改努力让脱贫成果更巩固乡村发展更美好群众生活更幸福"
    assert head[1] in head[2] and head[0] in head[2]
    # paragraph text comes back from offsets into the body, exactly
    for aid, body in conn.execute("SELECT id, body FROM articles"):
        texts = [t for (t,) in conn.execute("SELECT text FROM v_paragraphs WHERE article_id = ? ORDER BY seq", (aid,))]
        assert "\n".join(texts) == body
    reporters = {r[0] for r in conn.execute("SELECT name FROM v_people WHERE source = 'byline'")}
    assert "付小惠" in reporters


def test_archive_schema_foreign_keys_cascade(tmp_path, small_db):
    import shutil
    db = tmp_path / "copy.db"
    shutil.copy(small_db, db)
    with Store(db) as st:
        st.conn.execute("DELETE FROM issues WHERE date = '2024-01-01'")
        orphans = st.conn.execute("SELECT count(*) FROM paragraphs g LEFT JOIN articles a ON a.id = g.article_id "
                                  "WHERE a.id IS NULL").fetchone()[0]
        assert orphans == 0
        with pytest.raises(sqlite3.IntegrityError):
            st.conn.execute("INSERT INTO articles(issue_id, seq, pages, roles_certain, headline_lines, body, chars)"
                            " VALUES (999, 1, '[]', 1, '[]', '', 0)")


def test_archive_schema_migrations_run_in_order_and_atomically(tmp_path, monkeypatch):
    db = tmp_path / "a.db"
    Store(db).close()
    mig = tmp_path / "migrations"
    mig.mkdir()
    (mig / f"migrate_{SCHEMA_VERSION + 1}.sql").write_text("ALTER TABLE papers ADD COLUMN country TEXT;")
    (mig / f"migrate_{SCHEMA_VERSION + 2}.sql").write_text("CREATE TABLE editions(id INTEGER PRIMARY KEY);")
    monkeypatch.setattr(store_mod, "MIGRATIONS_DIR", mig)
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 2)
    with Store(db) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 2
        st.conn.execute("INSERT INTO papers(name, country) VALUES ('报', 'CN')")
        st.conn.execute("SELECT * FROM editions").fetchall()
    # a failing migration changes nothing: neither version nor tables
    (mig / f"migrate_{SCHEMA_VERSION + 3}.sql").write_text("CREATE TABLE half(x); SELECT nonsense FROM nowhere;")
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 3)
    with pytest.raises(sqlite3.OperationalError):
        Store(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 2
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half'").fetchone()
    # a missing migration is a clear error
    (mig / f"migrate_{SCHEMA_VERSION + 3}.sql").unlink()
    with pytest.raises(ArchiveError, match="no migration"):
        Store(db)


def test_archive_schema_refuses_newer_and_foreign_files(tmp_path):
    newer = tmp_path / "newer.db"
    Store(newer).close()
    sqlite3.connect(newer).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ArchiveError, match="newer"):
        Store(newer)
    with pytest.raises(ArchiveError, match="upgrade banmian"):
        connect_readonly(newer)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)")
    with pytest.raises(ArchiveError, match="not a banmian archive"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError, match="junk.db"):
        Store(junk)
    with pytest.raises(ArchiveError, match="no such archive"):
        connect_readonly(tmp_path / "missing.db")


def test_archive_store_one_writer_at_a_time(tmp_path):
    db = tmp_path / "a.db"
    with Store(db):
        with pytest.raises(ArchiveError, match="another banmian process is writing"):
            Store(db)
    Store(db).close()  # released on close


def test_archive_store_reindexes_when_the_tokenizer_changes(tmp_path, small_db):
    import shutil

    from banmian.archive.search import search
    db = tmp_path / "a.db"
    shutil.copy(small_db, db)
    before = search(db, "标记0012").total
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'tokenizer_version'")
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="re-index"):
        search(db, "标记0012")
    Store(db).close()
    assert search(db, "标记0012").total == before == 1
