package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.util.List;

/** What a session's agenda and minutes show of protocols: drafts put on its agenda, and those it approved. */
public record SessionProtocols(List<Choice> onAgenda, List<Choice> approved) implements Serializable {
}
