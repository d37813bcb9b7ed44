package cl.redlocal.portal.cases.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    @Test
    void aTerritoryServesTheSectorsItNamesAndUnknownsDoNotExclude() {
        assertThat(Eligibility.servesSector("Sectores Norte y Centro", "Norte")).isTrue();
        assertThat(Eligibility.servesSector("Sector Norte", "sector norte")).isTrue();
        assertThat(Eligibility.servesSector("Población Los Álamos", "Los Alamos")).isTrue();
        assertThat(Eligibility.servesSector("Toda la comuna", "Sur")).isTrue();
        assertThat(Eligibility.servesSector("Sector Norte", "Sur")).isFalse();
        assertThat(Eligibility.servesSector(null, "Sur")).isTrue();
        assertThat(Eligibility.servesSector("Sector Norte", " ")).isTrue();
    }
}
