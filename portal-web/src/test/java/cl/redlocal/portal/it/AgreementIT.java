package cl.redlocal.portal.it;

import cl.redlocal.portal.followup.boundary.ReminderDigest;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementFilter;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementForm;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementRow;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementService;
import cl.redlocal.portal.mgc.minutes.boundary.StatusChange;
import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PageRequest;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Agreements of the table (issue 6, part C): validation, overdue, who updates, the list, the case page, reminders. */
@ExtendWith(ArquillianExtension.class)
class AgreementIT {

    @Inject
    AgreementService agreements;

    @Inject
    ReminderDigest reminders;

    private final LocalDate today = LocalDate.now(MinutesFixture.ZONE);

    @BeforeEach
    void fixture() {
        MinutesFixture.ensure();
    }

    private static String tag() {
        return "t" + System.nanoTime();
    }

    /** An agreement written as the minutes would, with plain SQL (one identity per test method). */
    private static long agreement(long session, String what, String email, Long user, Long program, LocalDate due,
                                  String status, String caseCode) throws Exception {
        long id;
        try (java.sql.Connection c = TestDatabase.connect()) {
            id = FixtureSql.insert(c, "INSERT INTO mgc_agreement (table_id, comuna_id, session_id,"
                        + " description, responsible_institution, responsible_name, responsible_email, responsible_user_id,"
                        + " responsible_program_id, due_on, status, done_on, created_by) SELECT s.table_id, s.comuna_id, s.id,"
                        + " ?, 'PPF Actas', 'Pablo Díaz', ?, CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ?,"
                        + " CASE WHEN ? = 'DONE' THEN CAST(? AS DATE) END, 'fixture' FROM mgc_session s WHERE s.id = ?"
                        + " RETURNING id", what, email, user, program, due, status, status, due, session);
        }
        if (caseCode != null) {
            TestDatabase.update("INSERT INTO mgc_agreement_case (agreement_id, case_id) VALUES (?, ?)", id,
                    MinutesFixture.caseId(caseCode));
        }
        return id;
    }

    private List<AgreementRow> list(AgreementFilter filter) {
        return agreements.list(filter, PageRequest.of(0, 500));
    }

