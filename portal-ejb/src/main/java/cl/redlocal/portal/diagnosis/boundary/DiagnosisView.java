package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis as it reads: the version facts, the instrument it was made with, the score and note of
 * each item, the average per dimension and the complementary sections.
 */
public record DiagnosisView(long caseId, String caseCode, DiagnosisVersion facts, String reason, String summary,
                            InstrumentView instrument, Map<Long, Integer> scores, Map<Long, String> notes,
                            List<DimensionScore> dimensions, List<ComplementView> complements) implements Serializable {

    public long id() {
        return facts.id();
    }

    public int version() {
        return facts.version();
    }
}
