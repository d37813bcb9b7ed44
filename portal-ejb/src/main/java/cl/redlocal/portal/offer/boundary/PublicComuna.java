package cl.redlocal.portal.offer.boundary;

import java.io.Serializable;

/** A comuna as its public offer names it: the code (CUT) that addresses it, its name and region. */
public record PublicComuna(long id, String code, String name, String region) implements Serializable {
}
