package cl.redlocal.portal.it;

import cl.redlocal.portal.cases.boundary.CaseService;
import cl.redlocal.portal.cases.boundary.CaseTableFilter;
import cl.redlocal.portal.cases.boundary.CaseTableRow;
import cl.redlocal.portal.cases.boundary.DuplicateCandidate;
import cl.redlocal.portal.cases.boundary.DuplicateQuery;
import cl.redlocal.portal.cases.boundary.CaseTableService;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaService;
import cl.redlocal.portal.mgc.agenda.control.Suggestion;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.privacy.boundary.BlockRow;
import cl.redlocal.portal.privacy.boundary.ChildExport;
import cl.redlocal.portal.privacy.boundary.ChildRightsService;
import cl.redlocal.portal.privacy.boundary.ReasonForm;
import cl.redlocal.portal.waiting.boundary.WaitingListService;
import cl.redlocal.portal.waiting.boundary.WaitingRow;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static cl.redlocal.portal.it.PrivacyFixture.ADMIN;
import static cl.redlocal.portal.it.PrivacyFixture.COFACILITATOR;
import static cl.redlocal.portal.it.PrivacyFixture.COMUNA;
import static cl.redlocal.portal.it.PrivacyFixture.OTHER_COFACILITATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A child's data rights in the services: need-to-know on the export (an uninvolved program, a program that
 * only received a referral, another comuna: refused and audited), and blocking: a blocked record leaves the
 * case table, the case page, the table's suggestions, the waiting list and the registry search, cannot be
 * exported, is read only with a legal reason (each read audited and told to the administrator), and comes
 * back when unblocked with a reason, the block kept in the history. No reason: nothing done.
 */
@ExtendWith(ArquillianExtension.class)
class ChildRightsIT {

    @Inject
    ChildRightsService rights;

    @Inject
    CaseTableService table;

    @Inject
    CaseService cases;

    @Inject
    AgendaService agenda;

    @Inject
    WaitingListService waiting;

    @Inject
    RegistryService registry;

    @BeforeEach
    void fixture() {
        PrivacyFixture.ensure();
    }

