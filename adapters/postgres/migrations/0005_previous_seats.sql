-- The seats a cooperative left (Law 112-12 arts. 5, 12), each with the day
-- the move took effect: what the register and the statistics at a past date
-- read as its seat then.
ALTER TABLE cooperatives ADD COLUMN previous_seats jsonb;
