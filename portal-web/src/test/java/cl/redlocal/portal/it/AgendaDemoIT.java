package cl.redlocal.portal.it;

import cl.redlocal.portal.demo.MgcDemoAgenda;
import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static cl.redlocal.portal.it.AgendaFixture.DEMO_COMUNA;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo of part B on fixture sessions (as part A would seed them): agendas of held sessions, the next one ready. */
@ExtendWith(ArquillianExtension.class)
class AgendaDemoIT {

    @PersistenceUnit(unitName = "portal")
    EntityManagerFactory emf;

    @Resource
    UserTransaction tx;

    @BeforeEach
    void fixture() {
        AgendaFixture.ensure();
    }

    @Test
    void heldSessionsGetTheirAgendaAndTheNextSessionIsReadyToPrepare() throws Exception {
        long comuna = AgendaFixture.comunaId(DEMO_COMUNA);
        AgendaFixture.update("UPDATE mgc_session SET state = 'CANCELLED', cancel_reason = 'prueba' WHERE comuna_id = ?"
                + " AND state IN ('PLANNED', 'CONVENED')", comuna);
        AgendaFixture.update("UPDATE session_agenda_request SET session_id = (SELECT min(id) FROM mgc_session) WHERE"
                + " comuna_id = ? AND session_id IS NULL", comuna);
        long table = AgendaFixture.table(DEMO_COMUNA);
        List<Long> held = List.of(AgendaFixture.session(table, -90, "HELD"), AgendaFixture.session(table, -60, "HELD"),
                AgendaFixture.session(table, -30, "HELD"));
        long next = AgendaFixture.session(table, 10, "PLANNED");
        long later = AgendaFixture.session(table, 40, "PLANNED");
        AgendaFixture.Case a = AgendaFixture.newCase(DEMO_COMUNA);
        AgendaFixture.newCase(DEMO_COMUNA);
        AgendaFixture.Case k = AgendaFixture.newCase(DEMO_COMUNA);
        AgendaFixture.sql("INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?,"
                + " current_date - 30) RETURNING id", comuna, k.id(), AgendaFixture.programId(DEMO_COMUNA, "PPF"));
        long alert = AgendaFixture.alert(a, "HIGH", "OPEN");

        seed(comuna);
        seed(comuna); // a second run changes nothing

        for (long session : held) {
            List<Object> blocks = TestDatabase.values("SELECT block FROM mgc_agenda_item WHERE session_id = ?"
                    + " ORDER BY position", session);
            assertThat(blocks).hasSizeBetween(6, 7);
            assertThat(blocks.stream().distinct().toList()).containsExactly("WELCOME", "MINUTES_APPROVAL", "AGREEMENTS", "FLOWS", "TOPICS", "CASES");
            assertThat(TestDatabase.count("SELECT count(*) FROM mgc_case_item WHERE session_id = ? AND state = 'PICKED'",
                    session)).isBetween(2L, 3L);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agenda_item WHERE session_id = ?", next)).isZero();
        assertThat(TestDatabase.values("SELECT origin || '|' || state || '|' || proposed_by_program_id FROM mgc_case_item"
                + " WHERE session_id = ?", next)).containsExactly("PROPOSED|PROPOSED|" + AgendaFixture.programId(DEMO_COMUNA, "PPF"));
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_case_item WHERE session_id = ?", later)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM session_agenda_request WHERE alert_id = ? AND session_id IS NULL",
                alert)).isEqualTo(1);
    }

    private void seed(long comuna) throws Exception {
        tx.begin();
        EntityManager em = emf.createEntityManager();
        try {
            em.joinTransaction();
            MgcDemoAgenda.seed(em, comuna, LocalDate.now());
            tx.commit();
        } catch (Exception e) {
            tx.rollback();
            throw e;
        } finally {
            em.close();
        }
    }
}
