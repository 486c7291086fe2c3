-- The plan's Figur 1: the long-term goal over the whole map ("Bättre hälsa för fler") and each
-- effect goal beside the group of areas it belongs to. A goal without a group stays a goal of the
-- whole plan. Only the default plan (by its slug) is filled in, and only where nothing is set yet.
ALTER TABLE plans ADD COLUMN long_term_goal VARCHAR(500);
ALTER TABLE effect_goals ADD COLUMN group_id BIGINT REFERENCES area_groups (id);

UPDATE plans SET long_term_goal = 'Bättre hälsa för fler'
WHERE slug = 'skane-fhs-2022-2025' AND long_term_goal IS NULL;

UPDATE effect_goals SET group_id = (SELECT g.id FROM area_groups g WHERE g.plan_id = effect_goals.plan_id AND g.position = 1)
WHERE plan_id = (SELECT id FROM plans WHERE slug = 'skane-fhs-2022-2025') AND group_id IS NULL
  AND name IN ('Bättre befolkningens hälsa', 'Bättre upplevelse för patienter och medarbetare');

UPDATE effect_goals SET group_id = (SELECT g.id FROM area_groups g WHERE g.plan_id = effect_goals.plan_id AND g.position = 2)
WHERE plan_id = (SELECT id FROM plans WHERE slug = 'skane-fhs-2022-2025') AND group_id IS NULL
  AND name IN ('Bättre kvalitet', 'Ökad tillgänglighet');

UPDATE effect_goals SET group_id = (SELECT g.id FROM area_groups g WHERE g.plan_id = effect_goals.plan_id AND g.position = 3)
WHERE plan_id = (SELECT id FROM plans WHERE slug = 'skane-fhs-2022-2025') AND group_id IS NULL
  AND name = 'Effektiva processer';
