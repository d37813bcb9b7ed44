package cl.redlocal.portal.web.cases;

import java.util.Map;

/** Which field a refusal of the registry services concerns, so its message lands next to it. */
final class RegistryMessages {

    private static final Map<String, String> FIELD_OF = Map.ofEntries(
            Map.entry("child.run.exists", "run"),
            Map.entry("child.run.checkDigit", "run"),
            Map.entry("child.run.invalid", "run"),
            Map.entry("child.run.required", "run"),
            Map.entry("child.birthDate.future", "birthDate"),
            Map.entry("access.child.adult", "birthDate"),
            Map.entry("access.child.bornAfter", "requestedOn"),
            Map.entry("access.requestedOn.future", "requestedOn"),
            Map.entry("child.family.notFound", "familyCode"),
            Map.entry("child.duplicates.unresolved", "notADuplicate"),
            Map.entry("access.decidedOn.future", "decidedOn"),
            Map.entry("access.decision.beforeRequest", "decidedOn"),
            Map.entry("access.decision.reasonRequired", "decisionReason"),
            Map.entry("child.correction.reasonRequired", "reason"));

    /** Bean Validation's class-level checks, named after the field they concern. */
    static final Map<String, String> CHILD_ALIASES = Map.of("runGiven", "run", "runValid", "run",
            "runWellFormed", "run", "noRunExplained", "noRunReason");

    static final Map<String, String> ADULT_ALIASES = Map.of("fullName", "adultFullName",
            "relationship", "adultRelationship", "run", "adultRun", "runValid", "adultRun", "runWellFormed", "adultRun",
            "phone", "adultPhone", "email", "adultEmail");

    private RegistryMessages() {
    }

    /** The client id for a message key in a form, or null (top of the page). */
    static String field(String formId, String key) {
        String field = FIELD_OF.get(key);
        return field == null ? null : formId + ":" + field;
    }
}
