package cl.redlocal.portal.offer.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Demand over supply: (occupied + waiting) / slots. Above 1, more children need the offer than it
 * has slots for. Without slots there is no ratio, but any demand at all already exceeds the supply.
 */
public final class DemandRatio {

    private DemandRatio() {
    }

    /** The ratio with two decimals, or null when there are no slots to divide by. */
    public static BigDecimal of(long occupied, long waiting, long slots) {
        if (slots <= 0) {
            return null;
        }
        return BigDecimal.valueOf(occupied + waiting).divide(BigDecimal.valueOf(slots), 2, RoundingMode.HALF_UP);
    }

    public static boolean exceedsSupply(long occupied, long waiting, long slots) {
        return occupied + waiting > slots;
    }
}
