package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.boundary.MapFilter;
import cl.redlocal.portal.offer.boundary.MapLocation;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.util.List;

/**
 * The map's locations in one statement: each location with its program's figures and waiting list,
 * whatever the number of programs (no query per marker).
 */
@ApplicationScoped
public class MapQueries {

    @PersistenceContext
    EntityManager em;

    public List<MapLocation> locations(long comunaId, MapFilter filter) {
        SqlWhere where = new SqlWhere();
        where.and("p.comuna_id = ?", comunaId);
        if (filter.sector() != null) {
            where.and("p.sector = ?", filter.sector().name());
        }
        if (filter.withVacancies()) {
            // what the green markers mean: a program that can take somebody now
            where.and("p.status = 'ACTIVE' AND p.slots > p.occupied");
        }
        Query q = em.createNativeQuery("SELECT l.id, p.id, p.acronym, p.name, p.sector, p.status, l.name, l.address,"
                + " l.sector, l.latitude, l.longitude, p.slots, p.occupied, " + OfferQueries.WAITING + " AS waiting"
                + " FROM program_location l JOIN program p ON p.id = l.program_id" + where.sql()
                + " ORDER BY p.acronym, l.id");
        where.bind(q);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(MapQueries::toLocation).toList();
    }

    private static MapLocation toLocation(Object[] r) {
        ProgramStatus status = ProgramStatus.valueOf((String) r[5]);
        BigDecimal latitude = decimal(r[9]);
        BigDecimal longitude = decimal(r[10]);
        int slots = ((Number) r[11]).intValue();
        int occupied = ((Number) r[12]).intValue();
        long waiting = ((Number) r[13]).longValue();
        return new MapLocation(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                Sector.valueOf((String) r[4]), status, (String) r[6], (String) r[7], (String) r[8], latitude, longitude,
                latitude != null && longitude != null, slots, occupied, slots - occupied, waiting,
                Availability.of(status, slots - occupied, waiting));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
