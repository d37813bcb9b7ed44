package cl.redlocal.portal.it;

import cl.redlocal.portal.offer.boundary.LocationForm;
import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.boundary.ProgramForm;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record of another comuna is refused as if it did not exist, and the refusal is audited (DENIED, with who
 * asked and which record) whatever the kind of record, as case refusals always were.
 */
@ExtendWith(ArquillianExtension.class)
class RefusalAuditIT {

    @Inject
    OfferService offer;

    @Test
    void aProgramOfAnotherComunaIsRefusedAndTheRefusalAudited() {
        long foreign = id("SELECT id FROM program WHERE acronym = 'PPF-V'");
        TestSession.signIn("coordinador");
        long before = denials("coordinador", "PROGRAM", foreign);

        assertThat(offer.find(foreign)).isEmpty();
        assertThat(denials("coordinador", "PROGRAM", foreign)).isEqualTo(before + 1);

        assertThat(offer.history(foreign)).isEmpty();
        assertThat(denials("coordinador", "PROGRAM", foreign)).isEqualTo(before + 2);
    }

    @Test
    void anInstitutionOfAnotherComunaNamedInAProgramIsRefusedAndTheRefusalAudited() throws java.sql.SQLException {
        TestDatabase.update("INSERT INTO provider (comuna_id, name, kind) SELECT comuna_id, 'Institución Ajena Auditada',"
                + " 'NGO' FROM program WHERE acronym = 'PPF-V' AND NOT EXISTS (SELECT 1 FROM provider"
                + " WHERE name = 'Institución Ajena Auditada')");
        long foreign = id("SELECT id FROM provider WHERE name = 'Institución Ajena Auditada'");
        TestSession.signIn("coordinador");
        long before = denials("coordinador", "PROVIDER", foreign);
        String acronym = "AUD" + System.nanoTime() % 100000;

        assertThatThrownBy(() -> offer.create(new ProgramForm(acronym, "Programa " + acronym, Sector.PROTECTION,
                foreign, "Descripción", 0, 17, "Perfil", "Criterios", null, false, false, true, false, "Ficha",
                "Contacto", "+56 2 2222 2222", "contacto@demo.cl", "Lunes a viernes", ProgramStatus.ACTIVE,
                List.of(new LocationForm(null, "Sede", "Calle 1", "Centro", new BigDecimal("-33.45"),
                        new BigDecimal("-70.65")))), 5))
                .isInstanceOf(BusinessException.class);

        assertThat(denials("coordinador", "PROVIDER", foreign)).isEqualTo(before + 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym = ?", acronym)).isZero();
    }

    private static long id(String sql) {
        return ((Number) TestDatabase.value(sql)).longValue();
    }

    private static long denials(String username, String entityType, long entityId) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = ?"
                + " AND entity_id = ? AND outcome = 'DENIED'", username, entityType, String.valueOf(entityId));
    }
}
