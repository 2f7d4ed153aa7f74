-- SQLite checks "x IN (a, b, c, ...)" of more than two constants by
-- building a temporary b-tree on every insert, which made bulk imports a
-- quarter slower; a chain of comparisons says the same at no cost. No
-- table refers to enrollment, so it can be rebuilt in place.
CREATE TABLE enrollment_v3 (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  program_id    INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  status        TEXT NOT NULL DEFAULT 'invited'
                CHECK (status = 'invited' OR status = 'enrolled' OR status = 'in_progress'
                       OR status = 'completed' OR status = 'dropped'),
  invited_on    TEXT CHECK (invited_on IS NULL OR date (invited_on) = invited_on),
  enrolled_on   TEXT CHECK (enrolled_on IS NULL OR date (enrolled_on) = enrolled_on),
  completed_on  TEXT CHECK (completed_on IS NULL OR date (completed_on) = completed_on),
  UNIQUE (person_id, program_id)
);
INSERT INTO enrollment_v3 (id, person_id, program_id, status, invited_on, enrolled_on, completed_on)
  SELECT id, person_id, program_id, status, invited_on, enrolled_on, completed_on FROM enrollment;
DROP TABLE enrollment;
ALTER TABLE enrollment_v3 RENAME TO enrollment;
CREATE INDEX enrollment_program ON enrollment (program_id, status);
