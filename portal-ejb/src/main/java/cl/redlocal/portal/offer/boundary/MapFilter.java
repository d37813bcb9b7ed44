package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;

/**
 * What the map shows: one sector or all (null), only programs that can take somebody now, and for a
 * territorial manager which of their comunas (null: the caller's own).
 */
public record MapFilter(Sector sector, boolean withVacancies, Long comunaId) implements Serializable {

    public static MapFilter any() {
        return new MapFilter(null, false, null);
    }
}
