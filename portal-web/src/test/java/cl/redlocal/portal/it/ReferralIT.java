package cl.redlocal.portal.it;

import cl.redlocal.portal.notify.NotificationRow;
import cl.redlocal.portal.notify.NotificationService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PageResult;
import cl.redlocal.portal.referral.boundary.Eligibility;
import cl.redlocal.portal.referral.boundary.ReferralBox;
import cl.redlocal.portal.referral.boundary.ReferralDetails;
import cl.redlocal.portal.referral.boundary.ReferralEscalation;
import cl.redlocal.portal.referral.boundary.ReferralFilter;
import cl.redlocal.portal.referral.boundary.ReferralRow;
import cl.redlocal.portal.referral.boundary.ReferralService;
import cl.redlocal.portal.referral.boundary.SendReferral;
import cl.redlocal.portal.referral.control.EligibilityCheck;
import cl.redlocal.portal.referral.control.ReferralDeadline;
import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.referral.entity.Urgency;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static cl.redlocal.portal.it.ReferralFixture.RECEIVER;
import static cl.redlocal.portal.it.ReferralFixture.SENDER;
import static cl.redlocal.portal.it.ReferralFixture.WAITING_RECEIVER;
import static cl.redlocal.portal.it.ReferralFixture.newCase;
import static cl.redlocal.portal.it.ReferralFixture.program;
import static cl.redlocal.portal.it.ReferralFixture.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Assisted referrals inside the running portal: every transition and its forbidden moves, the answer's
 * due day in working days, escalation, notices to the other side, need-to-know, eligibility. The container
 * keeps one identity per test method, so what "the other side" did before is written with plain SQL.
 */
@ExtendWith(ArquillianExtension.class)
class ReferralIT {

    @Inject
    ReferralService referrals;

    @Inject
    ReferralEscalation escalation;

    @Inject
    ReferralDeadline deadline;

    @Inject
    NotificationService notifications;

    /** The container's executor: its tasks run as the signed-in caller, like two requests of the same program. */
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @BeforeEach
    void fixture() {
        ReferralFixture.ensure();
    }

    private static LocalDate today() {
        return LocalDate.now(ReferralFixture.ZONE);
    }

    private static SendReferral command(long caseId, String to) {
        return new SendReferral(caseId, program(to), "Requiere intervención especializada", "Resumen del caso",
                Urgency.HIGH, true, "La madre firmó el consentimiento", false);
    }

    private static long notices(String username, long referralId) {
        return TestDatabase.count("SELECT count(*) FROM notification WHERE user_id = ? AND link = ?",
                ReferralFixture.userId(username), "/referrals/referral.xhtml?id=" + referralId);
    }

