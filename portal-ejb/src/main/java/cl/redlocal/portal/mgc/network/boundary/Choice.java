package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;

/** An id and its label, for choices and for the names a record refers to. */
public record Choice(long id, String label) implements Serializable {
}
