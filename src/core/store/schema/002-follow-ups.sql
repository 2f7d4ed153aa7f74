-- Follow-ups become items of their own, so an open one is carried from
-- session to session until someone ticks it off. The text column of
-- coaching_session keeps what was typed; existing lines become open items.
CREATE TABLE follow_up (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES coaching_session (id) ON DELETE CASCADE,
  text        TEXT NOT NULL CHECK (length (trim (text)) > 0),
  done_on     TEXT CHECK (done_on IS NULL OR date (done_on) = done_on)
);
CREATE INDEX follow_up_session ON follow_up (session_id);
WITH RECURSIVE split (session_id, line, rest) AS (
  SELECT id, '', follow_ups || char (10) FROM coaching_session WHERE follow_ups <> ''
  UNION ALL
  SELECT session_id, substr (rest, 1, instr (rest, char (10)) - 1),
         substr (rest, instr (rest, char (10)) + 1)
    FROM split WHERE rest <> ''
)
INSERT INTO follow_up (session_id, text)
  SELECT session_id, trim (line) FROM split WHERE trim (line) <> '';
