package cl.redlocal.portal.it;

import cl.redlocal.portal.diagnosis.boundary.ComplementCommand;
import cl.redlocal.portal.diagnosis.boundary.Comparison;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisService;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisView;
import cl.redlocal.portal.diagnosis.boundary.DimensionView;
import cl.redlocal.portal.diagnosis.boundary.DraftCommand;
import cl.redlocal.portal.diagnosis.boundary.FullCommand;
import cl.redlocal.portal.diagnosis.boundary.InstrumentService;
import cl.redlocal.portal.diagnosis.boundary.InstrumentView;
import cl.redlocal.portal.diagnosis.boundary.ItemView;
import cl.redlocal.portal.diagnosis.boundary.StartInfo;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The common diagnosis inside the running portal: the default instrument, complementing instead of
 * repeating, the renewal period's reason, versions and their comparison, instrument versions, need-to-know
 * with its audit, and optimistic locking. Fixtures in Comuna Diagnóstico (99701), one signed-in user per test.
 */
@ExtendWith(ArquillianExtension.class)
class DiagnosisIT {

    private static final List<String> DIMENSIONS = List.of("HEALTH", "EDUCATION", "FAMILY", "HOUSING", "INCOME",
            "PARTICIPATION");

    @Inject
    DiagnosisService diagnoses;

    @Inject
    InstrumentService instruments;

    @BeforeEach
    void fixture() {
        DiagnosisFixture.ensure();
    }

