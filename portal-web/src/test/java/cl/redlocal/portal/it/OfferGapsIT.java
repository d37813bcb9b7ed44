package cl.redlocal.portal.it;

import cl.redlocal.portal.offer.boundary.GapCatalogue;
import cl.redlocal.portal.offer.boundary.GapRow;
import cl.redlocal.portal.offer.boundary.MapFilter;
import cl.redlocal.portal.offer.boundary.MapLocation;
import cl.redlocal.portal.offer.boundary.OfferFilter;
import cl.redlocal.portal.offer.boundary.OfferOverviewService;
import cl.redlocal.portal.offer.boundary.OfferRow;
import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.control.Availability;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.web.offer.MapMarkers;
import cl.redlocal.portal.web.offer.MapSettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The offer map's markers and the gap catalogue inside the running portal, on fixture comunas whose
 * figures are known (OfferFixture) beside the demo data.
 */
@ExtendWith(ArquillianExtension.class)
class OfferGapsIT {

    @Inject
    OfferOverviewService overview;

    @Inject
    OfferService offer;

    @Inject
    MapSettings mapSettings;

    @BeforeEach
    void fixture() {
        OfferFixture.ensure();
    }

    // --- gap catalogue -----------------------------------------------------------------------------

    @Test
    void aProgramsLineCountsItsSlotsOccupancyAndItsWaitingReferralsOnly() {
        TestSession.signIn(OfferFixture.COORDINATOR);

        Map<String, GapRow> programs = byAcronym(overview.gaps(null).programs());

        // 10 slots, 10 occupied, 3 referrals waiting since 40, 20 and 10 days: (10 + 3) / 10
        GapRow full = programs.get("BRA");
        assertThat(full).extracting(GapRow::slots, GapRow::occupied, GapRow::vacancies, GapRow::waiting, GapRow::demand,
                        GapRow::oldestWaitDays, GapRow::medianWaitDays, GapRow::ratio, GapRow::demandExceedsSupply)
                .containsExactly(10L, 10L, 0L, 3L, 13L, 40, new BigDecimal("20.0"), new BigDecimal("1.30"), true);
        assertThat(full.sector()).isEqualTo(Sector.PROTECTION);
        assertThat(full.programId()).isEqualTo(OfferFixture.programId("BRA"));

        // sent, accepted, admitted and rejected referrals are no waiting list
        assertThat(programs.get("BRB")).extracting(GapRow::waiting, GapRow::oldestWaitDays, GapRow::medianWaitDays,
                        GapRow::ratio, GapRow::demandExceedsSupply)
                .containsExactly(1L, 4, new BigDecimal("4.0"), new BigDecimal("0.30"), false);

        // no slots: no ratio, but two children waiting already exceed the supply; median of 8 and 6
        assertThat(programs.get("BRC")).extracting(GapRow::slots, GapRow::waiting, GapRow::oldestWaitDays,
                        GapRow::medianWaitDays, GapRow::ratio, GapRow::demandExceedsSupply)
                .containsExactly(0L, 2L, 8, new BigDecimal("7.0"), null, true);

        // full without anybody waiting: exactly at supply, not above
        assertThat(programs.get("BRD")).extracting(GapRow::ratio, GapRow::demandExceedsSupply, GapRow::oldestWaitDays,
                        GapRow::medianWaitDays)
                .containsExactly(new BigDecimal("1.00"), false, null, null);

        // a suspended program keeps its line; a closed one has none
        assertThat(programs.get("BRE").status()).isEqualTo(ProgramStatus.SUSPENDED);
        assertThat(programs).doesNotContainKey("BRF");
    }

    @Test
    void sectorLinesAddUpTheirProgramsAndTakeTheMedianOverAllTheirWaitingReferrals() {
        TestSession.signIn(OfferFixture.COORDINATOR);

        GapCatalogue catalogue = overview.gaps(null);

        assertThat(catalogue.sectors()).extracting(GapRow::sector, GapRow::slots, GapRow::occupied, GapRow::vacancies,
                        GapRow::waiting, GapRow::oldestWaitDays, GapRow::medianWaitDays, GapRow::ratio,
                        GapRow::demandExceedsSupply)
                .containsExactly(
                        tuple(Sector.EDUCATION, 8L, 2L, 6L, 0L, null, null, new BigDecimal("0.25"), false),
                        tuple(Sector.HEALTH, 5L, 5L, 0L, 2L, 8, new BigDecimal("7.0"), new BigDecimal("1.40"), true),
                        // waits 40, 20, 10 and 4: the median of the four, not of the programs' medians
                        tuple(Sector.PROTECTION, 30L, 15L, 15L, 4L, 40, new BigDecimal("15.0"), new BigDecimal("0.63"), false));
        assertThat(catalogue.sectors()).allSatisfy(s -> assertThat(s.programId()).isNull());

        // waits 4, 6, 8, 10, 20, 40; the closed program's 30 days are not among them
        assertThat(catalogue.total()).extracting(GapRow::sector, GapRow::slots, GapRow::occupied, GapRow::waiting,
                        GapRow::demand, GapRow::oldestWaitDays, GapRow::medianWaitDays, GapRow::ratio)
                .containsExactly(null, 43L, 22L, 6L, 28L, 40, new BigDecimal("9.0"), new BigDecimal("0.65"));
        assertThat(catalogue.comunaName()).isEqualTo(OfferFixture.COMUNA);
        assertThat(catalogue.programs()).extracting(GapRow::acronym)
                .as("by sector, then acronym").containsExactly("BRE", "BRC", "BRD", "BRA", "BRB");
    }

