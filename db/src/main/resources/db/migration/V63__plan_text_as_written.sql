-- The default plan's words as the plan writes them. Each change applies only while the text is still
-- the one first loaded, so what a planning strategist has since edited stays as they left it.
-- Spelling as in Figur 1: invånarinvolvering, Nära Vård.

UPDATE milestones SET title = REPLACE(title, 'invånarinvolvring', 'invånarinvolvering'),
    description = REPLACE(description, 'invånarinvolvring', 'invånarinvolvering'),
    reached_when = REPLACE(reached_when, 'invånarinvolvring', 'invånarinvolvering')
WHERE id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'PCA-1') AND title LIKE '%invånarinvolvring%';

UPDATE milestones SET title = REPLACE(title, 'invånarinvolvring', 'invånarinvolvering'),
    description = REPLACE(description, 'invånarinvolvring', 'invånarinvolvering'),
    reached_when = REPLACE(reached_when, 'invånarinvolvring', 'invånarinvolvering')
WHERE id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'PCA-2') AND title LIKE '%invånarinvolvring%';

UPDATE areas SET name = 'Nära Vård' WHERE plan_id = (SELECT id FROM plans WHERE slug = 'skane-fhs-2022-2025') AND code = 'NV' AND name = 'Nära vård';

-- How a milestone is judged reached, where the plan states it; elsewhere the description stands.

UPDATE milestones SET reached_when = '28 personcentrerade sammanhållna vårdförlopp är integrerade i den kliniska vardagen under 2022.'
WHERE id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'PCA-3') AND reached_when = description;

UPDATE milestones SET reached_when = 'Enligt RD-beslut i januari 2021.'
WHERE id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-1') AND reached_when = description;

UPDATE milestones SET reached_when = 'Strukturen inarbetas i regional och berörda nämnders/styrelsens kompetensförsörjningsplan'
WHERE id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-3') AND reached_when = description;

UPDATE milestones SET reached_when = 'I enlighet med den aktivitets- och tidplan avseende god och nära vård som är framtagen inom ramen för Vårdssamverkan Skåne 2022–2025 (Datum 220208)'
WHERE id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-7') AND reached_when = description;

-- The lead sentence of a list of effects belongs to each effect in it (HFI-6, and NIV-2's first three).

UPDATE milestone_effects SET text = 'Kunskap och lärdomar om: ' || text
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'HFI-6') AND text NOT LIKE 'Kunskap och lärdomar om:%';

UPDATE milestone_effects SET text = 'Effektivitet utifrån fokusering på områden i planen, genom: ' || text
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NIV-2')
  AND text IN ('Tydlighet och underlag för hur resurser fördelas över Skåne', 'Förutsägbarhet',
               'Bättre ansökningar och ökad träffsäkerhet');
