package cl.redlocal.portal.security.entity;

import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.territory.Comuna;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppUserTest {

    private final Comuna demo = comuna(1L, "99001", "Comuna Demo");
    private final Comuna vecina = comuna(2L, "99002", "Comuna Vecina");
    private final Program ppf = new Program(demo, "PPF", "Prevención Focalizada", Sector.PROTECTION);

    @Test
    void aProfessionalNeedsAProgramOfTheirOwnComuna() {
        assertThatThrownBy(() -> new AppUser("p", "P", "p@x.cl", Role.PROFESIONAL, demo, null, "h"))
                .hasMessage("user.program.required");
        assertThatThrownBy(() -> new AppUser("p", "P", "p@x.cl", Role.PROFESIONAL, vecina, ppf, "h"))
                .hasMessage("user.program.otherComuna");
        assertThat(new AppUser("p", "P", "p@x.cl", Role.PROFESIONAL, demo, ppf, "h").getProgram()).isSameAs(ppf);
    }

    @Test
    void nobodyButAProfessionalKeepsAProgram() {
        AppUser user = new AppUser("p", "P", "p@x.cl", Role.PROFESIONAL, demo, ppf, "h");
        user.assign(Role.COFACILITADOR, demo, ppf);
        assertThat(user.getProgram()).isNull();
    }

    @Test
    void onlyATerritorialManagerSupportsOtherComunasAndLosesThemWithTheRole() {
        AppUser coordinator = new AppUser("c", "C", "c@x.cl", Role.COORDINADOR, demo, null, "h");
        assertThatThrownBy(() -> coordinator.supportComunas(Set.of(vecina))).isInstanceOf(IllegalStateException.class);

        AppUser manager = new AppUser("g", "G", "g@x.cl", Role.GESTOR_TERRITORIAL, demo, null, "h");
        manager.supportComunas(Set.of(demo, vecina));
        assertThat(manager.getSupportedComunas()).containsExactlyInAnyOrder(demo, vecina);
        manager.assign(Role.COORDINADOR, demo, null);
        assertThat(manager.getSupportedComunas()).isEmpty();
    }

    @Test
    void userNamesAreStoredInLowerCaseAndAResetForcesAPasswordChange() {
        AppUser user = new AppUser(" Ana.Perez ", "Ana", "a@x.cl", Role.COORDINADOR, demo, null, "h1");
        assertThat(user.getUsername()).isEqualTo("ana.perez");
        assertThat(user.isMustChangePassword()).isFalse();
        user.resetPassword("h2");
        assertThat(user.isMustChangePassword()).isTrue();
        user.changePassword("h3");
        assertThat(user.isMustChangePassword()).isFalse();
        assertThat(user.getPasswordHash()).isEqualTo("h3");
    }

    /** Entities are equal by id: give test comunas one, as the database would. */
    private static Comuna comuna(long id, String code, String name) {
        Comuna c = new Comuna(code, name, "Región Demo");
        try {
            Field f = cl.redlocal.portal.platform.VersionedEntity.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(c, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }
}
