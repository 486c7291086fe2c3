-- "Över 85 %" is strictly above 85, not at least 85.1: two strict directions beside the others.
ALTER TABLE indicators DROP CONSTRAINT indicators_direction_known;
ALTER TABLE indicators ADD CONSTRAINT indicators_direction_known
    CHECK (direction IN ('at_least', 'at_most', 'above', 'below', 'increase', 'decrease'));
