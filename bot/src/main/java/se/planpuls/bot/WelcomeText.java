package se.planpuls.bot;

import java.util.List;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.Owner;

/** The first message to an owner the bot reached from a team's roster: what Planpuls is and what they own. */
final class WelcomeText {
    static final int MAX_LISTED = 10;

    private WelcomeText() {
    }

    static String of(Owner owner, List<MilestoneView> owned, Texts texts) {
        StringBuilder text = new StringBuilder(texts.get("reach.welcome.intro", firstName(owner.name())));
        List<MilestoneView> open = owned.stream().filter(v -> !v.reached()).toList();
        if (open.isEmpty()) {
            text.append("\n\n").append(texts.get("reach.welcome.none"));
        } else {
            text.append("\n\n").append(texts.get("reach.welcome.owns"));
            open.stream().limit(MAX_LISTED).forEach(v -> text.append("\n- **").append(v.milestone().code())
                    .append("** ").append(v.milestone().title()).append(" (").append(texts.due(v.milestone()))
                    .append(')'));
            if (open.size() > MAX_LISTED) {
                text.append("\n- ").append(texts.get("reach.welcome.more", String.valueOf(open.size() - MAX_LISTED)));
            }
        }
        return text.append("\n\n").append(texts.get("reach.welcome.how")).toString();
    }

    private static String firstName(String name) {
        String stripped = name == null ? "" : name.strip();
        int space = stripped.indexOf(' ');
        return space > 0 ? stripped.substring(0, space) : stripped;
    }
}
