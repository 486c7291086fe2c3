package se.planpuls.domain;

public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String entity;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " does not exist");
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
