package se.planpuls.domain;

/** A short-term effect of a milestone that a status report ticked as seen: the effect's id and text. */
public record EffectSeen(long id, String text) {
}
