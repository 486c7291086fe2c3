package se.planpuls.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.planpuls.domain.PendingAnswer;
import se.planpuls.domain.Status;

/** The one question per owner and chat the bot waits for an answer to; a day old, it is forgotten. */
public final class PendingAnswerService {
    public static final Duration KEPT = Duration.ofHours(24);

    private final Jdbi jdbi;
    private final Clock clock;

    public PendingAnswerService(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Waits for the answer to this question, instead of any earlier one in the same chat. */
    public void ask(PendingAnswer pending) {
        String effects = pending.effects().stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbi.useTransaction(handle -> {
            Dao dao = handle.attach(Dao.class);
            dao.delete(pending.ownerId(), pending.conversationId());
            dao.insert(pending.ownerId(), pending.conversationId(), pending.milestoneId(), pending.status(),
                    pending.atRisk(), pending.expectedDate(), effects, pending.cardId(), pending.questionId(),
                    clock.instant());
        });
    }

    public Optional<PendingAnswer> waiting(long ownerId, String conversationId) {
        Instant oldest = clock.instant().minus(KEPT);
        return jdbi.withExtension(Dao.class, dao -> dao.find(ownerId, conversationId))
                .filter(row -> !row.askedAt().isBefore(oldest))
                .map(row -> new PendingAnswer(row.ownerId(), row.conversationId(), row.milestoneId(), row.status(),
                        row.atRisk(), row.expectedDate(), row.effects().isEmpty() ? List.of()
                                : Arrays.stream(row.effects().split(",")).map(Long::parseLong).toList(),
                        row.cardId(), row.questionId(), row.askedAt()));
    }

    /** Forgets what the chat waited for about this milestone, once it is reported. */
    public void answered(long ownerId, String conversationId, long milestoneId) {
        jdbi.useExtension(Dao.class, dao -> dao.deleteFor(ownerId, conversationId, milestoneId));
    }

    @RegisterConstructorMapper(Dao.Row.class)
    interface Dao {
        @SqlUpdate("""
                INSERT INTO pending_answers (owner_id, conversation_id, milestone_id, status, at_risk, expected_date,
                                             effects, card_id, question_id, asked_at)
                VALUES (:ownerId, :conversationId, :milestoneId, :status, :atRisk, :expectedDate, :effects, :cardId,
                        :questionId, :askedAt)""")
        void insert(long ownerId, String conversationId, long milestoneId, Status status, boolean atRisk,
                    LocalDate expectedDate, String effects, String cardId, String questionId, Instant askedAt);

        @SqlQuery("""
                SELECT owner_id, conversation_id, milestone_id, status, at_risk, expected_date, effects, card_id,
                       question_id, asked_at
                FROM pending_answers WHERE owner_id = :ownerId AND conversation_id = :conversationId""")
        Optional<Row> find(long ownerId, String conversationId);

        @SqlUpdate("DELETE FROM pending_answers WHERE owner_id = :ownerId AND conversation_id = :conversationId")
        void delete(long ownerId, String conversationId);

        String DELETE_FOR = """
                DELETE FROM pending_answers
                WHERE owner_id = :ownerId AND conversation_id = :conversationId AND milestone_id = :milestoneId""";

        @SqlUpdate(DELETE_FOR)
        void deleteFor(long ownerId, String conversationId, long milestoneId);

        /** A member of the (package-private) interface, so public for Jdbi's reflection and no further. */
        record Row(long ownerId, String conversationId, long milestoneId, Status status, boolean atRisk,
                   LocalDate expectedDate, String effects, String cardId, String questionId, Instant askedAt) {
        }
    }
}
