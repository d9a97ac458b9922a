-- Trouble Ticket SDK subscription store, schema version 2: an operator may ask the running subscription to replay
-- a dead letter (ticketctl store replay); the lease holder replays it and the row goes, or is parked again without
-- the request.
ALTER TABLE ${prefix}dead_letter ADD COLUMN replay_requested_at timestamptz;

INSERT INTO ${prefix}schema_version (version, description) VALUES (2, 'dead letter replay requests');
