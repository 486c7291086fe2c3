package se.planpuls.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * Makes an embedded H2 file's commits durable in groups, the way a server database flushes its log.
 *
 * <p>With no write delay, H2 writes every commit to the file on its own before it returns: under a
 * crowd of card submits that store was half of each turn's time. Here commits stay in memory, as with
 * H2's usual delay, and whoever wrote waits until a store that began after its commit is in the file:
 * one caller stores for everyone waiting, so a store serves as many commits as arrived while the one
 * before it ran. Nothing a caller was told is stored can be taken back by a process kill, as before;
 * what is committed may be read by others a moment before it is in the file, as it could be from the
 * operating system's cache before.
 */
final class GroupCommit implements AutoCloseable {
    private final Connection flusher;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();
    /** How many callers have asked for their commits to be stored, in order. */
    private long requested;
    /** Every caller up to this number has its commits in the file. */
    private long durable;
    private boolean storing;
    /** How many stores were made for them. */
    private long stores;

    private GroupCommit(Connection flusher) {
        this.flusher = flusher;
    }

    /** A group commit on the H2 database {@code jdbcUrl} opens; the caller closes it before the database. */
    static GroupCommit on(String jdbcUrl) {
        try {
            return new GroupCommit(DriverManager.getConnection(jdbcUrl));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database to store its commits: " + e.getMessage(), e);
        }
    }

    /**
     * Returns once every commit the calling thread made before the call is in the file. The first
     * caller to find no store under way stores for all who asked until then; the others wait for it.
     */
    void await() {
        lock.lock();
        try {
            long mine = ++requested;
            while (durable < mine) {
                if (storing) {
                    stored.awaitUninterruptibly();
                    continue;
                }
                storing = true;
                long upTo = requested;
                boolean done = false;
                lock.unlock();
                try {
                    store();
                    done = true;
                } finally {
                    lock.lock();
                    storing = false;
                    if (done) {
                        durable = upTo;
                        stores++;
                    }
                    stored.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many times writers asked for their commits to be stored, and how many stores served them. */
    Counts counts() {
        lock.lock();
        try {
            return new Counts(requested, stores);
        } finally {
            lock.unlock();
        }
    }

    /** Fewer stores than requests when writers came together. */
    record Counts(long requests, long stores) {
    }

    private void store() {
        // CHECKPOINT writes whatever is committed and not yet in the file, and nothing when all is.
        try (Statement statement = flusher.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not write committed changes to its file: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Counts counts = counts();
        LoggerFactory.getLogger(GroupCommit.class).info("{} writes were stored to the file in {} stores",
                counts.requests(), counts.stores());
        try {
            flusher.close();
        } catch (SQLException e) {
            // the database closes with the pool; nothing here is left unwritten by it
        }
    }
}
