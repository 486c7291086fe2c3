-- The region's own words for a year's review: an overall summary and an assessment per priority
-- area. Written before the review is taken, and copied into the snapshot when it is.
CREATE TABLE annual_review_notes (
    plan_id     BIGINT        NOT NULL REFERENCES plans (id),
    review_year INTEGER       NOT NULL,
    summary     VARCHAR(8000),
    version     INTEGER       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT annual_review_notes_pk PRIMARY KEY (plan_id, review_year)
);

CREATE TABLE annual_review_area_notes (
    plan_id     BIGINT        NOT NULL,
    review_year INTEGER       NOT NULL,
    area_code   VARCHAR(20)   NOT NULL,
    note        VARCHAR(4000) NOT NULL,
    CONSTRAINT annual_review_area_notes_pk PRIMARY KEY (plan_id, review_year, area_code),
    CONSTRAINT annual_review_area_notes_notes_fk FOREIGN KEY (plan_id, review_year)
        REFERENCES annual_review_notes (plan_id, review_year)
);

-- A snapshot keeps the summary, each area as it was shown (name, målbild, assessment) and each
-- milestone's expected effects, so it reads the same after the plan or the notes change.
ALTER TABLE annual_reviews ADD COLUMN summary VARCHAR(8000);
ALTER TABLE annual_review_items ADD COLUMN effects_expected VARCHAR(20000);

CREATE TABLE annual_review_areas (
    review_id   BIGINT        NOT NULL REFERENCES annual_reviews (id),
    position    INTEGER       NOT NULL,
    group_name  VARCHAR(200)  NOT NULL,
    area_code   VARCHAR(20)   NOT NULL,
    area_name   VARCHAR(200)  NOT NULL,
    goal_image  VARCHAR(20000),
    note        VARCHAR(4000),
    CONSTRAINT annual_review_areas_pk PRIMARY KEY (review_id, position)
);
