package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.network.boundary.ActorForm;
import cl.redlocal.portal.mgc.network.boundary.ActorLink;
import cl.redlocal.portal.mgc.network.boundary.ActorRow;
import cl.redlocal.portal.mgc.network.boundary.ActorService;
import cl.redlocal.portal.mgc.network.boundary.ProtocolService;
import cl.redlocal.portal.mgc.network.entity.ActorKind;
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

/** Issue 18, the map of local actors: the list with its protocols, who works with whom, tenancy and input. */
@ExtendWith(ArquillianExtension.class)
class ActorIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Santiago"));

    @Inject
    ActorService actors;

    @Inject
    ProtocolService protocols;

    @BeforeEach
    void fixture() {
        NetworkFixture.ensure();
    }

    @Test
    void theMapListsActorsWithTheirProtocolsAndTheRelationalViewComesFromProtocolsAndReferrals() {
        TestSession.signIn(COFACILITATOR);
        String liceo = NetworkFixture.unique("Liceo Bicentenario ");
        String cesfam = NetworkFixture.unique("CESFAM Norte ");
        long a = actors.create(new ActorForm(liceo, ActorKind.SCHOOL, NetworkFixture.providerId("Liceo Red"),
                "Detecta y deriva", "Ana Convivencia", "ana@liceo.cl", null, null, TODAY.minusDays(10)));
        long b = actors.create(new ActorForm(cesfam, ActorKind.HEALTH, NetworkFixture.providerId("CESFAM Red"),
                "Evalúa riesgo", "Beto Salud", null, null, null, TODAY.minusDays(3)));
        long table = NetworkFixture.table(COMUNA);
        long session = NetworkFixture.session(table, -1, "CONVENED");
        long protocol = protocols.draft(ProtocolIT.suicideRisk(NetworkFixture.unique("Riesgo suicida mapa "),
                ProtocolIT.liceoCesfamCosam()));
        protocols.putOnAgenda(protocol, protocols.find(protocol).orElseThrow().version(), session);
        protocols.approve(protocol, protocols.find(protocol).orElseThrow().version(), session);
        NetworkFixture.referral(COMUNA, NetworkFixture.programId(COMUNA, "LICEO"), NetworkFixture.programId(COMUNA, "CESFAM"), 20);

        List<ActorRow> rows = actors.list(null, liceo, new PageRequest(0, 25, "name", true));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).protocols()).contains("Riesgo suicida mapa");
        assertThat(actors.count(null, liceo)).isEqualTo(1);
        ActorLink link = actors.links(null).stream().filter(l -> (l.a() == a && l.b() == b) || (l.a() == b && l.b() == a))
                .findFirst().orElseThrow();
        assertThat(link.protocols()).isPositive();
        assertThat(link.referrals()).isPositive();

        actors.exported("CSV");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'NET_ACTOR'", COFACILITATOR)).isPositive();
    }

    @Test
    void aDuplicateNameAndAStaleCopyAreRefused() {
        TestSession.signIn(COFACILITATOR);
        String name = NetworkFixture.unique("Carabineros 3a Comisaría ");
        long id = actors.create(new ActorForm(name, ActorKind.POLICE, null, "Lista PSI 24 Horas", null, null, null, null, null));
        assertThatThrownBy(() -> actors.create(new ActorForm(name.toUpperCase(), ActorKind.POLICE, null, null, null, null,
                null, null, null))).satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.actor.name.taken"));
        assertThatThrownBy(() -> actors.update(id, 7, new ActorForm(name, ActorKind.POLICE, null, null, null, null, null,
                null, null))).satisfies(e -> assertThat(businessKey(e)).isEqualTo("error.concurrentEdit"));
        assertThatThrownBy(() -> actors.create(new ActorForm("Con proveedor ajeno", ActorKind.OTHER,
                NetworkFixture.providerId("Liceo Red") + 100000, null, null, null, null, null, null)))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.actor.foreign"));
    }

    @Test
    void theTerritorialManagerReadsTheMapOfASupportedComunaOnly() {
        String name = NetworkFixture.unique("Tribunal de Familia ");
        NetworkFixture.actor(COMUNA, name);
        TestSession.signIn(NetworkFixture.MANAGER);
        assertThat(actors.list(NetworkFixture.comunaId(COMUNA), name, new PageRequest(0, 25, null, true))).hasSize(1);
        assertThatThrownBy(() -> actors.list(NetworkFixture.comunaId(NetworkFixture.FAR), null, new PageRequest(0, 25, null, true)))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.actor.comuna.forbidden"));
        assertThatThrownBy(() -> actors.create(new ActorForm("X", ActorKind.OTHER, null, null, null, null, null, null, null)))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void anotherComunasCoFacilitatorDoesNotSeeTheActor() {
        String name = NetworkFixture.unique("Junta de Vecinos ");
        long id = NetworkFixture.actor(COMUNA, name);
        TestSession.signIn(NetworkFixture.FAR_COFACILITATOR);
        assertThat(actors.list(null, name, new PageRequest(0, 25, null, true))).isEmpty();
        assertThatThrownBy(() -> actors.update(id, 0, new ActorForm(name, ActorKind.POLICE, null, null, null, null, null,
                null, null))).satisfies(e -> assertThat(businessKey(e)).isEqualTo("net.actor.notFound"));
    }
}
