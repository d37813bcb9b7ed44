package cl.redlocal.portal.demo;

import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.CaseInvolvement;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.Family;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.cases.entity.Sex;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.ProgramDescription;
import cl.redlocal.portal.offer.entity.Provider;
import cl.redlocal.portal.offer.entity.ProviderKind;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.referral.entity.Referral;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.security.entity.AppUser;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the demo comuna with a fixed seed and a fixed reference date, so every start yields the same
 * data. Nobody here is real: names are drawn from common lists at random, and every RUN lies in the
 * 40.xxx.xxx range, which has not been issued to anyone.
 *
 * <p>Later features add their part as further steps of {@link #generate}, each with its own seeded
 * {@link Random}, so adding one never changes what the others produce.
 */
public class DemoData {

    /** The portal's own family code (CaseCodes): F-year-number in every comuna, so new families follow on. */
    static final String FAMILY_PREFIX = "F-2026-";

    /** An e-mail's local part from a name: accents folded to their letter ("Corporación" is "corporacion"). */
    static String slug(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }


    /** The day the demo story is told from. */
    public static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
    public static final String PASSWORD = "RedLocal#2026";

    private static final String[] GIVEN_F = {"Sofía", "Isidora", "Florencia", "Agustina", "Emilia", "Josefa",
            "Trinidad", "Antonella", "Martina", "Catalina", "Fernanda", "Valentina", "Amanda", "Constanza", "Javiera"};
    private static final String[] GIVEN_M = {"Agustín", "Benjamín", "Vicente", "Matías", "Tomás", "Joaquín",
            "Maximiliano", "Martín", "Cristóbal", "Lucas", "Bastián", "Diego", "Gaspar", "Felipe", "Ignacio"};
    private static final String[] SURNAMES = {"González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras",
            "Silva", "Martínez", "Sepúlveda", "Morales", "Rodríguez", "López", "Fuentes", "Hernández", "Torres",
            "Araya", "Flores", "Espinoza", "Valenzuela", "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro",
            "Pizarro", "Álvarez", "Vásquez", "Sánchez", "Fernández"};
    private static final String[] SECTORS = {"Villa Los Aromos", "Población El Esfuerzo", "Centro", "Sector Rural Norte",
            "Villa Esperanza", "Cerro Alto"};
    private static final String[] STREETS = {"Pasaje Los Copihues", "Calle Las Araucarias", "Avenida Central",
            "Pasaje El Roble", "Calle O'Higgins", "Camino Interior"};

    private final EntityManager em;
    private final Function<String, String> passwordHasher;
    private final Map<String, Program> programs = new LinkedHashMap<>();
    private int runSequence;
    /** The registry's details (schools, adults, access, alerts): their own stream, so the rest stays as it was. */
    private final Random details = new Random(44L);

    public DemoData(EntityManager em, Function<String, String> passwordHasher) {
        this.em = em;
        this.passwordHasher = passwordHasher;
    }

    public void generate() {
        Comuna demo = persist(new Comuna("99001", "Comuna Demo", "Región Demo"));
        Comuna vecina = persist(new Comuna("99002", "Comuna Vecina", "Región Demo"));

        programsOf(demo, new String[][]{
                {"OPD", "Oficina de Protección de Derechos", "PROTECTION"},
                {"EDT", "Equipo de Detección Temprana", "CRIME_PREVENTION"},
                {"PPF", "Programa de Prevención Focalizada", "PROTECTION"},
                {"PIE", "Programa de Intervención Integral Especializada", "PROTECTION"},
                {"PDC", "Programa de Tratamiento de Consumo de Alcohol y Drogas", "DRUGS"},
                {"PDE", "Programa de Reinserción Educativa", "EDUCATION"},
                {"MST", "Terapia Multisistémica", "MENTAL_HEALTH"},
                {"CESFAM", "Centro de Salud Familiar Demo", "HEALTH"},
                {"LICEO", "Liceo Bicentenario Demo", "EDUCATION"},
                {"SENDA", "SENDA Previene", "DRUGS"}});
        programsOf(vecina, new String[][]{
                {"OPD-V", "Oficina de Protección de Derechos Vecina", "PROTECTION"},
                {"PPF-V", "Programa de Prevención Focalizada Vecina", "PROTECTION"}});

        offerMap(demo, new Random(3L));
        users(demo, vecina);
        cases(demo, List.of("OPD", "EDT", "PPF", "PIE", "PDC", "PDE", "MST"), 150, new Random(2026_11_01L), "C-2026-");
        cases(vecina, List.of("OPD-V", "PPF-V"), 4, new Random(99_002L), "V-2026-");
        em.flush();
        // one fixed position in PIE's list, as the table would decide it, with its reason
        em.createQuery("SELECT w FROM WaitingEntry w WHERE w.program = :p ORDER BY w.id",
                        cl.redlocal.portal.waiting.entity.WaitingEntry.class)
                .setParameter("p", programs.get("PIE")).setMaxResults(1).getResultList()
                .forEach(w -> w.overridePosition(1, "Plazo fijado por el Tribunal de Familia; acordado en la Mesa de"
                        + " Gestión de Casos", "cofacilitador.opd", ANCHOR.atTime(12, 0).toInstant(ZoneOffset.ofHours(-3))));
        plansAndAccompaniment(demo);
        diagnoses(demo);
        alertLifeCycles(demo);
        // the first line of each program's capacity history
        em.createNativeQuery("INSERT INTO capacity_change (comuna_id, program_id, changed_at, changed_by, slots_after,"
                + " occupied_after, note) SELECT comuna_id, id, coalesce(confirmed_at, now()), 'coordinador', slots,"
                + " occupied, 'Carga inicial del mapa de oferta' FROM program").executeUpdate();
        MgcDemoSessions.seed(em, demo.getId(), ANCHOR);
        MgcDemoAgenda.seed(em, demo.getId(), ANCHOR);
        MgcDemoMinutes.seed(em, demo.getId(), ANCHOR);
        MgcDemoNetwork.seed(em, demo.getId(), ANCHOR);
        indicators(demo, vecina);
    }

    /**
     * Issue 11: a second region with two comunas (so the national view compares something), a regional and a
     * national manager, and two years of published indicator quarters with this year's targets.
     */
    private void indicators(Comuna demo, Comuna vecina) {
        Comuna sur = persist(new Comuna("99003", "Comuna del Sur", "Región del Sur"));
        Comuna costa = persist(new Comuna("99004", "Comuna Costera", "Región del Sur"));
        user("gestor.regional", "Raúl Gestor Regional", Role.GESTOR_TERRITORIAL, demo, null);
        user("gestor.nacional", "Natalia Gestora Nacional", Role.GESTOR_TERRITORIAL, sur, null);
        em.flush();
        em.createNativeQuery("UPDATE app_user SET aggregate_scope = CASE username WHEN 'gestor.regional' THEN 'REGION'"
                + " ELSE 'PAIS' END WHERE username IN ('gestor.regional', 'gestor.nacional')").executeUpdate();
        IndicatorDemo.seed(em, ANCHOR, demo.getId(), new long[]{vecina.getId(), sur.getId(), costa.getId()},
                new double[]{0.15, 0.7, 0.35});
    }

    private void programsOf(Comuna comuna, String[][] rows) {
        for (String[] r : rows) {
            programs.put(r[0], persist(new Program(comuna, r[0], r[1], Sector.valueOf(r[2]))));
        }
    }

    /**
     * The offer map of Comuna Demo: who runs each program, to whom it is offered, where it attends, its
     * slots (some programs full, so referrals wait), and when it was last confirmed (some stale).
     */
    private void offerMap(Comuna demo, Random random) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        for (String[] p : new String[][]{
                {"Municipalidad de Comuna Demo", "MUNICIPALITY"}, {"Servicio de Salud Demo", "HEALTH"},
                {"Corporación Municipal de Educación", "EDUCATION"}, {"ONG Crecer Juntos", "NGO"},
                {"Fundación Mi Casa", "NGO"}, {"Tribunal de Familia de Comuna Demo", "COURT"},
                {"SENDA Región Demo", "STATE_SERVICE"}, {"Subsecretaría de Prevención del Delito", "STATE_SERVICE"}}) {
            Provider provider = persist(new Provider(demo, p[0], ProviderKind.valueOf(p[1])));
            provider.describe(null, "contacto@" + slug(p[0]) + ".demo.cl",
                    "+56 2 2" + (100_0000 + random.nextInt(899_9999)), null);
            providers.put(p[0], provider);
        }
        programsOf(demo, new String[][]{
                {"PRM", "Programa de Reparación en Maltrato Grave y Abuso Sexual", "PROTECTION"},
                {"DAM", "Diagnóstico Ambulatorio", "JUSTICE"},
                {"FAE", "Programa de Familias de Acogida", "PROTECTION"},
                {"RF", "Residencia Familiar Demo", "PROTECTION"},
                {"CHCC", "Chile Crece Contigo", "SOCIAL_PROTECTION"},
                {"FAMILIAS", "Programa Familias", "SOCIAL_PROTECTION"},
                {"COSAM", "Centro Comunitario de Salud Mental", "MENTAL_HEALTH"},
                {"HPV", "Habilidades para la Vida", "EDUCATION"},
                {"OLN", "Oficina Local de la Niñez", "PROTECTION"},
                {"ESCUELA", "Escuela Básica Demo", "EDUCATION"},
                {"JARDIN", "Jardín Infantil Los Peques", "EDUCATION"},
                {"TF", "Consejería Técnica del Tribunal de Familia", "JUSTICE"},
                {"CAVD", "Centro de Apoyo a Víctimas de Delitos", "JUSTICE"},
                {"PIB", "Programa de Intervención Breve", "PROTECTION"},
                {"DEPORTES", "Talleres Deportivos Municipales", "OTHER"}});
        Object[][] terms = {
                // acronym, provider, min age, max age, slots, occupied (-1: full), court order, spontaneous, active search
                {"OPD", "Municipalidad de Comuna Demo", 0, 17, 120, 96, false, true, true},
                {"EDT", "Subsecretaría de Prevención del Delito", 10, 17, 60, 41, false, false, true},
                {"PPF", "ONG Crecer Juntos", 0, 17, 80, -1, false, false, false},
                {"PIE", "ONG Crecer Juntos", 0, 17, 50, -1, true, false, false},
                {"PDC", "SENDA Región Demo", 10, 19, 30, 22, false, true, false},
                {"PDE", "Corporación Municipal de Educación", 12, 21, 40, 31, false, true, true},
                {"MST", "Subsecretaría de Prevención del Delito", 10, 17, 24, -1, false, false, false},
                {"CESFAM", "Servicio de Salud Demo", 0, 29, 5000, 4120, false, true, false},
                {"LICEO", "Corporación Municipal de Educación", 14, 19, 900, 861, false, true, false},
                {"SENDA", "SENDA Región Demo", 8, 24, 60, 18, false, true, true},
                {"PRM", "Fundación Mi Casa", 0, 17, 70, -1, true, false, false},
                {"DAM", "Fundación Mi Casa", 0, 17, 45, 40, true, false, false},
                {"FAE", "Fundación Mi Casa", 0, 17, 25, 25, true, false, false},
                {"RF", "Fundación Mi Casa", 0, 17, 16, 15, true, false, false},
                {"CHCC", "Servicio de Salud Demo", 0, 9, 400, 288, false, true, true},
                {"FAMILIAS", "Municipalidad de Comuna Demo", 0, 29, 150, 132, false, true, true},
                {"COSAM", "Servicio de Salud Demo", 5, 29, 90, -1, false, false, false},
                {"HPV", "Corporación Municipal de Educación", 5, 14, 300, 210, false, false, true},
                {"OLN", "Municipalidad de Comuna Demo", 0, 17, 100, 64, false, true, true},
                {"ESCUELA", "Corporación Municipal de Educación", 5, 15, 600, 577, false, true, false},
                {"JARDIN", "Corporación Municipal de Educación", 0, 5, 120, -1, false, true, false},
                {"TF", "Tribunal de Familia de Comuna Demo", 0, 17, 200, 143, true, false, false},
                {"CAVD", "Municipalidad de Comuna Demo", 0, 29, 60, 33, false, true, false},
                {"PIB", "ONG Crecer Juntos", 6, 17, 40, 36, false, false, false},
                {"DEPORTES", "Municipalidad de Comuna Demo", 6, 17, 250, 120, false, true, true}};
        String[] sectors = {"Centro", "Villa Los Aromos", "Población El Esfuerzo", "Villa Esperanza", "Cerro Alto",
                "Sector Rural Norte"};
        int index = 0;
        for (Object[] t : terms) {
            Program program = programs.get((String) t[0]);
            boolean courtOrder = (Boolean) t[6];
            program.describe(providers.get((String) t[1]), new ProgramDescription(program.getAcronym(),
                    program.getName(), program.getSector(),
                    "Atención a niños, niñas y adolescentes y sus familias en Comuna Demo (" + program.getName() + ").",
                    (Integer) t[2], (Integer) t[3],
                    courtOrder ? "NNA con medida de protección dictada por Tribunal de Familia"
                            : "NNA y familias de la comuna según criterios técnicos del programa",
                    "Edad entre " + t[2] + " y " + t[3] + " años" + (courtOrder ? "; requiere orden de tribunal." : "."),
                    index % 5 == 4 ? "Sector Rural Norte y Cerro Alto" : null, courtOrder, (Boolean) t[7],
                    true, (Boolean) t[8], "Ficha de derivación, informe social",
                    "Encargada/o " + program.getAcronym(), "+56 2 2345 " + (6000 + index),
                    program.getAcronym().toLowerCase() + "@demo.redlocal.cl", "Lunes a viernes, 08:30 a 17:30"));
            int slots = (Integer) t[4];
            int occupied = (Integer) t[5] < 0 ? slots : (Integer) t[5];
            program.changeCapacity(slots, occupied);
            // most confirmed in the last weeks; every fourth entry not confirmed for months: stale
            program.confirm("coordinador", ANCHOR.minusDays(index % 4 == 3 ? 120 + index : 3 + index)
                    .atTime(9, 0).toInstant(ZoneOffset.ofHours(-3)));
            int places = index % 6 == 0 ? 2 : 1;
            for (int k = 0; k < places; k++) {
                double lat = -33.440 - random.nextInt(400) / 10_000.0;
                double lon = -70.620 - random.nextInt(800) / 10_000.0;
                program.addLocation(k == 0 ? "Sede " + program.getAcronym() : "Sede " + program.getAcronym() + " Norte",
                        STREETS[random.nextInt(STREETS.length)] + " " + (100 + random.nextInt(2900)),
                        sectors[(index + k) % sectors.length],
                        java.math.BigDecimal.valueOf(lat).setScale(6, java.math.RoundingMode.HALF_UP),
                        java.math.BigDecimal.valueOf(lon).setScale(6, java.math.RoundingMode.HALF_UP));
            }
            index++;
        }
        programs.get("DEPORTES").changeStatus(cl.redlocal.portal.offer.entity.ProgramStatus.SUSPENDED);
    }

    private void users(Comuna demo, Comuna vecina) {
        user("admin", "Administración Demo", Role.ADMIN, demo, null);
        user("coordinador", "Carolina Coordinadora", Role.COORDINADOR, demo, null);
        user("cofacilitador.opd", "Óscar Cofacilitador (OPD)", Role.COFACILITADOR, demo, null);
        user("cofacilitador.edt", "Elena Cofacilitadora (EDT)", Role.COFACILITADOR, demo, null);
        user("profesional.ppf", "Paula Profesional (PPF)", Role.PROFESIONAL, demo, "PPF");
        user("profesional.pie", "Pedro Profesional (PIE)", Role.PROFESIONAL, demo, "PIE");
        AppUser gestor = user("gestor", "Gabriela Gestora Territorial", Role.GESTOR_TERRITORIAL, demo, null);
        gestor.supportComunas(Set.of(demo, vecina));
        user("admin.vecina", "Administración Vecina", Role.ADMIN, vecina, null);
        user("cofacilitador.vecina", "Víctor Cofacilitador (Vecina)", Role.COFACILITADOR, vecina, null);
        user("profesional.vecina", "Verónica Profesional (Vecina)", Role.PROFESIONAL, vecina, "PPF-V");
    }

    private AppUser user(String username, String name, Role role, Comuna comuna, String program) {
        AppUser u = new AppUser(username, name, username + "@demo.redlocal.cl", role, comuna,
                program == null ? null : programs.get(program), passwordHasher.apply(PASSWORD));
        return persist(u);
    }

    /** Families of one to three children, each child with a case, its programs over time and its referrals. */
    private void cases(Comuna comuna, List<String> caseProgramCodes, int families, Random random, String codePrefix) {
        List<Program> casePrograms = caseProgramCodes.stream().map(programs::get).toList();
        int caseNumber = 0;
        for (int f = 1; f <= families; f++) {
            String paternal = pick(random, SURNAMES);
            String maternal = pick(random, SURNAMES);
            Family family = persist(new Family(comuna, FAMILY_PREFIX + "%04d".formatted(f),
                    paternal + " " + maternal,
                    pick(random, STREETS) + " " + (100 + random.nextInt(2900)), pick(random, SECTORS)));
            adults(family, paternal, maternal);
            int children = 1 + random.nextInt(3);
            for (int k = 0; k < children; k++) {
                Sex sex = random.nextBoolean() ? Sex.F : Sex.M;
                String given = pick(random, sex == Sex.F ? GIVEN_F : GIVEN_M);
                LocalDate birth = ANCHOR.minusDays(365L + random.nextInt(16 * 365));
                boolean migrant = random.nextInt(15) == 0;
                Child child = persist(new Child(comuna, family, migrant ? null : nextRun(),
                        migrant ? "Niña/o migrante sin RUN asignado; pasaporte en trámite" : null,
                        given, paternal, maternal, birth, sex, migrant ? "Venezolana" : "Chilena"));
                child.describe(migrant ? "Pasaporte V" + (1_000_000 + details.nextInt(8_999_999)) : null, null,
                        sex == Sex.F ? "Femenino" : "Masculino", family.getAddress(), family.getSector(),
                        schoolFor(child.ageOn(ANCHOR)));
                LocalDate opened = ANCHOR.minusDays(20 + random.nextInt(700));
                CaseFile caseFile = persist(new CaseFile(comuna, codePrefix + "%04d".formatted(++caseNumber), child, opened));
                involvementsAndReferrals(caseFile, casePrograms, opened, random);
                accessAndAlerts(caseFile, opened);
            }
        }
    }

    private void involvementsAndReferrals(CaseFile caseFile, List<Program> casePrograms, LocalDate opened, Random random) {
        // How many programs work with this child now: most one or two, a few over-intervened with four.
        int active = random.nextInt(12) < 11 ? 1 + random.nextInt(2) : 4;
        List<Program> pool = new ArrayList<>(casePrograms);
        java.util.Collections.shuffle(pool, random);
        Program holder = pool.get(0);
        for (int i = 0; i < active && i < pool.size(); i++) {
            persist(new CaseInvolvement(caseFile, pool.get(i), opened.plusDays(i * 15L)));
        }
        if (random.nextInt(4) == 0) {
            // an earlier, finished intervention: the trajectory shows an exit and a re-entry
            CaseInvolvement past = new CaseInvolvement(caseFile, pool.get(pool.size() - 1), opened.minusDays(400));
            past.end(opened.minusDays(220), "Egreso con objetivos logrados");
            persist(past);
        }
        if (random.nextInt(3) > 0) {
            // half of the referrals go to the full programs (PPF, PIE, MST), so their waiting lists fill up
            List<Program> full = casePrograms.stream().filter(p -> p.vacancies() == 0 && !pool.subList(0, Math.min(active, pool.size())).contains(p))
                    .toList();
            Program target = !full.isEmpty() && random.nextBoolean() ? full.get(random.nextInt(full.size()))
                    : pool.get(Math.min(active, pool.size() - 1));
            if (target.equals(holder)) {
                return;
            }
            java.time.Instant sent = ANCHOR.minusDays(1 + random.nextInt(60)).atTime(10, 0).toInstant(ZoneOffset.ofHours(-3));
            Referral referral = new Referral(caseFile, holder, null, target,
                    Urgency.values()[random.nextInt(3)], "Requiere intervención especializada según evaluación de "
                    + holder.getAcronym(), sent, cl.redlocal.portal.referral.control.WorkingDays.add(
                            sent.atZone(ZoneOffset.ofHours(-3)).toLocalDate(), 10, holidays()));
            referral.describe("Resumen del caso preparado por " + holder.getAcronym() + " para " + target.getAcronym()
                    + ": antecedentes, intervenciones previas y motivo de la derivación.", true,
                    "La familia firmó el consentimiento en la entrevista de derivación", random.nextInt(8) == 0, null,
                    "profesional." + holder.getAcronym().toLowerCase());
            persist(referral);
            String sender = "profesional." + holder.getAcronym().toLowerCase();
            String receiver = "profesional." + target.getAcronym().toLowerCase();
            persist(new cl.redlocal.portal.referral.entity.ReferralEvent(referral, sent, sender, null, "Derivación enviada"));
            java.time.Instant answered = sent.plusSeconds(86_400L * (2 + random.nextInt(6)));
            int outcome = random.nextInt(6);
            if (outcome >= 1) {
                referral.receive(sent.plusSeconds(86_400L));
                persist(new cl.redlocal.portal.referral.entity.ReferralEvent(referral, sent.plusSeconds(86_400L), receiver,
                        cl.redlocal.portal.referral.entity.ReferralState.SENT, null));
            }
            var before = referral.getState();
            switch (outcome) {
                case 0, 1 -> { }
                case 2, 3 -> {
                    boolean vacancy = target.vacancies() > 0;
                    referral.accept(answered, vacancy, receiver);
                    if (vacancy) {
                        persist(new CaseInvolvement(caseFile, target, answered.atZone(ZoneOffset.ofHours(-3)).toLocalDate()));
                    } else {
                        persist(cl.redlocal.portal.waiting.entity.WaitingEntry.forReferral(referral, answered));
                    }
                }
                case 4 -> referral.reject("No cumple criterio de edad del programa; se sugiere OPD", answered, receiver);
                default -> referral.withdraw("La familia se cambió de comuna");
            }
            if (referral.getState() != before) {
                persist(new cl.redlocal.portal.referral.entity.ReferralEvent(referral, answered,
                        outcome == 5 ? sender : receiver, before, referral.getRejectionReason()));
            }
        }
    }

    /**
     * Integrated plans for the first open cases of Comuna Demo with two or more programs (goals of two
     * dimensions, an action per program: one overdue, one in progress, one done; a review for some), and
     * family accompaniment for eight families (one without contact for 45 days). Written in SQL: the plan
     * and accompaniment tables carry ids, not relations.
     */
    private void plansAndAccompaniment(Comuna demo) {
        Random r = new Random(55L);
        @SuppressWarnings("unchecked")
        List<Object[]> cases = em.createNativeQuery("SELECT c.id, ch.family_id FROM case_file c JOIN child ch ON"
                + " ch.id = c.child_id WHERE c.comuna_id = ?1 AND c.status = 'OPEN' AND (SELECT count(*) FROM"
                + " case_involvement i WHERE i.case_id = c.id AND i.ended_on IS NULL) >= 2 ORDER BY c.id LIMIT 30")
                .setParameter(1, demo.getId()).getResultList();
        String[][] actions = {{"Coordinar con el colegio la asistencia diaria", "EDUCATION"},
                {"Visita domiciliaria para acordar rutinas y normas de cuidado", "FAMILY"},
                {"Control de salud y vacunas al día en el CESFAM", "HEALTH"},
                {"Postulación a subsidio y apoyo de Programa Familias", "INCOME"}};
        int index = 0;
        for (Object[] c : cases) {
            long caseId = ((Number) c[0]).longValue();
            long plan = insertId("INSERT INTO work_plan (comuna_id, case_id, family_id, created_by) VALUES (?1, ?2,"
                    + " CAST(?3 AS BIGINT), 'cofacilitador.opd') RETURNING id", demo.getId(), caseId, c[1]);
            long educationGoal = insertId("INSERT INTO plan_goal (plan_id, dimension, description, added_by) VALUES"
                    + " (?1, 'EDUCATION', 'Asiste regularmente y mejora su rendimiento escolar', 'cofacilitador.opd')"
                    + " RETURNING id", plan);
            long familyGoal = insertId("INSERT INTO plan_goal (plan_id, dimension, description, added_by) VALUES"
                    + " (?1, 'FAMILY', 'La familia sostiene rutinas de cuidado y buen trato', 'cofacilitador.opd')"
                    + " RETURNING id", plan);
            @SuppressWarnings("unchecked")
            List<Object> programsOfCase = em.createNativeQuery("SELECT program_id FROM case_involvement WHERE case_id = ?1"
                    + " AND ended_on IS NULL ORDER BY started_on, id LIMIT 3").setParameter(1, caseId).getResultList();
            int k = 0;
            for (Object program : programsOfCase) {
                String[] action = actions[(index + k) % actions.length];
                String status = new String[]{"PENDING", "IN_PROGRESS", "DONE"}[k % 3];
                LocalDate due = k % 3 == 0 ? ANCHOR.minusDays(5 + r.nextInt(20)) : ANCHOR.plusDays(10 + r.nextInt(40));
                em.createNativeQuery("INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id,"
                                + " responsible_name, starts_on, due_on, status, progress, created_by) VALUES (?1, ?2, ?3, ?4,"
                                + " ?5, ?6, ?7, ?8, ?9, ?10, 'cofacilitador.opd')")
                        .setParameter(1, plan).setParameter(2, action[1].equals("FAMILY") ? familyGoal : educationGoal)
                        .setParameter(3, demo.getId()).setParameter(4, action[0])
                        .setParameter(5, ((Number) program).longValue())
                        .setParameter(6, "Dupla psicosocial").setParameter(7, java.sql.Date.valueOf(ANCHOR.minusDays(60)))
                        .setParameter(8, java.sql.Date.valueOf(due)).setParameter(9, status)
                        .setParameter(10, status.equals("DONE") ? 100 : status.equals("IN_PROGRESS") ? 40 : 0)
                        .executeUpdate();
                k++;
            }
            if (index % 4 == 0) {
                long review = insertId("INSERT INTO plan_review (plan_id, reviewed_on, reviewed_by, notes) VALUES (?1, ?2,"
                        + " 'Mesa de Gestión de Casos', 'Revisión del plan con la familia: avances en asistencia escolar,"
                        + " rutinas familiares aún en proceso.') RETURNING id", plan, java.sql.Date.valueOf(ANCHOR.minusDays(15)));
                em.createNativeQuery("INSERT INTO plan_review_goal (review_id, goal_id, achieved) VALUES (?1, ?2, 'PARTLY'),"
                        + " (?1, ?3, 'NO')").setParameter(1, review).setParameter(2, educationGoal)
                        .setParameter(3, familyGoal).executeUpdate();
            }
            if (index < 8 && c[1] != null) {
                long accompaniment = insertId("INSERT INTO accompaniment (comuna_id, family_id, responsible_user_id,"
                        + " started_on, started_by, goals, agreed_actions, family_goals) SELECT ?1, ?2, u.id, ?3,"
                        + " 'cofacilitador.opd', 'Fortalecer competencias parentales', 'Visitas quincenales; taller de"
                        + " crianza', 'Que los niños vayan todos los días al colegio' FROM app_user u WHERE u.username ="
                        + " 'cofacilitador.opd' AND NOT EXISTS (SELECT 1 FROM accompaniment a WHERE a.family_id = ?2)"
                        + " RETURNING id", demo.getId(), ((Number) c[1]).longValue(), java.sql.Date.valueOf(ANCHOR.minusDays(120)));
                if (accompaniment > 0) {
                    int last = index == 0 ? 45 : 3 + r.nextInt(20);
                    for (int days : new int[]{100, 70, last}) {
                        em.createNativeQuery("INSERT INTO accompaniment_session (accompaniment_id, held_on, kind, attendees,"
                                        + " notes, next_step, recorded_by) VALUES (?1, ?2, ?3, 'Madre y niños',"
                                        + " 'Se revisan acuerdos de rutina y asistencia escolar', 'Próxima visita en 15 días',"
                                        + " 'cofacilitador.opd')")
                                .setParameter(1, accompaniment).setParameter(2, java.sql.Date.valueOf(ANCHOR.minusDays(days)))
                                .setParameter(3, days == last ? "HOME_VISIT" : "OFFICE").executeUpdate();
                    }
                }
            }
            index++;
        }
    }

    /**
     * Common diagnoses with the comuna's default instrument: 60 open cases get a current diagnosis by the
     * program that holds them; every third is complemented by a second program (instead of a new diagnosis),
     * and every fifth has an earlier, superseded version, so the comparison page has something to show.
     */
    private void diagnoses(Comuna demo) {
        Random r = new Random(66L);
        em.createNativeQuery("SELECT default_diagnosis_instrument(?1)").setParameter(1, demo.getId()).getResultList();
        long instrument = ((Number) em.createNativeQuery("SELECT id FROM diagnosis_instrument WHERE comuna_id = ?1"
                + " AND state = 'PUBLISHED'").setParameter(1, demo.getId()).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> items = em.createNativeQuery("SELECT i.id, d.id, d.code FROM diagnosis_item i JOIN diagnosis_dimension d"
                + " ON d.id = i.dimension_id WHERE d.instrument_id = ?1 ORDER BY d.position, i.position")
                .setParameter(1, instrument).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> cases = em.createNativeQuery("SELECT c.id, array_agg(i.program_id ORDER BY i.started_on, i.id)::text"
                + " FROM case_file c JOIN case_involvement i ON i.case_id = c.id AND i.ended_on IS NULL"
                + " WHERE c.comuna_id = ?1 AND c.status = 'OPEN' GROUP BY c.id ORDER BY c.id LIMIT 60")
                .setParameter(1, demo.getId()).getResultList();
        java.util.Map<Long, String> professionals = new java.util.HashMap<>();
        for (Program p : programs.values()) {
            professionals.put(p.getId(), "profesional." + p.getAcronym().toLowerCase());
        }
        String[][] complements = {{"EDUCATION", "Rezago lector; se coordina apoyo pedagógico con el colegio"},
                {"HEALTH", "Controles de salud mental pendientes en el CESFAM"},
                {"FAMILY", "Madre refiere dificultades para poner límites sin castigo físico"}};
        int index = 0;
        for (Object[] c : cases) {
            long caseId = ((Number) c[0]).longValue();
            String[] programIds = ((String) c[1]).replaceAll("[{}]", "").split(",");
            long holder = Long.parseLong(programIds[0]);
            String author = professionals.get(holder);
            int number = 1;
            if (index % 5 == 0) {
                long earlier = insertId("INSERT INTO diagnosis (comuna_id, case_id, number, instrument_id, program_id, author,"
                        + " author_name, state, summary, completed_at, superseded_at) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6,"
                        + " 'SUPERSEDED', 'Diagnóstico de ingreso', ?7, ?8) RETURNING id", demo.getId(), caseId, instrument,
                        holder, author, "Dupla psicosocial " + author.substring(12).toUpperCase(),
                        java.sql.Timestamp.from(ANCHOR.minusMonths(9).atTime(10, 0).toInstant(ZoneOffset.ofHours(-3))),
                        java.sql.Timestamp.from(ANCHOR.minusMonths(2).atTime(10, 0).toInstant(ZoneOffset.ofHours(-3))));
                scores(earlier, items, r, 0);
                number = 2;
            }
            long diagnosis = insertId("INSERT INTO diagnosis (comuna_id, case_id, number, instrument_id, program_id, author,"
                    + " author_name, state, reason, summary, completed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'CURRENT', CAST(?8 AS VARCHAR), ?9,"
                    + " ?10) RETURNING id", demo.getId(), caseId, number, instrument, holder, author,
                    "Dupla psicosocial " + author.substring(12).toUpperCase(),
                    number == 2 ? "Cambios relevantes en la familia tras el egreso del padre del hogar" : null,
                    "Diagnóstico común de la familia y el niño, niña o adolescente",
                    java.sql.Timestamp.from(ANCHOR.minusDays(15 + r.nextInt(120)).atTime(10, 0).toInstant(ZoneOffset.ofHours(-3))));
            scores(diagnosis, items, r, number == 2 ? 1 : 0);
            if (index % 3 == 0 && programIds.length > 1) {
                long second = Long.parseLong(programIds[1]);
                String secondAuthor = professionals.get(second);
                long complement = insertId("INSERT INTO diagnosis_complement (diagnosis_id, program_id, author, author_name,"
                        + " summary, created_at) VALUES (?1, ?2, ?3, ?4, 'Complemento desde el programa', ?5) RETURNING id",
                        diagnosis, second, secondAuthor, "Dupla psicosocial " + secondAuthor.substring(12).toUpperCase(),
                        java.sql.Timestamp.from(ANCHOR.minusDays(5 + r.nextInt(10)).atTime(12, 0).toInstant(ZoneOffset.ofHours(-3))));
                String[] line = complements[index % complements.length];
                em.createNativeQuery("INSERT INTO diagnosis_complement_entry (complement_id, dimension_id, text, score)"
                                + " SELECT ?1, d.id, ?2, ?3 FROM diagnosis_dimension d WHERE d.instrument_id = ?4 AND d.code = ?5")
                        .setParameter(1, complement).setParameter(2, line[1]).setParameter(3, 1 + r.nextInt(3))
                        .setParameter(4, instrument).setParameter(5, line[0]).executeUpdate();
            }
            index++;
        }
    }

    /** Every item scored 1..4; {@code better} lifts the scores of a later version a little. */
    private void scores(long diagnosis, List<Object[]> items, Random r, int better) {
        StringBuilder sql = new StringBuilder("INSERT INTO diagnosis_score (diagnosis_id, item_id, score) VALUES ");
        for (int i = 0; i < items.size(); i++) {
            int score = Math.min(4, 1 + r.nextInt(3) + (better > 0 && r.nextBoolean() ? 1 : 0));
            sql.append(i == 0 ? "" : ", ").append('(').append(diagnosis).append(", ")
                    .append(((Number) items.get(i)[0]).longValue()).append(", ").append(score).append(')');
        }
        em.createNativeQuery(sql.toString()).executeUpdate();
    }

    /**
     * Manual alerts through their life cycle (open, acknowledged, resolved with a reason, one escalated and
     * requested for the next table session); the automatic rules raise the rest when the portal runs them.
     */
    private void alertLifeCycles(Comuna demo) {
        Random r = new Random(77L);
        @SuppressWarnings("unchecked")
        List<Object> cases = em.createNativeQuery("SELECT c.id FROM case_file c WHERE c.comuna_id = ?1 AND c.status = 'OPEN'"
                + " ORDER BY c.id DESC LIMIT 24").setParameter(1, demo.getId()).getResultList();
        String[][] manual = {{"SUICIDE_RISK", "HIGH", "Verbaliza ideas de muerte en el colegio; se activa protocolo con el CESFAM"},
                {"SCHOOL_DROPOUT", "MEDIUM", "Tres semanas sin asistir a clases"},
                {"DOMESTIC_VIOLENCE", "HIGH", "Nueva denuncia de violencia intrafamiliar en el hogar"},
                {"SUBSTANCE_USE", "MEDIUM", "Consumo de alcohol los fines de semana informado por la familia"},
                {"STREET_SITUATION", "HIGH", "Pernocta fuera del hogar de forma intermitente"},
                {"NEGLECT", "LOW", "Controles de salud atrasados"}};
        int index = 0;
        for (Object c : cases) {
            String[] a = manual[index % manual.length];
            int daysAgo = 2 + r.nextInt(40);
            java.sql.Timestamp raised = java.sql.Timestamp.from(ANCHOR.minusDays(daysAgo).atTime(9, 30)
                    .toInstant(ZoneOffset.ofHours(-3)));
            java.sql.Timestamp later = java.sql.Timestamp.from(ANCHOR.minusDays(Math.max(1, daysAgo - 2)).atTime(16, 0)
                    .toInstant(ZoneOffset.ofHours(-3)));
            String state = switch (index % 3) { case 0 -> "OPEN"; case 1 -> "ACKNOWLEDGED"; default -> "RESOLVED"; };
            long alert = insertId("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, state, description,"
                    + " source, raised_by, raised_at, acknowledged_by, acknowledged_at, resolved_by, resolved_at,"
                    + " resolution_reason, escalated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'MANUAL', 'profesional.ppf', ?7,"
                    + " CAST(?8 AS VARCHAR), CAST(?9 AS TIMESTAMPTZ), CAST(?10 AS VARCHAR), CAST(?11 AS TIMESTAMPTZ),"
                    + " CAST(?12 AS VARCHAR), CAST(?13 AS TIMESTAMPTZ)) RETURNING id",
                    demo.getId(), ((Number) c).longValue(), a[0], a[1], state, a[2], raised,
                    state.equals("OPEN") ? null : "cofacilitador.opd", state.equals("OPEN") ? null : later,
                    state.equals("RESOLVED") ? "cofacilitador.edt" : null, state.equals("RESOLVED") ? later : null,
                    state.equals("RESOLVED") ? "Se activó la red: ingreso a programa y seguimiento acordado" : null,
                    a[1].equals("HIGH") ? raised : null);
            if (index == 0) {
                em.createNativeQuery("INSERT INTO session_agenda_request (comuna_id, case_id, alert_id, reason, requested_by,"
                                + " requested_at) VALUES (?1, ?2, ?3, 'Riesgo suicida: coordinar la respuesta de salud y colegio',"
                                + " 'cofacilitador.opd', ?4)").setParameter(1, demo.getId()).setParameter(2, ((Number) c).longValue())
                        .setParameter(3, alert).setParameter(4, later).executeUpdate();
            }
            index++;
        }
        // successive alerts as the rule found them on the anchor day: one alert in each of three months in a row
        long successive = ((Number) em.createNativeQuery("SELECT c.id FROM case_file c WHERE c.comuna_id = ?1 AND"
                + " c.status = 'OPEN' ORDER BY c.id DESC OFFSET 30 LIMIT 1").setParameter(1, demo.getId()).getSingleResult())
                .longValue();
        for (int daysAgo : new int[]{62, 32, 1}) {
            em.createNativeQuery("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, description, source,"
                            + " raised_by, raised_at) VALUES (?1, ?2, 'SCHOOL_DROPOUT', 'LOW', 'Inasistencias reiteradas"
                            + " informadas por el colegio', 'MANUAL', 'profesional.pde', ?3)")
                    .setParameter(1, demo.getId()).setParameter(2, successive).setParameter(3, java.sql.Timestamp.from(
                            ANCHOR.minusDays(daysAgo).atTime(10, 0).toInstant(ZoneOffset.ofHours(-3)))).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, description, source,"
                        + " raised_by, raised_at, cause_key) VALUES (?1, ?2, 'SUCCESSIVE', 'MEDIUM', 'Alertas sucesivas: al"
                        + " menos una alerta en cada uno de los últimos 3 meses', 'RULE', 'sistema', ?3, 'from:2026-08')")
                .setParameter(1, demo.getId()).setParameter(2, successive).setParameter(3, java.sql.Timestamp.from(
                        ANCHOR.atTime(8, 7).toInstant(ZoneOffset.ofHours(-3)))).executeUpdate();
    }

    /** An INSERT ... RETURNING id; 0 when it inserted nothing. */
    private long insertId(String sql, Object... parameters) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = q.getResultList();
        return ids.isEmpty() ? 0 : ((Number) ids.get(0)).longValue();
    }

    /** The adults of reference of a family: always a mother or carer, sometimes a father or a grandmother. */
    private void adults(Family family, String paternal, String maternal) {
        persist(new cl.redlocal.portal.cases.entity.FamilyAdult(family, pick(details, GIVEN_F) + " " + maternal,
                details.nextInt(6) == 0 ? "Abuela" : "Madre", null, "+56 9 " + (5000_0000 + details.nextInt(4999_9999)),
                null, true));
        if (details.nextBoolean()) {
            persist(new cl.redlocal.portal.cases.entity.FamilyAdult(family, pick(details, GIVEN_M) + " " + paternal,
                    "Padre", null, "+56 9 " + (5000_0000 + details.nextInt(4999_9999)), null, details.nextInt(3) > 0));
        }
    }

    private static String schoolFor(int age) {
        if (age < 5) {
            return age < 2 ? null : "Jardín Infantil Los Peques";
        }
        return age < 14 ? "Escuela Básica Demo" : "Liceo Bicentenario Demo";
    }

    private static final cl.redlocal.portal.cases.entity.RiskKind[] RISKS = cl.redlocal.portal.cases.entity.RiskKind.values();

    /**
     * How the case came to its first program (access, decided admissible), the risk signals seen then
     * (open alerts), and for some cases a new request still waiting for PPF's or PIE's admissibility.
     */
    private void accessAndAlerts(CaseFile caseFile, LocalDate opened) {
        List<Program> first = em.createQuery("SELECT i.program FROM CaseInvolvement i WHERE i.caseFile = :c"
                + " ORDER BY i.startedOn", Program.class).setParameter("c", caseFile).setMaxResults(1).getResultList();
        var modes = cl.redlocal.portal.cases.entity.AccessMode.values();
        var sources = new cl.redlocal.portal.cases.entity.AccessSource[]{
                cl.redlocal.portal.cases.entity.AccessSource.FAMILY, cl.redlocal.portal.cases.entity.AccessSource.SCHOOL,
                cl.redlocal.portal.cases.entity.AccessSource.HEALTH, cl.redlocal.portal.cases.entity.AccessSource.COURT,
                cl.redlocal.portal.cases.entity.AccessSource.POLICE_24H, cl.redlocal.portal.cases.entity.AccessSource.COMMUNITY};
        if (!first.isEmpty()) {
            var request = new cl.redlocal.portal.cases.entity.AccessRequest(caseFile, first.get(0),
                    modes[details.nextInt(modes.length)], sources[details.nextInt(sources.length)], null, opened,
                    "Vulneración de derechos detectada; se solicita evaluación e ingreso", "Equipo derivante",
                    details.nextInt(10) == 0, "profesional." + first.get(0).getAcronym().toLowerCase(), null);
            request.decide(cl.redlocal.portal.cases.entity.Admissibility.ADMISSIBLE,
                    "Cumple el perfil y los criterios técnicos del programa", opened, request.getRecordedBy());
            persist(request);
        }
        if (details.nextInt(10) < 3) {
            int count = 1 + details.nextInt(2);
            for (int k = 0; k < count; k++) {
                persist(new cl.redlocal.portal.alert.entity.VulnerabilityAlert(caseFile,
                        RISKS[details.nextInt(RISKS.length - 1)].name(),
                        cl.redlocal.portal.alert.entity.AlertSeverity.values()[details.nextInt(3)],
                        "Señal de riesgo registrada en el ingreso", "ACCESS", "profesional.opd",
                        opened.atTime(11, 0).toInstant(ZoneOffset.ofHours(-3))));
            }
        }
        if (caseFile.getComuna().getCode().equals("99001") && details.nextInt(15) == 0) {
            Program target = programs.get(details.nextBoolean() ? "PPF" : "PIE");
            boolean involved = !em.createQuery("SELECT i FROM CaseInvolvement i WHERE i.caseFile = :c AND i.program = :p",
                    CaseInvolvement.class).setParameter("c", caseFile).setParameter("p", target).getResultList().isEmpty();
            if (!involved) {
                persist(new cl.redlocal.portal.cases.entity.AccessRequest(caseFile, target,
                        cl.redlocal.portal.cases.entity.AccessMode.REFERRAL,
                        cl.redlocal.portal.cases.entity.AccessSource.POLICE_24H, "Lista 24 Horas, 1ª Comisaría",
                        ANCHOR.minusDays(1 + details.nextInt(10)), "Ingreso a unidad policial por vulneración de derechos",
                        "Carabineros de Chile", false, "profesional." + target.getAcronym().toLowerCase(), "DEMO-24H"));
            }
        }
    }

    private java.util.Set<LocalDate> holidays;

    /** The national holidays of the migration, read once: demo deadlines follow the same working days as the portal. */
    private java.util.Set<LocalDate> holidays() {
        if (holidays == null) {
            holidays = new java.util.HashSet<>();
            for (Object day : em.createNativeQuery("SELECT day FROM holiday WHERE comuna_id IS NULL").getResultList()) {
                holidays.add(day instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) day);
            }
        }
        return holidays;
    }

    private String nextRun() {
        int body = 40_000_000 + 137 * (++runSequence);
        return body + "-" + Run.checkDigit(body);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }
}
