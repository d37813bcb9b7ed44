package cl.redlocal.portal.web.offer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MapSettingsTest {

    @Test
    void unsetMeansOpenStreetMapWithItsAttributionAndOrigin() {
        MapSettings settings = new MapSettings(null, null);
        assertThat(settings.getTileUrl()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(settings.isTilesEnabled()).isTrue();
        assertThat(settings.getAttribution()).contains("OpenStreetMap");
        assertThat(settings.getTileOrigin()).isEqualTo("https://tile.openstreetmap.org");
    }

    @Test
    void emptyOrNoneMeansNoTilesNoAttributionAndNoExtraImageOrigin() {
        for (String off : new String[]{"", "  ", "none", "NONE"}) {
            MapSettings settings = new MapSettings(off, "© somebody");
            assertThat(settings.isTilesEnabled()).as(off).isFalse();
            assertThat(settings.getTileUrl()).isEmpty();
            assertThat(settings.getAttribution()).isEmpty();
            assertThat(settings.getTileOrigin()).isEmpty();
        }
    }

    @Test
    void aSubdomainPlaceholderBecomesAWildcardOriginAndAPortIsKept() {
        assertThat(MapSettings.originOf("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.example.org");
        assertThat(MapSettings.originOf("http://tiles.intranet:8081/osm/{z}/{x}/{y}.png"))
                .isEqualTo("http://tiles.intranet:8081");
    }

    @Test
    void aSettingCannotSmuggleADirectiveIntoTheContentSecurityPolicy() {
        assertThat(MapSettings.originOf("https://evil.example; script-src *")).isEmpty();
        assertThat(MapSettings.originOf("javascript:alert(1)")).isEmpty();
        assertThat(MapSettings.originOf("/tiles/{z}/{x}/{y}.png")).as("same origin: 'self' covers it").isEmpty();
    }

    @Test
    void theLeafletVersionComesFromTheWebJar() {
        assertThat(new MapSettings(null, null).getLeafletVersion()).isEqualTo("1.9.4");
    }
}
