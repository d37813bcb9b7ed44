package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;

/**
 * What a person narrows the offer by; null means "any". {@code age}: the age that must fit the
 * program's range. {@code comunaId}: only for territorial managers, one of their comunas.
 */
public record OfferFilter(String text, Sector sector, AccessMode accessMode, Integer age, String territory,
                          boolean withVacancies, ProgramStatus status, Long comunaId) implements Serializable {

    public static OfferFilter any() {
        return new OfferFilter(null, null, null, null, null, false, null, null);
    }
}
