-- The default plan's dependencies say why: each keeps the plan's own sentence that makes one
-- milestone a precondition of another (its basis), in place of a figure reference the text cannot
-- show. An edge the text does not support goes (MED-4 on MED-3); one it states joins (MED-3 on
-- MED-5: working-time models that support the long-term competence supply). Only the default plan
-- (by its slug) is touched; a database without it is left as it is.
ALTER TABLE milestone_dependencies ADD COLUMN basis VARCHAR(2000);

UPDATE milestone_dependencies SET basis = 'NIV-3: ”… enligt principerna för bästa effektiva omhändertagandenivå”; NIV-1: ”En tydlig process och struktur för regional nivåstrukturering leder till: vård på bästa effektiva omhändertagandenivå”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NIV-3')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NIV-1');

UPDATE milestone_dependencies SET basis = 'NIV-3: ”En komplett utbudskarta med såväl ett hälso- som vårdutbud, utifrån specificerade vårdnivåer”; NV-1: ”Definition av hälso-, vård- och omsorgsnivåer och dess olika roller”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NIV-3')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-1');

UPDATE milestone_dependencies SET basis = 'HFI-2: ”Enligt avtal om ansvarsfördelning och utveckling avseende hälso- och sjukvården i Skåne mellan Region Skåne och de skånska kommunerna … Finns i tids- och aktivitetsplan för God och Nära Vård, i vårdsamverkan”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-7')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'HFI-2');

UPDATE milestone_dependencies SET basis = 'DIG-2: ”Enligt avtal om ansvarsfördelning och utveckling avseende hälso- och sjukvården i Skåne mellan Region Skåne och de skånska kommunerna, och i enlighet med tid- och aktivitetsplan för God och Nära Vård.”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-7')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'DIG-2');

UPDATE milestone_dependencies SET basis = 'PCA-5: ”Enligt avtal om ansvarsfördelning och utveckling avseende hälso- och sjukvården i Skåne mellan Region Skåne och de skånska kommunerna, och tid – och aktivitetsplan för God och Nära Vård, i vårdsamverkan”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-7')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'PCA-5');

UPDATE milestone_dependencies SET basis = 'NV-5: ”Enligt avtal om ansvarsfördelning och utveckling avseende hälso- och sjukvården i Skåne mellan Region Skåne och de skånska kommunerna, och tid – och aktivitetsplan för God och Nära Vård, i vårdssamverkan”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-7')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-5');

UPDATE milestone_dependencies SET basis = 'MED-4: ”Enligt avtal om ansvarsfördelning och utveckling avseende hälso- och sjukvården i Skåne mellan Region Skåne och de skånska kommunerna, och i enlighet med tid- och aktivitetsplan för God och Nära Vård.”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'NV-7')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-4');

UPDATE milestone_dependencies SET basis = 'MED-2, effekt på kort sikt: ”Ledarskapsakademien har strategin som utgångspunkt vid planering, genomförande och utvärdering av insatser”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-2')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-1');

UPDATE milestone_dependencies SET basis = 'MED-2: ”En regiongemensam strategi för utveckling och lärande ska användas som en gemensam utgångspunkt och ramverk.”', source = NULL
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-3')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-2');

DELETE FROM milestone_dependencies
WHERE milestone_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-4')
  AND depends_on_id = (SELECT m.id FROM milestones m JOIN plans p ON p.id = m.plan_id WHERE p.slug = 'skane-fhs-2022-2025' AND m.code = 'MED-3');

INSERT INTO milestone_dependencies (milestone_id, depends_on_id, source, basis)
SELECT a.id, b.id, NULL, 'MED-5: ”Arbetstidsförläggningen … medger få och väl avvägda avvikelser som stödjer den långsiktiga kompetensförsörjningen”'
FROM milestones a JOIN plans p ON p.id = a.plan_id JOIN milestones b ON b.plan_id = a.plan_id
WHERE p.slug = 'skane-fhs-2022-2025' AND a.code = 'MED-3' AND b.code = 'MED-5'
  AND NOT EXISTS (SELECT 1 FROM milestone_dependencies d WHERE d.milestone_id = a.id AND d.depends_on_id = b.id);
