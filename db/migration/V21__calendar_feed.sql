-- Personal calendar feeds (issue 16): a user or a table member subscribes their calendar application to
-- an address that carries a secret token, since a calendar application cannot sign in. The token is the
-- key: revoking it (revoked_at) ends that address for good; a new token gives a new address.
CREATE TABLE calendar_feed (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT        NOT NULL REFERENCES comuna(id),
    user_id     BIGINT        REFERENCES app_user(id),
    member_id   BIGINT        REFERENCES mgc_member(id),
    token       VARCHAR(64)   NOT NULL UNIQUE,
    created_by  VARCHAR(60)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ,
    revoked_by  VARCHAR(60),
    CHECK ((user_id IS NULL) <> (member_id IS NULL))
);
-- one live address per person at a time
CREATE UNIQUE INDEX ux_calendar_feed_user ON calendar_feed (user_id) WHERE revoked_at IS NULL AND user_id IS NOT NULL;
CREATE UNIQUE INDEX ux_calendar_feed_member ON calendar_feed (member_id) WHERE revoked_at IS NULL AND member_id IS NOT NULL;
