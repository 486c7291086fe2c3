package se.planpuls.db;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import se.planpuls.domain.Actor;
import se.planpuls.domain.Effect;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.MilestoneDetail;
import se.planpuls.domain.MilestoneFilter;
import se.planpuls.domain.MilestoneView;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.Status;

/** Reads milestones and makes the admin's changes to them (owner, due date). */
public final class MilestoneService {
    private final Jdbi jdbi;
    private final Clock clock;

    public MilestoneService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public MilestoneView view(long id) {
        return jdbi.withExtension(MilestoneDao.class, dao -> dao.view(id))
                .orElseThrow(() -> new NotFoundException("milestone", id));
    }

    public MilestoneDetail detail(long id) {
        return jdbi.inTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            MilestoneView view = dao.view(id).orElseThrow(() -> new NotFoundException("milestone", id));
            return new MilestoneDetail(view, effects(dao, id), dao.dependsOn(id), dao.dependents(id),
                    handle.attach(ReportDao.class).history(id));
        });
    }

    public List<Effect> effects(long milestoneId) {
        return jdbi.withExtension(MilestoneDao.class, dao -> effects(dao, milestoneId));
    }

    static List<Effect> effects(MilestoneDao dao, long milestoneId) {
        Map<Long, List<String>> audiences = new LinkedHashMap<>();
        Map<Long, MilestoneDao.EffectRow> first = new LinkedHashMap<>();
        for (var row : dao.effectRows(milestoneId)) {
            first.putIfAbsent(row.id(), row);
            var tags = audiences.computeIfAbsent(row.id(), k -> new ArrayList<>());
            if (row.audience() != null) {
                tags.add(row.audience());
            }
        }
        return first.values().stream()
                .map(r -> new Effect(r.id(), r.milestoneId(), r.position(), r.text(), audiences.get(r.id())))
                .toList();
    }

    public List<MilestoneView> ofOwner(long ownerId) {
        return jdbi.withExtension(MilestoneDao.class, dao -> dao.viewsOfOwner(ownerId));
    }

    public List<MilestoneView> search(MilestoneFilter filter) {
        String status = null;
        if (filter.status() != null) {
            status = "unreported".equalsIgnoreCase(filter.status().trim()) ? "UNREPORTED"
                    : Status.parse(filter.status()).map(Status::name).orElseThrow(() -> new InvalidInputException(
                            "status", "status.unknown",
                            "status must be one of reached, in_progress, not_started, unreported"));
        }
        String q = filter.query() == null || filter.query().isBlank() ? null
                : "%" + escapeLike(filter.query().trim().toLowerCase(Locale.ROOT)) + "%";
        String finalStatus = status;
        return jdbi.withExtension(MilestoneDao.class,
                dao -> dao.search(q, blankToNull(filter.areaCode()), filter.ownerId(), finalStatus));
    }

    /**
     * Changes a milestone's owner and/or due date; null leaves a value as it is. Checks the owner
     * exists and the date is sane before writing anything.
     */
    public MilestoneView update(long id, Long ownerId, boolean clearOwner, LocalDate dueDate) {
        return jdbi.inTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            var before = dao.milestone(id).orElseThrow(() -> new NotFoundException("milestone", id));
            if (ownerId != null && handle.attach(OwnerDao.class).byId(ownerId).isEmpty()) {
                throw new InvalidInputException("ownerId", "owner.unknown", "no owner has id " + ownerId);
            }
            if (dueDate != null && (dueDate.getYear() < 2000 || dueDate.getYear() > 2100)) {
                throw new InvalidInputException("dueDate", "dueDate.range", "dueDate must be between 2000 and 2100");
            }
            if (ownerId != null || clearOwner) {
                dao.assignOwner(id, clearOwner ? null : ownerId);
            }
            if (dueDate != null) {
                dao.moveDue(id, dueDate.getYear(), dueDate);
            }
            var after = dao.view(id).orElseThrow();
            AuditLog.record(handle, clock, Actor.SYSTEM, dueDate != null ? "move-due" : "reassign", "milestone", id,
                    before.planId(), null, before, after.milestone());
            return after;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The milestones a person may report on: their own, and those of the owners they substitute for. */
    public List<MilestoneView> reportableBy(long ownerId) {
        return jdbi.inTransaction(handle -> {
            MilestoneDao dao = handle.attach(MilestoneDao.class);
            List<MilestoneView> result = new ArrayList<>(dao.viewsOfOwner(ownerId));
            for (var principal : handle.attach(OwnerDao.class).principalsOf(ownerId)) {
                result.addAll(dao.viewsOfOwner(principal.id()));
            }
            return result;
        });
    }

    /**
     * Finds one milestone by its short id (e.g. {@code MED-1}) or a part of its title that only one
     * milestone has. Unknown: {@link NotFoundException}; more than one: {@link AmbiguousException}.
     */
    public MilestoneView find(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            throw new InvalidInputException("milestone", "milestone.missing", "name a milestone by id or title");
        }
        List<MilestoneView> all = search(new MilestoneFilter(null, null, null, null));
        var byCode = all.stream().filter(v -> v.milestone().code().equalsIgnoreCase(ref)).toList();
        if (byCode.size() == 1) {
            return byCode.get(0);
        }
        String needle = ref.toLowerCase(Locale.ROOT);
        var byTitle = all.stream().filter(v -> v.milestone().title().toLowerCase(Locale.ROOT).contains(needle)).toList();
        var exact = byTitle.stream().filter(v -> v.milestone().title().equalsIgnoreCase(ref)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        if (byTitle.size() == 1) {
            return byTitle.get(0);
        }
        if (byTitle.isEmpty()) {
            throw new NotFoundException("milestone", ref);
        }
        throw new AmbiguousException(ref, byTitle);
    }

    /** A reference that fits more than one milestone. */
    public static final class AmbiguousException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<MilestoneView> candidates;

        AmbiguousException(String reference, List<MilestoneView> candidates) {
            super("'" + reference + "' fits " + candidates.size() + " milestones");
            this.candidates = List.copyOf(candidates);
        }

        public List<MilestoneView> candidates() {
            return candidates;
        }
    }
}
