package cl.redlocal.portal.it;

import cl.redlocal.portal.offer.boundary.AccessMode;
import cl.redlocal.portal.offer.boundary.LocationForm;
import cl.redlocal.portal.offer.boundary.OfferFilter;
import cl.redlocal.portal.offer.boundary.OfferRow;
import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.boundary.ProgramDetails;
import cl.redlocal.portal.offer.boundary.ProgramForm;
import cl.redlocal.portal.offer.boundary.ProviderForm;
import cl.redlocal.portal.offer.boundary.ProviderRow;
import cl.redlocal.portal.offer.entity.ProviderKind;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offer map's rules inside the running portal: who may do what, validation, locking, history, staleness. */
@ExtendWith(ArquillianExtension.class)
class OfferIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    OfferService offer;

    @Test
    void theCoordinatorCreatesAProgramThatEveryoneInTheComunaReadsAndNobodyElse() throws SQLException {
        TestSession.signIn("coordinador");
        String acronym = acronym();
        long id = offer.create(form(acronym, 6, 12), 15);

        ProgramDetails created = offer.find(id).orElseThrow();
        assertThat(created.acronym()).isEqualTo(acronym);
        assertThat(created.slots()).isEqualTo(15);
        assertThat(created.vacancies()).isEqualTo(15);
        assertThat(created.locations()).singleElement().satisfies(l ->
                assertThat(l.latitude()).isEqualByComparingTo("-33.450000"));
        assertThat(created.stale()).as("a new entry counts as confirmed by its author").isFalse();
        assertThat(created.confirmedBy()).isEqualTo("coordinador");
        assertThat(TestDatabase.count("SELECT count(*) FROM capacity_change WHERE program_id = ?", id)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND entity_type = 'PROGRAM'"
                + " AND entity_id = ?", String.valueOf(id))).isEqualTo(1);
        // another comuna does not see it, whatever the id
        assertThat(TestDatabase.value("SELECT comuna_id FROM program WHERE id = ?", id))
                .isEqualTo(TestDatabase.value("SELECT id FROM comuna WHERE code = '99001'"));
    }

    @Test
    void aProgramOfAnotherComunaDoesNotExistForTheCaller() {
        long vecinaProgram = ((Number) TestDatabase.value("SELECT id FROM program WHERE acronym = 'PPF-V'")).longValue();
        TestSession.signIn("coordinador");
        assertThat(offer.find(vecinaProgram)).isEmpty();
        assertThat(offer.list(OfferFilter.any(), PageRequest.of(0, 100))).extracting(OfferRow::acronym)
                .doesNotContain("PPF-V", "OPD-V").contains("PPF", "OPD");
        assertThatThrownBy(() -> offer.updateCapacity(vecinaProgram, 0, 5, 1, null)).isInstanceOf(BusinessException.class);
    }

    @Test
    void onlyTheCoordinatorWritesTheOffer() {
        TestSession.signIn("cofacilitador.opd");
        assertThat(offer.count(OfferFilter.any())).isGreaterThanOrEqualTo(25);
        assertThatThrownBy(() -> offer.create(form(acronym(), 0, 17), 3)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> offer.updateCapacity(1L, 0, 1, 1, null)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void aProfessionalUpdatesTheOccupancyOfTheirOwnProgramOnlyAndTheChangeIsKept() {
        long ppf = programId("PPF");
        long pie = programId("PIE");
        TestSession.signIn("profesional.ppf");
        ProgramDetails before = offer.find(ppf).orElseThrow();
        assertThat(before.capacityEditable()).isTrue();
        assertThat(before.editable()).as("only the coordinator edits the description").isFalse();

        offer.updateCapacity(ppf, before.version(), before.slots(), before.slots() - 2, "Dos egresos");
        ProgramDetails after = offer.find(ppf).orElseThrow();
        assertThat(after.vacancies()).isEqualTo(2);
        assertThat(offer.history(ppf).get(0)).satisfies(h -> {
            assertThat(h.changedBy()).isEqualTo("profesional.ppf");
            assertThat(h.occupiedBefore()).isEqualTo(before.occupied());
            assertThat(h.occupiedAfter()).isEqualTo(before.slots() - 2);
            assertThat(h.note()).isEqualTo("Dos egresos");
        });

        assertThatThrownBy(() -> offer.updateCapacity(ppf, after.version(), after.slots() + 10, 0, null))
                .isInstanceOf(BusinessException.class).hasMessage("offer.capacity.slotsCoordinatorOnly");
        ProgramDetails other = offer.find(pie).orElseThrow();
        assertThatThrownBy(() -> offer.updateCapacity(pie, other.version(), other.slots(), 0, null))
                .isInstanceOf(BusinessException.class).hasMessage("offer.capacity.notYours");
        assertThat(offer.find(pie).orElseThrow().occupied()).isEqualTo(other.occupied());
    }

    @Test
    void badCapacityIsRefusedAndNothingChanges() {
        TestSession.signIn("coordinador");
        long id = offer.create(form(acronym(), 0, 17), 10);
        int version = offer.find(id).orElseThrow().version();
        assertThatThrownBy(() -> offer.updateCapacity(id, version, -1, 0, null))
                .isInstanceOf(BusinessException.class).hasMessage("offer.capacity.negative");
        assertThatThrownBy(() -> offer.updateCapacity(id, version, 10, 11, null))
                .isInstanceOf(BusinessException.class).hasMessage("offer.capacity.overSlots");
        assertThat(offer.find(id).orElseThrow()).satisfies(p -> {
            assertThat(p.slots()).isEqualTo(10);
            assertThat(p.occupied()).isZero();
        });
    }

    @Test
    void badDescriptionsAreRefusedWithTheirReasonAndNothingIsSaved() {
        TestSession.signIn("coordinador");
        long before = TestDatabase.count("SELECT count(*) FROM program");
        assertViolation(() -> offer.create(form(acronym(), 12, 6), 5), "ageRangeOrdered");
        assertViolation(() -> offer.create(withLocation(form(acronym(), 0, 17),
                new LocationForm(null, "Sede", "Calle 1", null, new BigDecimal("33.45"), new BigDecimal("-70.6"))), 5),
                "latitude");
        assertViolation(() -> offer.create(withLocation(form(acronym(), 0, 17),
                new LocationForm(null, "Sede", "Calle 1", null, new BigDecimal("-33.45"), new BigDecimal("70.6"))), 5),
                "longitude");
        assertThatThrownBy(() -> offer.create(form("PPF", 0, 17), 5))
                .isInstanceOf(BusinessException.class).hasMessage("offer.program.duplicateAcronym");
        assertThatThrownBy(() -> offer.create(form("ppf", 0, 17), 5))
                .as("the acronym is unique whatever its case").isInstanceOf(BusinessException.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM program")).isEqualTo(before);
    }

    @Test
    void twoPeopleSavingTheSameProgramDoNotOverwriteEachOther() {
        TestSession.signIn("coordinador");
        long id = offer.create(form(acronym(), 0, 17), 10);
        ProgramDetails loaded = offer.find(id).orElseThrow();
        ProgramForm first = loaded.toForm();
        offer.update(id, loaded.version(), new ProgramForm(first.acronym(), "Primer nombre", first.sector(),
                first.providerId(), first.description(), first.minAge(), first.maxAge(), first.targetProfile(),
                first.eligibility(), first.territory(), first.courtOrderRequired(), first.acceptsSpontaneous(),
                first.acceptsReferral(), first.acceptsActiveSearch(), first.referralDocuments(), first.contactName(),
                first.contactPhone(), first.contactEmail(), first.openingHours(), first.status(), first.locations()));

        assertThatThrownBy(() -> offer.update(id, loaded.version(), loaded.toForm()))
                .isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> offer.updateCapacity(id, loaded.version(), 20, 1, null))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(offer.find(id).orElseThrow().name()).isEqualTo("Primer nombre");
    }

    @Test
    void entriesNotConfirmedForNinetyDaysAreStaleUntilSomebodyConfirmsThem() throws SQLException {
        TestSession.signIn("coordinador");
        long id = offer.create(form(acronym(), 0, 17), 10);
        TestDatabase.update("UPDATE program SET confirmed_at = now() - interval '91 days' WHERE id = ?", id);
        ProgramDetails stale = offer.find(id).orElseThrow();
        assertThat(stale.stale()).isTrue();
        assertThat(offer.list(new OfferFilter(stale.acronym(), null, null, null, null, false, null, null),
                PageRequest.of(0, 5))).singleElement().satisfies(r -> assertThat(r.stale()).isTrue());

        offer.confirm(id, stale.version());
        assertThat(offer.find(id).orElseThrow().stale()).isFalse();
    }

    @Test
    void theListFiltersInSqlByAgeSectorAccessModeAndVacancies() {
        TestSession.signIn("cofacilitador.opd");
        List<OfferRow> forAFourYearOld = offer.list(new OfferFilter(null, null, null, 4, null, false, null, null),
                PageRequest.of(0, 100));
        assertThat(forAFourYearOld).extracting(OfferRow::acronym).contains("JARDIN", "CHCC").doesNotContain("PDC", "LICEO");
        assertThat(offer.list(new OfferFilter(null, Sector.DRUGS, null, null, null, false, null, null), PageRequest.of(0, 100)))
                .allSatisfy(r -> assertThat(r.sector()).isEqualTo(Sector.DRUGS)).extracting(OfferRow::acronym)
                .contains("PDC", "SENDA").doesNotContain("PPF");
        assertThat(offer.list(new OfferFilter(null, null, null, null, null, true, ProgramStatus.ACTIVE, null),
                PageRequest.of(0, 100))).allSatisfy(r -> assertThat(r.vacancies()).isPositive())
                .extracting(OfferRow::acronym).doesNotContain("MST", "PIE");
        assertThat(offer.list(new OfferFilter(null, null, AccessMode.ACTIVE_SEARCH, null, null, false, null, null),
                PageRequest.of(0, 100))).extracting(OfferRow::acronym).contains("OPD", "EDT").doesNotContain("PPF");
        assertThat(offer.list(OfferFilter.any(), new PageRequest(0, 3, "waiting", false)))
                .as("sorted by waiting list, longest first").isSortedAccordingTo(
                        (a, b) -> Long.compare(b.waiting(), a.waiting()));
    }

    @Test
    void theCoordinatorKeepsTheInstitutionsAndTheirNamesAreUniqueInTheComuna() {
        TestSession.signIn("coordinador");
        String name = "Fundación de Prueba " + SEQUENCE.incrementAndGet();
        long id = offer.createProvider(new ProviderForm(name, ProviderKind.NGO, null, "fundacion@demo.cl", null, null));
        assertThat(offer.providerList()).extracting(ProviderRow::name).contains(name, "ONG Crecer Juntos");
        assertThat(offer.providerList()).filteredOn(r -> r.name().equals("ONG Crecer Juntos")).singleElement()
                .satisfies(r -> assertThat(r.programs()).isPositive());

        assertThatThrownBy(() -> offer.createProvider(new ProviderForm(name.toUpperCase(), ProviderKind.NGO, null, null,
                null, null))).isInstanceOf(BusinessException.class).hasMessage("offer.provider.duplicateName");
        ProviderRow created = offer.providerList().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        offer.updateProvider(id, created.version(), new ProviderForm(name, ProviderKind.MUNICIPALITY, "Ahora municipal",
                null, null, null));
        assertThatThrownBy(() -> offer.updateProvider(id, created.version(), created.toForm()))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(TestDatabase.value("SELECT kind FROM provider WHERE id = ?", id)).isEqualTo("MUNICIPALITY");
    }

    @Test
    void aProfessionalReadsTheInstitutionsButDoesNotAddThem() {
        TestSession.signIn("profesional.ppf");
        assertThat(offer.providerList()).isNotEmpty();
        assertThatThrownBy(() -> offer.createProvider(new ProviderForm("X", ProviderKind.NGO, null, null, null, null)))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void anInstitutionOfAnotherComunaIsNeitherListedNorChangeable() throws SQLException {
        TestDatabase.update("INSERT INTO provider (comuna_id, name, kind) SELECT id, 'Institución Vecina', 'NGO'"
                + " FROM comuna WHERE code = '99002' ON CONFLICT DO NOTHING");
        long vecinaProvider = ((Number) TestDatabase.value(
                "SELECT id FROM provider WHERE name = 'Institución Vecina'")).longValue();
        TestSession.signIn("coordinador");
        assertThat(offer.providerList()).extracting(ProviderRow::name).doesNotContain("Institución Vecina");
        assertThatThrownBy(() -> offer.updateProvider(vecinaProvider, 0,
                new ProviderForm("Tomada", ProviderKind.NGO, null, null, null, null)))
                .isInstanceOf(BusinessException.class).hasMessage("error.notFound");
        assertThat(TestDatabase.value("SELECT name FROM provider WHERE id = ?", vecinaProvider)).isEqualTo("Institución Vecina");
    }

    private static void assertViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String property) {
        assertThatThrownBy(call).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .anySatisfy(v -> assertThat(v.getPropertyPath().toString()).endsWith(property)));
    }

    private static String acronym() {
        return "T" + SEQUENCE.incrementAndGet() + "X" + System.nanoTime() % 1000;
    }

    private static long programId(String acronym) {
        return ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = '99001' AND p.acronym = ?", acronym)).longValue();
    }

    private static ProgramForm form(String acronym, Integer minAge, Integer maxAge) {
        return new ProgramForm(acronym, "Programa de prueba " + acronym, Sector.PROTECTION, null, "Descripción",
                minAge, maxAge, "Perfil", "Criterios", null, false, false, true, false, "Ficha", "Contacto",
                "+56 2 2222 2222", "contacto@demo.cl", "Lunes a viernes", ProgramStatus.ACTIVE,
                List.of(new LocationForm(null, "Sede", "Calle Falsa 123", "Centro", new BigDecimal("-33.45"),
                        new BigDecimal("-70.65"))));
    }

    private static ProgramForm withLocation(ProgramForm f, LocationForm location) {
        return new ProgramForm(f.acronym(), f.name(), f.sector(), f.providerId(), f.description(), f.minAge(),
                f.maxAge(), f.targetProfile(), f.eligibility(), f.territory(), f.courtOrderRequired(),
                f.acceptsSpontaneous(), f.acceptsReferral(), f.acceptsActiveSearch(), f.referralDocuments(),
                f.contactName(), f.contactPhone(), f.contactEmail(), f.openingHours(), f.status(), List.of(location));
    }
}
