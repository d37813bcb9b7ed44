package cl.redlocal.portal.indicator.control;

import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.List;

/** The catalogue in force (indicator_def), in its order: what a quarter is computed and published with. */
public final class IndicatorCatalogue {

    private IndicatorCatalogue() {
    }

    public static List<IndicatorDefinition> all(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT code, position, name, definition, numerator, denominator, unit, aggregation, dimension,
                       periodicity, direction, disaggregations, source_facts, drillable, min_value, max_value
                FROM indicator_def ORDER BY position""").getResultList();
        return rows.stream().map(r -> new IndicatorDefinition((String) r[0], ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12], (Boolean) r[13],
                (BigDecimal) r[14], (BigDecimal) r[15])).toList();
    }
}
