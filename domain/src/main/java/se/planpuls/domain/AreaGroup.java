package se.planpuls.domain;

public record AreaGroup(long id, long planId, int position, String name) {
}
