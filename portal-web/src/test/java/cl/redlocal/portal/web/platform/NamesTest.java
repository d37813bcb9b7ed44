package cl.redlocal.portal.web.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, defect 10: no doubled words where a name and its program, or a sex and a gender, meet. */
class NamesTest {

    private final Names names = new Names();

    @Test
    void aProgramIsNamedOnceBesideThePerson() {
        assertThat(names.withProgram("Paula Profesional (PPF)", "PPF")).isEqualTo("Paula Profesional (PPF)");
        assertThat(names.withProgram("Ana Pérez", "PPF")).isEqualTo("Ana Pérez (PPF)");
        assertThat(names.withProgram("Ana Pérez", null)).isEqualTo("Ana Pérez");
    }

    @Test
    void aGenderEqualToTheSexAddsNothing() {
        assertThat(names.adds("Masculino", "Masculino")).isFalse();
        assertThat(names.adds("masculino ", "Masculino")).isFalse();
        assertThat(names.adds(null, "Femenino")).isFalse();
        assertThat(names.adds("No binario", "Otro")).isTrue();
    }
}
