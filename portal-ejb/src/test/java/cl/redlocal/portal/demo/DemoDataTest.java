package cl.redlocal.portal.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, defect 15: demo addresses keep their letters, demo families the portal's one code format. */
class DemoDataTest {

    @Test
    void anAccentedNameBecomesItsPlainLettersInAnAddress() {
        assertThat(DemoData.slug("Corporación Municipal de Educación")).isEqualTo("corporacionmunicipaldeeducacion");
        assertThat(DemoData.slug("Subsecretaría de Prevención del Delito")).isEqualTo("subsecretariadeprevenciondeldelito");
    }

    @Test
    void familiesHaveTheCodeFormatThePortalGivesNewFamilies() {
        assertThat((DemoData.FAMILY_PREFIX + "%04d".formatted(30))).matches("F-\\d{4}-\\d{4}");
    }
}
