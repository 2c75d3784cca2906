-- Version 5: search (docs/search.md, docs/catalog-schema.md).
-- The database computes the normalized customer phone number from customer_phone, so every
-- writer fills it and existing rows have it as soon as this migration ends:
--   customer_phone_norm  canonical national digits ('' when no phone number)
--   customer_phone_rev   the same digits reversed: a suffix search is a range of its index
-- The rules are those of cv::PhoneNumber::normalize (core/search/phonenumber.h); a test
-- compares the two on a corpus of written forms. Both columns use the "C" collation, so
-- their order (and the index ranges the search engine asks for) is byte order whatever
-- the database's locale.
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- Three SQL functions, each a single expression and not STRICT, so that PostgreSQL inlines
-- them into the column expressions (about 13 us per number; a function with subqueries is
-- not inlined and costs five times that).
-- callvault_phone_national: rule 3's national part (after +86 / 0086 and one '0').
CREATE FUNCTION callvault_phone_national(n TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE
        WHEN n = '' THEN ''
        WHEN length(n) = 11 AND n ~ '^1[3-9]' THEN n
        WHEN n LIKE '10%' THEN '0' || n
        WHEN n LIKE '1%' THEN n
        WHEN length(n) = 10 AND (n LIKE '400%' OR n LIKE '800%') THEN n
        ELSE '0' || n
    END
    $$;

-- callvault_phone_canonical: rules 2 to 8 on a number without separators.
CREATE FUNCTION callvault_phone_canonical(c TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE
        WHEN c !~ '^[+]?[0-9]{1,18}$' THEN ''
        WHEN c LIKE '+860%' THEN callvault_phone_national(substr(c, 5))
        WHEN c LIKE '+86%' THEN callvault_phone_national(substr(c, 4))
        WHEN c LIKE '00860%' THEN callvault_phone_national(substr(c, 6))
        WHEN c LIKE '0086%' THEN callvault_phone_national(substr(c, 5))
        WHEN c LIKE '+%' THEN '00' || substr(c, 2)
        WHEN length(c) = 13 AND c ~ '^861[3-9]' THEN substr(c, 3)
        WHEN length(c) IN (12, 13) AND c ~ '^86[1-9]' THEN '0' || substr(c, 3)
        WHEN length(c) = 12 AND c ~ '^01[3-9]' THEN substr(c, 2)
        ELSE c
    END
    $$;

-- callvault_phone_norm: rule 1 (remove space, tab, - ( ) . /), then the rest.
CREATE FUNCTION callvault_phone_norm(phone TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT callvault_phone_canonical(translate(phone, ' ' || chr(9) || '-()./', ''))
    $$;

ALTER TABLE recordings
    ADD COLUMN customer_phone_norm TEXT COLLATE "C" NOT NULL
        GENERATED ALWAYS AS (callvault_phone_norm(customer_phone)) STORED,
    ADD COLUMN customer_phone_rev TEXT COLLATE "C" NOT NULL
        GENERATED ALWAYS AS (reverse(callvault_phone_norm(customer_phone))) STORED;

CREATE INDEX recordings_phone_norm ON recordings (customer_phone_norm);
CREATE INDEX recordings_phone_rev ON recordings (customer_phone_rev);

-- The search engine's query mix: sentiment with a time range, duration order.
CREATE INDEX recordings_sentiment_started_at ON recordings (sentiment, started_at_ms);
CREATE INDEX recordings_duration ON recordings (duration_ms, id);
