package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.cases.boundary.FittingProgram;
import cl.redlocal.portal.cases.entity.ChildNames;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which programs of the offer map a child fits: active, accepting referrals, the child's age within the
 * program's range, its territory naming the child's sector (when both are known), and a court order only
 * where one exists. Two queries whatever the number of programs.
 */
@ApplicationScoped
public class Eligibility {

    @PersistenceContext
    EntityManager em;

    public List<FittingProgram> fitting(long comunaId, long exceptProgramId, int age, String sector,
                                        boolean courtOrdered) {
        List<Program> programs = em.createQuery("SELECT p FROM Program p WHERE p.comuna.id = :c AND p.status = :active"
                        + " AND p.acceptsReferral = TRUE AND p.id <> :except"
                        + " AND (p.minAge IS NULL OR p.minAge <= :age) AND (p.maxAge IS NULL OR p.maxAge >= :age)"
                        + " AND (p.courtOrderRequired = FALSE OR :court = TRUE) ORDER BY p.acronym", Program.class)
                .setParameter("c", comunaId).setParameter("active", ProgramStatus.ACTIVE)
                .setParameter("except", exceptProgramId).setParameter("age", age).setParameter("court", courtOrdered)
                .getResultList().stream().filter(p -> servesSector(p.getTerritory(), sector)).toList();
        if (programs.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> waiting = new HashMap<>();
        em.createQuery("SELECT w.program.id, COUNT(w) FROM WaitingEntry w WHERE w.program.id IN :ids"
                        + " AND w.exitedAt IS NULL GROUP BY w.program.id", Object[].class)
                .setParameter("ids", programs.stream().map(Program::getId).toList()).getResultList()
                .forEach(r -> waiting.put((Long) r[0], (Long) r[1]));
        return programs.stream().map(p -> new FittingProgram(p.getId(), p.getAcronym(), p.getName(), p.getMinAge(),
                p.getMaxAge(), p.getTerritory(), p.vacancies(), waiting.getOrDefault(p.getId(), 0L))).toList();
    }

    /**
     * A territory is written in words ("Sectores Norte y Centro", "toda la comuna"): it serves a sector when
     * it names it, or one of its words. Unknown territory or sector: no reason to exclude.
     */
    public static boolean servesSector(String territory, String sector) {
        if (territory == null || territory.isBlank() || sector == null || sector.isBlank()) {
            return true;
        }
        String t = ChildNames.fold(territory);
        if (t.contains("toda la comuna") || t.contains(ChildNames.fold(sector))) {
            return true;
        }
        Set<String> words = Arrays.stream(t.split(" ")).collect(Collectors.toSet());
        return Arrays.stream(ChildNames.fold(sector).split(" ")).filter(w -> w.length() >= 4).anyMatch(words::contains);
    }
}