    @Test
    void anAgreementWithoutAResponsibleOrDueBeforeTheSessionIsRefusedAndNothingIsSaved() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today.plusDays(2));
        String what = "Sin responsable " + tag();
        assertThatThrownBy(() -> agreements.create(s, new AgreementForm(null, null, what, "OPD Actas", " ", null, null,
                null, today.plusDays(10), List.of(), List.of()))).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .anySatisfy(v -> {
                            assertThat(v.getPropertyPath().toString()).endsWith("responsibleName");
                            assertThat(v.getMessageTemplate()).isEqualTo("{mgc.agreement.responsible.required}");
                        }));
        assertThatThrownBy(() -> agreements.create(s, new AgreementForm(null, null, what, "OPD Actas", "Olga Pérez", null,
                null, null, today.plusDays(1), List.of(), List.of()))).as("due the day before the session")
                .isInstanceOf(BusinessException.class).hasMessage("mgc.agreement.dueOn.beforeSession");
        assertThat(java.util.ResourceBundle.getBundle("ValidationMessages", java.util.Locale.forLanguageTag("es-CL"))
                .getString("mgc.agreement.responsible.required"))
                .isEqualTo("Un acuerdo necesita una persona responsable: indique su nombre.");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement WHERE description = ?", what)).isZero();

        long ok = agreements.create(s, new AgreementForm(null, null, what, "OPD Actas", "Olga Pérez", null, null, null,
                today.plusDays(2), List.of(MinutesFixture.caseId("A-0002")), List.of()));
        assertThat(TestDatabase.value("SELECT status FROM mgc_agreement WHERE id = ?", ok)).isEqualTo("PENDING");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement_case WHERE agreement_id = ?", ok)).isEqualTo(1);
    }

    @Test
    void overdueIsAnOpenAgreementPastItsDueDay() throws Exception {
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today.minusDays(30));
        String t = tag();
        long late = agreement(s, "Atrasado " + t, null, null, null, today.minusDays(1), "IN_PROGRESS", null);
        long onTime = agreement(s, "A tiempo " + t, null, null, null, today, "PENDING", null);
        long done = agreement(s, "Cumplido " + t, null, null, null, today.minusDays(5), "DONE", null);
        long cancelled = agreement(s, "Anulado " + t, null, null, null, today.minusDays(5), "CANCELLED", null);
        TestSession.signIn(MinutesFixture.COFACILITATOR);

        List<AgreementRow> all = list(new AgreementFilter().session(s));
        assertThat(all).filteredOn(r -> r.id() == late).singleElement().satisfies(r -> {
            assertThat(r.shown()).isEqualTo(AgreementStatus.OVERDUE);
            assertThat(r.status()).isEqualTo(AgreementStatus.IN_PROGRESS);
        });
        assertThat(all).filteredOn(r -> r.id() == onTime).singleElement()
                .satisfies(r -> assertThat(r.shown()).as("due today is not late yet").isEqualTo(AgreementStatus.PENDING));
        assertThat(all).filteredOn(r -> r.id() == done).singleElement()
                .satisfies(r -> assertThat(r.shown()).isEqualTo(AgreementStatus.DONE));
        assertThat(list(new AgreementFilter().session(s).status("OVERDUE"))).extracting(AgreementRow::id)
                .containsExactly(late);
        assertThat(list(new AgreementFilter().session(s).status("IN_PROGRESS"))).as("the overdue one shows as overdue")
                .isEmpty();
        assertThat(list(new AgreementFilter().session(s).status("CANCELLED"))).extracting(AgreementRow::id)
                .containsExactly(cancelled);
        assertThat(agreements.count(new AgreementFilter().session(s).status("OVERDUE"))).isEqualTo(1);
    }

    @Test
    void aProfessionalUpdatesTheAgreementsTheyOwnButNotAnothers() throws Exception {
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today.minusDays(7));
        String t = tag();
        long mine = agreement(s, "Mío " + t, null, MinutesFixture.userId(MinutesFixture.PROFESSIONAL_A), null,
                today.plusDays(5), "PENDING", null);
        long myProgram = agreement(s, "De mi programa " + t, null, null, MinutesFixture.programId("MA"),
                today.plusDays(5), "PENDING", null);
        long theirs = agreement(s, "Ajeno " + t, null, MinutesFixture.userId(MinutesFixture.PROFESSIONAL_B),
                MinutesFixture.programId("MB"), today.plusDays(5), "PENDING", null);
        TestSession.signIn(MinutesFixture.PROFESSIONAL_A);

        List<AgreementRow> rows = list(new AgreementFilter().session(s));
        assertThat(rows).filteredOn(AgreementRow::updatable).extracting(AgreementRow::id)
                .containsExactlyInAnyOrder(mine, myProgram);
        agreements.changeStatus(mine, 0, new StatusChange(AgreementStatus.DONE, "Visita realizada.", null));
        agreements.changeStatus(myProgram, 0, new StatusChange(AgreementStatus.IN_PROGRESS, "Agendada.", null));
        assertThatThrownBy(() -> agreements.changeStatus(theirs, 0, new StatusChange(AgreementStatus.DONE, "No.", null)))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.agreement.notYours");

        assertThat(TestDatabase.value("SELECT status FROM mgc_agreement WHERE id = ?", mine)).isEqualTo("DONE");
        assertThat(TestDatabase.value("SELECT CAST(done_on AS TEXT) FROM mgc_agreement WHERE id = ?", mine))
                .isEqualTo(today.toString());
        assertThat(TestDatabase.value("SELECT status FROM mgc_agreement WHERE id = ?", theirs)).isEqualTo("PENDING");
        assertThat(agreements.notes(mine)).singleElement().satisfies(n -> {
            assertThat(n.statusFrom()).isEqualTo("PENDING");
            assertThat(n.statusTo()).isEqualTo("DONE");
            assertThat(n.note()).isEqualTo("Visita realizada.");
            assertThat(n.writtenBy()).isEqualTo(MinutesFixture.PROFESSIONAL_A);
        });
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement_note WHERE agreement_id = ?", theirs)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'MGC_AGREEMENT' AND entity_id = ?", MinutesFixture.PROFESSIONAL_A,
                String.valueOf(theirs))).isEqualTo(1);
        assertThatThrownBy(() -> agreements.changeStatus(mine, 0, new StatusChange(AgreementStatus.PENDING, "Tarde.",
                null))).as("a stale version").isInstanceOf(cl.redlocal.portal.platform.ConcurrentEditException.class);
    }

    @Test
    void theListFiltersInSqlTheCasePageShowsItsAgreementsAndExportsAreAudited() throws Exception {
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today.minusDays(3));
        String t = tag();
        long withCase = agreement(s, "Con caso " + t, null, null, null, today.plusDays(20), "PENDING", "A-0001");
        long other = agreement(s, "Sin caso " + t, null, null, null, today.plusDays(40), "PENDING", null);
        TestSession.signIn(MinutesFixture.COFACILITATOR);

        assertThat(list(new AgreementFilter().session(s).caseCode("a-0001"))).extracting(AgreementRow::id)
                .containsExactly(withCase);
        AgreementFilter range = new AgreementFilter().session(s);
        range.setDueFrom(today.plusDays(30));
        assertThat(list(range)).extracting(AgreementRow::id).containsExactly(other);
        assertThat(list(new AgreementFilter().session(s).institution("ppf act"))).hasSize(2);
        assertThat(list(new AgreementFilter().session(s).institution("Carabineros"))).isEmpty();
        assertThat(agreements.forCase(MinutesFixture.caseId("A-0001"))).extracting(AgreementRow::id).contains(withCase)
                .doesNotContain(other);
        agreements.exported("CSV");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'MGC_AGREEMENT'", MinutesFixture.COFACILITATOR)).isPositive();
    }

    @Test
    void theReminderDigestGoesOncePerAddressAndDay() throws Exception {
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today.minusDays(20));
        String t = tag();
        String soon = "pronto." + t + "@actas.cl";
        String later = "despues." + t + "@actas.cl";
        String closed = "cerrado." + t + "@actas.cl";
        agreement(s, "Vence pronto " + t, soon, null, null, today.plusDays(2), "PENDING", "A-0001");
        agreement(s, "Atrasado " + t, soon.toUpperCase(), null, null, today.minusDays(4), "IN_PROGRESS", null);
        agreement(s, "Lejano " + t, later, null, null, today.plusDays(10), "PENDING", null);
        agreement(s, "Cumplido " + t, closed, null, null, today.minusDays(4), "DONE", null);
        TestSession.signIn(MinutesFixture.COORDINATOR);

        List<String> sent = reminders.send(MinutesFixture.comunaId(), today);
        assertThat(sent).contains(soon).doesNotContain(later, closed);
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", soon)).isEqualTo(1);
        String body = (String) TestDatabase.value("SELECT body_text FROM mail_outbox WHERE recipient = ?", soon);
        assertThat(body).contains("Vence pronto " + t, "Atrasado " + t, "ATRASADO", "A-0001").doesNotContain("Matías");
        assertThat(body.split("\n- ")).as("its two agreements, one line each").hasSize(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM job_run WHERE job = 'daily-digest' AND period = ?"
                + " AND finished_at IS NOT NULL", today + "/" + MinutesFixture.comunaId())).isEqualTo(1);

        assertThat(reminders.send(MinutesFixture.comunaId(), today)).as("the second run of the day").doesNotContain(soon);
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", soon)).isEqualTo(1);
        assertThat(reminders.send(MinutesFixture.comunaId(), today.plusDays(1))).as("the next day again").contains(soon);
    }

    @Test
    void anAgreementLinksAReferralOfACaseAnalysedAndItsCase() throws Exception {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today);
        long referral;
        try (java.sql.Connection c = TestDatabase.connect()) {
            referral = FixtureSql.insert(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id,"
                    + " state, reason, sent_at, due_on) VALUES (?, ?, 'Escuela Actas', ?, 'SENT', 'Prueba', now(),"
                    + " CURRENT_DATE + 10) RETURNING id", MinutesFixture.comunaId(), MinutesFixture.caseId("A-0001"),
                    MinutesFixture.programId("MB"));
        }
        assertThat(agreements.referralOptions(s)).extracting(AgreementService.ReferralOption::id).contains(referral);
        long id = agreements.create(s, new AgreementForm(null, null, "Responder la derivación " + tag(), "PPF Actas",
                "Pablo Díaz", null, null, MinutesFixture.programId("MB"), today.plusDays(5), List.of(), List.of(referral)));
        assertThat(TestDatabase.value("SELECT referral_id FROM mgc_agreement_case WHERE agreement_id = ? AND case_id = ?",
                id, MinutesFixture.caseId("A-0001"))).isEqualTo(referral);
        long otherComunaCase = ((Number) TestDatabase.value("SELECT id FROM case_file WHERE comuna_id <> ? ORDER BY id"
                + " LIMIT 1", MinutesFixture.comunaId())).longValue();
        assertThatThrownBy(() -> agreements.create(s, new AgreementForm(null, null, "Ajeno", "PPF Actas", "Pablo Díaz",
                null, null, null, today.plusDays(5), List.of(otherComunaCase), List.of())))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.agreement.case.other");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement WHERE description = 'Ajeno' AND session_id = ?", s))
                .isZero();
    }

    @Test
    void aCofacilitatorRewritesAnAgreementOnceAndAStaleCopyIsRefused() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today);
        String what = "Reescribir " + tag();
        long id = agreements.create(s, new AgreementForm(null, null, what, "OPD Actas", "Olga Pérez", null, null, null,
                today.plusDays(5), List.of(MinutesFixture.caseId("A-0001")), List.of()));
        int version = ((Number) TestDatabase.value("SELECT version FROM mgc_agreement WHERE id = ?", id)).intValue();
        agreements.update(id, version, new AgreementForm(null, null, what, "CESFAM Actas", "Sara Luna", null, null, null,
                today.plusDays(8), List.of(), List.of()));
        assertThat(TestDatabase.value("SELECT responsible_institution FROM mgc_agreement WHERE id = ?", id))
                .isEqualTo("CESFAM Actas");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement_case WHERE agreement_id = ?", id)).isZero();
        assertThatThrownBy(() -> agreements.update(id, version, new AgreementForm(null, null, what, "Otra", "Otra persona",
                null, null, null, today.plusDays(9), List.of(), List.of())))
                .isInstanceOf(cl.redlocal.portal.platform.ConcurrentEditException.class);
        assertThatThrownBy(() -> agreements.update(id, version + 1, new AgreementForm(null, null, what, "Otra",
                "Otra persona", null, null, null, today.minusDays(1), List.of(), List.of())))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.agreement.dueOn.beforeSession");
        assertThat(TestDatabase.value("SELECT responsible_name FROM mgc_agreement WHERE id = ?", id)).isEqualTo("Sara Luna");
    }
}
