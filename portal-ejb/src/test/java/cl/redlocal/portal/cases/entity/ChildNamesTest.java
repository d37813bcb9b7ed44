package cl.redlocal.portal.cases.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChildNamesTest {

    @Test
    void accentsCaseAndSpacesFoldToTheSameKey() {
        assertThat(ChildNames.key("  Sofía  ", "MUÑOZ", null)).isEqualTo("sofia munoz");
        assertThat(ChildNames.key("sofia", "munoz", " ")).isEqualTo(ChildNames.key("Sofía", "Muñoz", null));
        assertThat(ChildNames.key("José-Tomás", "O'Higgins", "Pérez")).isEqualTo("jose tomas o higgins perez");
    }

    @Test
    void aTypoIsASmallDistanceAndAnotherNameIsNot() {
        assertThat(ChildNames.distance("sofia munoz", "sofia munos", 2)).isEqualTo(1);
        assertThat(ChildNames.distance("sofia munoz", "sofya munos", 2)).isEqualTo(2);
        assertThat(ChildNames.distance("sofia munoz", "camila munoz", 2)).isEqualTo(3);
        assertThat(ChildNames.distance("ana", "ana", 2)).isZero();
    }
}
