package cl.redlocal.portal.diagnosis.control;

import cl.redlocal.portal.diagnosis.boundary.DimensionView;
import cl.redlocal.portal.diagnosis.boundary.InstrumentView;
import cl.redlocal.portal.diagnosis.boundary.ItemView;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an instrument version with its dimensions and items in two queries. */
public final class InstrumentReader {

    private InstrumentReader() {
    }

    /** The comuna's instrument in the given state (PUBLISHED or DRAFT), if any. */
    public static Optional<InstrumentView> inState(EntityManager em, long comunaId, String state) {
        List<?> ids = em.createNativeQuery("SELECT id FROM diagnosis_instrument WHERE comuna_id = ?1 AND state = ?2")
                .setParameter(1, comunaId).setParameter(2, state).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(load(em, ((Number) ids.get(0)).longValue()));
    }

    public static InstrumentView load(EntityManager em, long instrumentId) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT id, number, name, state, published_at, published_by,"
                + " version FROM diagnosis_instrument WHERE id = ?1").setParameter(1, instrumentId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.code, d.name, d.position, i.id, i.position, i.text,"
                        + " i.scale_min, i.scale_max, i.labels, i.note FROM diagnosis_dimension d"
                        + " LEFT JOIN diagnosis_item i ON i.dimension_id = d.id WHERE d.instrument_id = ?1"
                        + " ORDER BY d.position, d.id, i.position, i.id")
                .setParameter(1, instrumentId).getResultList();
        Map<Long, Object[]> dims = new LinkedHashMap<>();
        Map<Long, List<ItemView>> items = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long dim = ((Number) r[0]).longValue();
            dims.putIfAbsent(dim, r);
            List<ItemView> list = items.computeIfAbsent(dim, k -> new ArrayList<>());
            if (r[4] != null) {
                list.add(new ItemView(((Number) r[4]).longValue(), ((Number) r[5]).intValue(), (String) r[6],
                        ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                        Arrays.stream(((String) r[9]).split("\\|")).map(String::trim).toList(), (String) r[10]));
            }
        }
        List<DimensionView> dimensions = new ArrayList<>();
        dims.forEach((id, r) -> dimensions.add(new DimensionView(id, (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), List.copyOf(items.get(id)))));
        return new InstrumentView(((Number) head[0]).longValue(), ((Number) head[1]).intValue(), (String) head[2],
                (String) head[3], SqlValues.instant(head[4]), (String) head[5], ((Number) head[6]).intValue(),
                List.copyOf(dimensions));
    }
}
