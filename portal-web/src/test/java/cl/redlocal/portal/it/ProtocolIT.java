package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.network.boundary.BindingProtocol;
import cl.redlocal.portal.mgc.network.boundary.Choice;
import cl.redlocal.portal.mgc.network.boundary.ProtocolForm;
import cl.redlocal.portal.mgc.network.boundary.ProtocolRow;
import cl.redlocal.portal.mgc.network.boundary.ProtocolService;
import cl.redlocal.portal.mgc.network.boundary.ProtocolView;
import cl.redlocal.portal.mgc.network.boundary.StepForm;
import cl.redlocal.portal.mgc.network.boundary.StepLine;
import cl.redlocal.portal.mgc.network.entity.DeadlineUnit;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cl.redlocal.portal.it.AgendaSuggestionsIT.businessKey;
import static cl.redlocal.portal.it.NetworkFixture.COFACILITATOR;
import static cl.redlocal.portal.it.NetworkFixture.COMUNA;
import static cl.redlocal.portal.it.NetworkFixture.FAR;
import static cl.redlocal.portal.it.NetworkFixture.MANAGER;
import static cl.redlocal.portal.it.NetworkFixture.NEIGHBOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, protocols: the life of a protocol (draft, on the agenda, approved in that session once begun,
 * version 2 with a reason, version 1 still readable), bad input, the protocol a referral between bound
 * programs follows, and the territorial manager's read-only access with a copy into another comuna.
 */
