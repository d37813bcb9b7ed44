/**
 * Quarterly communal management indicators (seed 002's "monitoreo trimestral de los indicadores de
 * gestión comunal"): the catalogue, each indicator computed for a comuna and a quarter from the shared
 * fact views, the coordinator's publication of a quarter (frozen values and definitions, corrected by new
 * versions), the annual commitments with their traffic light, the cases behind a number within
 * need-to-know, and the territorial, regional and national aggregates with small cells suppressed.
 */
package cl.redlocal.portal.indicator;
