-- Which instance of a cluster is sending reminders now. Teams limits a bot per tenant (50 a second)
-- and per chat (7 a second), so instances take turns instead of each pacing itself to the full
-- limit. The holder renews its turn while it sends; a turn not renewed in time (a dead instance)
-- can be taken by another. Times are wall-clock milliseconds of the instances.
CREATE TABLE sending_turn (
    name        VARCHAR(50)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(200),
    expires_at  BIGINT       NOT NULL
);

INSERT INTO sending_turn (name, holder, expires_at) VALUES ('reminders', NULL, 0);
