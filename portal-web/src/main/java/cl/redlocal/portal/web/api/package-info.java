/**
 * The portal's JSON API: the comuna's public offer as Open Referral HSDS 3.0 under {@code /api/hsds/},
 * read-only, public, no personal data (docs/hsds.md). The data come from the {@code PublicOffer} boundary.
 */
package cl.redlocal.portal.web.api;
