package cl.redlocal.portal.it;

import cl.redlocal.portal.followup.boundary.ReminderDigest;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One digest per person and day (Comuna Actas 99981, on a day of its own, five days ahead): a professional
 * with a due post-exit follow-up who is also responsible for a table's agreement gets one mail with both
 * sections, whatever the case of the address on the agreement, and a second run of the day sends nothing.
 */
@ExtendWith(ArquillianExtension.class)
class DailyDigestIT {

    @Inject
    ReminderDigest digest;

    /** A day no other class sends this comuna's digest for (AgreementIT sends today and tomorrow). */
    private final LocalDate day = LocalDate.now(MinutesFixture.ZONE).plusDays(5);

    @BeforeEach
    void fixture() {
        MinutesFixture.ensure();
    }

    @Test
    void aPersonWithAFollowUpAndAnAgreementDueGetsOneMailADay() throws Exception {
        String comunaCode = (String) TestDatabase.value("SELECT code FROM comuna WHERE id = ?", MinutesFixture.comunaId());
        AlertFixture.Program program = AlertFixture.program(comunaCode, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(comunaCode);
        long stay = AlertFixture.stay(kase, program, 400, 200);
        TestDatabase.update("INSERT INTO followup_task (comuna_id, case_id, program_id, involvement_id, months, due_on)"
                + " SELECT comuna_id, id, ?, ?, 6, current_date - 10 FROM case_file WHERE id = ?", program.id(), stay, kase.id());
        String email = program.professional() + "@demo.cl";
        String what = "Informe conjunto " + System.nanoTime();
        long session = MinutesFixture.session(MinutesFixture.table("digest" + System.nanoTime()), day.minusDays(30));
        TestDatabase.update("INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description, responsible_institution,"
                + " responsible_name, responsible_email, due_on, status, created_by) SELECT s.table_id, s.comuna_id, s.id, ?,"
                + " 'PPF Actas', 'Persona', ?, ?, 'PENDING', 'fixture' FROM mgc_session s WHERE s.id = ?",
                what, email.toUpperCase(), day.plusDays(1), session);
        TestSession.signIn(MinutesFixture.COORDINATOR);

        List<String> sent = digest.send(MinutesFixture.comunaId(), day);
        assertThat(sent).containsOnlyOnce(email);
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = ?", email))
                .as("one mail for both sections").isEqualTo(1);
        String body = (String) TestDatabase.value("SELECT body_text FROM mail_outbox WHERE recipient = ?", email);
        assertThat(body).contains("Seguimiento post-egreso de 6 meses del caso " + kase.code())
                .contains("Acuerdos de la Mesa de Gestión de Casos a su cargo").contains(what).doesNotContain("Ana");
        assertThat(TestDatabase.value("SELECT subject FROM mail_outbox WHERE recipient = ?", email))
                .isEqualTo("Red Local: recordatorios del " + day);

        assertThat(digest.send(MinutesFixture.comunaId(), day)).as("the second run of the day").isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = ?", email)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM job_run WHERE job = 'daily-digest' AND period = ?",
                day + "/" + MinutesFixture.comunaId())).as("the day's claim").isEqualTo(1);
    }
}
