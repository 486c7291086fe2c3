-- Reaching every owner from day one: the teams the app is installed in, what Teams told the bot
-- about the people it matched to owners (from a roster or from their own messages), which owner is a
-- member of which team, and the one welcome each owner gets when the bot opens a chat with them.

CREATE TABLE teams_installed (
    team_id         VARCHAR(500)  NOT NULL PRIMARY KEY,
    name            VARCHAR(300),
    service_url     VARCHAR(500)  NOT NULL,
    tenant_id       VARCHAR(64),
    bot_id          VARCHAR(200),
    installed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at      TIMESTAMP WITH TIME ZONE,
    roster_read_at  TIMESTAMP WITH TIME ZONE
);

-- Ids are kept as text: Teams' own are not all GUIDs (nor are the Agents Playground's).
CREATE TABLE teams_accounts (
    teams_user_id        VARCHAR(200)  NOT NULL PRIMARY KEY,
    aad_object_id        VARCHAR(64),
    email                VARCHAR(320),
    user_principal_name  VARCHAR(320),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX teams_accounts_aad_idx ON teams_accounts (aad_object_id);
CREATE INDEX teams_accounts_email_idx ON teams_accounts (email);
CREATE INDEX teams_accounts_upn_idx ON teams_accounts (user_principal_name);

CREATE TABLE team_members (
    team_id         VARCHAR(500)  NOT NULL REFERENCES teams_installed (team_id) ON DELETE CASCADE,
    teams_user_id   VARCHAR(200)  NOT NULL REFERENCES teams_accounts (teams_user_id) ON DELETE CASCADE,
    seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, teams_user_id)
);
CREATE INDEX team_members_user_idx ON team_members (teams_user_id);

-- One row per owner, never two: the key a second run or a second instance finds taken.
CREATE TABLE owner_welcomes (
    owner_id        BIGINT        NOT NULL PRIMARY KEY REFERENCES owners (id),
    team_id         VARCHAR(500),
    conversation_id VARCHAR(500),
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT owner_welcomes_status_known CHECK (status IN ('SENT', 'FAILED'))
);

-- Teams the bot was added to before this list was kept: their subscribed channels name them.
INSERT INTO teams_installed (team_id, service_url, tenant_id, installed_at, updated_at)
SELECT team_id, MAX(service_url), MAX(tenant_id), MIN(created_at), MIN(created_at)
FROM channel_subscriptions GROUP BY team_id;
