package cl.redlocal.portal.it;

import cl.redlocal.portal.cases.boundary.DuplicateQuery;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.privacy.boundary.AccessRow;
import cl.redlocal.portal.privacy.boundary.ChildRightsService;
import cl.redlocal.portal.privacy.boundary.IncidentForm;
import cl.redlocal.portal.privacy.boundary.IncidentRow;
import cl.redlocal.portal.privacy.boundary.PrivacyAdministration;
import cl.redlocal.portal.privacy.boundary.ReasonForm;
import cl.redlocal.portal.privacy.boundary.RetentionCandidate;
import cl.redlocal.portal.privacy.boundary.RetentionReview;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static cl.redlocal.portal.it.PrivacyFixture.ADMIN;
import static cl.redlocal.portal.it.PrivacyFixture.COFACILITATOR;
import static cl.redlocal.portal.it.PrivacyFixture.COMUNA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access report (who read the record; refused and audited for an uninvolved program), retention and
 * anonymisation (no name or RUN left in any text column of the schema, the child no longer found, its RUN
 * free to register again, the cases kept for the indicators), and the breach register (the count of known
 * fixtures: 7 children, 3 under 14; a window that ends before it starts records nothing).
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyAdministrationIT {

    @Inject
    ChildRightsService rights;

    @Inject
    PrivacyAdministration administration;

    @Inject
    RetentionReview review;

    @Inject
    RegistryService registry;

    @Inject
    PortalClock clock;

    @BeforeEach
    void fixture() {
        PrivacyFixture.ensure();
    }

    @Test
    void theAccessReportTellsWhoReadTheRecordAndFromWhichProgram() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Informe", null);
        TestSession.signIn(rich.program().professional());
        rights.export(rich.theCase().id(), new ReasonForm("Solicitud del adolescente"));
        List<AccessRow> rows = rights.accessReport(rich.theCase().id()).orElseThrow();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.username()).isEqualTo(rich.program().professional());
            assertThat(r.action()).isEqualTo("EXPORT");
            assertThat(r.program()).isEqualTo(rich.program().acronym());
        });
    }

    @Test
    void theAccessReportIsRefusedToAProgramNeverInvolvedAndTheRefusalAudited() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Informe", null);
        AgendaFixture.Program uninvolved = AgendaFixture.program(COMUNA);
        TestSession.signIn(uninvolved.professional());
        long before = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'CASE' AND entity_id = ?", uninvolved.professional(), String.valueOf(rich.theCase().id()));
        assertThat(rights.accessReport(rich.theCase().id())).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'CASE' AND entity_id = ?", uninvolved.professional(),
                String.valueOf(rich.theCase().id()))).isEqualTo(before + 1);
    }

    @Test
    void anAnonymisedChildLeavesNoNameOrRunAnywhereAndItsRunCanBeRegisteredAgain() throws Exception {
        String surname = "Olvido" + Long.toString(System.nanoTime() % 10_000_000_000L, 36).toUpperCase();
        String run = (10_000_000 + System.nanoTime() % 80_000_000) + "-3";
        PrivacyFixture.Rich rich = PrivacyFixture.richChild(surname, run, false);
        PrivacyFixture.Rich recent = PrivacyFixture.richChild(surname + "Reciente", null, false);
        TestDatabase.update("UPDATE case_file SET status = 'CLOSED', opened_on = current_date - 3000,"
                + " closed_on = current_date - 2400 WHERE child_id = ?", rich.childId());
        TestDatabase.update("UPDATE case_file SET status = 'CLOSED', closed_on = current_date - 10 WHERE child_id = ?",
                recent.childId());

        TestSession.signIn(ADMIN);
        List<RetentionCandidate> due = administration.pastTerm();
        assertThat(due).extracting(RetentionCandidate::childId).contains(rich.childId()).doesNotContain(recent.childId());
        assertThat(review.review(AgendaFixture.comunaId(COMUNA), clock.today().minusYears(5))).isGreaterThan(0);
        assertThatThrownBy(() -> administration.anonymise(recent.childId())).isInstanceOf(BusinessException.class);

        administration.anonymise(rich.childId());

        assertThat(textColumnsContaining(surname, run)).as("text columns still naming the child")
                .allMatch(hit -> hit.contains(surname + "Reciente"));
        assertThat(TestDatabase.count("SELECT count(*) FROM case_file WHERE child_id = ?", rich.childId())).isEqualTo(1);
        assertThat(administration.pastTerm()).extracting(RetentionCandidate::childId).doesNotContain(rich.childId());

        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE run = ?", run)).isZero();
        assertThat(TestDatabase.update("INSERT INTO child (comuna_id, run, given_names, paternal_surname, birth_date, sex)"
                + " VALUES (?, ?, 'Nueva', 'Inscripción', current_date - 1000, 'F')", AgendaFixture.comunaId(COMUNA), run))
                .isEqualTo(1);
    }

    @Test
    void theBreachRegisterCountsTheChildrenTheAccountsReadInTheWindow() throws Exception {
        String account = "brecha" + System.nanoTime() % 1_000_000_000L;
        String other = account + "b";
        int[] ages = {5, 10, 13, 14, 15, 16, 17};
        List<Long> cases = new ArrayList<>();
        for (int age : ages) {
            cases.add(PrivacyFixture.childOfAge("Brecha", age));
        }
        long outside = PrivacyFixture.childOfAge("Fuera", 8);
        long notTheirs = PrivacyFixture.childOfAge("Ajeno", 9);
        for (long c : cases) {
            audit(account, c, "1 hour");
            audit(account, c, "50 minutes");
        }
        audit(account, outside, "5 hours");
        audit(other, notTheirs, "1 hour");

        TestSession.signIn(ADMIN);
        LocalDateTime now = LocalDateTime.now(clock.zone());
        assertThatThrownBy(() -> administration.recordIncident(new IncidentForm(now, now.minusHours(2), account,
                "Cuenta comprometida", null))).isNotNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM privacy_incident WHERE accounts = ?", account)).isZero();

        long id = administration.recordIncident(new IncidentForm(now.minusHours(2), now, account,
                "Credenciales de la cuenta publicadas", "Contraseña cambiada, sesiones cerradas"));
        IncidentRow row = administration.incidents().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        assertThat(row.children()).isEqualTo(7);
        assertThat(row.under14()).isEqualTo(3);
        assertThat(row.categories()).contains("CASE_PROCESS");
        assertThat(row.authorityNotice()).contains("7 niños").contains("3 son menores de 14");
        assertThat(row.familyNotice()).contains("Contraseña cambiada");
    }

    private static void audit(String username, long caseId, String ago) throws Exception {
        TestDatabase.update("INSERT INTO audit_event (occurred_at, username, role, comuna_id, action, entity_type,"
                + " entity_id, outcome) SELECT now() - CAST(? AS INTERVAL), ?, 'PROFESIONAL', comuna_id, 'READ', 'CASE',"
                + " CAST(id AS VARCHAR), 'SUCCESS' FROM case_file WHERE id = ?", ago, username, caseId);
    }

    /** "table.column" of every text column of every table holding one of the texts (case-insensitive). */
    private static List<String> textColumnsContaining(String... texts) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             ResultSet columns = c.createStatement().executeQuery("SELECT c.table_name, c.column_name"
                     + " FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                     + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' WHERE c.table_schema = 'public'"
                     + " AND c.data_type IN ('character varying', 'text', 'character')")) {
            while (columns.next()) {
                String table = columns.getString(1);
                String column = columns.getString(2);
                for (String text : texts) {
                    try (var q = c.prepareStatement("SELECT \"" + column + "\" FROM \"" + table + "\" WHERE \"" + column
                            + "\" ILIKE ? LIMIT 5")) {
                        q.setString(1, "%" + text + "%");
                        try (ResultSet found = q.executeQuery()) {
                            while (found.next()) {
                                hits.add(table + "." + column + "=" + found.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }
}
