-- Support actions, programme selections, labels and groupings of each
-- cooperative, in the order they were recorded.
ALTER TABLE cooperatives
    ADD COLUMN supports   jsonb,
    ADD COLUMN selections jsonb,
    ADD COLUMN labels     jsonb,
    ADD COLUMN groupings  jsonb;
