package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An older (or the current) version of a protocol, as it was then. */
public record ProtocolVersionView(long protocolId, int number, String reason, String createdBy, Instant createdAt,
                                  String title, String purpose, String contacts, LocalDate reviewOn,
                                  List<StepLine> steps) implements Serializable {
}
