package cl.redlocal.portal.indicator.control;

import java.io.Serializable;

/** A comuna with its place in the hierarchy comuna → region → country. */
public record OrgUnit(long comunaId, String comunaCode, String comunaName, String regionCode, String regionName,
                      String countryCode) implements Serializable {
}