    @Test
    void aNewComunaGetsTheDefaultInstrumentWithTheSixDimensionsAndThreeToFiveItemsEach() throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false); // rolled back: the comuna exists only to prove the trigger
            String code = "T" + System.nanoTime() % 100000000L;
            long comuna = FixtureSql.insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, ?, 'Región Demo')"
                    + " RETURNING id", code, "Comuna Nueva " + code);
            c.createStatement().execute("SET CONSTRAINTS ALL IMMEDIATE"); // what the commit would run
            List<String> codes = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.code, count(i.id), min(i.scale_min), max(i.scale_max)"
                    + " FROM diagnosis_instrument n JOIN diagnosis_dimension d ON d.instrument_id = n.id"
                    + " LEFT JOIN diagnosis_item i ON i.dimension_id = d.id WHERE n.comuna_id = ? AND n.state = 'PUBLISHED'"
                    + " GROUP BY d.code, d.position ORDER BY d.position")) {
                ps.setLong(1, comuna);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                        counts.add(rs.getInt(2));
                        assertThat(rs.getInt(3)).isEqualTo(1);
                        assertThat(rs.getInt(4)).isEqualTo(4);
                    }
                }
            }
            c.rollback();
            assertThat(codes).containsExactlyElementsOf(DIMENSIONS);
            assertThat(counts).allSatisfy(n -> assertThat(n).isBetween(3, 5));
        }
        // and the fixture comuna's coordinator reads it with Spanish labels per level
        TestSession.signIn(DiagnosisFixture.COORDINATOR);
        InstrumentView published = instruments.published().orElseThrow();
        assertThat(published.dimensions()).extracting(DimensionView::code).containsExactlyElementsOf(DIMENSIONS);
        assertThat(published.dimensions().get(0).items().get(0).levels()).extracting(l -> l.label())
                .containsExactly("Crítico", "En riesgo", "En desarrollo", "Logrado");
    }

    @Test
    void anotherProgramComplementsTheCurrentDiagnosisInsteadOfRepeatingItAndANewOneWithinSixMonthsNeedsAReason() {
        DiagnosisFixture.Program first = DiagnosisFixture.program();
        DiagnosisFixture.Program second = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(first, second);
        long existing = DiagnosisFixture.diagnosis(caseId, first);
        TestSession.signIn(second.professional());

        StartInfo start = diagnoses.start(caseId).orElseThrow();
        assertThat(start.current()).isNotNull();
        assertThat(start.current().id()).isEqualTo(existing);
        assertThat(start.current().programAcronym()).isEqualTo(first.acronym());
        assertThat(start.current().authorName()).isEqualTo("Persona " + first.professional());
        assertThat(start.reasonRequired()).isTrue();

        DiagnosisView current = diagnoses.current(caseId).orElseThrow();
        diagnoses.complement(caseId, new ComplementCommand(current.id(), current.version(), "Mirada educativa",
                List.of(new ComplementCommand.Line("EDUCATION", "Requiere evaluación psicopedagógica", 2, "Derivar a PIE"),
                        new ComplementCommand.Line("HEALTH", "", null, ""))));

        DiagnosisView after = diagnoses.current(caseId).orElseThrow();
        assertThat(after.id()).as("complementing keeps the same diagnosis").isEqualTo(existing);
        assertThat(diagnoses.versions(caseId)).hasSize(1);
        assertThat(after.complements()).singleElement().satisfies(c -> {
            assertThat(c.programAcronym()).isEqualTo(second.acronym());
            assertThat(c.summary()).isEqualTo("Mirada educativa");
            assertThat(c.entries()).singleElement().satisfies(e -> {
                assertThat(e.dimensionCode()).isEqualTo("EDUCATION");
                assertThat(e.text()).isEqualTo("Requiere evaluación psicopedagógica");
                assertThat(e.score()).isEqualTo(2);
            });
        });
        assertThat(after.version()).isEqualTo(current.version() + 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'UPDATE' AND entity_type = 'DIAGNOSIS'"
                + " AND entity_id = ? AND username = ?", String.valueOf(existing), second.professional())).isEqualTo(1);

        // an empty complement is refused
        assertThatThrownBy(() -> diagnoses.complement(caseId, new ComplementCommand(after.id(), after.version(), null,
                List.of(new ComplementCommand.Line("HEALTH", " ", null, null)))))
                .isInstanceOfSatisfying(BusinessException.class, e ->
                        assertThat(e.getMessageKey()).isEqualTo("diagnosis.complement.empty"));

        // a new full diagnosis within six months needs a reason; without one nothing is saved
        Map<Long, Integer> scores = allScored(start.instrument(), 3);
        assertThatThrownBy(() -> diagnoses.createFull(caseId, new FullCommand(after.id(), after.version(), scores,
                Map.of(), " ", null)))
                .isInstanceOfSatisfying(BusinessException.class, e ->
                        assertThat(e.getMessageKey()).isEqualTo("diagnosis.reason.required"));
        assertThat(diagnoses.versions(caseId)).hasSize(1);

        // with a reason it becomes the current one and the old stays readable as superseded
        long renewed = diagnoses.createFull(caseId, new FullCommand(after.id(), after.version(), scores, Map.of(),
                "Cambio grave en la situación familiar", "Nueva evaluación"));
        assertThat(diagnoses.current(caseId).orElseThrow().id()).isEqualTo(renewed);
        assertThat(diagnoses.versions(caseId)).extracting(v -> v.number() + ":" + v.state())
                .containsExactly("2:CURRENT", "1:SUPERSEDED");
        DiagnosisView old = diagnoses.find(existing).orElseThrow();
        assertThat(old.facts().state()).isEqualTo("SUPERSEDED");
        assertThat(old.complements()).hasSize(1);
        assertThat(TestDatabase.value("SELECT reason FROM diagnosis WHERE id = ?", renewed))
                .isEqualTo("Cambio grave en la situación familiar");
    }

    @Test
    void afterTheRenewalPeriodANewFullDiagnosisNeedsNoReasonButEveryItemScored() {
        DiagnosisFixture.Program program = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(program);
        long old = DiagnosisFixture.diagnosis(caseId, program);
        DiagnosisFixture.age(old, 7);
        TestSession.signIn(program.professional());

        StartInfo start = diagnoses.start(caseId).orElseThrow();
        assertThat(start.reasonRequired()).isFalse();
        Map<Long, Integer> missingOne = allScored(start.instrument(), 3);
        missingOne.remove(start.instrument().dimensions().get(2).items().get(0).id());
        assertThatThrownBy(() -> diagnoses.createFull(caseId, new FullCommand(old, start.current().version(), missingOne,
                Map.of(), null, null)))
                .isInstanceOfSatisfying(BusinessException.class, e ->
                        assertThat(e.getMessageKey()).isEqualTo("diagnosis.item.unscored"));
        assertThat(diagnoses.versions(caseId)).hasSize(1);

        long renewed = diagnoses.createFull(caseId, new FullCommand(old, start.current().version(),
                allScored(start.instrument(), 3), Map.of(), null, null));
        assertThat(diagnoses.current(caseId).orElseThrow().id()).isEqualTo(renewed);
    }

    @Test
    void comparingTwoVersionsGivesTheAveragePerDimensionBeforeAndAfterAndTheItemsThatChanged() {
        DiagnosisFixture.Program program = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(program);
        long first = DiagnosisFixture.diagnosis(caseId, program);           // every item 2
        TestSession.signIn(program.professional());
        StartInfo start = diagnoses.start(caseId).orElseThrow();
        InstrumentView instrument = start.instrument();
        Map<Long, Integer> scores = allScored(instrument, 2);
        DimensionView health = dimension(instrument, "HEALTH");
        DimensionView education = dimension(instrument, "EDUCATION");
        health.items().forEach(i -> scores.put(i.id(), 4));                   // HEALTH 2 -> 4
        scores.put(education.items().get(0).id(), 1);                        // one EDUCATION item 2 -> 1
        long second = diagnoses.createFull(caseId, new FullCommand(first, start.current().version(), scores, Map.of(),
                "Evaluación de seguimiento", null));

        Comparison cmp = diagnoses.compare(caseId, first, second).orElseThrow();
        Map<String, Comparison.DimensionChange> byCode = new HashMap<>();
        cmp.dimensions().forEach(d -> byCode.put(d.code(), d));
        assertThat(cmp.dimensions()).extracting(Comparison.DimensionChange::code).containsExactlyElementsOf(DIMENSIONS);
        assertThat(byCode.get("HEALTH").before()).isEqualByComparingTo("2.00");
        assertThat(byCode.get("HEALTH").after()).isEqualByComparingTo("4.00");
        int n = education.items().size();
        assertThat(byCode.get("EDUCATION").after()).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(2L * (n - 1) + 1).divide(java.math.BigDecimal.valueOf(n), 2,
                        java.math.RoundingMode.HALF_UP));
        assertThat(byCode.get("FAMILY").difference()).isEqualByComparingTo("0");
        assertThat(cmp.items()).hasSize(health.items().size() + 1);
        assertThat(cmp.items()).filteredOn(i -> i.text().equals(education.items().get(0).text())).singleElement()
                .satisfies(i -> {
                    assertThat(i.before()).isEqualTo(2);
                    assertThat(i.after()).isEqualTo(1);
                });
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'READ' AND entity_type = 'DIAGNOSIS'"
                + " AND entity_id = ? AND username = ?", first + "/" + second, program.professional())).isEqualTo(1);
    }

    @Test
    void publishingANewInstrumentVersionLeavesEarlierDiagnosesOnTheirVersion() throws SQLException {
        DiagnosisFixture.Program program = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(program);
        long diagnosis = DiagnosisFixture.diagnosis(caseId, program);
        long oldInstrument = ((Number) TestDatabase.value("SELECT instrument_id FROM diagnosis WHERE id = ?", diagnosis))
                .longValue();
        TestSession.signIn(DiagnosisFixture.COORDINATOR);

        InstrumentView draft = instruments.startDraft();
        assertThat(draft.state()).isEqualTo("DRAFT");
        assertThat(draft.id()).isNotEqualTo(oldInstrument);
        ItemView first = draft.dimensions().get(0).items().get(0);
        String oldText = (String) TestDatabase.value("SELECT i.text FROM diagnosis_item i JOIN diagnosis_dimension d"
                + " ON d.id = i.dimension_id WHERE d.instrument_id = ? AND d.code = 'HEALTH' AND i.position = 1", oldInstrument);
        String newText = "El NNA tiene controles de salud al día (v" + draft.number() + ")";

        // a scale whose labels do not match its levels is refused
        assertThatThrownBy(() -> instruments.saveDraft(command(draft, first.id(), newText, "Bajo|Alto")))
                .isInstanceOfSatisfying(BusinessException.class, e ->
                        assertThat(e.getMessageKey()).isEqualTo("diagnosis.instrument.labels.count"));
        instruments.saveDraft(command(draft, first.id(), newText, "Nunca|A veces|Casi siempre|Siempre"));
        // the copy the person had is stale now
        assertThatThrownBy(() -> instruments.saveDraft(command(draft, first.id(), "otra", "a|b|c|d")))
                .isInstanceOf(ConcurrentEditException.class);
        InstrumentView saved = instruments.draft().orElseThrow();
        instruments.publish(saved.id(), saved.version());

        InstrumentView published = instruments.published().orElseThrow();
        assertThat(published.id()).isEqualTo(draft.id());
        assertThat(published.dimensions().get(0).items().get(0).text()).isEqualTo(newText);
        assertThat(TestDatabase.value("SELECT state FROM diagnosis_instrument WHERE id = ?", oldInstrument)).isEqualTo("RETIRED");
        // the old diagnosis still points at its version, whose item kept its text
        assertThat(((Number) TestDatabase.value("SELECT instrument_id FROM diagnosis WHERE id = ?", diagnosis)).longValue())
                .isEqualTo(oldInstrument);
        assertThat(TestDatabase.value("SELECT i.text FROM diagnosis_score s JOIN diagnosis_item i ON i.id = s.item_id"
                + " JOIN diagnosis_dimension d ON d.id = i.dimension_id WHERE s.diagnosis_id = ? AND d.code = 'HEALTH'"
                + " AND i.position = 1", diagnosis)).isEqualTo(oldText);
        // and a published version is never edited in place
        assertThatThrownBy(() -> instruments.saveDraft(command(published, first.id(), "x", "a|b|c|d")))
                .isInstanceOfSatisfying(BusinessException.class, e ->
                        assertThat(e.getMessageKey()).isEqualTo("diagnosis.instrument.notDraft"));
    }

    @Test
    void aProgramNotInvolvedInTheCaseCannotReadTheDiagnosisEvenByIdAndTheAttemptIsAudited() {
        DiagnosisFixture.Program holder = DiagnosisFixture.program();
        DiagnosisFixture.Program outsider = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(holder);
        long diagnosis = DiagnosisFixture.diagnosis(caseId, holder);
        TestSession.signIn(outsider.professional());

        assertThat(diagnoses.current(caseId)).isEmpty();
        assertThat(diagnoses.find(diagnosis)).isEmpty();
        assertThat(diagnoses.versions(caseId)).isEmpty();
        assertThat(diagnoses.start(caseId)).isEmpty();
        assertThat(diagnoses.compare(caseId, diagnosis, diagnosis)).isEmpty();
        assertThatThrownBy(() -> diagnoses.complement(caseId, new ComplementCommand(diagnosis, 0, "x",
                List.of(new ComplementCommand.Line("HEALTH", "intruso", null, null)))))
                .isInstanceOfSatisfying(BusinessException.class, e ->
                        assertThat(e.getMessageKey()).isEqualTo("diagnosis.notFound"));
        assertThat(TestDatabase.count("SELECT count(*) FROM diagnosis_complement WHERE diagnosis_id = ?", diagnosis)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED' AND entity_type = 'DIAGNOSIS'"
                + " AND entity_id = ? AND username = ?", String.valueOf(diagnosis), outsider.professional())).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE outcome = 'SUCCESS' AND entity_type = 'DIAGNOSIS'"
                + " AND entity_id = ? AND username = ?", String.valueOf(diagnosis), outsider.professional())).isZero();
    }

    @Test
    void anotherComunaSeesNothingEvenById() {
        DiagnosisFixture.Program holder = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(holder);
        long diagnosis = DiagnosisFixture.diagnosis(caseId, holder);
        TestSession.signIn("cofacilitador.vecina");

        assertThat(diagnoses.find(diagnosis)).isEmpty();
        assertThat(diagnoses.current(caseId)).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED' AND entity_type = 'DIAGNOSIS'"
                + " AND entity_id = ? AND username = 'cofacilitador.vecina'", String.valueOf(diagnosis))).isEqualTo(1);
    }

    @Test
    void theComunasCoFacilitatorReadsTheDiagnosisAuditedButDoesNotWriteIt() {
        DiagnosisFixture.Program holder = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(holder);
        long diagnosis = DiagnosisFixture.diagnosis(caseId, holder, "HOUSING=1");
        TestSession.signIn(DiagnosisFixture.COFACILITATOR);

        DiagnosisView view = diagnoses.current(caseId).orElseThrow();
        assertThat(view.id()).isEqualTo(diagnosis);
        assertThat(view.dimensions()).filteredOn(d -> d.code().equals("HOUSING")).singleElement()
                .satisfies(d -> assertThat(d.average()).isEqualByComparingTo("1.00"));
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'READ' AND outcome = 'SUCCESS'"
                + " AND entity_type = 'DIAGNOSIS' AND entity_id = ? AND username = ?", String.valueOf(diagnosis),
                DiagnosisFixture.COFACILITATOR)).isEqualTo(1);
        assertThatThrownBy(() -> diagnoses.complement(caseId, new ComplementCommand(diagnosis, view.version(), "x",
                List.of()))).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsOverwritten() throws SQLException {
        DiagnosisFixture.Program program = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(program);
        long diagnosis = DiagnosisFixture.diagnosis(caseId, program);
        DiagnosisFixture.age(diagnosis, 12);
        TestSession.signIn(program.professional());
        StartInfo start = diagnoses.start(caseId).orElseThrow();
        DiagnosisView seen = diagnoses.current(caseId).orElseThrow();
        // someone else complements it meanwhile
        TestDatabase.update("UPDATE diagnosis SET version = version + 1 WHERE id = ?", diagnosis);

        assertThatThrownBy(() -> diagnoses.complement(caseId, new ComplementCommand(diagnosis, seen.version(), "tarde",
                List.of(new ComplementCommand.Line("FAMILY", "Ítem tardío", 3, null)))))
                .isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> diagnoses.createFull(caseId, new FullCommand(diagnosis, seen.version(),
                allScored(start.instrument(), 3), Map.of(), null, null)))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM diagnosis_complement WHERE diagnosis_id = ?", diagnosis)).isZero();
        assertThat(diagnoses.versions(caseId)).hasSize(1);
    }

    private static Map<Long, Integer> allScored(InstrumentView instrument, int score) {
        Map<Long, Integer> scores = new HashMap<>();
        instrument.dimensions().forEach(d -> d.items().forEach(i -> scores.put(i.id(), score)));
        return scores;
    }

    private static DimensionView dimension(InstrumentView instrument, String code) {
        return instrument.dimensions().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    /** The draft's current names and items, with one item's text and labels changed. */
    private static DraftCommand command(InstrumentView draft, long itemId, String text, String labels) {
        List<DraftCommand.DimensionEdit> dims = new ArrayList<>();
        List<DraftCommand.ItemEdit> items = new ArrayList<>();
        for (DimensionView d : draft.dimensions()) {
            dims.add(new DraftCommand.DimensionEdit(d.id(), d.name(), d.position()));
            for (ItemView i : d.items()) {
                boolean target = i.id() == itemId;
                items.add(new DraftCommand.ItemEdit(i.id(), i.position(), target ? text : i.text(), i.scaleMin(),
                        i.scaleMax(), target ? labels : i.labelsText(), i.note()));
            }
        }
        return new DraftCommand(draft.id(), draft.version(), draft.name(), dims, items);
    }
}
