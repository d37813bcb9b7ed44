package cl.redlocal.portal.web.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Shows an Instant as people in the comuna read it: dd-MM-yyyy HH:mm:ss in the comuna's time zone (portal.timezone)
 * (Faces 4.0's f:convertDateTime has no type for Instant). Display only.
 */
@FacesConverter("portal.instant")
public class InstantConverter implements Converter<Instant> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private static final ZoneId ZONE = ZoneId.of(ConfigProvider.getConfig()
            .getOptionalValue("portal.timezone", String.class).orElse("America/Santiago"));

    /** The day of an instant in the portal's time zone (dd-MM-yyyy), for exports; empty for none. */
    public static String day(Instant value) {
        return value == null ? "" : DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(ZONE).format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new UnsupportedOperationException("display only");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : FORMAT.withZone(ZONE).format(value);
    }
}
