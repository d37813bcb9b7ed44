package cl.redlocal.portal.privacy.boundary;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A security incident as the administrator records it: the window (local time of the comuna), the accounts
 * involved (usernames separated by commas, spaces or lines), what happened and the measures taken.
 */
public record IncidentForm(
        @NotNull(message = "{privacy.incident.from.required}") LocalDateTime from,
        @NotNull(message = "{privacy.incident.to.required}") LocalDateTime to,
        @NotBlank(message = "{privacy.incident.accounts.required}") @Size(max = 1000) String accounts,
        @NotBlank(message = "{privacy.incident.whatHappened.required}") @Size(max = 4000) String whatHappened,
        @Size(max = 4000) String measures) implements Serializable {

    /** The window ends after it starts (checked when both are given). */
    @AssertTrue(message = "{privacy.incident.window.order}")
    public boolean isWindowOrdered() {
        return from == null || to == null || to.isAfter(from);
    }

    /** The usernames, lower case, without repeats. */
    public List<String> accountList() {
        return accounts == null ? List.of() : Arrays.stream(accounts.split("[,;\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(String::toLowerCase).distinct().toList();
    }
}
