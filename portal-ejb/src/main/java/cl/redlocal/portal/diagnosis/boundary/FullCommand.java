package cl.redlocal.portal.diagnosis.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.Map;

/**
 * A complete new diagnosis: a score (and an optional note) for every item of the published instrument.
 * {@code replacesId}/{@code replacesVersion} name the current diagnosis as the person saw it (null when
 * there was none): if it changed since, the save is refused.
 */
public record FullCommand(Long replacesId, Integer replacesVersion, @NotNull Map<Long, Integer> scores,
                          Map<Long, String> notes,
                          @Size(max = 1000, message = "{diagnosis.reason.size}") String reason,
                          @Size(max = 2000, message = "{diagnosis.summary.size}") String summary) implements Serializable {
}
