package cl.redlocal.portal.indicator.boundary;

import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorValue;

import java.io.Serializable;
import java.util.List;

/** A published quarter of a comuna as it was frozen: the version, its values and the definitions used. */
public record Publication(long comunaId, String comunaCode, String comunaName, PublicationSummary version,
                          List<IndicatorValue> values, List<IndicatorDefinition> definitions) implements Serializable {
}
