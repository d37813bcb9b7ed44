package cl.redlocal.portal.security.boundary;

import java.io.Serializable;

/** An id and a label for a select list. */
public record Option(long id, String label) implements Serializable {
}
