package se.planpuls.domain;

import java.util.List;

/** An expected short-term effect of a milestone, tagged for whom: inv, sys and/or vsh. */
public record Effect(long id, long milestoneId, int position, String text, List<String> audiences) {
    public Effect {
        audiences = List.copyOf(audiences);
    }
}
