package cl.redlocal.portal.mgc.session.boundary;

import java.io.Serializable;

/** A table in the list: its comuna, name, territory and how many members it has today. */
public record TableRow(long id, long comunaId, String comunaName, String name, String territory, long activeMembers,
                       int version, boolean editable) implements Serializable {
}
