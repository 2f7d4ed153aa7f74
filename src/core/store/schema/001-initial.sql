-- Every migration runs in one transaction after a backup of the file.
-- Migration N brings the schema from version N-1 to N; never edit one that
-- has shipped, add the next instead.
CREATE TABLE department (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0)
);
CREATE TABLE role (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),
  level     TEXT NOT NULL
            CHECK (level IN ('executive', 'manager', 'individual_contributor')),
  function  TEXT NOT NULL DEFAULT ''
);
CREATE TABLE person (
  id               INTEGER PRIMARY KEY,
  external_id      TEXT UNIQUE,
  name             TEXT NOT NULL CHECK (length (trim (name)) > 0),
  email            TEXT NOT NULL DEFAULT '',
  role_id          INTEGER REFERENCES role (id) ON DELETE SET NULL,
  department_id    INTEGER REFERENCES department (id) ON DELETE SET NULL,
  is_champion      INTEGER NOT NULL DEFAULT 0 CHECK (is_champion IN (0, 1)),
  has_tool_access  INTEGER NOT NULL DEFAULT 0 CHECK (has_tool_access IN (0, 1)),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX person_role ON person (role_id);
CREATE INDEX person_department ON person (department_id);
CREATE INDEX person_name ON person (name COLLATE NOCASE);
CREATE TABLE program (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL UNIQUE CHECK (length (trim (title)) > 0),
  description  TEXT NOT NULL DEFAULT '',
  format       TEXT NOT NULL DEFAULT 'workshop'
               CHECK (format IN ('workshop', 'self_paced', 'coaching', 'briefing')),
  starts_on    TEXT CHECK (starts_on IS NULL OR date (starts_on) = starts_on),
  ends_on      TEXT CHECK (ends_on IS NULL OR date (ends_on) = ends_on),
  owner_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,
  capacity     INTEGER CHECK (capacity IS NULL OR capacity > 0)
);
CREATE TABLE program_role (
  program_id  INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  role_id     INTEGER NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  PRIMARY KEY (program_id, role_id)
) WITHOUT ROWID;
CREATE TABLE program_topic (
  program_id  INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  topic       TEXT NOT NULL CHECK (topic IN ('basics', 'ethics', 'practical_applications',
                                             'prompt_literacy', 'data_literacy', 'governance')),
  PRIMARY KEY (program_id, topic)
) WITHOUT ROWID;
CREATE TABLE enrollment (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  program_id    INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
  status        TEXT NOT NULL DEFAULT 'invited'
                CHECK (status IN ('invited', 'enrolled', 'in_progress', 'completed', 'dropped')),
  invited_on    TEXT CHECK (invited_on IS NULL OR date (invited_on) = invited_on),
  enrolled_on   TEXT CHECK (enrolled_on IS NULL OR date (enrolled_on) = enrolled_on),
  completed_on  TEXT CHECK (completed_on IS NULL OR date (completed_on) = completed_on),
  UNIQUE (person_id, program_id)
);
CREATE INDEX enrollment_program ON enrollment (program_id, status);
CREATE TABLE mentoring_pair (
  id            INTEGER PRIMARY KEY,
  executive_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  mentor_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  started_on    TEXT NOT NULL CHECK (date (started_on) = started_on),
  cadence_days  INTEGER NOT NULL DEFAULT 14 CHECK (cadence_days BETWEEN 1 AND 365),
  goals         TEXT NOT NULL DEFAULT '',
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  ended_on      TEXT CHECK (ended_on IS NULL OR date (ended_on) = ended_on),
  CHECK (executive_id <> mentor_id)
);
CREATE INDEX mentoring_pair_executive ON mentoring_pair (executive_id);
CREATE INDEX mentoring_pair_mentor ON mentoring_pair (mentor_id);
CREATE TABLE coaching_session (
  id                 INTEGER PRIMARY KEY,
  pair_id            INTEGER NOT NULL REFERENCES mentoring_pair (id) ON DELETE CASCADE,
  held_on            TEXT NOT NULL CHECK (date (held_on) = held_on),
  minutes            INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
  topics             TEXT NOT NULL DEFAULT '',
  tools_tried        TEXT NOT NULL DEFAULT '',
  data_used          TEXT NOT NULL DEFAULT '',
  insight            TEXT NOT NULL DEFAULT '',
  follow_ups         TEXT NOT NULL DEFAULT '',
  confidence_before  INTEGER CHECK (confidence_before IS NULL OR confidence_before BETWEEN 1 AND 5),
  confidence_after   INTEGER CHECK (confidence_after IS NULL OR confidence_after BETWEEN 1 AND 5),
  private_notes      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX coaching_session_pair ON coaching_session (pair_id, held_on);
CREATE TABLE survey_wave (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL UNIQUE CHECK (length (trim (title)) > 0),
  fielded_on  TEXT NOT NULL CHECK (date (fielded_on) = fielded_on)
);
-- Leaders (executives and managers) and ICs are asked differently worded
-- items on the same dimension; audience says which.
CREATE TABLE survey_item (
  id         INTEGER PRIMARY KEY,
  wave_id    INTEGER NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,
  dimension  TEXT NOT NULL CHECK (dimension IN ('optimism', 'resources', 'transparency')),
  audience   TEXT NOT NULL CHECK (audience IN ('leaders', 'individual_contributors')),
  wording    TEXT NOT NULL,
  UNIQUE (wave_id, dimension, audience)
);
-- Anonymous on purpose: no person column, ever.
CREATE TABLE survey_response (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL REFERENCES survey_item (id) ON DELETE CASCADE,
  level          TEXT NOT NULL
                 CHECK (level IN ('executive', 'manager', 'individual_contributor')),
  role_id        INTEGER REFERENCES role (id) ON DELETE SET NULL,
  department_id  INTEGER REFERENCES department (id) ON DELETE SET NULL,
  score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5)
);
CREATE INDEX survey_response_item ON survey_response (item_id, level);
