package se.planpuls.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import se.planpuls.domain.Actor;
import se.planpuls.domain.ItemInput;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NewOwner;
import se.planpuls.domain.Owner;
import se.planpuls.domain.calendar.WorkingCalendar;

/** A database with the default plan loaded and the services over it, for tests. */
public final class Fixtures implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-22T08:30:00Z");

    public final Database database;
    public final Clock clock;
    public final PlanService plans;
    public final MilestoneService milestones;
    public final OwnerService owners;
    public final ReportService reports;
    public final ConversationService conversations;
    public final long planId;

    public Fixtures(Database database) {
        this(database, Clock.fixed(NOW, WorkingCalendar.ZONE));
    }

    public Fixtures(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.plans = new PlanService(database);
        this.milestones = new MilestoneService(database, clock);
        this.owners = new OwnerService(database, clock);
        this.reports = new ReportService(database, clock);
        this.conversations = new ConversationService(database, clock);
        this.planId = new PlanLoader(database, clock).loadDefaultIfMissing().orElseThrow();
    }

    public Owner owner(String name, String email, String aadObjectId) {
        return owners.create(new NewOwner(name, email, aadObjectId, false));
    }

    public MilestoneView milestone(String code) {
        return milestones.search(new se.planpuls.domain.MilestoneFilter(code, null, null, null)).stream()
                .filter(v -> v.milestone().code().equalsIgnoreCase(code))
                .findFirst().orElseThrow(() -> new AssertionError("no milestone " + code));
    }

    public MilestoneView assign(String code, Owner owner) {
        long id = milestone(code).milestone().id();
        milestones.update(id, change(owner.id(), null), null, Actor.SYSTEM);
        return milestones.view(id);
    }

    /** Moves a milestone's due date as an admin would. */
    public MilestoneView moveDue(long milestoneId, LocalDate dueDate) {
        milestones.update(milestoneId, change(null, dueDate), null, Actor.SYSTEM);
        return milestones.view(milestoneId);
    }

    /** An admin's change of an item's owner and/or due date; null leaves either as it is. */
    public static ItemInput change(Long ownerId, LocalDate dueDate) {
        return new ItemInput(null, null, null, null, null, null, null, dueDate, null, null, null, null, ownerId, false,
                null);
    }

    @Override
    public void close() {
        TestDatabases.dispose(database);
    }
}
