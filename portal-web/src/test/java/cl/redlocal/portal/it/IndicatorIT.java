package cl.redlocal.portal.it;

import cl.redlocal.portal.indicator.boundary.ComparisonCell;
import cl.redlocal.portal.indicator.boundary.CorrectionForm;
import cl.redlocal.portal.indicator.boundary.Dashboard;
import cl.redlocal.portal.indicator.boundary.DrillCase;
import cl.redlocal.portal.indicator.boundary.DrillDown;
import cl.redlocal.portal.indicator.boundary.IndicatorRow;
import cl.redlocal.portal.indicator.boundary.IndicatorService;
import cl.redlocal.portal.indicator.boundary.Publication;
import cl.redlocal.portal.indicator.boundary.PublicationSummary;
import cl.redlocal.portal.indicator.boundary.TargetForm;
import cl.redlocal.portal.indicator.control.IndicatorValue;
import cl.redlocal.portal.indicator.control.OrgUnit;
import cl.redlocal.portal.indicator.control.Quarter;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The quarterly indicators inside the running portal, on {@link IndicatorFixture}'s comunas whose numerators and
 * denominators are known: every indicator of 2025-Q2, publishing (locked, corrected with a reason into versions),
 * targets and their light, small-cell suppression, need-to-know on the drill-down, and the territorial, regional
 * and national scopes.
 */
@ExtendWith(ArquillianExtension.class)
class IndicatorIT {

    static final Quarter Q = new Quarter(2025, 2);

    @Inject
    IndicatorService indicators;

    @Inject
    PortalClock clock;

    @BeforeEach
    void fixture() {
        IndicatorFixture.ensure();
    }

    @Test
    void everyIndicatorOfTheQuarterHasItsKnownNumeratorDenominatorAndValue() {
        TestSession.signIn(IndicatorFixture.COFACILITATOR);

        Map<String, IndicatorValue> v = byCode(indicators.compute(Q));

        assertThat(v).hasSize(18);
        assertRate(v, "DER_PLAZO", 4, 6, "66.7");
        assertThat(v.get("DER_DIAS")).extracting(IndicatorValue::numerator, IndicatorValue::denominator, IndicatorValue::value)
                .containsExactly(null, 5L, new BigDecimal("10.0"));
        assertRate(v, "DER_ACEPTADAS", 4, 5, "80.0");
        assertThat(v.get("ESP_MEDIANA")).extracting(IndicatorValue::denominator, IndicatorValue::value)
                .containsExactly(5L, new BigDecimal("30.0"));
        assertThat(v.get("ESP_P90")).extracting(IndicatorValue::denominator, IndicatorValue::value)
                .containsExactly(5L, new BigDecimal("46.0"));
        assertThat(v.get("ESP_LARGO")).extracting(IndicatorValue::numerator, IndicatorValue::value)
                .containsExactly(2L, new BigDecimal("2"));
        assertRate(v, "DIAG_OPORTUNO", 2, 4, "50.0");
        assertRate(v, "PLAN_INTEGRADO", 1, 3, "33.3");
        assertThat(v.get("SOBRE_INTERVENCION").numerator()).isEqualTo(1L);
        assertRate(v, "EGRESO_LOGRO", 1, 3, "33.3");
        // seed 001's purpose indicator on the one episode definition: K re-enters within 24 months, L after them
        assertRate(v, "NO_REINGRESO_24M", 2, 3, "66.7");
        assertRate(v, "SEG_OPORTUNO", 2, 4, "50.0");
        assertRate(v, "ALERTA_ALTA_7D", 2, 4, "50.0");
        assertRate(v, "MESA_SESIONES", 2, 3, "66.7");
        assertRate(v, "MESA_ASISTENCIA", 5, 8, "62.5");
        assertRate(v, "ACUERDOS_PLAZO", 1, 3, "33.3");
        assertRate(v, "OCUPACION", 8, 14, "57.1");
        assertRate(v, "DEMANDA_OFERTA", 10, 14, "71.4");
    }

