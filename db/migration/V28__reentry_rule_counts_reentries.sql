-- The RE_ENTRY alert rule now counts re-entries in 5 years (episodes after the child's first, the one
-- definition of fact_episode, docs/facts.md) instead of entries: N entries are N - 1 re-entries, so a
-- comuna's own threshold keeps its meaning (the default goes from 2 entries to 1 re-entry).
UPDATE alert_rule_setting SET threshold = greatest(threshold - 1, 1) WHERE rule = 'RE_ENTRY';
