-- 003: where events happened, at GDELT's level. Each event place keeps the evidence it came from
-- (how: attached, sentence, dateline, article), GDELT's geo type (1 country, 2 US state, 3 US city,
-- 4 world city, 5 world ADM1), GeoNames' admin1 code and name, and the GeoNames feature id. Each
-- participant keeps the place the text puts it in ("protesters in Senkata"), for ActorGeo. Rows stored
-- before this version keep NULLs: the export then derives what it can from the name, as before.

ALTER TABLE event_mentions ADD COLUMN place_how VARCHAR;
ALTER TABLE event_mentions ADD COLUMN place_type INTEGER;
ALTER TABLE event_mentions ADD COLUMN place_adm1 VARCHAR;
ALTER TABLE event_mentions ADD COLUMN place_adm1_name VARCHAR;
ALTER TABLE event_mentions ADD COLUMN place_feature VARCHAR;
ALTER TABLE event_mentions ADD COLUMN source_place_name VARCHAR;
ALTER TABLE event_mentions ADD COLUMN source_place_country VARCHAR;
ALTER TABLE event_mentions ADD COLUMN source_place_lat DOUBLE;
ALTER TABLE event_mentions ADD COLUMN source_place_lon DOUBLE;
ALTER TABLE event_mentions ADD COLUMN source_place_type INTEGER;
ALTER TABLE event_mentions ADD COLUMN source_place_adm1 VARCHAR;
ALTER TABLE event_mentions ADD COLUMN source_place_feature VARCHAR;
ALTER TABLE event_mentions ADD COLUMN target_place_name VARCHAR;
ALTER TABLE event_mentions ADD COLUMN target_place_country VARCHAR;
ALTER TABLE event_mentions ADD COLUMN target_place_lat DOUBLE;
ALTER TABLE event_mentions ADD COLUMN target_place_lon DOUBLE;
ALTER TABLE event_mentions ADD COLUMN target_place_type INTEGER;
ALTER TABLE event_mentions ADD COLUMN target_place_adm1 VARCHAR;
ALTER TABLE event_mentions ADD COLUMN target_place_feature VARCHAR;

ALTER TABLE events ADD COLUMN place_how VARCHAR;
ALTER TABLE events ADD COLUMN place_type INTEGER;
ALTER TABLE events ADD COLUMN place_adm1 VARCHAR;
ALTER TABLE events ADD COLUMN place_adm1_name VARCHAR;
ALTER TABLE events ADD COLUMN place_feature VARCHAR;
ALTER TABLE events ADD COLUMN source_place_name VARCHAR;
ALTER TABLE events ADD COLUMN source_place_country VARCHAR;
ALTER TABLE events ADD COLUMN source_place_lat DOUBLE;
ALTER TABLE events ADD COLUMN source_place_lon DOUBLE;
ALTER TABLE events ADD COLUMN source_place_type INTEGER;
ALTER TABLE events ADD COLUMN source_place_adm1 VARCHAR;
ALTER TABLE events ADD COLUMN source_place_feature VARCHAR;
ALTER TABLE events ADD COLUMN target_place_name VARCHAR;
ALTER TABLE events ADD COLUMN target_place_country VARCHAR;
ALTER TABLE events ADD COLUMN target_place_lat DOUBLE;
ALTER TABLE events ADD COLUMN target_place_lon DOUBLE;
ALTER TABLE events ADD COLUMN target_place_type INTEGER;
ALTER TABLE events ADD COLUMN target_place_adm1 VARCHAR;
ALTER TABLE events ADD COLUMN target_place_feature VARCHAR;

ALTER TABLE places ADD COLUMN how VARCHAR;
ALTER TABLE places ADD COLUMN type INTEGER;
ALTER TABLE places ADD COLUMN adm1 VARCHAR;
ALTER TABLE places ADD COLUMN adm1_name VARCHAR;
ALTER TABLE places ADD COLUMN feature VARCHAR;

CREATE INDEX events_place_how ON events (place_how);