    @Test
    void aComunasCatalogueNeverIncludesAnotherComunasProgramsOrWaits() {
        TestSession.signIn(OfferFixture.NEIGHBOUR_COORDINATOR);

        GapCatalogue neighbour = overview.gaps(null);

        assertThat(neighbour.programs()).extracting(GapRow::acronym).containsExactly("BRV");
        assertThat(neighbour.total()).extracting(GapRow::slots, GapRow::waiting, GapRow::oldestWaitDays,
                GapRow::medianWaitDays).containsExactly(10L, 2L, 90, new BigDecimal("75.0"));

        long other = OfferFixture.comunaId(OfferFixture.COMUNA);
        long deniedBefore = denials(OfferFixture.NEIGHBOUR_COORDINATOR, other);
        assertThatThrownBy(() -> overview.gaps(other)).isInstanceOf(BusinessException.class).hasMessage("error.notFound");
        assertThatThrownBy(() -> overview.locations(new MapFilter(null, false, other)))
                .isInstanceOf(BusinessException.class);
        assertThat(denials(OfferFixture.NEIGHBOUR_COORDINATOR, other)).isEqualTo(deniedBefore + 2);
    }

    @Test
    void aTerritorialManagerReadsTheComunasTheySupportAndNoOther() {
        TestSession.signIn("gestor");

        assertThat(overview.comunas()).extracting(Option::label).containsExactly("Comuna Demo", "Comuna Vecina");
        long vecina = overview.comunas().get(1).id();
        assertThat(overview.gaps(vecina).programs()).extracting(GapRow::acronym).containsExactly("OPD-V", "PPF-V");
        assertThat(overview.gaps(null).comunaName()).isEqualTo("Comuna Demo");

        long notSupported = OfferFixture.comunaId(OfferFixture.COMUNA);
        assertThatThrownBy(() -> overview.gaps(notSupported)).isInstanceOf(BusinessException.class);
    }

    @Test
    void aProgramProfessionalReadsTheirComunasCatalogueAndMap() {
        TestSession.signIn(OfferFixture.PROFESSIONAL);

        assertThat(overview.comunas()).extracting(Option::label).containsExactly(OfferFixture.COMUNA);
        assertThat(overview.gaps(null).programs()).hasSize(5);
        assertThat(overview.locations(MapFilter.any())).hasSize(7);
    }

    @Test
    void exportingTheCatalogueIsAudited() {
        TestSession.signIn(OfferFixture.COORDINATOR);
        long before = exports(OfferFixture.COORDINATOR, "XLSX");

        overview.gapsExported(null, "XLSX");

        assertThat(exports(OfferFixture.COORDINATOR, "XLSX")).isEqualTo(before + 1);
        assertThatThrownBy(() -> overview.gapsExported(null, "DOCX")).isInstanceOf(jakarta.ejb.EJBException.class);
    }

