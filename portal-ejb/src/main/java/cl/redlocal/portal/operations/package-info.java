/**
 * What the administrator watches to know the portal is doing its background work: the scheduled jobs
 * (on this node, and the last period each finished in the cluster), the mail server's reachability and
 * the comuna's outbox (what waits and since when, what the mail server refused and why), with the retry
 * of refused mails. Nothing here holds data of its own.
 */
package cl.redlocal.portal.operations;
