-- The language of what Planpuls posts to a leadership channel: Swedish unless a subscription asks for English.
ALTER TABLE channel_subscriptions ADD COLUMN language VARCHAR(2) DEFAULT 'sv' NOT NULL;
