-- A question the bot asked and waits for an answer to in a chat ("how was it judged reached?"),
-- so the owner can answer by simply typing. Not history: a row goes once it is answered.
CREATE TABLE pending_answers (
    owner_id        BIGINT        NOT NULL REFERENCES owners (id),
    conversation_id VARCHAR(500)  NOT NULL,
    milestone_id    BIGINT        NOT NULL REFERENCES milestones (id),
    status          VARCHAR(20)   NOT NULL,
    at_risk         BOOLEAN       NOT NULL,
    expected_date   DATE,
    effects         VARCHAR(2000) NOT NULL,
    card_id         VARCHAR(200),
    question_id     VARCHAR(200),
    asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pending_answers_pk PRIMARY KEY (owner_id, conversation_id)
);
