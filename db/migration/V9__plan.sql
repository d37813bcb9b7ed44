-- Issue 5, integrated work plan (plan de trabajo y plan complementario) and family accompaniment.
-- One plan per case; goals name a dimension of the common diagnosis by its code (the diagnosis tables
-- belong to another part, so the code is checked here and not by a foreign key); actions carry the
-- program that answers for them; reviews record what was achieved per goal.

CREATE TABLE work_plan (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT       NOT NULL REFERENCES comuna(id),
    case_id     BIGINT       NOT NULL UNIQUE REFERENCES case_file(id),
    family_id   BIGINT       REFERENCES family(id),
    created_by  VARCHAR(60)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX ix_work_plan_comuna ON work_plan (comuna_id);
CREATE INDEX ix_work_plan_family ON work_plan (family_id);

CREATE TABLE plan_goal (
    id              BIGSERIAL PRIMARY KEY,
    plan_id         BIGINT        NOT NULL REFERENCES work_plan(id),
    dimension       VARCHAR(20)   NOT NULL
        CHECK (dimension IN ('HEALTH', 'EDUCATION', 'FAMILY', 'HOUSING', 'INCOME', 'PARTICIPATION')),
    description     VARCHAR(1000) NOT NULL,
    added_by        VARCHAR(60)   NOT NULL,
    added_by_program_id BIGINT    REFERENCES program(id),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX ix_plan_goal_plan ON plan_goal (plan_id);

CREATE TABLE plan_action (
    id                  BIGSERIAL PRIMARY KEY,
    plan_id             BIGINT        NOT NULL REFERENCES work_plan(id),
    goal_id             BIGINT        NOT NULL REFERENCES plan_goal(id),
    comuna_id           BIGINT        NOT NULL REFERENCES comuna(id),
    description         VARCHAR(1000) NOT NULL,
    program_id          BIGINT        NOT NULL REFERENCES program(id),
    responsible_user_id BIGINT        REFERENCES app_user(id),
    responsible_name    VARCHAR(150),
    starts_on           DATE          NOT NULL,
    due_on              DATE          NOT NULL,
    status              VARCHAR(20)   NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    progress            INTEGER       NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_by          VARCHAR(60)   NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version             INTEGER       NOT NULL DEFAULT 0,
    CHECK (due_on >= starts_on),
    CHECK (responsible_user_id IS NOT NULL OR responsible_name IS NOT NULL)
);
CREATE INDEX ix_plan_action_plan ON plan_action (plan_id);
-- the overdue lists and the "plan actions overdue" alert rule read only open actions by due day
CREATE INDEX ix_plan_action_open_due ON plan_action (comuna_id, program_id, due_on)
    WHERE status IN ('PENDING', 'IN_PROGRESS');

CREATE TABLE plan_review (
    id           BIGSERIAL PRIMARY KEY,
    plan_id      BIGINT        NOT NULL REFERENCES work_plan(id),
    reviewed_on  DATE          NOT NULL,
    reviewed_by  VARCHAR(150)   NOT NULL,
    notes        VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX ix_plan_review_plan ON plan_review (plan_id, reviewed_on DESC);

CREATE TABLE plan_review_goal (
    review_id  BIGINT      NOT NULL REFERENCES plan_review(id),
    goal_id    BIGINT      NOT NULL REFERENCES plan_goal(id),
    achieved   VARCHAR(10) NOT NULL CHECK (achieved IN ('YES', 'PARTLY', 'NO')),
    PRIMARY KEY (review_id, goal_id)
);

-- Family accompaniment: at most one running accompaniment per family.
CREATE TABLE accompaniment (
    id                  BIGSERIAL PRIMARY KEY,
    comuna_id           BIGINT        NOT NULL REFERENCES comuna(id),
    family_id           BIGINT        NOT NULL REFERENCES family(id),
    responsible_user_id BIGINT        NOT NULL REFERENCES app_user(id),
    started_on          DATE          NOT NULL,
    started_by          VARCHAR(60)   NOT NULL,
    ended_on            DATE,
    goals               VARCHAR(4000),
    agreed_actions      VARCHAR(4000),
    family_goals        VARCHAR(4000),
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version             INTEGER       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_accompaniment_running ON accompaniment (family_id) WHERE ended_on IS NULL;
CREATE INDEX ix_accompaniment_comuna ON accompaniment (comuna_id);

CREATE TABLE accompaniment_session (
    id               BIGSERIAL PRIMARY KEY,
    accompaniment_id BIGINT        NOT NULL REFERENCES accompaniment(id),
    held_on          DATE          NOT NULL,
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('HOME_VISIT', 'OFFICE', 'PHONE', 'OTHER')),
    attendees        VARCHAR(500)  NOT NULL,
    notes            VARCHAR(4000),
    next_step        VARCHAR(1000),
    recorded_by      VARCHAR(60)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX ix_accompaniment_session_last ON accompaniment_session (accompaniment_id, held_on DESC);

-- The last contact of every running accompaniment (NULL: no session yet, count from started_on).
-- The alert rule "no contact with the family for N days" reads this view.
CREATE VIEW family_last_contact AS
SELECT a.id AS accompaniment_id, a.comuna_id, a.family_id, a.responsible_user_id, a.started_on,
       (SELECT max(s.held_on) FROM accompaniment_session s WHERE s.accompaniment_id = a.id) AS last_contact_on
FROM accompaniment a
WHERE a.ended_on IS NULL;
