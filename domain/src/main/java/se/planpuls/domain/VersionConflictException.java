package se.planpuls.domain;

/** A write based on a stale copy: the entity changed since the writer read it (HTTP 412). */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String entity, long id, int current) {
        super(entity + " " + id + " has changed since you read it (now version " + current + "); read it again");
    }
}
