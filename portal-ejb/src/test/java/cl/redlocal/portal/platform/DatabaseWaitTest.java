package cl.redlocal.portal.platform;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseWaitTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/portal?user=portal&password=s3cret";

    /** A clock that only the pauses move, so the test knows exactly how long the wait "took". */
    private long now;
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    private DatabaseWait waitUpTo(int seconds) {
        return new DatabaseWait(URL, Duration.ofSeconds(seconds), () -> now,
                d -> { pauses.add(d); now += d.toNanos(); }, lines::add);
    }

    private static SQLException refused() {
        return new SQLException("Connection to db.example:5432 refused.", "08001", new ConnectException("Connection refused"));
    }

    @Test
    void retriesVisiblyWithGrowingPausesUntilTheDatabaseAnswers() {
        AtomicInteger attempts = new AtomicInteger();

        waitUpTo(120).await(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw refused();
            }
        });

        assertThat(attempts).hasValue(4);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(lines).containsExactly(
                "base de datos no disponible en jdbc:postgresql://db.example:5432/portal?user=portal&password=***:"
                        + " Connection to db.example:5432 refused; reintento 1 en 1s",
                "base de datos no disponible en jdbc:postgresql://db.example:5432/portal?user=portal&password=***:"
                        + " Connection to db.example:5432 refused; reintento 2 en 2s",
                "base de datos no disponible en jdbc:postgresql://db.example:5432/portal?user=portal&password=***:"
                        + " Connection to db.example:5432 refused; reintento 3 en 4s",
                "base de datos disponible en jdbc:postgresql://db.example:5432/portal?user=portal&password=*** tras 4 intentos");
        assertThat(String.join("\n", lines)).doesNotContain("s3cret");
    }

    @Test
    void givesUpAtTheLimitWithWhereAndWhy() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> waitUpTo(30).await(() -> {
            attempts.incrementAndGet();
            throw refused();
        }))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("el portal no pudo usar su base de datos en"
                        + " jdbc:postgresql://db.example:5432/portal?user=portal&password=*** tras 7 intentos en 30s"
                        + " (portal.db.startup-wait-seconds=30): Connection to db.example:5432 refused");
        // 1 + 2 + 4 + 8 + 10, then the last pause shortened to end exactly at the limit, and one last try there
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(attempts).hasValue(7);
        assertThat(Duration.ofNanos(now)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aZeroLimitTriesOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> waitUpTo(0).await(() -> {
            attempts.incrementAndGet();
            throw refused();
        })).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("tras 1 intento en 0s");
        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aWrongPasswordOrAnUnknownDatabaseEndsTheWaitAtOnce() {
        for (String state : List.of("28P01", "3D000", "42501")) {
            pauses.clear();
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> waitUpTo(120).await(() -> {
                attempts.incrementAndGet();
                // as an application server's pool hands it over: the driver's exception inside its own
                throw new SQLException("Error in allocating a connection",
                        new RuntimeException("could not create", new SQLException("FATAL: password authentication failed", state)));
            }))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("FATAL: password authentication failed")
                    .hasMessageContaining("esperar no lo resuelve");
            assertThat(attempts).hasValue(1);
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void connectionTroubleStartupAndFullServersAreWorthWaitingFor() {
        assertThat(DatabaseWait.isTransient(refused())).isTrue();
        assertThat(DatabaseWait.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseWait.isTransient(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(DatabaseWait.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(DatabaseWait.isTransient(new SQLException("password authentication failed", "28P01"))).isFalse();
        // the driver's state counts, not the pool's wrapper around it
        assertThat(DatabaseWait.isTransient(new SQLException("pool", "HY000", new SQLException("refused", "08001")))).isTrue();
    }

    @Test
    void theReasonIsTheDriversOwnWords() {
        Exception wrapped = new RuntimeException("EclipseLink-4002",
                new SQLException("Error in allocating a connection", new SQLException("Connection to h:1 refused.", "08001")));
        assertThat(DatabaseWait.reason(wrapped)).isEqualTo("Connection to h:1 refused");
        assertThat(DatabaseWait.reason(new RuntimeException(new ConnectException("Connection refused")))).isEqualTo("Connection refused");
        assertThat(DatabaseWait.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void passwordsNeverReachTheLog() {
        assertThat(DatabaseWait.withoutPassword("jdbc:postgresql://h:5432/p?password=x&user=u")).isEqualTo("jdbc:postgresql://h:5432/p?password=***&user=u");
        assertThat(DatabaseWait.withoutPassword("jdbc:postgresql://h/p?ssl=true&PASSWORD=x")).isEqualTo("jdbc:postgresql://h/p?ssl=true&PASSWORD=***");
        assertThat(DatabaseWait.withoutPassword("jdbc:postgresql://u:pw@h:5432/p")).isEqualTo("jdbc:postgresql://u:***@h:5432/p");
        assertThat(DatabaseWait.withoutPassword("jdbc:postgresql://h:5432/p")).isEqualTo("jdbc:postgresql://h:5432/p");
    }
}
