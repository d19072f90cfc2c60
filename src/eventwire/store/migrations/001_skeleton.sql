-- 001: the walking skeleton's schema (articles, actors, one row per event mention, quotes).
-- A store created before versioned migrations has exactly these tables; IF NOT EXISTS makes this
-- the baseline both for such stores and for new ones.
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    status VARCHAR NOT NULL,
    reason VARCHAR,
    title VARCHAR,
    published DATE,
    url VARCHAR,
    source VARCHAR,
    author VARCHAR,
    language VARCHAR,
    origin VARCHAR,
    content_hash VARCHAR,
    duplicate_of VARCHAR,
    tone DOUBLE,
    text VARCHAR,
    added TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    name VARCHAR,
    code VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    kind VARCHAR,
    mentions INTEGER,
    spans JSON,
    rule VARCHAR,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    root VARCHAR,
    name VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    plover_event VARCHAR,
    plover_mode VARCHAR,
    source_text VARCHAR,
    source_name VARCHAR,
    source_code VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    target_text VARCHAR,
    target_name VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    modality VARCHAR,
    date DATE,
    place_name VARCHAR,
    place_country VARCHAR,
    place_lat DOUBLE,
    place_lon DOUBLE,
    sentence VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    rule VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    speaker_name VARCHAR,
    speaker_code VARCHAR,
    text VARCHAR,
    kind VARCHAR,
    cue VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, n)
);
