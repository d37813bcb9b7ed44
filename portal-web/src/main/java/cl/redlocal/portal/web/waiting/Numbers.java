package cl.redlocal.portal.web.waiting;

import java.math.BigDecimal;

/** Numbers of the priority as people write them: 20 rather than 20.00, 0,5 rather than 0.50. */
final class Numbers {

    private Numbers() {
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
