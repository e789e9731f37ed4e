-- banmian archive schema, version 1 (PRAGMA user_version).
--
-- One SQLite file holds papers -> issues -> pages and articles -> paragraphs,
-- people, organisations, statistics, plus a full-text index.  Open it in the
-- sqlite3 shell or any SQLite browser; the v_* views read best.
--
-- Conventions
--   * dates are ISO text (2024-07-09); JSON columns hold JSON text (json_each() works);
--   * `lines` are 1-based line numbers in the page file, `spans` are
--     [page, line, start, end] with character offsets into that page's decoded
--     text (banmian's parse JSON contract), `boxes` are [x0, y0, x1, y1] in PDF
--     points per line (NULL for text dumps);
--   * char_start/char_end of paragraphs and facts are offsets into articles.body
--     (paragraphs joined with "\n"), 0-based, end exclusive;
--   * deleting an issue deletes everything under it (ON DELETE CASCADE); the
--     writer (banmian/archive/store.py) also removes its rows from article_fts.
--
-- Changing the schema: bump SCHEMA_VERSION in store.py, edit this file, and add
-- migrate_<new version>.sql beside it that upgrades the previous version in place.

PRAGMA foreign_keys = ON;

-- Key/value facts about the archive: schema and tokenizer versions, creator.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE papers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE              -- 人民日报, 乐山日报 (folder name or --paper)
);

-- One row per paper and date.  content_hash (sha256 over the pages' bytes and
-- order) decides whether re-ingesting replaces the issue or leaves it alone.
CREATE TABLE issues (
    id            INTEGER PRIMARY KEY,
    paper_id      INTEGER NOT NULL REFERENCES papers(id),
    date          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    page_count    INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    parsed_with   TEXT NOT NULL,           -- banmian version that parsed it
    warnings      TEXT NOT NULL DEFAULT '[]',  -- JSON list of parser/ingest warnings
    ingested_at   TEXT NOT NULL,           -- UTC, ISO 8601
    UNIQUE (paper_id, date)
);
CREATE INDEX issues_date ON issues(date);

-- Every page file of an issue, parsed or not (status 'skipped' says why in reason).
CREATE TABLE pages (
    id         INTEGER PRIMARY KEY,
    issue_id   INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,           -- 1-based position in the issue
    number     INTEGER,                    -- printed page number (版次)
    name       TEXT,                       -- page name (要闻, 综合) from a manifest
    path       TEXT NOT NULL,              -- the page file as found (absolute)
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    mtime_ns   INTEGER NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('parsed', 'skipped')),
    reason     TEXT,                       -- why it was skipped
    reader     TEXT,                       -- txt | pdf | ocr
    encoding   TEXT,
    line_count INTEGER,
    UNIQUE (issue_id, seq)
);

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    issue_id       INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,       -- 1-based order in the issue (the parse JSON's a1, a2…)
    page           INTEGER,                -- first printed page
    pages          TEXT NOT NULL,          -- JSON list of printed pages it spans
    kicker         TEXT,                   -- 引题
    title          TEXT,                   -- 主题
    subtitle       TEXT,                   -- 副题
    roles_certain  INTEGER NOT NULL,       -- 0 when headline roles were guessed from text alone
    headline_lines TEXT NOT NULL,          -- JSON list of line numbers
    byline         TEXT,                   -- as printed: 本报讯（记者 付小惠）
    byline_source  TEXT,                   -- 本报讯 / 新华社北京7月8日电
    reporters      TEXT NOT NULL DEFAULT '[]',  -- JSON list of names
    byline_inline  INTEGER,                -- 1: the byline is also the start of paragraph 1
    byline_lines   TEXT,                   -- JSON list of line numbers
    dateline       TEXT,                   -- 7月8日
    continued_from INTEGER,                -- 上接第N版
    continued_to   INTEGER,                -- 下转第N版
    body           TEXT NOT NULL,          -- paragraphs joined with "\n"
    chars          INTEGER NOT NULL,       -- length of body
    facts          TEXT,                   -- JSON facts object (NULL: extraction not run/failed)
    UNIQUE (issue_id, seq)
);

-- Paragraph text is substr(articles.body, char_start + 1, char_end - char_start): see v_paragraphs.
CREATE TABLE paragraphs (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,              -- body | heading
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    lines      TEXT NOT NULL,              -- JSON line numbers
    spans      TEXT NOT NULL,              -- JSON [[page, line, start, end], …]
    boxes      TEXT,                       -- JSON boxes per line (PDF/OCR only)
    UNIQUE (article_id, seq)
);

-- Mastheads, 版次 labels, editor lines, jump markers (下转第2版).
CREATE TABLE furniture (
    id       INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    text     TEXT NOT NULL,
    lines    TEXT NOT NULL,
    spans    TEXT NOT NULL,
    UNIQUE (issue_id, seq)
);

