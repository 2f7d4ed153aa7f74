-- Each wave keeps how many responded to it, so the list of waves and the
-- dashboard's count need no index over a million responses: keeping that
-- index cost an import of 1,000,000 responses a third of its time. It is
-- written where the tallies are, by tandem_survey_tally_flush(), and
-- counted afresh after a copy (TANDEM_SQL_COPY_FINISH). Deleting a wave
-- now reads every response once to delete its own.
ALTER TABLE survey_wave ADD COLUMN respondents INTEGER NOT NULL DEFAULT 0 CHECK (respondents >= 0);
UPDATE survey_wave SET respondents = c.n
  FROM (SELECT wave_id, count (*) AS n FROM survey_response GROUP BY wave_id) AS c
 WHERE c.wave_id = survey_wave.id;
DROP INDEX survey_response_wave;