@ExtendWith(ArquillianExtension.class)
class ProtocolIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Santiago"));

    @Inject
    ProtocolService protocols;

    @BeforeEach
    void fixture() {
        NetworkFixture.ensure();
    }

    static ProtocolForm suicideRisk(String title, List<Long> programs) {
        return new ProtocolForm(title, "Abordaje coordinado del riesgo suicida en estudiantes",
                "Encargada de convivencia del liceo; SOME del CESFAM", TODAY.plusMonths(12),
                List.of(new StepForm("Encargado/a de convivencia escolar", "Detecta y contiene; informa a la familia", 24,
                                DeadlineUnit.HOURS),
                        new StepForm("CESFAM (sector)", "Evaluación de riesgo por médico o psicólogo", 48, DeadlineUnit.HOURS),
                        new StepForm("COSAM", "Ingreso a atención de salud mental", 10, DeadlineUnit.DAYS)),
                programs, List.of());
    }

    static List<Long> liceoCesfamCosam() {
        return List.of(NetworkFixture.programId(COMUNA, "LICEO"), NetworkFixture.programId(COMUNA, "CESFAM"),
                NetworkFixture.programId(COMUNA, "COSAM"));
    }

    @Test
    void aDraftGoesOnTheAgendaIsApprovedInThatSessionAndAChangeMakesVersionTwoWithItsReason() {
        long table = NetworkFixture.table(COMUNA);
        long later = NetworkFixture.session(table, 24 * 20, "PLANNED");
        long today = NetworkFixture.session(table, -1, "CONVENED"); // began an hour ago
        TestSession.signIn(COFACILITATOR);
        String title = NetworkFixture.unique("Riesgo suicida: liceo → CESFAM → COSAM ");
        long id = protocols.draft(suicideRisk(title, liceoCesfamCosam()));
        ProtocolView draft = protocols.find(id).orElseThrow();
        assertThat(draft.state()).isEqualTo("DRAFT");
        assertThat(draft.currentVersion()).isZero();
        assertThat(draft.steps()).extracting(StepLine::responsible).containsExactly("Encargado/a de convivencia escolar",
                "CESFAM (sector)", "COSAM");

        // a draft is not approved outside the session whose agenda carries it, nor before that session begins
        assertThatThrownBy(() -> protocols.approve(id, draft.version(), today))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.protocol.approve.outsideSession"));
        protocols.putOnAgenda(id, draft.version(), later);
        int v = protocols.find(id).orElseThrow().version();
        assertThat(protocols.ofSession(later).onAgenda()).extracting(Choice::id).contains(id);
        assertThatThrownBy(() -> protocols.approve(id, v, later))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.protocol.approve.outsideSession"));
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'NET_PROTOCOL' AND entity_id = ?", COFACILITATOR, String.valueOf(id))).isEqualTo(2);

        protocols.putOnAgenda(id, v, today);
        int v2 = protocols.find(id).orElseThrow().version();
        assertThat(protocols.ofSession(later).onAgenda()).extracting(Choice::id).doesNotContain(id);
        protocols.approve(id, v2, today);

        ProtocolView approved = protocols.find(id).orElseThrow();
        assertThat(approved.state()).isEqualTo("APPROVED");
        assertThat(approved.currentVersion()).isEqualTo(1);
        assertThat(approved.approvedSessionId()).isEqualTo(today);
        assertThat(protocols.ofSession(today).approved()).extracting(Choice::id).containsExactly(id);
        assertThatThrownBy(() -> protocols.redraft(id, approved.version(), suicideRisk("Otro", liceoCesfamCosam())))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.protocol.reason.required"));

        ProtocolForm changed = new ProtocolForm(title + " (v2)", approved.purpose(), approved.contacts(),
                TODAY.plusMonths(6), List.of(new StepForm("Encargado/a de convivencia escolar", "Detecta y contiene", 12,
                DeadlineUnit.HOURS), new StepForm("CESFAM (sector)", "Evaluación de riesgo", 24, DeadlineUnit.HOURS)),
                liceoCesfamCosam(), List.of());
        assertThat(protocols.revise(id, approved.version(), changed, "Salud acorta los plazos de evaluación")).isEqualTo(2);
        // a stale copy of the page is told, nothing overwritten
        assertThatThrownBy(() -> protocols.revise(id, approved.version(), changed, "otra vez"))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("error.concurrentEdit"));

        ProtocolView v2view = protocols.find(id).orElseThrow();
        assertThat(v2view.currentVersion()).isEqualTo(2);
        assertThat(v2view.steps()).hasSize(2);
        assertThat(v2view.versions()).extracting(ProtocolView.VersionLine::number).containsExactly(2, 1);
        assertThat(v2view.versions().get(0).reason()).isEqualTo("Salud acorta los plazos de evaluación");
        assertThat(v2view.versions().get(1).reason()).startsWith("Aprobado en la sesión del");
        var first = protocols.version(id, 1).orElseThrow();
        assertThat(first.title()).isEqualTo(title);
        assertThat(first.steps()).hasSize(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'UPDATE'"
                + " AND entity_type = 'NET_PROTOCOL' AND entity_id = ? AND detail LIKE 'aprobado en la sesión%'",
                COFACILITATOR, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aStepWithoutAResponsibleAndAReviewDateInThePastAreRefusedAndNothingIsSaved() {
        TestSession.signIn(COFACILITATOR);
        long before = TestDatabase.count("SELECT count(*) FROM net_protocol");
        ProtocolForm noResponsible = new ProtocolForm("Vulneración grave: OPD → Tribunal", "Propósito", null,
                TODAY.plusMonths(3), List.of(new StepForm(" ", "Informa al tribunal", 2, DeadlineUnit.DAYS)), List.of(), List.of());
        assertThatThrownBy(() -> protocols.draft(noResponsible)).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(x -> x.getPropertyPath().toString()).anyMatch(x -> x.endsWith("steps[0].responsible")));
        ProtocolForm past = new ProtocolForm("Vulneración grave: OPD → Tribunal", "Propósito", null, TODAY.minusDays(1),
                List.of(new StepForm("OPD", "Informa al tribunal", 2, DeadlineUnit.DAYS)), List.of(), List.of());
        assertThatThrownBy(() -> protocols.draft(past)).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(x -> x.getMessageTemplate()).contains("{net.protocol.reviewOn.past}"));
        ProtocolForm foreign = new ProtocolForm("Con programa ajeno", "Propósito", null, null,
                List.of(new StepForm("OPD", "Informa", 2, DeadlineUnit.DAYS)),
                List.of(NetworkFixture.programId(NEIGHBOUR, "LICEO")), List.of());
        assertThatThrownBy(() -> protocols.draft(foreign))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.protocol.binding.foreign"));
        assertThat(TestDatabase.count("SELECT count(*) FROM net_protocol")).isEqualTo(before);
    }

    @Test
    void aReferralBetweenTwoBoundProgramsShowsTheApprovedProtocolsStepsAndOnlyThose() {
        long approved = NetworkFixture.protocol(COMUNA, NetworkFixture.unique("Riesgo suicida aprobado "), true,
                "LICEO", "CESFAM", "COSAM");
        long draft = NetworkFixture.protocol(COMUNA, NetworkFixture.unique("Borrador "), false, "LICEO", "CESFAM", "COSAM");

        TestSession.signIn(NetworkFixture.LICEO_PROFESSIONAL);
        List<BindingProtocol> toCesfam = protocols.forReferral(null, NetworkFixture.programId(COMUNA, "CESFAM"));
        assertThat(toCesfam).extracting(BindingProtocol::id).contains(approved).doesNotContain(draft);
        BindingProtocol p = toCesfam.stream().filter(x -> x.id() == approved).findFirst().orElseThrow();
        assertThat(p.steps()).extracting(StepLine::deadline).containsExactly(24, 48, 10);
        assertThat(p.steps()).extracting(StepLine::unit).containsExactly("HOURS", "HOURS", "DAYS");
        assertThat(protocols.forReferral(null, NetworkFixture.programId(COMUNA, "OPD")))
                .extracting(BindingProtocol::id).doesNotContain(approved);
        assertThat(protocols.forProgram(NetworkFixture.programId(COMUNA, "COSAM"))).extracting(BindingProtocol::id)
                .contains(approved).doesNotContain(draft);
        // another comuna's program: nothing, and the refusal is audited
        assertThat(protocols.forProgram(NetworkFixture.programId(NEIGHBOUR, "CESFAM"))).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'NET_PROTOCOL'", NetworkFixture.LICEO_PROFESSIONAL)).isPositive();
    }

    @Test
    void theTerritorialManagerReadsSupportedComunasOnlyWritesNothingAndCopiesAProtocolIntoAnotherComunaAsADraft() {
        String title = NetworkFixture.unique("Riesgo suicida para copiar ");
        long source = NetworkFixture.protocol(COMUNA, title, true, "LICEO", "CESFAM", "COSAM");
        long far = NetworkFixture.protocol(FAR, NetworkFixture.unique("Lejano "), true);

        TestSession.signIn(MANAGER);
        List<ProtocolRow> rows = protocols.list(null);
        assertThat(rows).extracting(ProtocolRow::id).contains(source).doesNotContain(far);
        assertThat(rows).extracting(ProtocolRow::comunaId).doesNotContain(NetworkFixture.comunaId(FAR));
        ProtocolView read = protocols.find(source).orElseThrow();
        assertThat(read.editable()).isFalse();
        assertThat(read.copyable()).isTrue();
        assertThat(protocols.version(source, 1)).isPresent();
        assertThat(protocols.find(far)).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'NET_PROTOCOL' AND entity_id = ?", MANAGER, String.valueOf(far))).isEqualTo(1);
        assertThatThrownBy(() -> protocols.draft(suicideRisk("No", List.of()))).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> protocols.revise(source, read.version(), suicideRisk("No", List.of()), "no"))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> protocols.approve(source, read.version(), 1L)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> protocols.copy(source, NetworkFixture.comunaId(FAR)))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.protocol.copy.target"));
        assertThatThrownBy(() -> protocols.copy(far, NetworkFixture.comunaId(NEIGHBOUR)))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.protocol.notFound"));

        long copy = protocols.copy(source, NetworkFixture.comunaId(NEIGHBOUR));
        ProtocolView copied = protocols.find(copy).orElseThrow();
        assertThat(copied.state()).isEqualTo("DRAFT");
        assertThat(copied.comunaId()).isEqualTo(NetworkFixture.comunaId(NEIGHBOUR));
        assertThat(copied.copiedFromId()).isEqualTo(source);
        assertThat(copied.title()).isEqualTo(title);
        assertThat(copied.steps()).hasSize(3);
        assertThat(copied.editable()).as("the neighbour's co-facilitators take it from there").isFalse();
        // bound to the neighbour's own LICEO and CESFAM (it has no COSAM)
        assertThat(copied.programs()).extracting(Choice::id).containsExactlyInAnyOrder(
                NetworkFixture.programId(NEIGHBOUR, "LICEO"), NetworkFixture.programId(NEIGHBOUR, "CESFAM"));
    }

    @Test
    void theNeighboursCoFacilitatorEditsACopyButNeverSeesTheSourceComuna() {
        long source = NetworkFixture.protocol(COMUNA, NetworkFixture.unique("Fuente "), true, "LICEO");
        long copy = NetworkFixture.protocol(NEIGHBOUR, NetworkFixture.unique("Copia "), false, "LICEO");
        TestSession.signIn(NetworkFixture.NEIGHBOUR_COFACILITATOR);
        ProtocolView theirs = protocols.find(copy).orElseThrow();
        assertThat(theirs.editable()).isTrue();
        protocols.redraft(copy, theirs.version(), suicideRisk(theirs.title() + " (Vecina)", List.of(
                NetworkFixture.programId(NEIGHBOUR, "LICEO"))));
        assertThat(protocols.find(copy).orElseThrow().title()).endsWith("(Vecina)");
        assertThat(protocols.find(source)).isEmpty();
        assertThat(protocols.list(null)).extracting(ProtocolRow::id).doesNotContain(source);
    }
}
