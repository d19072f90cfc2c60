-- 002: the event store. Every event mention is kept (event_mentions) and events are aggregated the
-- GDELT way into one row per fingerprint (events), counted across mentions, sources and articles.
-- Places, entities and duplicates get their own tables. Fingerprints of mentions carried over from
-- version 1 are computed by the store right after this migration (they need Python's key rules).

ALTER TABLE articles ADD COLUMN source_key VARCHAR;  -- the outlet NumSources counts: source, else the URL's host
ALTER TABLE articles ADD COLUMN doc_len INTEGER;     -- characters of the cleaned text (GDELT MentionDocLen)
UPDATE articles SET doc_len = length(text);

CREATE TABLE event_mentions (
    id VARCHAR PRIMARY KEY,
    fingerprint VARCHAR,          -- the aggregated event this mention belongs to (events.id)
    article_id VARCHAR NOT NULL,
    n INTEGER,                    -- order of the mention in its article
    code VARCHAR NOT NULL,
    base_code VARCHAR,
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
    source_key VARCHAR,
    source_start INTEGER,
    source_end INTEGER,
    target_text VARCHAR,
    target_name VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_key VARCHAR,
    target_start INTEGER,
    target_end INTEGER,
    modality VARCHAR,
    date DATE,                    -- the event's date, else the article's publication date
    place_name VARCHAR,
    place_country VARCHAR,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_kind VARCHAR,
    place_key VARCHAR,
    sentence VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER,
    rule VARCHAR,
    quote_n INTEGER,
    is_root BOOLEAN               -- in the lead paragraph (GDELT IsRootEvent)
);

INSERT INTO event_mentions BY NAME
SELECT id, article_id, code, root, name, quad_class, goldstein, plover_event, plover_mode,
       source_text, source_name, source_code, source_country, source_sector,
       target_text, target_name, target_code, target_country, target_sector,
       modality, date, place_name, place_country, place_lat, place_lon, sentence, span_start, span_end, rule
FROM events;

DROP TABLE events;

-- One row per event fingerprint (date, source, target, code, place, modality); maintained by the
-- store on every write, rebuilt whole by Store.rebuild_events().
CREATE TABLE events (
    id VARCHAR PRIMARY KEY,       -- the fingerprint
    global_id BIGINT NOT NULL,    -- GDELT GLOBALEVENTID: a stable number derived from the fingerprint
    date DATE,
    code VARCHAR NOT NULL,
    base_code VARCHAR,
    root VARCHAR,
    name VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    plover_event VARCHAR,
    plover_mode VARCHAR,
    modality VARCHAR,
    source_key VARCHAR,
    source_code VARCHAR,
    source_name VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    target_key VARCHAR,
    target_code VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    place_key VARCHAR,
    place_name VARCHAR,
    place_country VARCHAR,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_kind VARCHAR,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    avg_tone DOUBLE,
    is_root BOOLEAN,
    first_article_id VARCHAR,
    first_mention_id VARCHAR,
    source_url VARCHAR,
    sentence VARCHAR,
    rule VARCHAR,
    added TIMESTAMP              -- when the first article carrying it was stored (GDELT DATEADDED)
);

ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
ALTER TABLE quotes ADD COLUMN cue_end INTEGER;
ALTER TABLE quotes ADD COLUMN rule VARCHAR;  -- the construction that attributed the quote

CREATE TABLE places (
    article_id VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    name VARCHAR,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    kind VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, n)
);

CREATE TABLE entities (
    article_id VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    text VARCHAR,
    label VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, n)
);

-- An article the cleaning stage found to repeat a stored one. original_id follows chains of
-- duplicates to the analysed article, whose events the copy counts toward (NumArticles, NumSources).
CREATE TABLE duplicates (
    article_id VARCHAR PRIMARY KEY,
    duplicate_of VARCHAR NOT NULL,
    original_id VARCHAR NOT NULL,
    reason VARCHAR,
    analysed BOOLEAN,
    added TIMESTAMP
);

CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX mentions_article ON event_mentions (article_id);
CREATE INDEX mentions_fingerprint ON event_mentions (fingerprint);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_place ON events (place_country);
CREATE INDEX actors_article ON actors (article_id);
CREATE INDEX actors_code ON actors (code);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_speaker ON quotes (speaker_code);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX duplicates_original ON duplicates (original_id);
