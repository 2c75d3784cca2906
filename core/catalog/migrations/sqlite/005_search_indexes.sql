-- Version 5: search (docs/search.md, docs/catalog-schema.md).
-- The database computes the normalized customer phone number from customer_phone, so every
-- writer fills it and existing rows have it as soon as this migration ends:
--   customer_phone_norm  canonical national digits ('' when no phone number)
--   customer_phone_rev   the same digits reversed: a suffix search is a range of its index
-- The rules are those of cv::PhoneNumber::normalize (core/search/phonenumber.h); a test
-- compares the two on a corpus of written forms. SQLite can add only VIRTUAL generated
-- columns to a table; their indexes store the values. customer_phone_clean and
-- customer_phone_cn are steps of the computation (virtual, not stored, not indexed).
-- Statements end with ';' at the end of a line; lines starting with "--" are comments.

-- Rule 1: customer_phone without space, tab, - ( ) . /
ALTER TABLE recordings ADD COLUMN customer_phone_clean TEXT GENERATED ALWAYS AS (
    replace(replace(replace(replace(replace(replace(replace(customer_phone,
        ' ', ''), char(9), ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '')
) VIRTUAL;

-- Rule 3, first half: the digits after +86 / 0086 with one '0' dropped; NULL otherwise.
ALTER TABLE recordings ADD COLUMN customer_phone_cn TEXT GENERATED ALWAYS AS (
    CASE
        WHEN customer_phone_clean GLOB '+860*' THEN substr(customer_phone_clean, 5)
        WHEN customer_phone_clean GLOB '+86*' THEN substr(customer_phone_clean, 4)
        WHEN customer_phone_clean GLOB '00860*' THEN substr(customer_phone_clean, 6)
        WHEN customer_phone_clean GLOB '0086*' THEN substr(customer_phone_clean, 5)
    END
) VIRTUAL;

-- Rules 2 to 8.
ALTER TABLE recordings ADD COLUMN customer_phone_norm TEXT GENERATED ALWAYS AS (
    CASE
        WHEN NOT ((customer_phone_clean GLOB '+[0-9]*' OR customer_phone_clean GLOB '[0-9]*')
                  AND substr(customer_phone_clean, 2) NOT GLOB '*[^0-9]*'
                  AND length(customer_phone_clean) - (customer_phone_clean GLOB '+*') <= 18)
            THEN ''
        WHEN customer_phone_cn IS NOT NULL THEN
            CASE
                WHEN customer_phone_cn = '' THEN ''
                WHEN length(customer_phone_cn) = 11 AND customer_phone_cn GLOB '1[3-9]*'
                    THEN customer_phone_cn
                WHEN customer_phone_cn GLOB '10*' THEN '0' || customer_phone_cn
                WHEN customer_phone_cn GLOB '1*' THEN customer_phone_cn
                WHEN length(customer_phone_cn) = 10
                     AND (customer_phone_cn GLOB '400*' OR customer_phone_cn GLOB '800*')
                    THEN customer_phone_cn
                ELSE '0' || customer_phone_cn
            END
        WHEN customer_phone_clean GLOB '+*' THEN '00' || substr(customer_phone_clean, 2)
        WHEN length(customer_phone_clean) = 13 AND customer_phone_clean GLOB '861[3-9]*'
            THEN substr(customer_phone_clean, 3)
        WHEN length(customer_phone_clean) IN (12, 13) AND customer_phone_clean GLOB '86[1-9]*'
            THEN '0' || substr(customer_phone_clean, 3)
        WHEN length(customer_phone_clean) = 12 AND customer_phone_clean GLOB '01[3-9]*'
            THEN substr(customer_phone_clean, 2)
        ELSE customer_phone_clean
    END
) VIRTUAL;

-- SQLite has no reverse(): the canonical form has at most 20 characters (18 digits after
-- '00'), and substr() past the end is ''.
ALTER TABLE recordings ADD COLUMN customer_phone_rev TEXT GENERATED ALWAYS AS (
    substr(customer_phone_norm, 20, 1) || substr(customer_phone_norm, 19, 1) ||
    substr(customer_phone_norm, 18, 1) || substr(customer_phone_norm, 17, 1) ||
    substr(customer_phone_norm, 16, 1) || substr(customer_phone_norm, 15, 1) ||
    substr(customer_phone_norm, 14, 1) || substr(customer_phone_norm, 13, 1) ||
    substr(customer_phone_norm, 12, 1) || substr(customer_phone_norm, 11, 1) ||
    substr(customer_phone_norm, 10, 1) || substr(customer_phone_norm, 9, 1) ||
    substr(customer_phone_norm, 8, 1) || substr(customer_phone_norm, 7, 1) ||
    substr(customer_phone_norm, 6, 1) || substr(customer_phone_norm, 5, 1) ||
    substr(customer_phone_norm, 4, 1) || substr(customer_phone_norm, 3, 1) ||
    substr(customer_phone_norm, 2, 1) || substr(customer_phone_norm, 1, 1)
) VIRTUAL;

CREATE INDEX recordings_phone_norm ON recordings (customer_phone_norm);
CREATE INDEX recordings_phone_rev ON recordings (customer_phone_rev);

-- The search engine's query mix: sentiment with a time range, duration order.
CREATE INDEX recordings_sentiment_started_at ON recordings (sentiment, started_at_ms);
CREATE INDEX recordings_duration ON recordings (duration_ms, id);
