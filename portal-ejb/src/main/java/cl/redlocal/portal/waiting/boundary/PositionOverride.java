package cl.redlocal.portal.waiting.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A position fixed by a co-facilitator: where, who, when and why. */
public record PositionOverride(int position, String reason, String by, Instant at) implements Serializable {
}
