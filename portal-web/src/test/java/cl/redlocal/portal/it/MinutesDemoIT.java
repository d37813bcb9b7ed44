package cl.redlocal.portal.it;

import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's minutes step (MgcDemoMinutes) on what parts A and B leave: a table of Comuna Actas Vecina
 * (99982) with four held sessions and a planned one gets attendance, notes, agreements in several states,
 * every held session's minutes approved by the next but the last, one with corrections, one corrected.
 */
@ExtendWith(ArquillianExtension.class)
class MinutesDemoIT {

    @Inject
    MgcDemoProbe probe;

    @Test
    void theDemoMinutesAreApprovedButTheLastWithVersionsAndAgreements() throws Exception {
        MinutesFixture.ensure();
        long comuna = ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = '99982'")).longValue();
        LocalDate anchor = LocalDate.of(2026, 11, 1);
        long table;
        long[] sessions = new long[5];
        try (Connection c = TestDatabase.connect()) {
            table = FixtureSql.insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, ?, 'fixture')"
                    + " RETURNING id", comuna, "Mesa Demo Actas " + System.nanoTime());
            for (String[] m : new String[][]{{"OPD", "Ana"}, {"EDT", "Beto"}, {"PPF", "Carla"}}) {
                FixtureSql.insert(c, "INSERT INTO mgc_member (table_id, kind, institution, person_name, email, joined_on,"
                        + " created_by) VALUES (?, 'PERMANENT', ?, ?, ?, DATE '2025-01-01', 'fixture') RETURNING id",
                        table, m[0], m[1], m[1].toLowerCase() + System.nanoTime() + "@demo.cl");
            }
            for (int i = 0; i < 5; i++) {
                ZonedDateTime starts = anchor.minusMonths(4).plusMonths(i).withDayOfMonth(10).atTime(LocalTime.of(9, 30))
                        .atZone(MinutesFixture.ZONE);
                sessions[i] = FixtureSql.insert(c, "INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at,"
                                + " place, state, ical_uid, created_by) VALUES (?, ?, ?, ?, 'Sala', ?, ?, 'fixture') RETURNING id",
                        table, comuna, starts.toOffsetDateTime(), starts.plusHours(3).toOffsetDateTime(),
                        i < 4 ? "HELD" : "PLANNED", "demo-actas-" + System.nanoTime());
                FixtureSql.insert(c, "INSERT INTO mgc_agenda_item (session_id, position, block, title) VALUES"
                        + " (?, 1, 'WELCOME', 'Bienvenida') RETURNING id", sessions[i]);
            }
        }

        probe.seed(comuna, anchor);

        for (int i = 0; i < 3; i++) {
            assertThat(TestDatabase.value("SELECT state FROM mgc_minutes WHERE session_id = ?", sessions[i]))
                    .isEqualTo("APPROVED");
            assertThat(TestDatabase.value("SELECT approved_in_session_id FROM mgc_minutes WHERE session_id = ?",
                    sessions[i])).isEqualTo(sessions[i + 1]);
        }
        assertThat(TestDatabase.value("SELECT state FROM mgc_minutes WHERE session_id = ?", sessions[3])).isEqualTo("DRAFT");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_minutes WHERE session_id = ?", sessions[4])).isZero();
        assertThat(TestDatabase.value("SELECT approval_corrections FROM mgc_minutes WHERE session_id = ?", sessions[1]))
                .isNotNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_minutes_version v JOIN mgc_minutes m ON m.id = v.minutes_id"
                + " WHERE m.session_id = ?", sessions[2])).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_participant WHERE session_id = ? AND attendance IS NOT NULL",
                sessions[0])).isEqualTo(3);
        assertThat(TestDatabase.value("SELECT notes FROM mgc_agenda_item WHERE session_id = ?", sessions[0])).isNotNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement WHERE table_id = ?", table))
                .isGreaterThanOrEqualTo(8);
        assertThat(TestDatabase.count("SELECT count(DISTINCT status) FROM mgc_agreement WHERE table_id = ?", table))
                .isGreaterThanOrEqualTo(3);
        assertThat(TestDatabase.value("SELECT content->'attendance'->0->>'attendance' FROM mgc_minutes_version v"
                + " JOIN mgc_minutes m ON m.id = v.minutes_id WHERE m.session_id = ? AND v.number = 1", sessions[0]))
                .isNotNull();
    }
}
