-- Issue 5: a family's accompaniment ends with a day, who ended it and why (achieved, family declined,
-- moved away, referred elsewhere...). Ending it takes the family out of the "no contact" alert rule
-- (family_last_contact lists running accompaniments only) and lets a new accompaniment start later.
ALTER TABLE accompaniment
    ADD COLUMN end_reason VARCHAR(1000),
    ADD COLUMN ended_by   VARCHAR(60),
    ADD CONSTRAINT ck_accompaniment_end CHECK (ended_on IS NULL OR (end_reason IS NOT NULL AND ended_by IS NOT NULL));
