package cl.redlocal.portal.waiting.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import java.io.Serializable;
import java.util.List;

/** The coordinator's weights, all criteria at once (one save, one audit line). */
public record WeightsForm(@NotEmpty List<@Valid WeightChange> weights) implements Serializable {
}
