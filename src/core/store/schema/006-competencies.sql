-- What each role should be able to do with AI, and what programs teach.
-- A competency (using AI tools in one's own work, judging AI output…) has
-- three levels, 1 to 3; their names are the app's (Aware, Practising,
-- Leading, in the user's language) unless competency_level renames one.
-- A role sets a target level per competency; a program raises
-- competencies to a level for everyone who completes it, so a person's
-- attained level is the highest a completed program gave them.
CREATE TABLE competency (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),
  description  TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE competency_level (
  level  INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 3),
  name   TEXT NOT NULL CHECK (length (trim (name)) > 0)
);
CREATE TABLE role_competency (
  role_id        INTEGER NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  competency_id  INTEGER NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
  target_level   INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 3),
  PRIMARY KEY (role_id, competency_id)
) WITHOUT ROWID;
CREATE TABLE program_competency (
  program_id     INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  competency_id  INTEGER NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  PRIMARY KEY (program_id, competency_id)
) WITHOUT ROWID;
CREATE INDEX program_competency_competency ON program_competency (competency_id);
-- How long a program takes, for the AI-literacy record's hours.
ALTER TABLE program ADD COLUMN duration_hours REAL CHECK (duration_hours IS NULL OR duration_hours > 0);
