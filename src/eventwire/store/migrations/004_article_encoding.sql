-- 004: the charset each article's bytes were decoded from ("utf-8", "cp1252", "utf-16-le"), as the
-- ingest stage found it (a byte order mark, UTF-16 by its zero bytes, the declared charset, UTF-8,
-- Western single-byte, then detection). NULL for text given as text and for rows stored before.

ALTER TABLE articles ADD COLUMN encoding VARCHAR;
