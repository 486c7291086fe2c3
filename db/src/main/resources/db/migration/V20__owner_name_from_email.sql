-- A substitute named by e-mail gets a name made from the address until Teams tells their real one.
ALTER TABLE owners ADD COLUMN name_from_email BOOLEAN NOT NULL DEFAULT FALSE;
