package cl.redlocal.portal.mgc.network.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A critical knot as the table records it: which table, what (required), the evidence and a link to it (a
 * portal path such as an agenda's flows block or an indicator), the strategy agreed, when it was detected
 * (and in which session), and the table's agreements that carry the strategy.
 */
public record KnotForm(
        @NotNull(message = "{net.knot.table.required}") Long tableId,
        @NotBlank(message = "{net.knot.title.required}") @Size(max = 300) String title,
        @Size(max = 4000) String description,
        @Size(max = 2000) String evidence,
        @Size(max = 500) @Pattern(regexp = "^(/\\S*|https?://\\S+)?$", message = "{net.knot.evidenceLink.invalid}")
        String evidenceLink,
        @Size(max = 4000) String strategy,
        @NotNull(message = "{net.knot.detectedOn.required}") @PastOrPresent(message = "{net.knot.detectedOn.future}")
        LocalDate detectedOn,
        Long detectedSessionId,
        List<Long> agreementIds) implements Serializable {

    public KnotForm {
        agreementIds = agreementIds == null ? List.of() : List.copyOf(agreementIds);
    }
}
