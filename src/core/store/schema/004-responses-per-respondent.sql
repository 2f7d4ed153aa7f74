-- A response becomes one row per respondent, as survey tools export them:
-- each dimension's score in its own column, empty when not answered. The
-- items keep the wording each audience was shown. Existing item-level
-- rows each become a respondent who answered that one item, which keeps
-- every share exactly as it was.
--
-- survey_tally holds, per wave, dimension and level, how many answered
-- and how many favourably, overall and per department and role, so the
-- reports and charts never scan a million responses. Only
-- tandem_survey_tally_flush() and this migration write it.
CREATE TABLE survey_response_v4 (
  id             INTEGER PRIMARY KEY,
  wave_id        INTEGER NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,
  level          TEXT NOT NULL
                 CHECK (level = 'executive' OR level = 'manager' OR level = 'individual_contributor'),
  role_id        INTEGER REFERENCES role (id) ON DELETE SET NULL,
  department_id  INTEGER REFERENCES department (id) ON DELETE SET NULL,
  optimism       INTEGER CHECK (optimism BETWEEN 1 AND 5),
  resources      INTEGER CHECK (resources BETWEEN 1 AND 5),
  transparency   INTEGER CHECK (transparency BETWEEN 1 AND 5)
);
INSERT INTO survey_response_v4 (wave_id, level, role_id, department_id,
                                optimism, resources, transparency)
  SELECT i.wave_id, r.level, r.role_id, r.department_id,
         CASE i.dimension WHEN 'optimism' THEN r.score END,
         CASE i.dimension WHEN 'resources' THEN r.score END,
         CASE i.dimension WHEN 'transparency' THEN r.score END
    FROM survey_response r JOIN survey_item i ON i.id = r.item_id
   ORDER BY r.id;
DROP TABLE survey_response;
ALTER TABLE survey_response_v4 RENAME TO survey_response;
CREATE INDEX survey_response_wave ON survey_response (wave_id);
CREATE TABLE survey_tally (
  wave_id     INTEGER NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,
  dimension   TEXT NOT NULL,
  level       TEXT NOT NULL,
  grouping    TEXT NOT NULL CHECK (grouping = 'all' OR grouping = 'department' OR grouping = 'role'),
  group_id    INTEGER NOT NULL,  -- 0: everyone, or no department/role
  answered    INTEGER NOT NULL,
  favourable  INTEGER NOT NULL,
  PRIMARY KEY (wave_id, dimension, level, grouping, group_id)
) WITHOUT ROWID;
WITH d (dimension) AS (VALUES ('optimism'), ('resources'), ('transparency')),
     s AS (SELECT r.wave_id, d.dimension, r.level,
                  coalesce (r.department_id, 0) AS department_id, coalesce (r.role_id, 0) AS role_id,
                  CASE d.dimension WHEN 'optimism' THEN r.optimism
                                   WHEN 'resources' THEN r.resources
                                   ELSE r.transparency END AS score
             FROM survey_response r, d)
INSERT INTO survey_tally
  SELECT wave_id, dimension, level, 'all', 0, count (score), count (*) FILTER (WHERE score >= 4)
    FROM s GROUP BY wave_id, dimension, level HAVING count (score) > 0
  UNION ALL
  SELECT wave_id, dimension, level, 'department', department_id, count (score),
         count (*) FILTER (WHERE score >= 4)
    FROM s GROUP BY wave_id, dimension, level, department_id HAVING count (score) > 0
  UNION ALL
  SELECT wave_id, dimension, level, 'role', role_id, count (score), count (*) FILTER (WHERE score >= 4)
    FROM s GROUP BY wave_id, dimension, level, role_id HAVING count (score) > 0;
