package cl.redlocal.portal.web.api;

import cl.redlocal.portal.offer.boundary.PublicComuna;
import cl.redlocal.portal.offer.boundary.PublicLocation;
import cl.redlocal.portal.offer.boundary.PublicOffer;
import cl.redlocal.portal.offer.boundary.PublicProgram;
import cl.redlocal.portal.offer.boundary.PublicProvider;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.ProviderKind;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PageResult;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource without a server: the setting that closes the API, and what it makes of the public offer. */
class HsdsResourceTest {

    private static final PublicComuna DEMO = new PublicComuna(1, "99001", "Comuna Demo", "Región Demo");
    private static final String ID = HsdsId.of(HsdsId.Kind.SERVICE, 1);

    @Test
    void whenTheSettingClosesTheApiEveryEndpointIsA404AndNothingIsRead() {
        HsdsResource resource = resource(false, new PublicOffer() { // every read fails the test
            @Override
            public Optional<PublicComuna> comuna(String code) {
                throw new AssertionError("the closed API read the offer");
            }
        });

        Map<String, ThrowingCallable> endpoints = Map.of(
                "about", () -> resource.about("99001"),
                "organizations", () -> resource.organizations("99001", null, null),
                "organization", () -> resource.organization("99001", ID),
                "services", () -> resource.services("99001", null, null),
                "service", () -> resource.service("99001", ID),
                "locations", () -> resource.locations("99001", null, null),
                "location", () -> resource.location("99001", ID),
                "service_at_locations", () -> resource.serviceAtLocations("99001", null, null),
                "service_at_location", () -> resource.serviceAtLocation("99001", ID));
        endpoints.forEach((name, call) -> assertThatThrownBy(call).as(name)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(404);
                    assertThat(e.error().message()).contains("no está habilitada");
                }));
    }

    @Test
    void whenOpenItServesTheOfferOfTheComunaInThePath() {
        HsdsResource resource = resource(true, offerOf(program(ProgramStatus.ACTIVE, false)));

        @SuppressWarnings("unchecked")
        Hsds.Page<Hsds.Service> page = (Hsds.Page<Hsds.Service>) resource.services("99001", "1", "10");

        assertThat(page.totalItems()).isEqualTo(1);
        Hsds.Service service = page.contents().get(0);
        assertThat(service.id()).isEqualTo(ID);
        assertThat(service.status()).isEqualTo("active");
        assertThat(service.alert()).isNull();
        assertThat(service.capacities()).singleElement().satisfies(c -> {
            assertThat(c.unit().name()).isEqualTo("cupos");
            assertThat(c.maximum()).isEqualTo(80);
            assertThat(c.available()).isEqualTo(12);
        });
        assertThat(resource.service("99001", ID)).isEqualTo(service);
        assertThatThrownBy(() -> resource.services("00000", null, null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().status()).isEqualTo(404));
        assertThatThrownBy(() -> resource.service("99001", HsdsId.of(HsdsId.Kind.ORGANIZATION, 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(404));
    }

    @Test
    void aSuspendedOrStaleProgramSaysSoAndTheChileanSpecificsAreAttributes() {
        HsdsResource resource = resource(true, offerOf(program(ProgramStatus.SUSPENDED, true)));

        Hsds.Service service = (Hsds.Service) resource.service("99001", ID);

        assertThat(service.status()).isEqualTo("temporarily closed");
        assertThat(service.alert()).contains("suspendido").contains("90 días");
        assertThat(service.applicationProcess()).contains("derivación").contains("orden del Tribunal de Familia");
        assertThat(service.eligibilityDescription()).contains("0 y 17").contains("Perfil de ingreso: NNA");
        assertThat(service.attributes()).extracting(a -> a.taxonomyTerm().code() + "=" + a.value())
                .containsExactly("sector:PROTECTION=null", "access_mode:REFERRAL=null", "court_order_required=true",
                        "waiting_list=4", "stale=true");
        assertThat(service.requiredDocuments()).extracting(Hsds.RequiredDocument::document)
                .containsExactly("Ficha de derivación", "informe social");
        assertThat(service.serviceAreas()).singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("Comuna Demo"));
        assertThat(service.organization().website()).isEqualTo("https://crecer.demo.cl");
        assertThat(service.serviceAtLocations()).singleElement().satisfies(s -> {
            assertThat(s.location().addresses().get(0).city()).isEqualTo("Comuna Demo");
            assertThat(s.location().addresses().get(0).country()).isEqualTo("CL");
        });
    }

    private static HsdsResource resource(boolean enabled, PublicOffer offer) {
        HsdsResource resource = new HsdsResource();
        resource.enabled = enabled;
        resource.timezone = "America/Santiago";
        resource.offer = offer;
        return resource;
    }

    private static PublicOffer offerOf(PublicProgram program) {
        return new PublicOffer() {
            @Override
            public Optional<PublicComuna> comuna(String code) {
                return DEMO.code().equals(code) ? Optional.of(DEMO) : Optional.empty();
            }

            @Override
            public PageResult<PublicProgram> programs(long comunaId, PageRequest page) {
                return new PageResult<>(1, List.of(program));
            }

            @Override
            public Optional<PublicProgram> program(long comunaId, long programId) {
                return programId == program.id() ? Optional.of(program) : Optional.empty();
            }

            @Override
            public int staleDays() {
                return 90;
            }
        };
    }

    private static PublicProgram program(ProgramStatus status, boolean courtOrderAndStale) {
        PublicProvider provider = new PublicProvider(7, "ONG Crecer Juntos", ProviderKind.NGO, null,
                "contacto@crecer.demo.cl", "+56 2 2123 4567", "crecer.demo.cl", List.of());
        Instant confirmed = Instant.parse("2026-10-29T12:00:00Z");
        return new PublicProgram(1, "PPF", "Programa de Prevención Focalizada", Sector.PROTECTION, status,
                "Atención a NNA y familias", 0, 17, "NNA con vulneración de derechos", "Edad entre 0 y 17 años",
                null, courtOrderAndStale, false, true, false, "Ficha de derivación, informe social", "Encargada/o PPF",
                "+56 2 2345 6002", "ppf@demo.redlocal.cl", "Lunes a viernes, 08:30 a 17:30", 80, 68, 4, confirmed,
                courtOrderAndStale, confirmed, confirmed, provider,
                List.of(new PublicLocation(3, 1, 7L, "Sede PPF", "Pasaje Los Copihues 123", "Centro",
                        new BigDecimal("-33.45"), new BigDecimal("-70.65"))));
    }
}
