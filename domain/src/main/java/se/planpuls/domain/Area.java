package se.planpuls.domain;

public record Area(long id, long planId, long groupId, int position, String code, String name, String goalImage) {
}
