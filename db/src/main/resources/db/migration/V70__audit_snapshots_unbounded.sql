-- An audit row must hold any change the API accepts: a plan import of up to 1 MiB is one snapshot.
-- VARCHAR without a length is unbounded on PostgreSQL and up to 1,000,000,000 characters on H2,
-- and unlike a CLOB it reads and compares as an ordinary string on both.
ALTER TABLE audit_log ALTER COLUMN before_json SET DATA TYPE VARCHAR;
ALTER TABLE audit_log ALTER COLUMN after_json SET DATA TYPE VARCHAR;
