package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.network.boundary.KnotForm;
import cl.redlocal.portal.mgc.network.boundary.KnotRow;
import cl.redlocal.portal.mgc.network.boundary.KnotService;
import cl.redlocal.portal.mgc.network.boundary.TrainingForm;
import cl.redlocal.portal.mgc.network.boundary.TrainingService;
import cl.redlocal.portal.mgc.network.boundary.TrainingYear;
import cl.redlocal.portal.mgc.network.entity.TrainingKind;
import cl.redlocal.portal.platform.PageRequest;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, critical knots and trainings: a knot is on every agenda of its table until it is resolved, with
 * its strategy and agreements; who reads and who writes; trainings recorded in a session's topic block and
 * counted per year.
 */
@ExtendWith(ArquillianExtension.class)
class KnotIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Santiago"));

    @Inject
    KnotService knots;

    @Inject
    TrainingService trainings;

    @BeforeEach
    void fixture() {
        NetworkFixture.ensure();
    }

    @Test
    void anOpenKnotIsOnEveryAgendaOfItsTableUntilItIsResolved() {
        long table = NetworkFixture.table(COMUNA);
        long otherTable = NetworkFixture.table(COMUNA);
        long held = NetworkFixture.session(table, -24 * 14, "HELD");
        long next = NetworkFixture.session(table, 24 * 7, "PLANNED");
        long afterNext = NetworkFixture.session(table, 24 * 35, "PLANNED");
        long otherTables = NetworkFixture.session(otherTable, 24 * 7, "PLANNED");
        long agreement = NetworkFixture.agreement(table, held, "Oficiar a PIE por su lista de espera");
        TestSession.signIn(COFACILITATOR);

        long knot = knots.record(new KnotForm(table, "La lista de espera de PIE supera los 60 días", null,
                "Bloque de flujos: espera más antigua 74 días", "/mgc/agenda.xhtml?session=" + held, null, TODAY, held,
                List.of(agreement)));
        KnotRow row = knots.find(knot).orElseThrow();
        assertThat(row.state()).isEqualTo("OPEN");
        assertThat(row.agreements()).contains("Oficiar a PIE por su lista de espera");
        assertThat(knots.onAgenda(next)).extracting(KnotRow::id).contains(knot);
        assertThat(knots.onAgenda(afterNext)).extracting(KnotRow::id).contains(knot);
        assertThat(knots.onAgenda(otherTables)).extracting(KnotRow::id).doesNotContain(knot);
        assertThat(knots.onAgenda(held)).as("detected after that session").extracting(KnotRow::id).doesNotContain(knot);

        knots.update(knot, row.version(), new KnotForm(table, row.title(), null, row.evidence(), row.evidenceLink(),
                "Mesa técnica con PIE y priorización conjunta", TODAY, held, List.of(agreement)));
        KnotRow agreed = knots.find(knot).orElseThrow();
        assertThat(agreed.state()).isEqualTo("IN_PROGRESS");
        assertThatThrownBy(() -> knots.resolve(knot, agreed.version(), TODAY, " "))
                .isInstanceOf(jakarta.ejb.EJBException.class);
        assertThatThrownBy(() -> knots.resolve(knot, agreed.version(), TODAY.plusDays(1), "Adelantado"))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.knot.resolvedOn.range"));
        knots.resolve(knot, agreed.version(), TODAY, "PIE amplió su dupla; espera bajo 30 días");

        assertThat(knots.onAgenda(next)).extracting(KnotRow::id).doesNotContain(knot);
        assertThat(knots.onAgenda(afterNext)).extracting(KnotRow::id).doesNotContain(knot);
        KnotRow resolved = knots.find(knot).orElseThrow();
        assertThat(resolved.state()).isEqualTo("RESOLVED");
        assertThatThrownBy(() -> knots.resolve(knot, resolved.version(), TODAY, "Otra vez"))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.knot.resolved"));
        assertThat(knots.list(false, new PageRequest(0, 500, null, true))).extracting(KnotRow::id).contains(knot);
        assertThat(knots.list(true, new PageRequest(0, 500, null, true))).extracting(KnotRow::id).doesNotContain(knot);
    }

    @Test
    void aStaleKnotIsRefusedWithTheConcurrentEditMessage() {
        long table = NetworkFixture.table(COMUNA);
        TestSession.signIn(COFACILITATOR);
        long knot = knots.record(new KnotForm(table, "Los colegios no derivan antes de expulsar", null, null, null, null,
                TODAY, null, List.of()));
        int version = knots.find(knot).orElseThrow().version();
        assertThatThrownBy(() -> knots.update(knot, version + 1, new KnotForm(table, "Otro", null, null, null, null, TODAY,
                null, List.of()))).satisfies(e -> assertThat(businessKey(e)).isEqualTo("error.concurrentEdit"));
        assertThatThrownBy(() -> knots.record(new KnotForm(NetworkFixture.table(NetworkFixture.FAR), "Ajeno", null, null,
                null, null, TODAY, null, List.of()))).satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.knot.table.required"));
    }

    @Test
    void theTerritorialManagerReadsKnotsOfSupportedComunasAndWritesNothing() {
        long knot = NetworkFixture.knot(NetworkFixture.table(COMUNA), "Los colegios no derivan antes de expulsar");
        long far = NetworkFixture.knot(NetworkFixture.table(NetworkFixture.FAR), "Nudo lejano");
        TestSession.signIn(NetworkFixture.MANAGER);
        assertThat(knots.find(knot)).isPresent();
        assertThat(knots.find(far)).isEmpty();
        assertThat(knots.list(null, new PageRequest(0, 500, null, true))).extracting(KnotRow::id).contains(knot)
                .doesNotContain(far);
        assertThatThrownBy(() -> knots.resolve(knot, 0, TODAY, "no")).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void anotherComunasCoFacilitatorNeitherReadsNorWritesAKnotAndIsAudited() {
        long table = NetworkFixture.table(COMUNA);
        long knot = NetworkFixture.knot(table, "Nudo de Comuna Red");
        TestSession.signIn(NetworkFixture.FAR_COFACILITATOR);
        assertThat(knots.find(knot)).isEmpty();
        assertThat(knots.list(null, new PageRequest(0, 500, null, true))).extracting(KnotRow::id).doesNotContain(knot);
        assertThatThrownBy(() -> knots.update(knot, 0, new KnotForm(table, "Ajeno", null, null, null, null, TODAY,
                null, List.of()))).satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.knot.notFound"));
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'NET_KNOT' AND entity_id = ?", NetworkFixture.FAR_COFACILITATOR,
                String.valueOf(knot))).isEqualTo(2);
    }

    @Test
    void aTrainingIsRecordedInASessionThatHasBegunAndTheRecordCountsThemPerYear() {
        long table = NetworkFixture.table(NetworkFixture.FAR);
        long held = NetworkFixture.session(table, -24 * 3, "HELD");
        long future = NetworkFixture.session(table, 24 * 3, "PLANNED");
        TestSession.signIn(NetworkFixture.FAR_COFACILITATOR);
        long before = trainings.perYear(null).stream().filter(y -> y.year() == yearOf(held))
                .mapToLong(TrainingYear::trainings).sum();
        assertThatThrownBy(() -> trainings.record(new TrainingForm(future, null, "Ley 21.430", TrainingKind.SELF, "OPD", 8, null)))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.training.session.notHeld"));
        trainings.record(new TrainingForm(held, null, "Ley 21.430 de garantías", TrainingKind.SELF, "Abogada OPD", 12, null));
        trainings.record(new TrainingForm(held, null, "Detección de riesgo suicida", TrainingKind.GUEST, "COSAM", 14, null));
        TrainingYear year = trainings.perYear(null).stream().filter(y -> y.year() == yearOf(held)).findFirst().orElseThrow();
        assertThat(year.trainings()).isEqualTo(before + 2);
        assertThat(trainings.list(null)).extracting(t -> t.subject()).contains("Detección de riesgo suicida");
    }

    private static int yearOf(long session) {
        return ((Number) TestDatabase.value("SELECT CAST(extract(YEAR FROM starts_at AT TIME ZONE 'America/Santiago')"
                + " AS INTEGER) FROM mgc_session WHERE id = ?", session)).intValue();
    }
}
