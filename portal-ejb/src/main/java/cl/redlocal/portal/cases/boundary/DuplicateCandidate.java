package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;

/**
 * A registered child the new one may be. Whoever searches sees the case code, the initials, the birth year and
 * why it matched, and nothing else: the full record only opens for a program the case already involves (picking
 * the candidate registers the access request to the caller's program, which then involves it).
 */
public record DuplicateCandidate(long childId, Long caseId, String caseCode, String initials, int birthYear,
                                 MatchReason reason, boolean visible) implements Serializable {

    public enum MatchReason { RUN, SAME_NAMES, SIMILAR_NAMES }
}
