package cl.redlocal.portal.indicator.control;

/**
 * Small-cell suppression, the one place it is decided: outside the comuna (territorial, regional and national
 * views, the open API, published files read by others) any count from 1 to 4 is shown as "&lt;5" and every
 * figure derived from it is hidden: a rate whose numerator or denominator is small, a count indicator whose
 * count is small, and a percentile of days computed over fewer than 5 items. 0 and 5 and more are shown.
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;
    public static final String SHOWN_AS = "<5";

    private SmallCells() {
    }

    public static boolean small(Long count) {
        return count != null && count >= 1 && count < THRESHOLD;
    }

    public static IndicatorValue suppress(IndicatorValue v) {
        boolean numSmall = small(v.numerator());
        boolean denSmall = small(v.denominator());
        boolean hide = switch (v.aggregation()) {
            case "COUNT" -> numSmall;
            case "MEDIAN", "P90" -> denSmall;
            default -> numSmall || denSmall;
        };
        return new IndicatorValue(v.code(), v.unit(), v.aggregation(), numSmall ? null : v.numerator(),
                denSmall ? null : v.denominator(), hide ? null : v.value(), numSmall, denSmall, hide);
    }

    /** A count as published outside the comuna: "&lt;5", the number, or null when there is none. */
    public static String text(Long count, boolean small) {
        return small ? SHOWN_AS : count == null ? null : count.toString();
    }
}
