package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.agenda.boundary.AgendaItemForm;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaService;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaView;
import cl.redlocal.portal.mgc.agenda.boundary.Pauta;
import cl.redlocal.portal.mgc.agenda.boundary.PautaForm;
import cl.redlocal.portal.mgc.agenda.entity.AgendaBlock;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static cl.redlocal.portal.it.AgendaFixture.COFACILITATOR;
import static cl.redlocal.portal.it.AgendaFixture.COMUNA;
import static cl.redlocal.portal.it.AgendaSuggestionsIT.businessKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agenda: standard blocks, editing, the agreements block, alert requests, and need-to-know. */
@ExtendWith(ArquillianExtension.class)
class AgendaIT {

    @Inject
    AgendaService agenda;

    @Inject
    cl.redlocal.portal.mgc.agenda.boundary.TableRecordService records;

    @BeforeEach
    void fixture() {
        AgendaFixture.ensure();
    }

    @Test
    void preparingCreatesTheStandardBlocksInOrderAndItemsAreEditedAddedMovedAndRemoved() {
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 40, "PLANNED");
        TestSession.signIn(COFACILITATOR);
        agenda.prepare(session);
        agenda.prepare(session); // twice: still one set of blocks

        List<AgendaView.Item> items = agenda.agenda(session).orElseThrow().items();
        assertThat(items).extracting(AgendaView.Item::block).containsExactly("WELCOME", "MINUTES_APPROVAL", "AGREEMENTS",
                "FLOWS", "TOPICS", "CASES");
        AgendaView.Item welcome = items.get(0);
        agenda.editItem(welcome.id(), welcome.version(), new AgendaItemForm("Bienvenida y presentación", "Ronda breve"));
        assertThatThrownBy(() -> agenda.editItem(welcome.id(), welcome.version(), new AgendaItemForm("Otro", null)))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("error.concurrentEdit"));
        assertThatThrownBy(() -> agenda.remove(welcome.id(), welcome.version() + 1))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("mgc.agenda.remove.standard"));

        long guest = agenda.addItem(session, AgendaBlock.TOPICS, new AgendaItemForm("Invitado: CESFAM", "Protocolo de riesgo suicida"));
        items = agenda.agenda(session).orElseThrow().items();
        assertThat(items).extracting(AgendaView.Item::title).containsExactly("Bienvenida y presentación",
                "Lectura y aprobación del acta anterior", "Revisión de acuerdos",
                "Flujos de derivación, ingresos y listas de espera", "Temas, capacitación o invitado intersectorial",
                "Invitado: CESFAM", "Análisis de casos");
        AgendaView.Item added = items.get(5);
        agenda.move(added.id(), added.version(), true);
        items = agenda.agenda(session).orElseThrow().items();
        assertThat(items.get(4).id()).isEqualTo(guest);
        agenda.remove(guest, items.get(4).version());
        assertThat(agenda.agenda(session).orElseThrow().items()).hasSize(6);
    }

    @Test
    void theAgreementsBlockShowsEveryOpenAgreementOfTheTableAndMarksTheOverdueOnes() {
        long table = AgendaFixture.table(COMUNA);
        long otherTable = AgendaFixture.table(COMUNA);
        long held = AgendaFixture.session(table, -30, "HELD");
        long session = AgendaFixture.session(table, 5, "PLANNED");
        long pending = AgendaFixture.agreement(table, held, "PENDING", 20);
        long late = AgendaFixture.agreement(table, held, "IN_PROGRESS", -3);
        long dueBeforeSession = AgendaFixture.agreement(table, held, "PENDING", 3);
        long done = AgendaFixture.agreement(table, held, "DONE", -3);
        long cancelled = AgendaFixture.agreement(table, held, "CANCELLED", -3);
        long ofThisSession = AgendaFixture.agreement(table, session, "PENDING", 30);
        long otherTables = AgendaFixture.agreement(otherTable, AgendaFixture.session(otherTable, -30, "HELD"), "PENDING", 3);

        TestSession.signIn(COFACILITATOR);
        List<AgendaView.Agreement> agreements = agenda.agenda(session).orElseThrow().agreements();

        assertThat(agreements).extracting(AgendaView.Agreement::id).containsExactly(late, dueBeforeSession, pending)
                .doesNotContain(done, cancelled, ofThisSession, otherTables);
        assertThat(agreements).extracting(AgendaView.Agreement::overdue).containsExactly(true, true, false);
        // computed when read: an agreement done since disappears at once
        AgendaFixture.update("UPDATE mgc_agreement SET status = 'DONE', done_on = current_date WHERE id = ?", late);
        assertThat(agenda.agenda(session).orElseThrow().agreements()).extracting(AgendaView.Agreement::id)
                .containsExactly(dueBeforeSession, pending);
    }

    @Test
    void anAlertSentToTheNextSessionIsTakenUpWhenThatSessionsAgendaIsPrepared() {
        AgendaFixture.update("UPDATE mgc_session SET state = 'CANCELLED', cancel_reason = 'prueba' WHERE comuna_id = ?"
                + " AND state IN ('PLANNED', 'CONVENED')", AgendaFixture.comunaId(AgendaFixture.NEXT_COMUNA));
        AgendaFixture.update("UPDATE session_agenda_request SET session_id = (SELECT min(id) FROM mgc_session) WHERE"
                + " comuna_id = ? AND session_id IS NULL", AgendaFixture.comunaId(AgendaFixture.NEXT_COMUNA));
        long table = AgendaFixture.table(AgendaFixture.NEXT_COMUNA);
        long held = AgendaFixture.session(table, -20, "HELD");
        long next = AgendaFixture.session(table, 3, "PLANNED");
        long later = AgendaFixture.session(table, 33, "PLANNED");
        AgendaFixture.Case k = AgendaFixture.newCase(AgendaFixture.NEXT_COMUNA);
        long request = AgendaFixture.agendaRequest(k, AgendaFixture.alert(k, "HIGH", "OPEN"));

        TestSession.signIn(AgendaFixture.NEXT_COFACILITATOR);
        assertThat(agenda.agenda(next).orElseThrow().nextSession()).isTrue();
        assertThat(agenda.agenda(next).orElseThrow().pending()).extracting(AgendaView.PendingRequest::caseId)
                .containsExactly(k.id());
        assertThat(agenda.prepare(later)).as("not the next session: it leaves the request").isZero();
        assertThatThrownBy(() -> agenda.prepare(held))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("mgc.agenda.closed"));
        assertThat(TestDatabase.value("SELECT session_id FROM session_agenda_request WHERE id = ?", request)).isNull();

        assertThat(agenda.prepare(next)).isEqualTo(1);

        assertThat(((Number) TestDatabase.value("SELECT session_id FROM session_agenda_request WHERE id = ?", request))
                .longValue()).isEqualTo(next);
        AgendaView view = agenda.agenda(next).orElseThrow();
        assertThat(view.cases()).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo(k.id());
            assertThat(c.origin()).isEqualTo("ALERT");
            assertThat(c.state()).isEqualTo("PICKED");
            assertThat(c.reasons()).contains("Alerta alta");
        });
        assertThat(view.pending()).isEmpty();
        assertThat(view.items()).extracting(AgendaView.Item::block).hasSize(6).first().isEqualTo("WELCOME");
    }

    @Test
    void needToKnowInAgendas() {
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        AgendaFixture.Case involved = AgendaFixture.newCase(COMUNA);
        AgendaFixture.stay(involved, p, 20);
        AgendaFixture.alert(involved, "HIGH", "OPEN");
        AgendaFixture.diagnosis(involved, p, 3);
        AgendaFixture.planAction(involved, p, "PENDING", -5, 1);
        AgendaFixture.Case other = AgendaFixture.newCase(COMUNA);
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 8, "PLANNED");
        long itemInvolved = AgendaFixture.caseItem(session, involved, "PICKED", "PICKED");
        long itemOther = AgendaFixture.caseItem(session, other, "PICKED", "PICKED");

        // the professional: both cases by code and initials, the pauta only of the case of their program
        TestSession.signIn(p.professional());
        AgendaView view = agenda.agenda(session).orElseThrow();
        assertThat(view.cases()).extracting(AgendaView.CaseRow::code).containsExactlyInAnyOrder(involved.code(), other.code());
        assertThat(view.cases()).extracting(AgendaView.CaseRow::initials).containsOnly("B.M.P.");
        assertThat(view.cases()).filteredOn(AgendaView.CaseRow::pauta).extracting(AgendaView.CaseRow::caseId)
                .containsExactly(involved.id());
        assertThat(view.editable()).isFalse();
        long reads = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'READ'"
                + " AND entity_type = 'CASE' AND entity_id = ?", p.professional(), String.valueOf(involved.id()));
        Pauta pauta = agenda.pauta(itemInvolved).orElseThrow();
        assertThat(pauta.programs()).extracting(Pauta.Program::acronym).containsExactly(p.acronym());
        assertThat(pauta.alerts()).hasSize(1);
        assertThat(pauta.diagnosis().author()).isEqualTo("Dupla de prueba");
        assertThat(pauta.diagnosis().program()).isEqualTo(p.acronym());
        assertThat(pauta.diagnosis().scores()).hasSizeGreaterThan(1);
        assertThat(pauta.diagnosis().scores().get(0).average()).isEqualTo(1.0);
        assertThat(pauta.diagnosis().scores().subList(1, pauta.diagnosis().scores().size()))
                .extracting(Pauta.Score::average).containsOnly(3.0);
        assertThat(pauta.plan().goals()).isEqualTo(1);
        assertThat(pauta.plan().open()).isEqualTo(1);
        assertThat(pauta.plan().overdue()).isEqualTo(1);
        assertThat(pauta.editable()).isTrue();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'READ'"
                + " AND entity_type = 'CASE' AND entity_id = ?", p.professional(), String.valueOf(involved.id())))
                .as("reading a pauta is a case read").isEqualTo(reads + 1);
        agenda.writePauta(itemInvolved, pauta.version(), new PautaForm("¿Quién coordina?", "Notas de PPF"));
        assertThat(agenda.pauta(itemOther)).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'CASE' AND entity_id = ?", p.professional(), String.valueOf(other.id()))).isEqualTo(1);
        assertThatThrownBy(() -> agenda.writePauta(itemOther, 0, new PautaForm("x", "y")))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("mgc.agenda.case.notFound"));
    }

    @Test
    void theTerritorialManagerSeesCodesOnlyAndTheCoordinatorNoPauta() {
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 8, "PLANNED");
        long item = AgendaFixture.caseItem(session, k, "PICKED", "PICKED");

        TestSession.signIn(AgendaFixture.MANAGER);
        AgendaView view = agenda.agenda(session).orElseThrow();
        assertThat(view.showsInitials()).isFalse();
        assertThat(view.cases()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(k.code());
            assertThat(c.initials()).isNull();
            assertThat(c.pauta()).isFalse();
            assertThat(c.reasons()).as("the reasons are case detail").isNull();
            assertThat(c.proposedBy()).isNull();
        });
        assertThat(view.editable()).isFalse();
        assertThat(agenda.pauta(item)).isEmpty();
    }

    @Test
    void theCoordinatorReadsCodesAndInitialsWithoutPauta() {
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 8, "PLANNED");
        long item = AgendaFixture.caseItem(session, k, "PICKED", "PICKED");

        TestSession.signIn(AgendaFixture.COORDINATOR);
        AgendaView view = agenda.agenda(session).orElseThrow();
        assertThat(view.cases()).singleElement().satisfies(c -> {
            assertThat(c.initials()).isEqualTo("B.M.P.");
            assertThat(c.pauta()).isFalse();
            assertThat(c.reasons()).isNull();
        });
        assertThat(agenda.pauta(item)).isEmpty();

        // a proposal not yet decided is only for the co-facilitators who decide it
        AgendaFixture.Case proposed = AgendaFixture.newCase(COMUNA);
        AgendaFixture.caseItem(session, proposed, "PROPOSED", "PROPOSED");
        assertThat(agenda.agenda(session).orElseThrow().cases()).extracting(AgendaView.CaseRow::code)
                .containsExactly(k.code());
    }

    @Test
    void theCofacilitatorsSeeTheProposalsAndEachCaseTheyReadOnTheAgendaIsAudited() {
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        AgendaFixture.Case proposed = AgendaFixture.newCase(COMUNA);
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 8, "PLANNED");
        AgendaFixture.caseItem(session, k, "PICKED", "PICKED");
        AgendaFixture.caseItem(session, proposed, "PROPOSED", "PROPOSED");

        TestSession.signIn(AgendaFixture.COFACILITATOR);
        assertThat(agenda.agenda(session).orElseThrow().cases()).extracting(AgendaView.CaseRow::code)
                .contains(k.code(), proposed.code());
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = 'CASE'"
                + " AND entity_id = ? AND detail = ?", AgendaFixture.COFACILITATOR, String.valueOf(k.id()),
                "agenda de la sesión " + session)).as("each case the co-facilitator reads on the agenda").isPositive();
    }

    @Test
    void aSessionOfAnotherComunaDoesNotExistAndTheAttemptIsAudited() {
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 8, "PLANNED");
        TestSession.signIn(AgendaFixture.OTHER_COFACILITATOR);

        assertThat(agenda.agenda(session)).isEmpty();
        assertThatThrownBy(() -> agenda.prepare(session))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("mgc.agenda.notFound"));
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'MGC_SESSION' AND entity_id = ?", AgendaFixture.OTHER_COFACILITATOR,
                String.valueOf(session))).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agenda_item WHERE session_id = ?", session)).isZero();
    }

    @Test
    void theTerritorialManagerReadsTheRecordOfSupportedComunasOnlyAndAProfessionalNotAtAll() {
        long table = AgendaFixture.table(COMUNA);
        AgendaFixture.session(table, -3, "HELD");
        long foreign = AgendaFixture.table(AgendaFixture.NEXT_COMUNA);
        java.time.LocalDate today = java.time.LocalDate.now();

        TestSession.signIn(AgendaFixture.MANAGER);
        assertThat(records.tables()).extracting(cl.redlocal.portal.mgc.agenda.boundary.TableRecord.TableChoice::id)
                .contains(table).doesNotContain(foreign);
        assertThat(records.record(table, today.minusDays(10), today).orElseThrow().held()).isEqualTo(1);
        assertThat(records.record(foreign, today.minusDays(10), today)).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'MGC_TABLE' AND entity_id = ?", AgendaFixture.MANAGER, String.valueOf(foreign)))
                .isPositive();
    }

    @Test
    void aProfessionalHasNoRecord() {
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        TestSession.signIn(p.professional());
        assertThatThrownBy(() -> records.tables()).isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }
}
