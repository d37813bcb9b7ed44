/** Tables, members, plans, sessions and participants as mapped by part A (other parts map their own tables). */
package cl.redlocal.portal.mgc.session.entity;