-- People named in an article: from its facts (source = how the rule found them)
-- and the reporters of its byline (source 'byline', title 记者).
CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    title        TEXT,                     -- titles joined with 、
    titles       TEXT NOT NULL DEFAULT '[]',
    organization TEXT,
    source       TEXT NOT NULL,
    field        TEXT NOT NULL DEFAULT 'body',  -- body | kicker | title | subtitle | byline
    char_start   INTEGER,
    char_end     INTEGER
);
CREATE INDEX people_article ON people(article_id);
CREATE INDEX people_name ON people(name);

CREATE TABLE organizations (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    aliases    TEXT NOT NULL DEFAULT '[]',
    field      TEXT NOT NULL DEFAULT 'body',
    char_start INTEGER,
    char_end   INTEGER
);
CREATE INDEX organizations_article ON organizations(article_id);
CREATE INDEX organizations_name ON organizations(name);

-- Statistics read from article text: 地区生产总值 1024.3 亿元, 同比增长 6.5%.
CREATE TABLE statistics (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    metric        TEXT,
    breakdown     TEXT,
    value         REAL,
    unit          TEXT,
    text          TEXT,
    period        TEXT,
    yoy_pct       REAL,
    share_pct     REAL,
    share_of      TEXT,
    rank_scope    TEXT,
    rank_position INTEGER,
    field         TEXT NOT NULL DEFAULT 'body',
    char_start    INTEGER,
    char_end      INTEGER
);
CREATE INDEX statistics_article ON statistics(article_id);
CREATE INDEX statistics_metric ON statistics(metric);

-- Full-text index, rowid = articles.id.  Contentless: it stores the tokens of
-- kicker/title/subtitle (headline) and body cut by banmian/archive/tokenize.py
-- (overlapping CJK bigrams), not the text.  Query it with `banmian search`,
-- which cuts queries the same way; in SQL a 2-character word is its own token:
--   SELECT rowid FROM article_fts WHERE article_fts MATCH '"光伏"' ORDER BY rank;
CREATE VIRTUAL TABLE article_fts USING fts5(headline, body, content='', tokenize='ascii');
-- Default ranking: bm25 with a headline match worth ten body matches.
INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
-- Merge 8 index segments at a time, not 4: each token is rewritten fewer times as the archive
-- grows (writer time per page stays flat to 100k pages); queries see a few more segments.
INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8);

-- Views: the archive as a reader wants it.

CREATE VIEW v_articles AS
SELECT a.id, p.name AS paper, i.date, a.page, a.pages, a.seq,
       a.kicker, a.title, a.subtitle,
       trim(coalesce(a.kicker || ' ', '') || coalesce(a.title, '') || coalesce(' ' || a.subtitle, '')) AS headline,
       a.byline, a.reporters, a.dateline, a.continued_from, a.continued_to, a.chars, a.body
FROM articles a JOIN issues i ON i.id = a.issue_id JOIN papers p ON p.id = i.paper_id;

CREATE VIEW v_paragraphs AS
SELECT g.article_id, g.seq, g.kind, substr(a.body, g.char_start + 1, g.char_end - g.char_start) AS text,
       g.lines, g.spans, g.boxes
FROM paragraphs g JOIN articles a ON a.id = g.article_id;

CREATE VIEW v_people AS
SELECT pe.name, pe.title, pe.organization, pe.source, pe.article_id, p.name AS paper, i.date, a.page,
       a.title AS headline
FROM people pe JOIN articles a ON a.id = pe.article_id JOIN issues i ON i.id = a.issue_id
JOIN papers p ON p.id = i.paper_id;

CREATE VIEW v_statistics AS
SELECT s.metric, s.breakdown, s.value, s.unit, s.period, s.yoy_pct, s.share_pct, s.text,
       s.article_id, p.name AS paper, i.date, a.page, a.title AS headline
FROM statistics s JOIN articles a ON a.id = s.article_id JOIN issues i ON i.id = a.issue_id
JOIN papers p ON p.id = i.paper_id;

CREATE VIEW v_pages AS
SELECT pg.id, p.name AS paper, i.date, pg.seq, pg.number, pg.name, pg.status, pg.reason, pg.path, pg.sha256
FROM pages pg JOIN issues i ON i.id = pg.issue_id JOIN papers p ON p.id = i.paper_id;

-- What is in the archive, per paper.
CREATE VIEW v_summary AS
SELECT p.name AS paper, count(DISTINCT i.id) AS issues, min(i.date) AS first_date, max(i.date) AS last_date,
       (SELECT count(*) FROM pages pg JOIN issues i2 ON i2.id = pg.issue_id
         WHERE i2.paper_id = p.id AND pg.status = 'parsed') AS pages,
       (SELECT count(*) FROM pages pg JOIN issues i2 ON i2.id = pg.issue_id
         WHERE i2.paper_id = p.id AND pg.status = 'skipped') AS skipped_pages,
       coalesce(sum(i.article_count), 0) AS articles,
       (SELECT coalesce(sum(a.chars), 0) FROM articles a JOIN issues i2 ON i2.id = a.issue_id
         WHERE i2.paper_id = p.id) AS characters
FROM papers p LEFT JOIN issues i ON i.paper_id = p.id
GROUP BY p.id;

PRAGMA user_version = 1;