    @Test
    void aQuarterIsPublishedOnceFrozenAndCorrectedIntoVersionsWithTheirReasons() {
        TestSession.signIn(IndicatorFixture.COORDINATOR);
        Quarter q = new Quarter(2025, 1);

        PublicationSummary first = indicators.publish(q);
        assertThat(first.versionNo()).isEqualTo(1);
        assertThat(first.correctionReason()).isNull();

        // locked: no second version 1, and the row itself cannot change
        assertThatThrownBy(() -> indicators.publish(q)).isInstanceOf(BusinessException.class)
                .hasMessage("indicator.publish.already");
        assertThatThrownBy(() -> TestDatabase.update("UPDATE indicator_publication SET published_by = 'x' WHERE id = ?",
                first.id())).hasMessageContaining("frozen");

        // the quarter not ended yet (the current one) is refused, and nothing is written
        Quarter current = Quarter.of(clock.today());
        long before = TestDatabase.count("SELECT count(*) FROM indicator_publication");
        assertThatThrownBy(() -> indicators.publish(current)).isInstanceOf(BusinessException.class)
                .hasMessage("indicator.publish.notEnded");
        assertThat(TestDatabase.count("SELECT count(*) FROM indicator_publication")).isEqualTo(before);

        // a correction needs a reason; with one it is version 2 and version 1 stays readable
        assertThatThrownBy(() -> indicators.correct(new CorrectionForm(q.toString(), " ")))
                .isInstanceOf(RuntimeException.class);
        assertThat(indicators.publication(null, q, null).version().versionNo()).isEqualTo(1);
        PublicationSummary second = indicators.correct(new CorrectionForm(q.toString(), "Fechas de respuesta corregidas"));
        assertThat(second.versionNo()).isEqualTo(2);

        Publication v1 = indicators.publication(null, q, 1);
        Publication v2 = indicators.publication(null, q, null);
        assertThat(v1.version().current()).isFalse();
        assertThat(v2.version()).extracting(PublicationSummary::versionNo, PublicationSummary::correctionReason,
                PublicationSummary::current).containsExactly(2, "Fechas de respuesta corregidas", true);
        assertThat(v1.definitions()).hasSize(18);
        assertThat(v1.definitions().get(0).code()).isEqualTo("DER_PLAZO");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type ="
                + " 'INDICATOR_PUBLICATION' AND action IN ('CREATE', 'UPDATE')", IndicatorFixture.COORDINATOR)).isGreaterThanOrEqualTo(2);

    }

    @Test
    void onlyTheCoordinatorPublishes() {
        TestSession.signIn(IndicatorFixture.COFACILITATOR);
        assertThatThrownBy(() -> indicators.publish(new Quarter(2024, 3))).isInstanceOf(EJBException.class);
    }

    @Test
    void theQuarterPublishedFreezesTheComputedValuesAndTheDashboardShowsThemWithTheTargetsLight() {
        TestSession.signIn(IndicatorFixture.COORDINATOR);
        ensurePublished();
        int year = clock.today().getYear();
        Integer version = TestDatabase.values("SELECT t.version FROM indicator_target t JOIN comuna c ON c.id = t.comuna_id"
                + " WHERE c.code = ? AND t.indicator_code = 'DER_PLAZO' AND t.year = ?", IndicatorFixture.COMUNA, year)
                .stream().map(o -> ((Number) o).intValue()).findFirst().orElse(null);
        indicators.setTarget(new TargetForm("DER_PLAZO", year, new BigDecimal("80"), version));

        Publication p = indicators.publication(null, Q, null);
        Map<String, IndicatorValue> frozen = byCode(p.values());
        assertRate(frozen, "DER_PLAZO", 4, 6, "66.7");
        assertRate(frozen, "MESA_ASISTENCIA", 5, 8, "62.5");

        Dashboard d = indicators.dashboard(null);
        assertThat(d.inside()).isTrue();
        IndicatorRow row = d.rows().stream().filter(r -> r.definition().code().equals("DER_PLAZO")).findFirst().orElseThrow();
        assertThat(row.target()).isEqualByComparingTo("80");
        assertThat(row.trend()).hasSize(8);
        assertThat(row.live()).isNotNull();

        // a target outside the unit's range is refused
        assertThatThrownBy(() -> indicators.setTarget(new TargetForm("DER_PLAZO", year, new BigDecimal("120"), null)))
                .isInstanceOf(BusinessException.class).hasMessage("indicator.target.range");
    }

    @Test
    void smallCellsAreSuppressedOutsideTheComunaFromOneToFourButNotAtFive() {
        TestSession.signIn(IndicatorFixture.MANAGER);

        Publication vecina = indicators.publication(IndicatorFixture.comunaId(IndicatorFixture.VECINA), Q, null);
        Map<String, IndicatorValue> v = byCode(vecina.values());

        // 3 of 4: both counts small, the percentage hidden
        assertThat(v.get("DER_PLAZO")).extracting(IndicatorValue::numerator, IndicatorValue::denominator,
                        IndicatorValue::value, IndicatorValue::numeratorSmall, IndicatorValue::denominatorSmall)
                .containsExactly(null, null, null, true, true);
        // a count indicator of 4 and a median over 4 waits are hidden too
        assertThat(v.get("ESP_LARGO")).extracting(IndicatorValue::numerator, IndicatorValue::value,
                IndicatorValue::numeratorSmall).containsExactly(null, null, true);
        assertThat(v.get("ESP_MEDIANA")).extracting(IndicatorValue::value, IndicatorValue::denominatorSmall)
                .containsExactly(null, true);
        // 5 of 5 is shown, and 0 of 0 is no small cell
        assertThat(v.get("MESA_SESIONES")).extracting(IndicatorValue::numerator, IndicatorValue::denominator,
                IndicatorValue::value, IndicatorValue::suppressed).containsExactly(5L, 5L, new BigDecimal("100.0"), false);
        assertThat(v.get("OCUPACION")).extracting(IndicatorValue::numerator, IndicatorValue::suppressed)
                .containsExactly(0L, false);

    }

    @Test
    void insideItsComunaThePublicationIsWhole() {
        TestSession.signIn(IndicatorFixture.COFACILITATOR_VECINA);
        assertThat(byCode(indicators.publication(null, Q, null).values()).get("DER_PLAZO"))
                .extracting(IndicatorValue::numerator, IndicatorValue::denominator).containsExactly(3L, 4L);
    }

    @Test
    void aCofacilitatorSeesEveryCaseBehindTheNumber() {
        TestSession.signIn(IndicatorFixture.COFACILITATOR);
        DrillDown all = indicators.drillDown(null, "DER_PLAZO", Q);
        assertThat(all.casesShown()).isTrue();
        assertThat(all.cases()).extracting(DrillCase::caseCode, DrillCase::inNumerator).containsExactlyInAnyOrder(
                tuple("IND-41-A", true), tuple("IND-41-B", true), tuple("IND-41-C", true), tuple("IND-41-D", true),
                tuple("IND-41-E", false), tuple("IND-41-F", false));
    }

    @Test
    void theCoordinatorSeesTheCountsOnly() {
        TestSession.signIn(IndicatorFixture.COORDINATOR);
        DrillDown counts = indicators.drillDown(null, "DER_PLAZO", Q);
        assertThat(counts).extracting(DrillDown::numerator, DrillDown::denominator, DrillDown::casesShown)
                .containsExactly(4L, 6L, false);
        assertThat(counts.cases()).isEmpty();
    }

    @Test
    void aProgramSeesTheCasesThatInvolveIt() {
        // program A received every referral
        TestSession.signIn(IndicatorFixture.PROFESSIONAL_A);
        assertThat(indicators.drillDown(null, "DER_PLAZO", Q).cases()).hasSize(6);
        assertThat(indicators.drillDown(null, "DIAG_OPORTUNO", Q).cases()).extracting(DrillCase::caseCode)
                .containsExactlyInAnyOrder("IND-41-A", "IND-41-B", "IND-41-C", "IND-41-D");
    }

    @Test
    void anUninvolvedProgramSeesNoCase() {
        TestSession.signIn(IndicatorFixture.PROFESSIONAL_E);
        DrillDown none = indicators.drillDown(null, "DER_PLAZO", Q);
        assertThat(none.cases()).isEmpty();
        assertThat(none.denominator()).isEqualTo(6L);
    }

    @Test
    void anotherComunasCasesAreRefusedAndAudited() {
        TestSession.signIn(IndicatorFixture.COFACILITATOR_VECINA);
        long denied = deniedDrills();
        long comuna = IndicatorFixture.comunaId(IndicatorFixture.COMUNA);
        assertThatThrownBy(() -> indicators.drillDown(comuna, "DER_PLAZO", Q)).isInstanceOf(BusinessException.class)
                .hasMessage("indicator.drill.otherComuna");
        assertThat(deniedDrills()).isEqualTo(denied + 1);
    }

    @Test
    void theTerritorialManagerHasNoDrillDown() {
        TestSession.signIn(IndicatorFixture.MANAGER);
        assertThatThrownBy(() -> indicators.drillDown(null, "DER_PLAZO", Q)).isInstanceOf(EJBException.class);
    }

    @Test
    void aTerritorialManagerReadsTheComunasTheySupportOnly() {
        TestSession.signIn(IndicatorFixture.MANAGER);
        assertThat(codes(indicators.scope())).containsExactlyInAnyOrder(IndicatorFixture.COMUNA, IndicatorFixture.VECINA);
        assertThat(indicators.scopeLevel()).isEqualTo("COMUNAS");
        long sur = IndicatorFixture.comunaId(IndicatorFixture.SUR);
        long before = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'INDICATORS'", IndicatorFixture.MANAGER);
        assertThatThrownBy(() -> indicators.compare(List.of(sur), Q)).isInstanceOf(BusinessException.class)
                .hasMessage("indicator.scope.denied");
        assertThatThrownBy(() -> indicators.dashboard(sur)).isInstanceOf(BusinessException.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'INDICATORS'", IndicatorFixture.MANAGER)).isEqualTo(before + 2);
    }

    @Test
    void aRegionalManagerReadsEveryComunaOfTheirRegion() {
        TestSession.signIn(IndicatorFixture.REGIONAL);
        assertThat(codes(indicators.scope())).containsExactlyInAnyOrder(IndicatorFixture.COMUNA, IndicatorFixture.VECINA);
        assertThat(indicators.scopeLevel()).isEqualTo("REGION");
    }

    @Test
    void aNationalManagerReadsEveryComuna() {
        TestSession.signIn(IndicatorFixture.NATIONAL);
        assertThat(codes(indicators.scope())).contains(IndicatorFixture.COMUNA, IndicatorFixture.VECINA,
                IndicatorFixture.SUR, "99001", "99002", "99003");
        assertThat(indicators.scopeLevel()).isEqualTo("PAIS");
    }

    @Test
    void theComparisonAddsComunasUpToTheirRegionsAndTheCountryWithSmallCellsSuppressed() {
        TestSession.signIn(IndicatorFixture.NATIONAL);
        List<Long> chosen = List.of(IndicatorFixture.comunaId(IndicatorFixture.COMUNA),
                IndicatorFixture.comunaId(IndicatorFixture.VECINA), IndicatorFixture.comunaId(IndicatorFixture.SUR));
        Map<String, IndicatorValue> plazo = indicators.compare(chosen, new Quarter(2024, 4)).stream()
                .filter(c -> c.code().equals("DER_PLAZO"))
                .collect(Collectors.toMap(c -> c.level() + ":" + c.unitName(), ComparisonCell::value));

        assertThat(plazo.get("COMUNA:Comuna Indicadores")).extracting(IndicatorValue::numerator,
                IndicatorValue::denominator, IndicatorValue::value).containsExactly(6L, 8L, new BigDecimal("75.0"));
        assertThat(plazo.get("COMUNA:Comuna Indicadores Vecina")).extracting(IndicatorValue::numerator,
                IndicatorValue::denominator, IndicatorValue::value, IndicatorValue::suppressed)
                .containsExactly(null, null, null, true);
        // the region adds 6/8 and 3/4: 9/12; the country adds the south's 10/20 too: 19/32
        assertThat(plazo.get("REGION:Región Indicadores Norte")).extracting(IndicatorValue::numerator,
                IndicatorValue::denominator, IndicatorValue::value).containsExactly(9L, 12L, new BigDecimal("75.0"));
        assertThat(plazo.get("REGION:Región Indicadores Sur")).extracting(IndicatorValue::numerator,
                IndicatorValue::denominator).containsExactly(10L, 20L);
        assertThat(plazo.get("PAIS:Chile")).extracting(IndicatorValue::numerator, IndicatorValue::denominator,
                IndicatorValue::value).containsExactly(19L, 32L, new BigDecimal("59.4"));

        // alerts at the three levels, counts only
        assertThat(indicators.alertCounts(Q)).extracting(a -> a.level()).contains("COMUNA", "REGION", "PAIS");
    }

    // ------------------------------------------------------------------------------------------------

    private void ensurePublished() {
        if (TestDatabase.count("SELECT count(*) FROM indicator_publication p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = ? AND p.year = 2025 AND p.quarter = 2", IndicatorFixture.COMUNA) == 0) {
            try {
                indicators.publish(Q);
            } catch (BusinessException e) {
                // another test published it meanwhile
            }
        }
    }

    private static long deniedDrills() {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'INDICATOR_CASES'", IndicatorFixture.COFACILITATOR_VECINA);
    }

    private static List<String> codes(List<OrgUnit> units) {
        return units.stream().map(OrgUnit::comunaCode).toList();
    }

    private static Map<String, IndicatorValue> byCode(List<IndicatorValue> values) {
        return values.stream().collect(Collectors.toMap(IndicatorValue::code, Function.identity()));
    }

    private static void assertRate(Map<String, IndicatorValue> v, String code, long numerator, long denominator,
                                   String value) {
        assertThat(v.get(code)).as(code).extracting(IndicatorValue::numerator, IndicatorValue::denominator,
                IndicatorValue::value).containsExactly(numerator, denominator, new BigDecimal(value));
    }
}
