-- Fills a migrated support-intake database with 100,000 tickets for the billing benchmark
-- (scripts/billing-benchmark, and IntegrationTests' BillingScaleTests): 20,000 customers,
-- 90 % extended with accepted costs, 10 % standard (never billed); per ticket three time entries
-- in November 2026 and one in October 2026 (so the report carries earlier minutes over).
-- Subjects contain ; and " so that the CSV has to quote them.
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO tickets (number, status, customer, subject, language, suggested_handling, confirmed_handling,
                     confirmed_by, confirmed_at, cost_accepted, created_at, updated_at)
SELECT 1000 + i, 'open', 'kunde' || (i % 20000) || '@example.org', 'Anfrage ' || i || '; "vServer" einrichten', 'de',
       CASE WHEN i % 10 = 0 THEN 'standard' ELSE 'extended' END,
       CASE WHEN i % 10 = 0 THEN 'standard' ELSE 'extended' END, 'benchmark', '2026-10-01T08:00:00.000Z',
       CASE WHEN i % 10 = 0 THEN NULL ELSE 1 END, '2026-10-01T08:00:00.000Z', '2026-10-01T08:00:00.000Z'
FROM n;
INSERT INTO time_entries (ticket_id, agent, minutes, note, forced, worked_at, created_at)
SELECT t.id, 'agent' || (t.id % 7), 1 + (t.id * 7 + k.k * 13) % 60, NULL, 0,
       CASE WHEN k.k = 3 THEN '2026-10-15T10:00:00.000Z'
            ELSE '2026-11-' || printf('%02d', 1 + (t.id + k.k) % 28) || 'T10:00:00.000Z' END,
       '2026-11-30T18:00:00.000Z'
FROM tickets t, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) k;
COMMIT;
