package cl.redlocal.portal.referral.control;

import cl.redlocal.portal.offer.entity.ProgramStatus;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Does a child fit a program's eligibility as the offer map records it? Each unmet condition is one
 * reason (a message key of the bundle and its arguments), so the sender sees why before sending.
 * Pure: the facts are given.
 */
public final class EligibilityCheck {

    /** A condition the child or the referral does not meet. */
    public record Reason(String key, List<Object> arguments) implements Serializable {
        public Reason {
            arguments = List.copyOf(arguments);
        }

        static Reason of(String key, Object... arguments) {
            return new Reason(key, Arrays.asList(arguments));
        }
    }

    /** What the check needs to know about the target program. */
    public record Target(ProgramStatus status, boolean acceptsReferral, Integer minAge, Integer maxAge,
                         boolean courtOrderRequired, String territory) {
    }

    private EligibilityCheck() {
    }

    public static List<Reason> reasons(Target target, int childAge, String childSector, boolean courtOrdered) {
        List<Reason> reasons = new ArrayList<>();
        if (target.status() != ProgramStatus.ACTIVE) {
            reasons.add(Reason.of("referral.eligibility.notActive." + target.status()));
        }
        if (!target.acceptsReferral()) {
            reasons.add(Reason.of("referral.eligibility.noReferrals"));
        }
        if (target.minAge() != null && childAge < target.minAge()) {
            reasons.add(Reason.of("referral.eligibility.tooYoung", childAge, target.minAge()));
        }
        if (target.maxAge() != null && childAge > target.maxAge()) {
            reasons.add(Reason.of("referral.eligibility.tooOld", childAge, target.maxAge()));
        }
        if (target.courtOrderRequired() && !courtOrdered) {
            reasons.add(Reason.of("referral.eligibility.courtOrder"));
        }
        if (!inTerritory(target.territory(), childSector)) {
            reasons.add(Reason.of("referral.eligibility.territory", childSector, target.territory()));
        }
        return reasons;
    }

    /**
     * A territory is free text ("Sectores Norte y Centro", "Villa Los Aromos"): the child's sector fits when
     * one of its words (of 3 letters or more) is a word of the territory, accents and case aside. Unknown on
     * either side is no reason to refuse.
     */
    static boolean inTerritory(String territory, String sector) {
        if (territory == null || territory.isBlank() || sector == null || sector.isBlank()) {
            return true;
        }
        List<String> territoryWords = words(territory);
        if (territoryWords.contains("comuna") || territoryWords.contains("toda") || territoryWords.contains("todos")) {
            return true;
        }
        return words(sector).stream().filter(w -> w.length() >= 3 && !STOP.contains(w))
                .anyMatch(territoryWords::contains);
    }

    private static final List<String> STOP = List.of("sector", "sectores", "villa", "poblacion", "los", "las", "del",
            "barrio", "calle");

    private static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }
}