    private static long mails(String username, String subjectPart) {
        return TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE ?",
                username + "@demo.cl", "%" + subjectPart + "%");
    }

    private static String state(long referralId) {
        return (String) TestDatabase.value("SELECT state FROM referral WHERE id = ?", referralId);
    }

    private static int version(long referralId) {
        return ((Number) TestDatabase.value("SELECT version FROM referral WHERE id = ?", referralId)).intValue();
    }

    private static String code(long caseId) {
        return (String) TestDatabase.value("SELECT code FROM case_file WHERE id = ?", caseId);
    }

    // ------------------------------------------------------------------------------------------ sending

    @Test
    void aProfessionalSendsAReferralThatIsDueInWorkingDaysHasHistoryAndIsToldToTheReceivingProgram() {
        long caseId = newCase("DRA");
        TestSession.signIn(SENDER);
        long id = referrals.send(command(caseId, "DRB"));

        assertThat(state(id)).isEqualTo("SENT");
        LocalDate expected = deadline.dueOn(ReferralFixture.demoComuna(), today(), 10);
        assertThat(TestDatabase.value("SELECT due_on FROM referral WHERE id = ?", id).toString())
                .isEqualTo(expected.toString());
        assertThat(TestDatabase.value("SELECT from_program_id FROM referral WHERE id = ?", id))
                .isEqualTo(program("DRA"));
        assertThat(TestDatabase.value("SELECT consent FROM referral WHERE id = ?", id)).isEqualTo(true);
        assertThat(TestDatabase.count("SELECT count(*) FROM referral_event WHERE referral_id = ? AND state_after = 'SENT'"
                + " AND actor = ?", id, SENDER)).isEqualTo(1);
        assertThat(notices(RECEIVER, id)).isEqualTo(1);
        assertThat(notices(ReferralFixture.RECEIVER_2, id)).isEqualTo(1);
        assertThat(notices(SENDER, id)).as("the sender is not told of their own act").isZero();
        assertThat(mails(RECEIVER, code(caseId) + " enviada")).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT message FROM notification WHERE link = ? LIMIT 1",
                "/referrals/referral.xhtml?id=" + id).toString()).contains(code(caseId)).contains("A.R.S.")
                .doesNotContain("Ana").doesNotContain("Rojas");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND entity_type = 'REFERRAL'"
                + " AND entity_id = ?", String.valueOf(id))).isEqualTo(1);

        ReferralDetails details = referrals.find(id).orElseThrow();
        assertThat(details.history()).singleElement().satisfies(e -> assertThat(e.stateAfter()).isEqualTo(ReferralState.SENT));
        assertThat(details.mayWithdraw()).isTrue();
        assertThat(details.mayAnswer()).isFalse();
        assertThat(referrals.list(ReferralFilter.of(ReferralBox.SENT), PageRequest.of(0, 500)).rows())
                .extracting(ReferralRow::id).contains(id);
    }

    @Test
    void aReferralToAClosedProgramToOnesOwnProgramOrASecondOpenOneIsRefusedAndNothingIsSaved() {
        long caseId = newCase("DRA");
        TestSession.signIn(SENDER);
        assertThatThrownBy(() -> referrals.send(command(caseId, "DRX")))
                .isInstanceOf(BusinessException.class).hasMessage("referral.target.closed");
        assertThatThrownBy(() -> referrals.send(command(caseId, "DRA")))
                .isInstanceOf(BusinessException.class).hasMessage("referral.target.own");
        referrals.send(command(caseId, "DRB"));
        assertThatThrownBy(() -> referrals.send(command(caseId, "DRB")))
                .isInstanceOf(BusinessException.class).hasMessage("referral.duplicate");
        assertThat(TestDatabase.count("SELECT count(*) FROM referral WHERE case_id = ?", caseId)).isEqualTo(1);
    }

    @Test
    void aReferralWithoutReasonOrConsentIsRefusedWithItsReasonsAndNothingIsSaved() {
        long caseId = newCase("DRA");
        TestSession.signIn(SENDER);
        SendReferral bad = new SendReferral(caseId, program("DRB"), "  ", null, Urgency.NORMAL, false, null, false);
        assertThatThrownBy(() -> referrals.send(bad)).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString())
                        .anySatisfy(p -> assertThat(p).endsWith("reason"))
                        .anySatisfy(p -> assertThat(p).endsWith("consentRecorded")));
        // a court order stands in for the family's consent
        long id = referrals.send(new SendReferral(caseId, program("DRB"), "Orden del tribunal", null, Urgency.NORMAL,
                false, "Orden RIT 123-2026", true));
        assertThat(TestDatabase.value("SELECT court_ordered FROM referral WHERE id = ?", id)).isEqualTo(true);
        assertThat(TestDatabase.count("SELECT count(*) FROM referral WHERE case_id = ?", caseId)).isEqualTo(1);
    }

    @Test
    void theSenderWithdrawsWithAReasonAndTheReceivingProgramIsTold() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        TestSession.signIn(SENDER);
        assertThatThrownBy(() -> referrals.withdraw(id, version(id), " "))
                .isInstanceOf(BusinessException.class).hasMessage("referral.withdrawal.required");
        assertThatThrownBy(() -> referrals.accept(id, version(id), null))
                .as("the sender does not answer").isInstanceOf(BusinessException.class)
                .hasMessage("referral.answer.notReceiver");
        referrals.withdraw(id, version(id), "La familia se cambió de comuna");
        assertThat(state(id)).isEqualTo("WITHDRAWN");
        assertThat(TestDatabase.value("SELECT withdrawal_reason FROM referral WHERE id = ?", id))
                .isEqualTo("La familia se cambió de comuna");
        assertThat(notices(RECEIVER, id)).isEqualTo(1);
        assertThat(mails(RECEIVER, code(caseId) + " retirada")).isEqualTo(1);
        assertThatThrownBy(() -> referrals.withdraw(id, version(id), "otra vez"))
                .isInstanceOf(BusinessException.class).hasMessage("referral.alreadyAnswered");
    }

    // ------------------------------------------------------------------------------------------ answering

    @Test
    void theReceiverOpeningAReferralMarksItReceivedOnceAndTellsTheSender() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        TestSession.signIn(RECEIVER);
        ReferralDetails opened = referrals.open(id).orElseThrow();
        assertThat(opened.state()).isEqualTo(ReferralState.RECEIVED);
        assertThat(opened.mayAnswer()).isTrue();
        assertThat(opened.history()).extracting(ReferralDetails.Event::stateAfter)
                .containsExactly(ReferralState.SENT, ReferralState.RECEIVED);
        assertThat(TestDatabase.value("SELECT received_at FROM referral WHERE id = ?", id)).isNotNull();
        assertThat(notices(SENDER, id)).isEqualTo(1);
        assertThat(mails(SENDER, code(caseId) + " recibida")).isEqualTo(1);

        referrals.open(id);
        assertThat(notices(SENDER, id)).as("opening again changes nothing").isEqualTo(1);
        assertThatThrownBy(() -> referrals.receive(id, version(id)))
                .isInstanceOf(BusinessException.class).hasMessage("referral.alreadyReceived");
    }

    @Test
    void acceptedWithAVacancyTheChildIsAdmittedTakingASlotAndTheSenderIsTold() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        long occupiedBefore = TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program("DRB"));
        TestSession.signIn(RECEIVER);
        referrals.receive(id, version(id));
        assertThat(state(id)).isEqualTo("RECEIVED");

        assertThat(referrals.accept(id, version(id), "Ingresa el lunes")).isEqualTo(ReferralState.ADMITTED);
        assertThat(state(id)).isEqualTo("ADMITTED");
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program("DRB"))).isEqualTo(occupiedBefore + 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM case_involvement WHERE case_id = ? AND program_id = ?"
                + " AND ended_on IS NULL", caseId, program("DRB"))).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT answered_by FROM referral WHERE id = ?", id)).isEqualTo(RECEIVER);
        assertThat(TestDatabase.count("SELECT count(*) FROM referral_event WHERE referral_id = ?", id)).isEqualTo(3);
        assertThat(notices(SENDER, id)).as("received, then admitted").isEqualTo(2);
        assertThat(mails(SENDER, code(caseId) + " aceptada con ingreso")).isEqualTo(1);

        // accepting twice is refused, and changes nothing
        assertThatThrownBy(() -> referrals.accept(id, version(id), null))
                .isInstanceOf(BusinessException.class).hasMessage("referral.alreadyAnswered");
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program("DRB"))).isEqualTo(occupiedBefore + 1);
    }

    @Test
    void acceptedWithoutAVacancyTheChildJoinsTheWaitingListAndOccupancyStays() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRW", "SENT", today().plusDays(14));
        TestSession.signIn(WAITING_RECEIVER);
        assertThat(referrals.accept(id, version(id), null)).isEqualTo(ReferralState.WAITING);
        assertThat(state(id)).isEqualTo("WAITING");
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program("DRW"))).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM waiting_entry WHERE referral_id = ? AND program_id = ?"
                + " AND exited_at IS NULL", id, program("DRW"))).isEqualTo(1);
        assertThat(mails(SENDER, code(caseId) + " aceptada, en lista de espera")).isEqualTo(1);

        // a case waits once per program: a second referral to the same list is not accepted into it again
        long second = referral(caseId, "DRA", "DRW", "SENT", today().plusDays(14));
        assertThatThrownBy(() -> referrals.accept(second, version(second), null))
                .isInstanceOf(BusinessException.class).hasMessage("referral.accept.alreadyWaiting");
        assertThat(state(second)).isEqualTo("SENT");
    }

    @Test
    void anOutsideSenderIsAnsweredByMailAtTheAddressItGave() {
        long caseId = newCase("DRB");
        String email = "orientacion." + System.nanoTime() + "@escuela.cl";
        long id = ReferralFixture.outsideReferral(caseId, "DRB", email);
        TestSession.signIn(RECEIVER);
        referrals.reject(id, version(id), "Corresponde a otro programa");
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE ?", email,
                "%" + code(caseId) + " rechazada%")).isEqualTo(1);
        assertThat(referrals.find(id).orElseThrow().from()).isEqualTo("Escuela Los Aromos");
    }

    @Test
    void aRejectionNeedsAReasonAndNothingCanBeAnsweredAfterIt() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        TestSession.signIn(RECEIVER);
        assertThatThrownBy(() -> referrals.reject(id, version(id), "   "))
                .isInstanceOf(BusinessException.class).hasMessage("referral.rejection.required");
        assertThat(state(id)).isEqualTo("SENT");

        referrals.reject(id, version(id), "No corresponde al perfil del programa");
        assertThat(state(id)).isEqualTo("REJECTED");
        assertThat(TestDatabase.value("SELECT rejection_reason FROM referral WHERE id = ?", id))
                .isEqualTo("No corresponde al perfil del programa");
        assertThat(mails(SENDER, code(caseId) + " rechazada")).isEqualTo(1);
        assertThatThrownBy(() -> referrals.accept(id, version(id), null))
                .isInstanceOf(BusinessException.class).hasMessage("referral.alreadyAnswered");
        assertThatThrownBy(() -> referrals.withdraw(id, version(id), "x"))
                .as("the receiver never withdraws").isInstanceOf(BusinessException.class)
                .hasMessage("referral.withdraw.notSender");
    }

    @Test
    void aWithdrawnReferralCannotBeAnsweredAndTheReceiverCannotWithdraw() {
        long caseId = newCase("DRA");
        long open = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        long withdrawn = referral(newCase("DRA"), "DRA", "DRB", "WITHDRAWN", today().plusDays(14));
        TestSession.signIn(RECEIVER);
        assertThatThrownBy(() -> referrals.withdraw(open, version(open), "No la queremos"))
                .isInstanceOf(BusinessException.class).hasMessage("referral.withdraw.notSender");
        assertThat(state(open)).isEqualTo("SENT");
        assertThatThrownBy(() -> referrals.accept(withdrawn, version(withdrawn), null))
                .isInstanceOf(BusinessException.class).hasMessage("referral.alreadyAnswered");
        assertThatThrownBy(() -> referrals.reject(withdrawn, version(withdrawn), "tarde"))
                .isInstanceOf(BusinessException.class).hasMessage("referral.alreadyAnswered");
        assertThat(state(withdrawn)).isEqualTo("WITHDRAWN");
    }

    @Test
    void ofTwoProfessionalsAnsweringTheSameReferralTheSecondIsToldAndNothingIsOverwritten() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        int seenByBoth = version(id);
        TestSession.signIn(RECEIVER);
        referrals.accept(id, seenByBoth, null);
        assertThatThrownBy(() -> referrals.reject(id, seenByBoth, "No hay cupo"))
                .isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> referrals.accept(id, seenByBoth, null))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(state(id)).isEqualTo("ADMITTED");
        assertThat(TestDatabase.value("SELECT rejection_reason FROM referral WHERE id = ?", id)).isNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM case_involvement WHERE case_id = ? AND program_id = ?",
                caseId, program("DRB"))).isEqualTo(1);
    }

    @Test
    void twoAnswersAtTheSameMomentOneWinsTheOtherIsToldAndTheSlotIsTakenOnce() throws Exception {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        int seen = version(id);
        long occupiedBefore = TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program("DRB"));
        TestSession.signIn(RECEIVER);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<Object> accept = executor.submit(() -> {
            start.await();
            return referrals.accept(id, seen, null);
        });
        java.util.concurrent.Future<Object> reject = executor.submit(() -> {
            start.await();
            referrals.reject(id, seen, "Sin cupo");
            return ReferralState.REJECTED;
        });
        start.countDown();
        List<Object> outcomes = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Object> f : List.of(accept, reject)) {
            try {
                outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof EJBException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                outcomes.add(cause);
            }
        }
        assertThat(outcomes).filteredOn(o -> o instanceof ReferralState).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ConcurrentEditException).hasSize(1);
        String state = state(id);
        assertThat(state).isIn("ADMITTED", "REJECTED");
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program("DRB")))
                .isEqualTo(state.equals("ADMITTED") ? occupiedBefore + 1 : occupiedBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM referral_event WHERE referral_id = ?", id)).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------ need-to-know

    @Test
    void aProfessionalOfAProgramNeverInvolvedCannotReadOrAnswerTheReferralEvenById() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        TestSession.signIn("profesional.pie");
        assertThat(referrals.find(id)).isEmpty();
        assertThat(referrals.open(id)).isEmpty();
        assertThatThrownBy(() -> referrals.accept(id, version(id), null))
                .isInstanceOf(BusinessException.class).hasMessage("error.notFound");
        assertThatThrownBy(() -> referrals.eligibility(caseId, program("DRB")))
                .isInstanceOf(BusinessException.class).hasMessage("error.notFound");
        assertThat(referrals.list(ReferralFilter.of(ReferralBox.COMUNA), PageRequest.of(0, 500)).rows()).isEmpty();
        assertThat(state(id)).isEqualTo("SENT");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE entity_type = 'REFERRAL' AND entity_id = ?"
                + " AND outcome = 'DENIED' AND username = 'profesional.pie'", String.valueOf(id))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theCofacilitatorsReadEveryReferralOfTheComunaButDoNotAnswer() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().minusDays(2));
        TestSession.signIn("cofacilitador.opd");
        assertThat(referrals.find(id)).isPresent();
        ReferralFilter overdue = new ReferralFilter(ReferralBox.COMUNA, null, null, true, code(caseId), null);
        PageResult<ReferralRow> page = referrals.list(overdue, PageRequest.of(0, 50));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.rows()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.overdue()).isTrue();
            assertThat(r.initials()).isEqualTo("A.R.S.");
            assertThat(r.from()).isEqualTo("DRA");
        });
        assertThat(referrals.list(new ReferralFilter(ReferralBox.COMUNA, ReferralState.ADMITTED, null, false,
                code(caseId), null), PageRequest.of(0, 50)).total()).isZero();
        assertThatThrownBy(() -> referrals.accept(id, version(id), null)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void theNeighbourComunaSeesNothing() {
        long caseId = newCase("DRA");
        long id = referral(caseId, "DRA", "DRB", "SENT", today().plusDays(14));
        TestSession.signIn("cofacilitador.vecina");
        assertThat(referrals.find(id)).isEmpty();
        assertThat(referrals.list(new ReferralFilter(ReferralBox.COMUNA, null, null, false, code(caseId), null),
                PageRequest.of(0, 50)).total()).isZero();
    }

    // ------------------------------------------------------------------------------------------ eligibility

    @Test
    void eligibilityGivesEveryUnmetConditionAndTheTargetsVacanciesAndWaitingList() {
        long caseId = newCase("DRA");
        TestSession.signIn(SENDER);
        Eligibility fits = referrals.eligibility(caseId, program("DRB"));
        assertThat(fits.fits()).isTrue();
        assertThat(fits.childAge()).isEqualTo(10);
        assertThat(fits.hasVacancy()).isTrue();

        Eligibility strict = referrals.eligibility(caseId, program("DRJ"));
        assertThat(strict.reasons()).extracting(EligibilityCheck.Reason::key).containsExactlyInAnyOrder(
                "referral.eligibility.noReferrals", "referral.eligibility.tooYoung",
                "referral.eligibility.courtOrder", "referral.eligibility.territory");
        assertThat(referrals.eligibility(caseId, program("DRJ"), true).reasons())
                .extracting(EligibilityCheck.Reason::key).doesNotContain("referral.eligibility.courtOrder");
        assertThat(referrals.eligibility(caseId, program("DRX")).reasons())
                .extracting(EligibilityCheck.Reason::key).contains("referral.eligibility.notActive.CLOSED");
        Eligibility full = referrals.eligibility(caseId, program("DRW"));
        assertThat(full.hasVacancy()).isFalse();
        assertThat(full.fits()).isTrue();
        assertThat(referrals.eligibility(caseId, program("DRA")).reasons())
                .extracting(EligibilityCheck.Reason::key).contains("referral.eligibility.ownProgram");
    }

    // ------------------------------------------------------------------------------------------ deadline

    @Test
    void theDueDaySkipsWeekendsNationalHolidaysAndTheComunasOwn() throws SQLException {
        long demo = ReferralFixture.demoComuna();
        // Thursday 17 September 2026: 18 and 19 are holidays, 20 is Sunday
        assertThat(deadline.dueOn(demo, LocalDate.of(2026, 9, 17), 1)).isEqualTo(LocalDate.of(2026, 9, 21));
        // ten working days from Monday 14 September 2026: 15-17, 21-25, 28-29
        assertThat(deadline.dueOn(demo, LocalDate.of(2026, 9, 14), 10)).isEqualTo(LocalDate.of(2026, 9, 29));
        TestDatabase.update("INSERT INTO holiday (day, name, comuna_id) VALUES (DATE '2027-02-15', 'Aniversario comunal', ?)"
                + " ON CONFLICT DO NOTHING", demo);
        assertThat(deadline.dueOn(demo, LocalDate.of(2027, 2, 12), 1)).isEqualTo(LocalDate.of(2027, 2, 16));
        long vecina = ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = '99002'")).longValue();
        assertThat(deadline.dueOn(vecina, LocalDate.of(2027, 2, 12), 1)).as("another comuna's holiday")
                .isEqualTo(LocalDate.of(2027, 2, 15));
    }

    @Test
    void aReferralPastItsDueDayIsEscalatedOnceToTheCofacilitatorsAndBothPrograms() {
        long caseId = newCase("DRA");
        long overdue = referral(caseId, "DRA", "DRB", "RECEIVED", today().minusDays(1));
        long dueToday = referral(newCase("DRA"), "DRA", "DRB", "SENT", today());
        long answered = referral(newCase("DRA"), "DRA", "DRB", "REJECTED", today().minusDays(5));
        TestSession.signIn("cofacilitador.opd");
        escalation.escalate(today());
        assertThat(TestDatabase.value("SELECT escalated_at FROM referral WHERE id = ?", overdue)).isNotNull();
        assertThat(TestDatabase.value("SELECT escalated_at FROM referral WHERE id = ?", dueToday)).isNull();
        assertThat(TestDatabase.value("SELECT escalated_at FROM referral WHERE id = ?", answered)).isNull();
        assertThat(state(overdue)).as("escalation does not change the state").isEqualTo("RECEIVED");
        assertThat(notices("cofacilitador.opd", overdue)).isEqualTo(1);
        assertThat(notices(RECEIVER, overdue)).isEqualTo(1);
        assertThat(notices(SENDER, overdue)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'cofacilitador.opd@demo.redlocal.cl'"
                + " AND subject LIKE ?", "%" + code(caseId) + " vencida%")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM referral_event WHERE referral_id = ? AND actor = 'sistema'",
                overdue)).isEqualTo(1);

        List<Long> again = escalation.escalate(today());
        assertThat(again).doesNotContain(overdue);
        assertThat(notices("cofacilitador.opd", overdue)).as("told once, not twice").isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM referral_event WHERE referral_id = ? AND actor = 'sistema'",
                overdue)).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ notifications

    @Test
    void aPersonReadsAndMarksOnlyTheirOwnNotifications() throws SQLException {
        long demo = ReferralFixture.demoComuna();
        long mine = ReferralFixture.userId(ReferralFixture.RECEIVER_2);
        long other = ReferralFixture.userId(SENDER);
        TestDatabase.update("INSERT INTO notification (comuna_id, user_id, message, link) VALUES (?, ?, 'Primera', '/x')",
                demo, mine);
        TestDatabase.update("INSERT INTO notification (comuna_id, user_id, message, link) VALUES (?, ?, 'Segunda', '/y')",
                demo, mine);
        TestDatabase.update("INSERT INTO notification (comuna_id, user_id, message, link) VALUES (?, ?, 'Ajena', '/z')",
                demo, other);
        long othersId = TestDatabase.count("SELECT max(id) FROM notification WHERE user_id = ?", other);
        TestSession.signIn(ReferralFixture.RECEIVER_2);
        long unread = notifications.unreadCount();
        assertThat(unread).isGreaterThanOrEqualTo(2);
        PageResult<NotificationRow> page = notifications.mine(PageRequest.of(0, 10), false);
        assertThat(page.rows().get(0).message()).as("newest first").isEqualTo("Segunda");
        assertThat(page.rows()).extracting(NotificationRow::message).doesNotContain("Ajena");
        assertThat(notifications.markRead(page.rows().get(0).id())).isTrue();
        assertThat(notifications.unreadCount()).isEqualTo(unread - 1);
        assertThat(notifications.markRead(othersId)).as("another person's notification").isFalse();
        assertThat(TestDatabase.value("SELECT read_at FROM notification WHERE id = ?", othersId)).isNull();
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
    }
}
