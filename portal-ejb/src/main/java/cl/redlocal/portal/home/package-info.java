/** What each role sees first when signing in: the counts of what they work on. */
package cl.redlocal.portal.home;
