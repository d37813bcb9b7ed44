package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A local actor in the map's list, with the protocols it takes part in (directly or through its programs). */
public record ActorRow(long id, int version, String name, String kind, Long providerId, String provider,
                       String networkRole, String contactName, String contactEmail, String contactPhone, Long tableId,
                       String tableName, LocalDate lastContactOn, String protocols) implements Serializable {
}
