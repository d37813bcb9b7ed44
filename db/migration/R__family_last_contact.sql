-- The last contact of every running family accompaniment (NULL: no session yet, count from started_on).
-- The "no contact with the family" alert rule and the accompaniment page read it. Re-created here
-- whenever it changes (it was V9).
DROP VIEW IF EXISTS family_last_contact CASCADE;
CREATE VIEW family_last_contact AS
SELECT a.id AS accompaniment_id, a.comuna_id, a.family_id, a.responsible_user_id, a.started_on,
       (SELECT max(s.held_on) FROM accompaniment_session s WHERE s.accompaniment_id = a.id) AS last_contact_on
FROM accompaniment a
WHERE a.ended_on IS NULL;
