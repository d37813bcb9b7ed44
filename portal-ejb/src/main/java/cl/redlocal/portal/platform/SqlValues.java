package cl.redlocal.portal.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as native queries return them, in the types the rest of the code uses. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A TIMESTAMPTZ column, whichever Java type the driver chose for it. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }

    /** A DATE column, whichever Java type the driver chose for it. */
    public static java.time.LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (java.time.LocalDate) value;
    }
}
