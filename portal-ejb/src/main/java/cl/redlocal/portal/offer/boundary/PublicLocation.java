package cl.redlocal.portal.offer.boundary;

import java.io.Serializable;
import java.math.BigDecimal;

/** A place where a program of the public offer attends; {@code providerId} is the program's provider. */
public record PublicLocation(long id, long programId, Long providerId, String name, String address, String sector,
                             BigDecimal latitude, BigDecimal longitude) implements Serializable {
}
