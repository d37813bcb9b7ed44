package cl.redlocal.portal.it;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * A child's data rights: comuna Privacidad (99911) with its co-facilitator and administrator, and comuna
 * Privacidad Vecina (99912) with a co-facilitator who must be refused. Cases, programs and records are made by
 * each test through {@link AgendaFixture}'s helpers (which take a comuna code) and {@link #richChild}.
 */
public final class PrivacyFixture {

    public static final String COMUNA = "99911";
    public static final String OTHER_COMUNA = "99912";
    public static final String COFACILITATOR = "cofacilitador.priv";
    public static final String ADMIN = "admin.priv";
    public static final String OTHER_COFACILITATOR = "cofacilitador.priv2";

    private PrivacyFixture() {
    }

    public static void ensure() {
        FixtureSql.once(COMUNA, c -> {
            long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Privacidad', 'Región Demo')"
                    + " RETURNING id", COMUNA);
            long other = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Privacidad Vecina',"
                    + " 'Región Demo') RETURNING id", OTHER_COMUNA);
            user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
            user(c, ADMIN, "ADMIN", comuna, null);
            user(c, OTHER_COFACILITATOR, "COFACILITADOR", other, null);
        });
    }

    /** A child of the comuna aged {@code years} (and 30 days) with one open case; returns the case id. */
    public static long childOfAge(String surname, int years) {
        long comuna = AgendaFixture.comunaId(COMUNA);
        long child = AgendaFixture.sql("INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                + " birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Brecha', ?, CAST(current_date"
                + " - make_interval(years => ?, days => 30) AS DATE), 'F') RETURNING id", comuna, surname, years);
        return AgendaFixture.sql("INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                + " current_date - 10) RETURNING id", comuna, AgendaFixture.unique("BRE-"), child);
    }

    /** What {@link #richChild} made. */
    public record Rich(AgendaFixture.Case theCase, long childId, String run, String surname, String siblingName,
                       AgendaFixture.Program program) {
    }

    /**
     * A child with a record in every part: registry with a RUN and a correction, a family with an adult and a
     * sibling, a stay, a referral with an event, a waiting entry, an alert with an agenda request, a plan,
     * a follow-up note, a case item and an agreement naming the case, the family's accompaniment.
     */
    public static Rich richChild(String surname, String run) {
        return richChild(surname, run, true);
    }

    /** As {@link #richChild(String, String)}, with or without the sibling. */
    public static Rich richChild(String surname, String run, boolean withSibling) {
        long comuna = AgendaFixture.comunaId(COMUNA);
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        long family = AgendaFixture.sql("INSERT INTO family (comuna_id, code, surname, address) VALUES (?, ?, ?,"
                + " 'Pasaje Privado 123') RETURNING id", comuna, AgendaFixture.unique("FP-"), surname);
        AgendaFixture.sql("INSERT INTO family_adult (comuna_id, family_id, full_name, relationship, phone) VALUES (?, ?,"
                + " ?, 'Madre', '+56 9 1111 2222') RETURNING id", comuna, family, "Marta " + surname);
        String siblingName = "Hermanito" + surname;
        if (withSibling) {
            AgendaFixture.sql("INSERT INTO child (comuna_id, family_id, no_run_reason, given_names, paternal_surname,"
                    + " birth_date, sex) VALUES (?, ?, 'Sin RUN (prueba)', ?, ?, current_date - 2000, 'M') RETURNING id",
                    comuna, family, siblingName, surname);
        }
        long child = AgendaFixture.sql("INSERT INTO child (comuna_id, family_id, run, no_run_reason, given_names,"
                + " paternal_surname, maternal_surname, birth_date, sex) VALUES (?, ?, ?, ?, 'Rosa', ?, 'Exporta',"
                + " current_date - 3650, 'F') RETURNING id", comuna, family, run, run == null ? "Sin RUN (prueba)" : null,
                surname);
        AgendaFixture.sql("INSERT INTO child_correction (comuna_id, child_id, changed_by, field, value_before, value_after,"
                + " reason) VALUES (?, ?, 'fixture', 'givenNames', 'Rossa', 'Rosa', 'Error de tipeo') RETURNING id", comuna, child);
        String code = AgendaFixture.unique("PRV-");
        AgendaFixture.Case k = new AgendaFixture.Case(AgendaFixture.sql("INSERT INTO case_file (comuna_id, code, child_id,"
                + " opened_on) VALUES (?, ?, ?, current_date - 300) RETURNING id", comuna, code, child), code);
        AgendaFixture.stay(k, p, 100);
        long referral = AgendaFixture.referral(k, p, "WAITING", 30, 29, 5);
        AgendaFixture.sql("INSERT INTO referral_event (comuna_id, referral_id, actor, state_before, state_after, note)"
                + " VALUES (?, ?, 'fixture', 'SENT', 'WAITING', 'En lista') RETURNING id", comuna, referral);
        AgendaFixture.waiting(k, p, referral, 29, null);
        long alert = AgendaFixture.alert(k, "HIGH", "OPEN");
        AgendaFixture.agendaRequest(k, alert);
        AgendaFixture.planAction(k, p, "PENDING", 30, 1);
        AgendaFixture.sql("INSERT INTO followup_entry (comuna_id, case_id, program_id, entry_on, notes, recorded_by)"
                + " VALUES (?, ?, ?, current_date, 'Seguimiento de prueba', 'fixture') RETURNING id", comuna, k.id(), p.id());
        long table = AgendaFixture.table(COMUNA);
        long session = AgendaFixture.session(table, -5, "HELD");
        AgendaFixture.caseItem(session, k, "PICKED", "PICKED");
        long agreement = AgendaFixture.agreement(table, session, "PENDING", 10);
        AgendaFixture.sql("INSERT INTO mgc_agreement_case (agreement_id, case_id) VALUES (?, ?) RETURNING agreement_id",
                agreement, k.id());
        AgendaFixture.sql("INSERT INTO accompaniment (comuna_id, family_id, responsible_user_id, started_on, started_by, goals)"
                + " SELECT ?, ?, id, current_date - 50, 'fixture', 'Metas familiares' FROM app_user WHERE username = ?"
                + " RETURNING id", comuna, family, COFACILITATOR);
        return new Rich(k, child, run, surname, siblingName, p);
    }
}