    static long exports(String username, String format) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'OFFER_GAPS' AND entity_id = ? AND detail = ? AND outcome = 'SUCCESS'",
                username, String.valueOf(OfferFixture.comunaId(OfferFixture.COMUNA)), format);
    }

    @Test
    void theDemoComunasFiguresAgreeWithTheOfferListProgramByProgram() {
        TestSession.signIn("coordinador");

        // the catalogue leaves closed programs out by design (other test classes add one to the demo comuna)
        Map<String, OfferRow> list = offer.list(OfferFilter.any(), PageRequest.of(0, 100)).stream()
                .filter(r -> r.status() != ProgramStatus.CLOSED)
                .collect(Collectors.toMap(OfferRow::acronym, Function.identity()));
        GapCatalogue catalogue = overview.gaps(null);

        assertThat(catalogue.programs()).hasSize(list.size()).allSatisfy(g -> {
            OfferRow row = list.get(g.acronym());
            assertThat(g.slots()).isEqualTo(row.slots());
            assertThat(g.occupied()).isEqualTo(row.occupied());
            assertThat(g.waiting()).as(g.acronym()).isEqualTo(row.waiting());
        });
        assertThat(catalogue.total().waiting()).isEqualTo(list.values().stream().mapToLong(OfferRow::waiting).sum())
                .isPositive();
        assertThat(catalogue.programs()).filteredOn(GapRow::demandExceedsSupply).isNotEmpty();

        List<MapLocation> locations = overview.locations(MapFilter.any());
        // every program with a place is on the map (programs other test classes add to the demo have none)
        List<?> placed = TestDatabase.values("SELECT DISTINCT p.acronym FROM program p JOIN program_location l"
                + " ON l.program_id = p.id JOIN comuna c ON c.id = p.comuna_id WHERE c.code = '99001'"
                + " AND p.status <> 'CLOSED'");
        assertThat(placed).hasSizeGreaterThanOrEqualTo(24);
        assertThat(locations).extracting(MapLocation::acronym).containsAll(placed.stream().map(String::valueOf).toList());
        assertThat(locations).allSatisfy(l -> {
            OfferRow row = list.get(l.acronym());
            assertThat(l.waiting()).isEqualTo(row.waiting());
            assertThat(l.availability()).as(l.acronym())
                    .isEqualTo(Availability.of(row.status(), row.vacancies(), row.waiting()));
        });
        assertThat(locations).filteredOn(l -> l.acronym().equals("DEPORTES"))
                .extracting(MapLocation::availability).containsOnly(Availability.INACTIVE);
    }

    // --- map -----------------------------------------------------------------------------------------

    @Test
    void everyLocationIsListedAndOnlyThoseWithCoordinatesBecomeMarkersColouredByAvailability() {
        TestSession.signIn(OfferFixture.COORDINATOR);

        List<MapLocation> locations = overview.locations(MapFilter.any());

        assertThat(locations).extracting(MapLocation::acronym, MapLocation::mapped, MapLocation::availability)
                .containsExactly(
                        tuple("BRA", true, Availability.FULL_WITH_WAITING_LIST),
                        tuple("BRB", true, Availability.AVAILABLE),
                        tuple("BRB", false, Availability.AVAILABLE),
                        tuple("BRC", true, Availability.FULL_WITH_WAITING_LIST),
                        tuple("BRD", true, Availability.FULL),
                        tuple("BRE", true, Availability.INACTIVE),
                        tuple("BRF", true, Availability.INACTIVE));
        MapLocation bra = locations.get(0);
        assertThat(bra).extracting(MapLocation::programId, MapLocation::vacancies, MapLocation::waiting,
                MapLocation::locationName).containsExactly(OfferFixture.programId("BRA"), 0, 3L, "Sede BRA");
        assertThat(bra.latitude()).isEqualByComparingTo("-33.5");

        JsonArray markers = Json.createReader(new StringReader(MapMarkers.json(locations))).readArray();
        assertThat(markers).hasSize(6);
        JsonObject first = markers.getJsonObject(0);
        assertThat(first.getString("acronym")).isEqualTo("BRA");
        assertThat(first.getString("availability")).isEqualTo("FULL_WITH_WAITING_LIST");
        assertThat(first.getJsonNumber("lat").doubleValue()).isEqualTo(-33.5);
        assertThat(first.getJsonNumber("lng").doubleValue()).isEqualTo(-70.6);
        assertThat(first.getJsonNumber("programId").longValue()).isEqualTo(OfferFixture.programId("BRA"));
        assertThat(first.getInt("waiting")).isEqualTo(3);
        assertThat(markers.getValuesAs(JsonObject.class)).extracting(m -> m.getString("place"))
                .doesNotContain("Sede BRB Rural");
    }

    @Test
    void theMapFiltersBySectorAndByVacancies() {
        TestSession.signIn(OfferFixture.COORDINATOR);

        assertThat(overview.locations(new MapFilter(null, true, null)))
                .extracting(MapLocation::acronym).containsExactly("BRB", "BRB");
        assertThat(overview.locations(new MapFilter(Sector.HEALTH, false, null)))
                .extracting(MapLocation::acronym).containsExactly("BRC", "BRD");
        assertThat(overview.locations(new MapFilter(Sector.EDUCATION, true, null)))
                .as("a suspended program's vacancies take nobody").isEmpty();
    }

    @Test
    void withTheTileSettingEmptyTheMapHasNoTilesAndAllowsNoOtherImageOrigin() {
        // arquillian.xml runs the portal with -Dportal.offer.map.tile-url= (tests have no internet)
        assertThat(mapSettings.isTilesEnabled()).isFalse();
        assertThat(mapSettings.getTileUrl()).isEmpty();
        assertThat(mapSettings.getTileOrigin()).isEmpty();
        assertThat(mapSettings.getAttribution()).isEmpty();
        assertThat(mapSettings.getLeafletVersion()).isEqualTo("1.9.4");
    }

    private static Map<String, GapRow> byAcronym(List<GapRow> rows) {
        return rows.stream().collect(Collectors.toMap(GapRow::acronym, Function.identity()));
    }

    private static long denials(String username, long comuna) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'COMUNA' AND entity_id = ?", username, String.valueOf(comuna));
    }
}
