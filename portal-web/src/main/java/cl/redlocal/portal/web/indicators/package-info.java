/**
 * The indicator pages: a comuna's dashboard (values, targets and their traffic light, 8-quarter trend,
 * formula on demand, publishing, corrections, versions, PDF/XLSX/CSV), the cases behind a number, and the
 * territorial manager's comparison of comunas, regions and the country.
 */
package cl.redlocal.portal.web.indicators;
