package cl.redlocal.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The portal's time zone (portal.timezone, America/Santiago): what "today" and a due day mean. */
@ApplicationScoped
public class PortalClock {

    @Inject
    @ConfigProperty(name = "portal.timezone", defaultValue = "America/Santiago")
    String timezone;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public LocalDate today() {
        return LocalDate.now(zone());
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }
}
