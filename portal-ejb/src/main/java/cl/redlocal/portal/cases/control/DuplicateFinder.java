package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.cases.boundary.DuplicateCandidate;
import cl.redlocal.portal.cases.boundary.DuplicateCandidate.MatchReason;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.ChildNames;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.security.control.CallerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Children of a comuna a new registration may duplicate: the same RUN, or the same birth date and names that
 * are equal once folded (accents, case, spaces) or a typo away (Levenshtein, {@link ChildNames#TYPO_DISTANCE}).
 * The birth date narrows the search to a handful of rows (index ix_child_birth); the names are compared here.
 */
@ApplicationScoped
public class DuplicateFinder {

    @PersistenceContext
    EntityManager em;

    public List<DuplicateCandidate> find(long comunaId, String run, String givenNames, String paternalSurname,
                                         String maternalSurname, LocalDate birthDate, CallerProfile me) {
        Map<Long, MatchReason> reasons = new LinkedHashMap<>();
        Map<Long, Child> children = new LinkedHashMap<>();
        Optional<String> normal = run == null || run.isBlank() ? Optional.empty() : Run.normalize(run);
        normal.ifPresent(r -> em.createQuery("SELECT ch FROM Child ch WHERE ch.comuna.id = :c AND ch.run = :r",
                        Child.class).setParameter("c", comunaId).setParameter("r", r).getResultList()
                .forEach(ch -> {
                    reasons.put(ch.getId(), MatchReason.RUN);
                    children.put(ch.getId(), ch);
                }));
        String key = ChildNames.key(givenNames, paternalSurname, maternalSurname);
        if (birthDate != null && !key.isEmpty()) {
            // a blocked or anonymised child is not found by name (its RUN still matches, shown as not visible,
            // so that it is not registered twice)
            for (Child ch : em.createQuery("SELECT ch FROM Child ch WHERE ch.comuna.id = :c AND ch.birthDate = :b AND "
                    + cl.redlocal.portal.privacy.control.Withheld.jpql("ch.id"), Child.class).setParameter("c", comunaId).setParameter("b", birthDate).getResultList()) {
                MatchReason reason = nameMatch(key, ch);
                if (reason != null && !reasons.containsKey(ch.getId())) {
                    reasons.put(ch.getId(), reason);
                    children.put(ch.getId(), ch);
                }
            }
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        Set<Long> visibleCases = visibleCases(children.keySet(), me);
        List<DuplicateCandidate> result = new ArrayList<>();
        for (Map.Entry<Long, MatchReason> e : reasons.entrySet()) {
            Child ch = children.get(e.getKey());
            Object[] theCase = latestCase(ch.getId());
            Long caseId = theCase == null ? null : (Long) theCase[0];
            result.add(new DuplicateCandidate(ch.getId(), caseId, theCase == null ? null : (String) theCase[1],
                    ch.initials(), ch.getBirthDate().getYear(), e.getValue(),
                    caseId != null && visibleCases.contains(caseId)));
        }
        return result;
    }

    /** Names equal after folding, or a typo away; null when they differ more. */
    static MatchReason nameMatch(String key, Child ch) {
        String other = ch.getNameKey() == null || ch.getNameKey().isEmpty()
                ? ChildNames.key(ch.getGivenNames(), ch.getPaternalSurname(), ch.getMaternalSurname()) : ch.getNameKey();
        if (other.equals(key)) {
            return MatchReason.SAME_NAMES;
        }
        // a child registered without the maternal surname (or with it) is still the same child
        String shortKey = ChildNames.key(ch.getGivenNames(), ch.getPaternalSurname(), null);
        if (shortKey.equals(key)) {
            return MatchReason.SAME_NAMES;
        }
        return ChildNames.distance(key, other, ChildNames.TYPO_DISTANCE) <= ChildNames.TYPO_DISTANCE
                ? MatchReason.SIMILAR_NAMES : null;
    }

    private Object[] latestCase(long childId) {
        List<Object[]> rows = em.createQuery("SELECT c.id, c.code FROM CaseFile c WHERE c.child.id = :ch"
                        + " ORDER BY CASE WHEN c.status = cl.redlocal.portal.cases.entity.CaseStatus.OPEN THEN 0 ELSE 1 END,"
                        + " c.openedOn DESC", Object[].class)
                .setParameter("ch", childId).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Set<Long> visibleCases(Set<Long> childIds, CallerProfile me) {
        if (me == null || !CaseAccess.readsCases(me)) {
            return Set.of();
        }
        TypedQuery<Long> q = em.createQuery("SELECT c.id FROM CaseFile c WHERE c.child.id IN :ids AND "
                + CaseAccess.condition(me), Long.class).setParameter("ids", childIds);
        CaseAccess.bind(q, me);
        return new HashSet<>(q.getResultList());
    }
}
