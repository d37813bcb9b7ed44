package cl.redlocal.portal.cases.entity;

import java.util.Optional;

/**
 * The Chilean RUN: a body of digits and a modulo-11 check digit (0-9 or K). Parses the ways people
 * write it (12.345.678-5, 12345678-5, 123456785, with k or K) into one normal form, 12345678-5.
 */
public final class Run {

    private Run() {
    }

    /** The normal form of a valid RUN, or empty when it is malformed or its check digit is wrong. */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.replace(".", "").replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (s.length() < 2 || s.length() > 9) {
            return Optional.empty();
        }
        String body = s.substring(0, s.length() - 1);
        char dv = s.charAt(s.length() - 1);
        if (!body.chars().allMatch(Character::isDigit) || body.startsWith("0")) {
            return Optional.empty();
        }
        return checkDigit(Integer.parseInt(body)) == dv ? Optional.of(body + "-" + dv) : Optional.empty();
    }

    public static boolean isValid(String input) {
        return normalize(input).isPresent();
    }

    /**
     * Whether the input looks like a RUN at all, whatever its check digit: only digits, dots, spaces and one
     * hyphen, a number of 6 to 8 digits (no leading zero) and a check digit 0-9 or K. "abc" and "1-1" are not;
     * "12.345.678-4" is (its check digit is wrong, which {@link #isValid} says).
     */
    public static boolean isWellFormed(String input) {
        if (input == null || !input.strip().matches("[0-9. ]+-?\\s*[0-9kK]")) {
            return false;
        }
        String s = input.replace(".", "").replace("-", "").replace(" ", "");
        String body = s.substring(0, s.length() - 1);
        return body.length() >= 6 && body.length() <= 8 && !body.startsWith("0");
    }

    /** The check digit of a RUN body: modulo 11 with weights 2..7 from the right; 11 gives 0, 10 gives K. */
    public static char checkDigit(int body) {
        int sum = 0;
        int weight = 2;
        for (int n = body; n > 0; n /= 10) {
            sum += (n % 10) * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int dv = 11 - (sum % 11);
        return dv == 11 ? '0' : dv == 10 ? 'K' : (char) ('0' + dv);
    }

    /** 12345678-5 as people read it: 12.345.678-5. */
    public static String format(String normalized) {
        String body = normalized.substring(0, normalized.indexOf('-'));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            if (i > 0 && (body.length() - i) % 3 == 0) {
                sb.append('.');
            }
            sb.append(body.charAt(i));
        }
        return sb + normalized.substring(normalized.indexOf('-'));
    }
}
