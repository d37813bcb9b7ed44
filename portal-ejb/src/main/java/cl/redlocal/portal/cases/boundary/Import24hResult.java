package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;

/** An imported 24 Horas list: its batch id (on every access request it created) and what it did. */
public record Import24hResult(String batch, int requests, int newChildren, int newCases) implements Serializable {
}
