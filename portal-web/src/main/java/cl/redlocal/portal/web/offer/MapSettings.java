package cl.redlocal.portal.web.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map's tile server and the Leaflet WebJar. {@code portal.offer.map.tile-url} is a Leaflet URL
 * template ({@code {s}}, {@code {z}}, {@code {x}}, {@code {y}}); unset means OpenStreetMap, empty (or
 * {@code none}) means no tiles at all: the markers then stand on a plain background, which is how the
 * tests and a portal without internet run. The tile server's origin joins the pages' img-src
 * (web.xml's CSP policy reads {@link #getTileOrigin()}).
 */
@Named("offerMapSettings")
@ApplicationScoped
public class MapSettings {

    public static final String TILE_URL = "portal.offer.map.tile-url";
    public static final String ATTRIBUTION = "portal.offer.map.attribution";
    public static final String DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String DEFAULT_ATTRIBUTION =
            "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    /** scheme://host[:port] of a URL template; {s} (the subdomain) becomes a wildcard. */
    private static final Pattern ORIGIN = Pattern.compile("^(https?://)([^/?#]+)");
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");

    private static final String LEAFLET_POM = "META-INF/maven/org.webjars.npm/leaflet/pom.properties";

    private String tileUrl;
    private String attribution;
    private String tileOrigin;
    private String leafletVersion;

    public MapSettings() {
        this(raw(TILE_URL), raw(ATTRIBUTION));
    }

    /** For tests: the settings as their raw values (null: not set). */
    MapSettings(String configuredTileUrl, String configuredAttribution) {
        this.tileUrl = tileUrl(configuredTileUrl);
        this.attribution = tileUrl.isEmpty() ? "" : configuredAttribution == null ? DEFAULT_ATTRIBUTION : configuredAttribution.trim();
        this.tileOrigin = originOf(tileUrl);
        this.leafletVersion = leafletVersion();
    }

    static String tileUrl(String configured) {
        if (configured == null) {
            return DEFAULT_TILE_URL;
        }
        String value = configured.trim();
        return value.equalsIgnoreCase("none") ? "" : value;
    }

    /**
     * The origin to allow in img-src: "https://tile.openstreetmap.org", "https://*.tile.example.org" for
     * a {s} subdomain. Empty for no tiles or for anything that is not a plain http(s) origin, so a
     * setting can never inject a directive into the policy.
     */
    static String originOf(String template) {
        Matcher m = ORIGIN.matcher(template);
        if (!m.find()) {
            return "";
        }
        String host = m.group(2).replace("{s}", "*");
        boolean wildcard = host.startsWith("*.");
        String rest = wildcard ? host.substring(2) : host;
        if (!SAFE_HOST.matcher(rest).matches()) {
            return "";
        }
        return m.group(1) + host;
    }

    /**
     * The first config source that has the property, empty values included: MicroProfile Config treats
     * an empty value as missing, and here empty must mean "no tiles", not "the default".
     */
    private static String raw(String name) {
        Config config = ConfigProvider.getConfig(MapSettings.class.getClassLoader());
        for (ConfigSource source : config.getConfigSources()) { // highest ordinal first
            String value = source.getValue(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String leafletVersion() {
        try (InputStream in = MapSettings.class.getClassLoader().getResourceAsStream(LEAFLET_POM)) {
            Properties pom = new Properties();
            if (in != null) {
                pom.load(in);
            }
            return pom.getProperty("version", "1.9.4");
        } catch (IOException e) {
            return "1.9.4";
        }
    }

    /** The tile URL template; empty: no tiles. */
    public String getTileUrl() {
        return tileUrl;
    }

    public boolean isTilesEnabled() {
        return !tileUrl.isEmpty();
    }

    /** The attribution the tile server asks for (HTML, as Leaflet shows it); empty without tiles. */
    public String getAttribution() {
        return attribution;
    }

    /** The tile server's origin for the img-src directive; empty without tiles. */
    public String getTileOrigin() {
        return tileOrigin;
    }

    /** The Leaflet WebJar's version, for the resource paths (META-INF/resources/webjars/leaflet/VERSION/...). */
    public String getLeafletVersion() {
        return leafletVersion;
    }
}