    @Test
    void theExportIsRefusedAndAuditedForAProgramNeverInvolved() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Negada", null);
        refusedAndAudited(AgendaFixture.program(COMUNA).professional(), rich.theCase().id());
    }

    @Test
    void theExportIsRefusedAndAuditedForAProgramThatOnlyReceivedAReferral() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Negada", null);
        AgendaFixture.Program referredOnly = AgendaFixture.program(COMUNA);
        AgendaFixture.referral(rich.theCase(), referredOnly, "SENT", 2, null, 5);
        refusedAndAudited(referredOnly.professional(), rich.theCase().id());
    }

    @Test
    void theExportIsRefusedAndAuditedForAnotherComuna() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Negada", null);
        refusedAndAudited(OTHER_COFACILITATOR, rich.theCase().id());
    }

    @Test
    void theProgramHoldingTheCaseExportsWithItsReasonAudited() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Tenida", null);
        TestSession.signIn(rich.program().professional());
        assertThat(rights.export(rich.theCase().id(), new ReasonForm("Solicitud de la familia"))).isPresent();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'CHILD' AND entity_id = ? AND detail LIKE '%Solicitud de la familia%'",
                rich.program().professional(), String.valueOf(rich.childId()))).isEqualTo(1);
    }

    private void refusedAndAudited(String who, long caseId) {
        TestSession.signIn(who);
        long before = denials(who, caseId);
        assertThat(rights.export(caseId, new ReasonForm("Solicitud de la familia"))).isEmpty();
        assertThat(rights.readBlocked(caseId, new ReasonForm("Oficio judicial"))).isEmpty();
        assertThat(denials(who, caseId)).isEqualTo(before + 2);
    }

    @Test
    void anExportOrABlockWithoutAReasonDoesNothing() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Sinmotivo", null);
        TestSession.signIn(COFACILITATOR);
        assertThatThrownBy(() -> rights.export(rich.theCase().id(), new ReasonForm("  "))).isNotNull();
        assertThatThrownBy(() -> rights.block(rich.theCase().id(), new ReasonForm(""))).isNotNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM child_block WHERE child_id = ?", rich.childId())).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE entity_type = 'CHILD' AND entity_id = ?"
                + " AND action IN ('EXPORT', 'UPDATE')", String.valueOf(rich.childId()))).isZero();
    }

    @Test
    void aBlockedRecordLeavesListsSuggestionsAndSearchesAndIsReadOnlyWithAReason() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Bloqueada", null);
        AgendaFixture.Case k = rich.theCase();
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 10, "PLANNED");
        TestSession.signIn(COFACILITATOR);
        assertThat(caseTable(k.code())).hasSize(1);
        assertThat(agenda.suggestions(session)).extracting(Suggestion::caseId).contains(k.id());
        assertThat(waiting.list(rich.program().id()).orElseThrow().rows()).extracting(WaitingRow::caseId).contains(k.id());
        assertThat(search(rich)).extracting(DuplicateCandidate::childId).contains(rich.childId());

        rights.block(k.id(), new ReasonForm("Solicitud de bloqueo de la madre, 7-12-2026"));

        assertThat(caseTable(k.code())).isEmpty();
        assertThat(cases.find(k.id())).isEmpty();
        assertThat(agenda.suggestions(session)).extracting(Suggestion::caseId).doesNotContain(k.id());
        assertThat(waiting.list(rich.program().id()).orElseThrow().rows()).extracting(WaitingRow::caseId)
                .doesNotContain(k.id());
        assertThat(search(rich)).extracting(DuplicateCandidate::childId).doesNotContain(rich.childId());
        assertThatThrownBy(() -> rights.export(k.id(), new ReasonForm("Solicitud de la familia")))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> rights.block(k.id(), new ReasonForm("otra vez")))
                .isInstanceOf(BusinessException.class);
        assertThat(rights.blocked(k.id())).isTrue();

        // break-glass: a reason each time, each read audited and told to the administrator
        assertThatThrownBy(() -> rights.readBlocked(k.id(), new ReasonForm(""))).isNotNull();
        long notices = TestDatabase.count("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.message LIKE ?", ADMIN, "%" + k.code() + "%");
        for (int i = 1; i <= 2; i++) {
            ChildExport read = rights.readBlocked(k.id(), new ReasonForm("Oficio del Tribunal de Familia " + i)).orElseThrow();
            assertThat(read.json()).contains("Bloqueada");
            assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'READ'"
                    + " AND entity_type = 'CHILD' AND entity_id = ? AND detail LIKE '%motivo legal%'", COFACILITATOR,
                    String.valueOf(rich.childId()))).isEqualTo(i);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.message LIKE ?", ADMIN, "%" + k.code() + "%")).isEqualTo(notices + 2);

        // lifted with a reason, it comes back; the history keeps the block
        assertThatThrownBy(() -> rights.unblock(k.id(), new ReasonForm(" "))).isNotNull();
        rights.unblock(k.id(), new ReasonForm("Fin del plazo pedido por la familia"));
        assertThat(caseTable(k.code())).hasSize(1);
        assertThat(cases.find(k.id())).isPresent();
        BlockRow history = rights.blocks().stream().filter(b -> b.childId() == rich.childId()).findFirst().orElseThrow();
        assertThat(history.liftedAt()).isNotNull();
        assertThat(history.liftReason()).isEqualTo("Fin del plazo pedido por la familia");
        assertThat(history.reason()).startsWith("Solicitud de bloqueo");
    }

    @Test
    void theAdministratorBlocksListsAndUnblocks() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Administrada", null);
        TestSession.signIn(ADMIN);
        rights.block(rich.theCase().id(), new ReasonForm("Oposición de la familia en trámite"));
        assertThat(rights.blocked(rich.theCase().id())).isTrue();
        assertThat(rights.blocks()).filteredOn(b -> b.childId() == rich.childId())
                .singleElement().satisfies(b -> assertThat(b.liftedAt()).isNull());
        rights.unblock(rich.theCase().id(), new ReasonForm("Oposición resuelta"));
        assertThat(rights.blocked(rich.theCase().id())).isFalse();
        assertThat(TestDatabase.count("SELECT count(*) FROM child_block WHERE child_id = ? AND lifted_by = ?",
                rich.childId(), ADMIN)).isEqualTo(1);
    }

    @Test
    void anotherComunaCannotBlock() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Ajena", null);
        TestSession.signIn(OTHER_COFACILITATOR);
        long before = denials(OTHER_COFACILITATOR, rich.theCase().id());
        assertThatThrownBy(() -> rights.block(rich.theCase().id(), new ReasonForm("Intento ajeno")))
                .isInstanceOf(BusinessException.class);
        assertThat(denials(OTHER_COFACILITATOR, rich.theCase().id())).isEqualTo(before + 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM child_block WHERE child_id = ?", rich.childId())).isZero();
    }

    private List<CaseTableRow> caseTable(String code) {
        return table.list(new CaseTableFilter(code, null, null, null, false, null, null, null, null, false),
                PageRequest.of(0, 50));
    }

    private List<DuplicateCandidate> search(PrivacyFixture.Rich rich) {
        LocalDate birth = (LocalDate) ((java.sql.Date) TestDatabase.value("SELECT birth_date FROM child WHERE id = ?",
                rich.childId())).toLocalDate();
        return registry.duplicates(new DuplicateQuery(null, "Rosa", rich.surname(), "Exporta", birth));
    }

    private static long denials(String username, long caseId) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = 'CASE'"
                + " AND entity_id = ? AND outcome = 'DENIED'", username, String.valueOf(caseId));
    }
}
