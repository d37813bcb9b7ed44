package cl.redlocal.portal.platform;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How a starting node waits for its database: it tries to connect, and while the failure is one that
 * waiting can cure (nothing listens yet, the server is starting or full) it says so and tries again
 * after 1, 2, 4, 8 and then every 10 seconds, until the limit; a failure that waiting cannot cure (wrong
 * password, unknown database, no permission) ends the wait at once. Either way the caller gets a
 * {@link DatabaseUnavailableException} that says where and why, so a node never runs on without its database.
 *
 * <p>Plain Java, with the clock and the pause handed in, so the policy is unit-tested without a database.
 */
public final class DatabaseWait {

    /** One connection attempt: returns when the database can be used, throws why it cannot. */
    @FunctionalInterface
    public interface Probe {
        void tryConnect() throws Exception;
    }

    /** A pause; the real one is {@code Thread.sleep}. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    /**
     * SQLState classes and codes that waiting can cure: 08 connection exception (refused, timed out,
     * reset), 53 insufficient resources (too many connections), 57P01-57P03 (administrator shutdown,
     * crash shutdown, "the database system is starting up").
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03");

    private final String where;
    private final Duration limit;
    private final LongSupplier nanoTime;
    private final Pause pause;
    private final Consumer<String> log;

    /**
     * @param jdbcUrl where the database is; logged without its password
     * @param limit   how long to keep trying; zero tries once
     */
    public DatabaseWait(String jdbcUrl, Duration limit, LongSupplier nanoTime, Pause pause, Consumer<String> log) {
        this.where = withoutPassword(jdbcUrl);
        this.limit = limit.isNegative() ? Duration.ZERO : limit;
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.log = log;
    }

    /** Returns once the probe succeeds; otherwise throws with the last reason. */
    public void await(Probe probe) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                probe.tryConnect();
                if (attempt > 1) {
                    log.accept("base de datos disponible en " + where + " tras " + attempt + " intentos");
                }
                return;
            } catch (Exception e) {
                String reason = reason(e);
                if (!isTransient(e)) {
                    throw new DatabaseUnavailableException("el portal no puede usar su base de datos en " + where
                            + ": " + reason + " (esperar no lo resuelve: revise la URL, el usuario, la contraseña y los permisos)", e);
                }
                Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
                Duration left = limit.minus(elapsed);
                if (left.isNegative() || left.isZero()) {
                    throw new DatabaseUnavailableException("el portal no pudo usar su base de datos en " + where
                            + " tras " + attempt + (attempt == 1 ? " intento" : " intentos") + " en "
                            + elapsed.toSeconds() + "s (portal.db.startup-wait-seconds=" + limit.toSeconds() + "): " + reason, e);
                }
                Duration next = pauseBefore(attempt);
                if (next.compareTo(left) > 0) {
                    next = left;
                }
                log.accept("base de datos no disponible en " + where + ": " + reason + "; reintento " + attempt
                        + " en " + ceilSeconds(next) + "s");
                try {
                    pause.sleep(next);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseUnavailableException("la espera de la base de datos en " + where + " fue interrumpida: " + reason, e);
                }
            }
        }
    }

    /** The pause before retry number {@code retry} (1-based): 1, 2, 4, 8, then 10 seconds. */
    static Duration pauseBefore(int retry) {
        if (retry >= 5) {
            return LONGEST_PAUSE;
        }
        return Duration.ofSeconds(1L << (retry - 1));
    }

    /**
     * Whether waiting may cure this failure. The driver's SQLState decides when there is one (the
     * innermost in the cause chain: an application server's pool wraps the driver's exception); a
     * failure without any (a socket error, a pool that says no more) counts as one to wait for.
     */
    static boolean isTransient(Throwable failure) {
        String state = innermostSqlState(failure);
        if (state == null) {
            return true;
        }
        return state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state);
    }

    /** The driver's own words when the chain has them (the innermost SQLException), else the root cause's. */
    static String reason(Throwable failure) {
        String sqlMessage = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                sqlMessage = t.getMessage();
            }
            root = t;
        }
        String message = sqlMessage != null ? sqlMessage : root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        message = message.strip();
        // the reason goes inside a sentence ("...: reason; reintento 2 en 2s")
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static String innermostSqlState(Throwable failure) {
        String state = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
    }

    /** A JDBC URL fit for a log: a {@code password=} parameter and a {@code user:password@} part are masked. */
    public static String withoutPassword(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "(sin URL)";
        }
        return jdbcUrl.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***")
                .replaceAll("(//[^/@:?]+):[^/@?]*@", "$1:***@");
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
