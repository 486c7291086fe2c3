-- How a milestone is judged reached is kept only where the plan states it. Elsewhere the plan gives
-- a description and no criterion: reached_when is left empty, and readers are shown the description
-- as "Beskrivning i planen" rather than as a criterion. Only the default plan is touched, and only
-- milestones whose criterion is still the description copied in when the plan was first loaded.
-- PCA-1 and PCA-4 ("Finns en …") state their criterion in their description and keep it.
UPDATE milestones SET reached_when = ''
WHERE plan_id = (SELECT id FROM plans WHERE slug = 'skane-fhs-2022-2025')
  AND reached_when = description
  AND code NOT IN ('PCA-1', 'PCA-3', 'PCA-4', 'MED-1', 'MED-3', 'NV-7');
