package se.planpuls.scheduler;

import java.time.Duration;
import se.planpuls.db.ReminderService;

/**
 * Which instance of a cluster may send reminders now. Teams' limits (50 a second per tenant, 7 a
 * second per chat) are the bot's, not an instance's: two instances each pacing themselves to the
 * full limit would together exceed it. So instances take turns, one sending at a time; a turn is
 * held for a while and renewed, so a dead holder's turn passes to another instance.
 */
interface SendingTurn {
    /** One instance alone: its turn always. */
    SendingTurn ALONE = new SendingTurn() {
        @Override
        public boolean take(String holder, Duration hold) {
            return true;
        }

        @Override
        public void giveBack(String holder) {
        }
    };

    /** Takes the turn, or renews it for its holder; false while another instance holds it. */
    boolean take(String holder, Duration hold);

    void giveBack(String holder);

    /** Turns kept in the shared database, on the wall clock. */
    static SendingTurn shared(ReminderService reminders) {
        return new SendingTurn() {
            @Override
            public boolean take(String holder, Duration hold) {
                return reminders.takeSendingTurn(holder, System.currentTimeMillis(), hold);
            }

            @Override
            public void giveBack(String holder) {
                reminders.giveBackSendingTurn(holder);
            }
        };
    }
}
