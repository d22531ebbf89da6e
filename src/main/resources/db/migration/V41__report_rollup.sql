-- Daily roll-ups of report_conversation, so that the dashboard reads a few hundred rows per day instead of every
-- conversation. Each row adds up the conversations of one day and group; service times are kept as exact
-- histograms ("seconds:count,seconds:count", seconds ascending), from which medians and p90s are computed exactly.
-- Recomputed from report_conversation for every day a refresh touched; nothing here is the only copy.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE report_day (
    day               DATE         NOT NULL,
    channel           VARCHAR(32)  NOT NULL,
    language          VARCHAR(8)   NOT NULL,
    agent             VARCHAR(64),
    team              VARCHAR(64),
    -- bot (never asked for a person), queue (asked, never taken) or person (a person took it).
    handled_by        VARCHAR(8)   NOT NULL,
    conversations     INT          NOT NULL,
    surveys           INT          NOT NULL,
    responses         INT          NOT NULL,
    good              INT          NOT NULL,
    rating_1          INT          NOT NULL,
    rating_2          INT          NOT NULL,
    rating_3          INT          NOT NULL,
    rating_4          INT          NOT NULL,
    rating_5          INT          NOT NULL,
    late              INT          NOT NULL,
    replaced          INT          NOT NULL,
    nps               INT          NOT NULL,
    promoters         INT          NOT NULL,
    detractors        INT          NOT NULL,
    queued            INT          NOT NULL,
    assigned          INT          NOT NULL,
    abandoned         INT          NOT NULL,
    reopened          INT          NOT NULL,
    transfers         INT          NOT NULL,
    contain_eligible  INT          NOT NULL,
    contained         INT          NOT NULL,
    contained_good    INT          NOT NULL,
    durable_eligible  INT          NOT NULL,
    durable           INT          NOT NULL,
    questions         INT          NOT NULL,
    unanswered        INT          NOT NULL,
    first_response    VARCHAR(1000000) NOT NULL,
    queue_wait        VARCHAR(1000000) NOT NULL,
    resolution        VARCHAR(1000000) NOT NULL,
    unanswered_wait   VARCHAR(1000000) NOT NULL
);
CREATE INDEX report_day_day ON report_day (day);

-- CSAT by article: a conversation counts once for every article the bot offered in it.
CREATE TABLE report_day_article (
    day               DATE         NOT NULL,
    channel           VARCHAR(32)  NOT NULL,
    language          VARCHAR(8)   NOT NULL,
    article_id        VARCHAR(100) NOT NULL,
    conversations     INT          NOT NULL,
    responses         INT          NOT NULL,
    good              INT          NOT NULL,
    first_response    VARCHAR(1000000) NOT NULL
);
CREATE INDEX report_day_article_day ON report_day_article (day);

-- Queue waits by the hour of day (0-23) the customer joined the queue.
CREATE TABLE report_day_hour (
    day               DATE         NOT NULL,
    channel           VARCHAR(32)  NOT NULL,
    language          VARCHAR(8)   NOT NULL,
    queue_hour        SMALLINT     NOT NULL,
    queue_wait        VARCHAR(1000000) NOT NULL
);
CREATE INDEX report_day_hour_day ON report_day_hour (day);

-- Days whose roll-ups must be computed again: written in the transaction that changed their conversations' figures.
CREATE TABLE report_dirty_day (
    day DATE PRIMARY KEY
);

-- The article and hour roll-ups have no agent: with an agent filter they are read from the conversations' rows.
CREATE INDEX report_conversation_agent ON report_conversation (agent, day);

-- What the last refresh had seen of the source tables: the next one looks only at conversations changed since.
-- NULL (never refreshed incrementally): every conversation not settled is computed again.
ALTER TABLE report_state ADD COLUMN log_seen BIGINT;
ALTER TABLE report_state ADD COLUMN answer_seen BIGINT;
ALTER TABLE report_state ADD COLUMN question_seen BIGINT;
ALTER TABLE report_state ADD COLUMN refreshed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report_state ADD COLUMN teams_seen INT;

-- Conversations changed since the last refresh.
CREATE INDEX conversation_updated ON conversation (updated_at);
