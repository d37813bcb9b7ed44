/**
 * What every feature stands on: the datasource and the schema migrations, configuration, the
 * readiness check, the entity base class and typed business exceptions.
 */
package cl.redlocal.portal.platform;
