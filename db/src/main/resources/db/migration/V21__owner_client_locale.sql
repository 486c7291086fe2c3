-- The locale of the Teams client an owner last wrote from, for the messages Planpuls starts itself.
ALTER TABLE owners ADD COLUMN client_locale VARCHAR(35);
