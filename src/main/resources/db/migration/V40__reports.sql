-- Reports' own read model: one row of figures per conversation, computed from the conversation, hand-off's log,
-- the knowledge answer log and the CSAT survey, so that a dashboard over months of conversations reads one narrow
-- table instead of joining the event logs. Rebuilt from those tables at any time; nothing here is the only copy.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE report_conversation (
    conversation_id   UUID         PRIMARY KEY,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The day (in support.reports.time-zone) the conversation started: every figure of it counts on this day.
    day               DATE         NOT NULL,
    channel           VARCHAR(32)  NOT NULL,
    language          VARCHAR(8)   NOT NULL,
    state             VARCHAR(32)  NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    -- Asked for a person (joined the queue) / a person took it.
    queued            BOOLEAN      NOT NULL,
    assigned          BOOLEAN      NOT NULL,
    -- Someone could have taken it: open hours and an agent for its language online while it was with the bot.
    person_available  BOOLEAN      NOT NULL,
    -- The last agent who held it, and the team it is counted for.
    agent             VARCHAR(64),
    team              VARCHAR(64),
    -- Hour of day (0-23, report time zone) it first joined the queue.
    queue_hour        SMALLINT,
    -- Seconds: first queue entry to a person's first reply, to the first assignment, to the last resolution.
    first_response_s  INT,
    queue_wait_s      INT,
    resolution_s      INT,
    -- Seconds the customer waited for a first reply that never came (the first hand-off ended without one).
    unanswered_wait_s INT,
    transfers         INT          NOT NULL,
    -- Queued again after a person resolved it or it ended.
    reopened          BOOLEAN      NOT NULL,
    survey_asked      BOOLEAN      NOT NULL,
    -- The current (not superseded) rating 1-5 and NPS answer 0-10.
    rating            SMALLINT,
    rating_late       BOOLEAN      NOT NULL,
    rating_replaced   BOOLEAN      NOT NULL,
    nps               SMALLINT,
    questions         INT          NOT NULL,
    unanswered        INT          NOT NULL,
    -- The customer started another conversation within the durable window after this one closed; NULL while unknown.
    came_back         BOOLEAN,
    -- Nothing can change it any more (closed longer than support.reports.settle-after ago): never computed again.
    settled           BOOLEAN      NOT NULL
);
CREATE INDEX report_conversation_day ON report_conversation (day);
CREATE INDEX report_conversation_unsettled ON report_conversation (settled, created_at);

-- The articles the bot offered in each conversation: CSAT by article.
CREATE TABLE report_article (
    conversation_id UUID         NOT NULL,
    article_id      VARCHAR(100) NOT NULL,
    PRIMARY KEY (conversation_id, article_id)
);
CREATE INDEX report_article_article ON report_article (article_id);

-- Whether a person could be reached, per language, from `since` until the language's next row: written by reports
-- when it changes (open hours and agents online, as the queue notice sees them).
CREATE TABLE report_staffing (
    language  VARCHAR(8) NOT NULL,
    since     TIMESTAMP WITH TIME ZONE NOT NULL,
    available BOOLEAN    NOT NULL,
    PRIMARY KEY (language, since)
);

-- The time zone the days above were computed in: changing it recomputes them.
CREATE TABLE report_state (
    id        INT         PRIMARY KEY,
    time_zone VARCHAR(64) NOT NULL
);

-- Finding the conversations a refresh must look at, and the customers who came back.
CREATE INDEX conversation_created ON conversation (created_at);
CREATE INDEX kb_question_conversation ON kb_question (conversation_id);
