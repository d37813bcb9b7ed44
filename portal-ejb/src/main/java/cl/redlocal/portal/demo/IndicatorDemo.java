package cl.redlocal.portal.demo;

import cl.redlocal.portal.indicator.control.IndicatorCatalogue;
import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorValue;
import cl.redlocal.portal.indicator.control.PublicationStore;
import cl.redlocal.portal.indicator.control.Quarter;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two years of published indicator quarters with plausible trends: Comuna Demo improving slowly (its last
 * ended quarter left unpublished, so the coordinator can publish it), Comuna Vecina small (its counts mostly
 * below 5, so suppression shows outside it), and a second region's comunas for the national view; one
 * corrected version with its reason; this year's targets. Deterministic (fixed seeds).
 */
public final class IndicatorDemo {

    private static final int QUARTERS = 8;

    private IndicatorDemo() {
    }

    /**
     * @param demo   Comuna Demo; its quarters end with the one before the anchor's last ended quarter
     * @param others comunas whose quarters end with the anchor's last ended quarter, each with its size factor
     */
    public static void seed(EntityManager em, LocalDate anchor, long demo, long[] others, double[] sizes) {
        List<IndicatorDefinition> catalogue = IndicatorCatalogue.all(em);
        String definitions = PublicationStore.definitionsJson(catalogue);
        Quarter lastEnded = Quarter.of(anchor).previous();
        Random random = new Random(11L);

        List<Quarter> demoQuarters = lastEnded.previous().trail(QUARTERS);
        for (int i = 0; i < demoQuarters.size(); i++) {
            publish(em, demo, demoQuarters.get(i), 1, null, values(catalogue, 1.0, i, random), definitions,
                    "coordinador", "Carolina Coordinadora");
        }
        // the quarter before last was corrected: two late answers had been recorded as on time
        Quarter corrected = demoQuarters.get(QUARTERS - 2);
        publish(em, demo, corrected, 2, "Se registraron tarde dos respuestas de derivación del PIE; recalculado con"
                        + " las fechas corregidas.", values(catalogue, 1.0, QUARTERS - 2, new Random(12L)), definitions,
                "coordinador", "Carolina Coordinadora");
        for (int c = 0; c < others.length; c++) {
            List<Quarter> quarters = lastEnded.trail(QUARTERS);
            for (int i = 0; i < quarters.size(); i++) {
                publish(em, others[c], quarters.get(i), 1, null, values(catalogue, sizes[c], i, random), definitions,
                        "demo", "Coordinación comunal");
            }
        }
        targets(em, demo, anchor.getYear(), catalogue);
    }

    /** One quarter's values: denominators scaled by the comuna's size, rates drifting the good way over time. */
    static List<IndicatorValue> values(List<IndicatorDefinition> catalogue, double size, int step, Random r) {
        List<IndicatorValue> out = new ArrayList<>();
        double progress = step / (double) (QUARTERS - 1);
        for (IndicatorDefinition d : catalogue) {
            switch (d.aggregation()) {
                case "COUNT" -> {
                    long n = Math.max(0, Math.round(size * (d.code().equals("ESP_LARGO") ? 30 - 10 * progress : 6 - 3 * progress)
                            + r.nextInt(3) - 1));
                    out.add(IndicatorValue.of(d.code(), d.unit(), d.aggregation(), n, null, BigDecimal.valueOf(n)));
                }
                case "MEDIAN", "P90" -> {
                    long den = Math.max(0, Math.round(size * (18 + r.nextInt(8))));
                    double days = (d.code().startsWith("DER") ? 9 - 3 * progress : 45 - 12 * progress)
                            * ("P90".equals(d.aggregation()) ? 2.1 : 1) + r.nextInt(4);
                    out.add(IndicatorValue.of(d.code(), d.unit(), d.aggregation(), null, den,
                            den == 0 ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP)));
                }
                default -> {
                    long den = Math.max(0, Math.round(size * (d.code().startsWith("MESA_SES") ? 3
                            : d.code().startsWith("MESA_ASI") ? 36 : d.code().equals("OCUPACION")
                            || d.code().equals("DEMANDA_OFERTA") ? 120 : 20 + r.nextInt(20))));
                    double base = switch (d.code()) {
                        case "OCUPACION" -> 0.82 + 0.08 * progress;
                        case "DEMANDA_OFERTA" -> 1.25 - 0.15 * progress;
                        case "MESA_SESIONES" -> 0.67 + 0.33 * progress;
                        default -> d.ascending() ? 0.55 + 0.25 * progress : 0.4 - 0.15 * progress;
                    };
                    double share = Math.max(0, base + (r.nextDouble() - 0.5) * 0.08);
                    long num = Math.round(den * share);
                    if (!"DEMANDA_OFERTA".equals(d.code())) {
                        num = Math.min(num, den);
                    }
                    out.add(IndicatorValue.of(d.code(), d.unit(), d.aggregation(), num, den, den == 0 ? null
                            : BigDecimal.valueOf(num * 100L).divide(BigDecimal.valueOf(den), 1, RoundingMode.HALF_UP)));
                }
            }
        }
        return out;
    }

    private static void publish(EntityManager em, long comuna, Quarter q, int version, String reason,
                                List<IndicatorValue> values, String definitions, String by, String byName) {
        LocalDate day = q.endExclusive().plusDays(9 + version * 20L);
        em.createNativeQuery("""
                        INSERT INTO indicator_publication (comuna_id, year, quarter, version_no, indicator_values,
                                                           definitions, published_by, published_by_name, published_at,
                                                           correction_reason)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS JSONB), CAST(?6 AS JSONB), ?7, ?8, ?9, ?10)""")
                .setParameter(1, comuna).setParameter(2, q.year()).setParameter(3, q.quarter())
                .setParameter(4, version).setParameter(5, PublicationStore.valuesJson(values))
                .setParameter(6, definitions).setParameter(7, by).setParameter(8, byName)
                .setParameter(9, java.sql.Timestamp.from(day.atTime(10, 30).toInstant(ZoneOffset.ofHours(-3))))
                .setParameter(10, reason).executeUpdate();
    }

    private static void targets(EntityManager em, long comuna, int year, List<IndicatorDefinition> catalogue) {
        for (IndicatorDefinition d : catalogue) {
            BigDecimal target = switch (d.aggregation()) {
                case "COUNT" -> BigDecimal.valueOf(d.code().equals("ESP_LARGO") ? 20 : 2);
                case "MEDIAN" -> BigDecimal.valueOf(d.code().startsWith("DER") ? 5 : 30);
                case "P90" -> BigDecimal.valueOf(d.code().startsWith("DER") ? 12 : 70);
                default -> switch (d.code()) {
                    case "OCUPACION" -> BigDecimal.valueOf(90);
                    case "DEMANDA_OFERTA" -> BigDecimal.valueOf(110);
                    case "MESA_SESIONES" -> BigDecimal.valueOf(100);
                    default -> BigDecimal.valueOf(75);
                };
            };
            em.createNativeQuery("INSERT INTO indicator_target (comuna_id, indicator_code, year, target, set_by)"
                            + " VALUES (?1, ?2, ?3, ?4, 'coordinador')")
                    .setParameter(1, comuna).setParameter(2, d.code()).setParameter(3, year).setParameter(4, target)
                    .executeUpdate();
        }
    }
}
