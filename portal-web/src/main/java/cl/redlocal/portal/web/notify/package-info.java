/** The person's portal notifications and the unread badge of the navigation. */
package cl.redlocal.portal.web.notify;
