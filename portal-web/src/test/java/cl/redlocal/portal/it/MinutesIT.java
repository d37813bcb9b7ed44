package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.minutes.boundary.AgreementForm;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementService;
import cl.redlocal.portal.mgc.minutes.boundary.GuestForm;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesContent;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesEdit;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesService;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesView;
import cl.redlocal.portal.mgc.minutes.entity.MinutesState;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.web.mgc.MinutesPdf;
import cl.redlocal.portal.web.platform.Messages;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The minutes of a table session (issue 6, part C): attendance, notes and agreements in place, closing,
 * approval by the next session, locking, correction versions, concurrent edits, need-to-know, the PDF.
 */
@ExtendWith(ArquillianExtension.class)
class MinutesIT {

    @Inject
    MinutesService minutes;

    @Inject
    AgreementService agreements;

    private final LocalDate today = LocalDate.now(MinutesFixture.ZONE);

    @BeforeEach
    void fixture() {
        MinutesFixture.ensure();
    }

    private static String tag() {
        return "t" + System.nanoTime();
    }

    private static MinutesContent.Attendee attendee(MinutesView v, String name) {
        return v.content().attendance().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static MinutesContent.CaseItem caseItem(MinutesView v, String code) {
        return v.content().cases().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private AgreementForm agreement(Long item, Long caseItem, String what, LocalDate due) {
        return new AgreementForm(item, caseItem, what, "OPD Actas", "Olga Pérez", "olga@actas.cl", null, null, due,
                List.of(), List.of());
    }

    /** A held session with attendance and notes, for the approval tests. */
    private long heldSession(long table, LocalDate day, String notes) {
        long s = MinutesFixture.session(table, day);
        MinutesView v = minutes.minutes(s).orElseThrow();
        MinutesContent.Item welcome = v.content().items().get(0);
        minutes.save(s, MinutesEdit.none(v.minutesVersion()).withNote(welcome.id(), welcome.version(), notes)
                .withAttendance(attendee(v, "Olga Pérez").id(), attendee(v, "Olga Pérez").version(), "PRESENT"));
        minutes.closeSession(s, minutes.minutes(s).orElseThrow().sessionVersion());
        return s;
    }

    @Test
    void aCofacilitatorRecordsAttendanceNotesDiscussionsAndAgreementsInPlace() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long table = MinutesFixture.table(tag());
        long s = MinutesFixture.session(table, today);

        MinutesView v = minutes.minutes(s).orElseThrow();
        assertThat(v.content().attendance()).as("the permanent members active on the day, not the one who left")
                .extracting(MinutesContent.Attendee::name).containsExactlyInAnyOrder("Olga Pérez", "Pablo Díaz", "Sara Luna");
        assertThat(v.editable()).isTrue();
        assertThat(v.state()).isEqualTo(MinutesState.DRAFT);
        minutes.addGuest(s, new GuestForm("Dra. Invitada", "Tribunal de Familia", null));

        v = minutes.minutes(s).orElseThrow();
        MinutesContent.Item welcome = v.content().items().get(0);
        MinutesContent.CaseItem k1 = caseItem(v, "A-0001");
        assertThat(k1.initials()).isEqualTo("M.A.S.");
        minutes.save(s, MinutesEdit.none(v.minutesVersion()).withDecisions("Se acuerda reforzar la coordinación.")
                .withAttendance(attendee(v, "Olga Pérez").id(), attendee(v, "Olga Pérez").version(), "PRESENT")
                .withAttendance(attendee(v, "Pablo Díaz").id(), attendee(v, "Pablo Díaz").version(), "EXCUSED")
                .withAttendance(attendee(v, "Sara Luna").id(), attendee(v, "Sara Luna").version(), "ABSENT")
                .withNote(welcome.id(), welcome.version(), "Se da la bienvenida a la invitada del tribunal.")
                .withDiscussion(k1.id(), k1.version(), "Se coordina visita conjunta MA y escuela."));
        long a1 = agreements.create(s, agreement(welcome.id(), null, "Enviar protocolo de derivación", today.plusDays(14)));
        long a2 = agreements.create(s, agreement(null, k1.id(), "Visita domiciliaria conjunta", today.plusDays(7)));

        v = minutes.minutes(s).orElseThrow();
        assertThat(v.content().decisions()).isEqualTo("Se acuerda reforzar la coordinación.");
        assertThat(attendee(v, "Pablo Díaz").attendance()).isEqualTo("EXCUSED");
        assertThat(attendee(v, "Sara Luna").attendance()).isEqualTo("ABSENT");
        assertThat(attendee(v, "Dra. Invitada")).satisfies(g -> {
            assertThat(g.guest()).isTrue();
            assertThat(g.institution()).isEqualTo("Tribunal de Familia");
            assertThat(g.attendance()).isEqualTo("PRESENT");
        });
        assertThat(v.content().items().get(0).notes()).isEqualTo("Se da la bienvenida a la invitada del tribunal.");
        assertThat(caseItem(v, "A-0001").discussion()).isEqualTo("Se coordina visita conjunta MA y escuela.");
        assertThat(v.content().agreements()).extracting(MinutesContent.AgreementLine::id).containsExactly(a1, a2);
        assertThat(v.content().agreements().get(0).agendaItemId()).isEqualTo(welcome.id());
        assertThat(v.content().agreements().get(1).caseCodes()).as("made on the case item: linked to the case")
                .isEqualTo("A-0001");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'UPDATE'"
                + " AND entity_type = 'MGC_MINUTES' AND detail = ?", MinutesFixture.COFACILITATOR, "sesión " + s)).isPositive();
    }

    @Test
    void closingASessionMakesItHeldAndTheMinutesStayADraft() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today);
        MinutesView v = minutes.minutes(s).orElseThrow();
        assertThat(v.closable()).isTrue();
        minutes.closeSession(s, v.sessionVersion());

        v = minutes.minutes(s).orElseThrow();
        assertThat(v.sessionState()).isEqualTo("HELD");
        assertThat(v.state()).isEqualTo(MinutesState.DRAFT);
        assertThat(v.editable()).as("a held session's draft is still written").isTrue();
        assertThat(TestDatabase.value("SELECT closed_by FROM mgc_session WHERE id = ?", s))
                .isEqualTo(MinutesFixture.COFACILITATOR);
        long stale = v.sessionVersion() - 1;
        assertThatThrownBy(() -> minutes.closeSession(s, (int) stale)).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.minutes.close.state");

        long tomorrow = MinutesFixture.session(MinutesFixture.table(tag()), today.plusDays(1));
        MinutesView future = minutes.minutes(tomorrow).orElseThrow();
        assertThat(future.closable()).as("a session that has not begun").isFalse();
        assertThatThrownBy(() -> minutes.closeSession(tomorrow, future.sessionVersion()))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.minutes.close.notYet");
        assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", tomorrow)).isEqualTo("PLANNED");
    }

    @Test
    void theNextSessionApprovesThePreviousMinutesWithoutCorrectionsAndTheyAreLocked() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long table = MinutesFixture.table(tag());
        long first = heldSession(table, today.minusDays(28), "Bienvenida de la sesión uno.");
        long second = MinutesFixture.session(table, today);
        long third = MinutesFixture.session(table, today.plusDays(28));

        MinutesView next = minutes.minutes(second).orElseThrow();
        assertThat(next.previous()).isNotNull();
        assertThat(next.previous().sessionId()).isEqualTo(first);
        assertThatThrownBy(() -> minutes.approve(first, third, next.previous().minutesVersion(), null))
                .as("only the next session approves").isInstanceOf(BusinessException.class)
                .hasMessage("mgc.minutes.approve.notNext");
        long agreed = agreements.create(first, agreement(null, null, "Acuerdo previo a la aprobación", today.plusDays(5)));
        minutes.approve(first, second, minutes.minutes(second).orElseThrow().previous().minutesVersion(), "  ");

        // what the table approved does not change: an agreement of it cannot be rewritten
        int agreedVersion = ((Number) TestDatabase.value("SELECT version FROM mgc_agreement WHERE id = ?", agreed)).intValue();
        assertThatThrownBy(() -> agreements.update(agreed, agreedVersion, agreement(null, null, "Reescrito", today.plusDays(9))))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.minutes.locked");

        MinutesView approved = minutes.minutes(first).orElseThrow();
        assertThat(approved.state()).isEqualTo(MinutesState.APPROVED);
        assertThat(approved.locked()).isTrue();
        assertThat(approved.editable()).isFalse();
        assertThat(approved.approvedInSessionId()).isEqualTo(second);
        assertThat(approved.approvalCorrections()).isNull();
        assertThat(approved.currentVersion()).isEqualTo(1);
        assertThat(approved.versions()).singleElement().satisfies(x -> assertThat(x.reason()).contains("sin correcciones"));
        MinutesService.VersionView one = minutes.version(first, 1).orElseThrow();
        assertThat(one.content().items().get(0).notes()).isEqualTo("Bienvenida de la sesión uno.");
        assertThat(one.content().attendance()).filteredOn(a -> a.name().equals("Olga Pérez")).singleElement()
                .satisfies(a -> {
                    assertThat(a.institution()).isEqualTo("OPD Actas");
                    assertThat(a.attendance()).isEqualTo("PRESENT");
                });
        assertThat(TestDatabase.value("SELECT content->'cases'->0->>'code' FROM mgc_minutes_version v JOIN mgc_minutes m"
                + " ON m.id = v.minutes_id WHERE m.session_id = ? AND v.number = 1", first)).isEqualTo("A-0001");
    }

    @Test
    void theNextSessionApprovesOnlyOnceItHasBegun() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long table = MinutesFixture.table(tag());
        long first = heldSession(table, today.minusDays(20), "Sesión ya realizada.");
        long next = MinutesFixture.session(table, today.plusDays(7));
        int version = ((Number) TestDatabase.value("SELECT m.version FROM mgc_minutes m WHERE m.session_id = ?", first)).intValue();
        assertThat(minutes.minutes(next).orElseThrow().previous()).as("no approval form before the session").isNull();
        assertThatThrownBy(() -> minutes.approve(first, next, version, null)).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.minutes.approve.notYet");
        assertThat(TestDatabase.value("SELECT state FROM mgc_minutes WHERE session_id = ?", first)).isEqualTo("DRAFT");
    }

    @Test
    void approvalWithCorrectionsRecordsThem() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long table = MinutesFixture.table(tag());
        long first = heldSession(table, today.minusDays(14), "Notas.");
        long second = MinutesFixture.session(table, today);
        MinutesView next = minutes.minutes(second).orElseThrow();
        minutes.approve(first, second, next.previous().minutesVersion(), "Se corrige la asistencia del CESFAM.");

        MinutesView approved = minutes.minutes(first).orElseThrow();
        assertThat(approved.approvalCorrections()).isEqualTo("Se corrige la asistencia del CESFAM.");
        assertThat(TestDatabase.value("SELECT approved_in_session_id FROM mgc_minutes WHERE session_id = ?", first))
                .isEqualTo(second);
        assertThat(approved.versions().get(0).reason()).contains("con correcciones").contains("CESFAM");
        assertThat(minutes.minutes(second).orElseThrow().previous()).as("nothing left to approve").isNull();
    }

    @Test
    void lockedMinutesRefuseEveryChange() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long table = MinutesFixture.table(tag());
        long first = heldSession(table, today.minusDays(14), "Lo dicho.");
        long second = MinutesFixture.session(table, today);
        minutes.approve(first, second, minutes.minutes(second).orElseThrow().previous().minutesVersion(), null);
        MinutesView locked = minutes.minutes(first).orElseThrow();
        MinutesContent.Item welcome = locked.content().items().get(0);

        assertThatThrownBy(() -> minutes.save(first, MinutesEdit.none(locked.minutesVersion())
                .withNote(welcome.id(), welcome.version(), "Cambiado después"))).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.minutes.locked");
        assertThatThrownBy(() -> minutes.save(first, MinutesEdit.none(locked.minutesVersion()).withDecisions("Otra")))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.minutes.locked");
        assertThatThrownBy(() -> minutes.addGuest(first, new GuestForm("Tarde", "Otra", null)))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.minutes.locked");
        assertThatThrownBy(() -> agreements.create(first, agreement(null, null, "Tardío", today.plusDays(3))))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.minutes.locked");
        assertThat(TestDatabase.value("SELECT notes FROM mgc_agenda_item WHERE id = ?", welcome.id())).isEqualTo("Lo dicho.");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_participant WHERE session_id = ? AND guest_name = 'Tarde'",
                first)).isZero();
    }

    @Test
    void aCorrectionCreatesVersionTwoAndBothVersionsStayReadable() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long table = MinutesFixture.table(tag());
        long first = heldSession(table, today.minusDays(14), "Texto original.");
        long second = MinutesFixture.session(table, today);
        minutes.approve(first, second, minutes.minutes(second).orElseThrow().previous().minutesVersion(), null);
        MinutesView locked = minutes.minutes(first).orElseThrow();
        MinutesContent.Item welcome = locked.content().items().get(0);

        MinutesEdit fix = MinutesEdit.none(locked.minutesVersion()).withNote(welcome.id(), welcome.version(),
                "Texto corregido.");
        assertThatThrownBy(() -> minutes.correct(first, " ", fix)).hasRootCauseInstanceOf(
                jakarta.validation.ConstraintViolationException.class);
        int number = minutes.correct(first, "Error de transcripción en la bienvenida.", fix);

        assertThat(number).isEqualTo(2);
        MinutesView corrected = minutes.minutes(first).orElseThrow();
        assertThat(corrected.currentVersion()).isEqualTo(2);
        assertThat(corrected.locked()).isTrue();
        assertThat(corrected.versions()).extracting(MinutesView.VersionInfo::number).containsExactly(1, 2);
        assertThat(corrected.versions().get(1).reason()).contains("Error de transcripción");
        assertThat(minutes.version(first, 1).orElseThrow().content().items().get(0).notes()).isEqualTo("Texto original.");
        assertThat(minutes.version(first, 2).orElseThrow().content().items().get(0).notes()).isEqualTo("Texto corregido.");
    }

    @Test
    void twoCofacilitatorsEditingTheSameMinutesDoNotOverwriteEachOther() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long s = MinutesFixture.session(MinutesFixture.table(tag()), today);
        MinutesView first = minutes.minutes(s).orElseThrow();
        MinutesView second = minutes.minutes(s).orElseThrow();
        MinutesContent.Item item = first.content().items().get(0);
        MinutesContent.Item otherItem = second.content().items().get(1);

        minutes.save(s, MinutesEdit.none(first.minutesVersion()).withDecisions("Decisión de la primera")
                .withNote(item.id(), item.version(), "Nota de la primera"));
        assertThatThrownBy(() -> minutes.save(s, MinutesEdit.none(second.minutesVersion())
                .withNote(item.id(), item.version(), "Nota de la segunda"))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> minutes.save(s, MinutesEdit.none(second.minutesVersion())
                .withDecisions("Decisión de la segunda"))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> minutes.save(s, MinutesEdit.none(second.minutesVersion())
                .withNote(otherItem.id(), otherItem.version(), "Otra nota de la segunda")
                .withNote(item.id(), item.version(), "Nota de la segunda"))).as("refused whole")
                .isInstanceOf(ConcurrentEditException.class);

        MinutesView now = minutes.minutes(s).orElseThrow();
        assertThat(now.content().decisions()).isEqualTo("Decisión de la primera");
        assertThat(now.content().items().get(0).notes()).isEqualTo("Nota de la primera");
        assertThat(now.content().items().get(1).notes()).as("nothing of a refused save is kept").isNull();
        minutes.save(s, MinutesEdit.none(second.minutesVersion()).withNote(otherItem.id(), otherItem.version(),
                "Otra nota de la segunda"));
        assertThat(minutes.minutes(s).orElseThrow().content().items().get(1).notes())
                .as("a different item is not a collision").isEqualTo("Otra nota de la segunda");
    }

    /** A session whose case items carry discussions, written as the co-facilitators' save would (one identity per test). */
    private static long discussedSession() throws Exception {
        long s = MinutesFixture.session(MinutesFixture.table(tag()), LocalDate.now(MinutesFixture.ZONE));
        TestDatabase.update("UPDATE mgc_case_item SET discussion = 'Discusión uno' WHERE id = ?",
                MinutesFixture.caseItem(s, "A-0001"));
        TestDatabase.update("UPDATE mgc_case_item SET discussion = 'Discusión dos' WHERE id = ?",
                MinutesFixture.caseItem(s, "A-0002"));
        return s;
    }

    @Test
    void aProfessionalReadsOnlyTheDiscussionsOfCasesInvolvingTheirProgram() throws Exception {
        long s = discussedSession();
        TestSession.signIn(MinutesFixture.PROFESSIONAL_A);
        MinutesView v = minutes.minutes(s).orElseThrow();
        assertThat(caseItem(v, "A-0001")).satisfies(c -> {
            assertThat(c.discussion()).isEqualTo("Discusión uno");
            assertThat(c.reserved()).isFalse();
            assertThat(c.linkable()).isTrue();
        });
        assertThat(caseItem(v, "A-0002")).satisfies(c -> {
            assertThat(c.discussion()).as("a case not involving MA").isNull();
            assertThat(c.reserved()).isTrue();
            assertThat(c.linkable()).isFalse();
            assertThat(c.initials()).isEqualTo("B.B.R.");
        });
        assertThat(v.editable()).isFalse();
        assertThatThrownBy(() -> minutes.save(s, MinutesEdit.none(0).withDecisions("x")))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'READ'"
                + " AND entity_type = 'CASE' AND entity_id = ?", MinutesFixture.PROFESSIONAL_A,
                String.valueOf(MinutesFixture.caseId("A-0001")))).isPositive();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'READ'"
                + " AND entity_type = 'CASE' AND entity_id = ?", MinutesFixture.PROFESSIONAL_A,
                String.valueOf(MinutesFixture.caseId("A-0002")))).isZero();
    }

    @Test
    void theTerritorialManagerSeesCasesByCodeOnly() throws Exception {
        long s = discussedSession();
        TestSession.signIn(MinutesFixture.MANAGER);
        MinutesView manager = minutes.minutes(s).orElseThrow();
        assertThat(manager.content().cases()).extracting(MinutesContent.CaseItem::code)
                .containsExactlyInAnyOrder("A-0001", "A-0002");
        assertThat(manager.content().cases()).allSatisfy(c -> {
            assertThat(c.initials()).as("code only").isNull();
            assertThat(c.discussion()).isNull();
            assertThat(c.reserved()).isTrue();
        });
        assertThat(manager.editable()).isFalse();
    }

    @Test
    void theCoordinatorReadsMinutesWithoutCaseDiscussions() throws Exception {
        long s = discussedSession();
        TestSession.signIn(MinutesFixture.COORDINATOR);
        MinutesView coordinator = minutes.minutes(s).orElseThrow();
        assertThat(caseItem(coordinator, "A-0001")).satisfies(c -> {
            assertThat(c.initials()).isEqualTo("M.A.S.");
            assertThat(c.discussion()).isNull();
            assertThat(c.reserved()).isTrue();
        });
    }

    @Test
    void minutesOfAnotherComunaDoNotExistAndTheAttemptIsAudited() {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        long other = MinutesFixture.otherSession();
        assertThat(minutes.minutes(other)).isEmpty();
        assertThatThrownBy(() -> minutes.closeSession(other, 0)).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.minutes.notFound");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'MGC_SESSION' AND entity_id = ?", MinutesFixture.COFACILITATOR,
                String.valueOf(other))).isGreaterThanOrEqualTo(2);
        assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", other)).isEqualTo("PLANNED");
    }

    @Test
    void thePdfHoldsTheAttendanceAndPageNumbers() throws Exception {
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        String tag = tag();
        long s = MinutesFixture.session(MinutesFixture.table(tag), today);
        MinutesView v = minutes.minutes(s).orElseThrow();
        MinutesContent.Item welcome = v.content().items().get(0);
        minutes.save(s, MinutesEdit.none(v.minutesVersion())
                .withAttendance(attendee(v, "Olga Pérez").id(), attendee(v, "Olga Pérez").version(), "PRESENT")
                .withAttendance(attendee(v, "Sara Luna").id(), attendee(v, "Sara Luna").version(), "EXCUSED")
                .withNote(welcome.id(), welcome.version(), "Bienvenida cordial."));
        agreements.create(s, agreement(welcome.id(), null, "Actualizar el mapa de oferta", today.plusDays(10)));

        MinutesView exported = minutes.export(s, "PDF").orElseThrow();
        byte[] pdf = new MinutesPdf(key -> Messages.text(Locale.forLanguageTag("es-CL"), key)).write(exported);

        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains("Comuna Actas", "Mesa " + tag, "Olga Pérez", "OPD Actas", "Presente",
                "Justificado", "Bienvenida cordial.", "A-0001", "M.A.S.", "Actualizar el mapa de oferta",
                "Página 1 de").doesNotContain("Matías");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'MGC_MINUTES' AND detail = ?", MinutesFixture.COFACILITATOR, "PDF sesión " + s))
                .isEqualTo(1);
    }
}
