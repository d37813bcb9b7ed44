package cl.redlocal.portal.privacy.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A child's exported record: the JSON document (see privacy/child-record.schema.json) and what names it. */
public record ChildExport(long childId, String caseCode, Instant generatedAt, String json) implements Serializable {
}
