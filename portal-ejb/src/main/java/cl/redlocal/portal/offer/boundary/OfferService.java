package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.offer.control.OfferQueries;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.ProgramLocation;
import cl.redlocal.portal.offer.entity.Provider;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The communal offer map. Everybody signed in reads their comuna's offer (a territorial manager, that of
 * any comuna they support); the coordinator writes it; a program's professionals keep their own
 * program's occupancy current and confirm its entry. Every change is audited, every capacity change
 * kept as history.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
        Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
public class OfferService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    cl.redlocal.portal.offer.control.CapacityLedger capacityLedger;

    @Inject
    OfferQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "portal.timezone", defaultValue = "America/Santiago")
    String timezone;

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public long count(@NotNull OfferFilter filter) {
        return queries.count(comunaOf(filter), filter);
    }

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<OfferRow> list(@NotNull OfferFilter filter, @NotNull PageRequest page) {
        return queries.list(comunaOf(filter), filter, page);
    }

    /** One program of a comuna the caller works in; nothing for any other id. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public Optional<ProgramDetails> find(long id) {
        CallerProfile me = caller.profile();
        Program p = em.find(Program.class, id);
        if (p == null || !me.worksIn(p.getComuna().getId())) {
            audit.denied("PROGRAM", id, "programa de otra comuna o inexistente");
            return Optional.empty();
        }
        Object[] waiting = (Object[]) em.createNativeQuery("SELECT count(*), min(entered_at) FROM fact_waiting"
                + " WHERE program_id = ?1 AND is_open").setParameter(1, id).getSingleResult();
        Instant oldest = SqlValues.instant(waiting[1]);
        List<LocationForm> locations = p.getLocations().stream().map(l -> new LocationForm(l.getId(), l.getName(),
                l.getAddress(), l.getSector(), l.getLatitude(), l.getLongitude())).toList();
        return Optional.of(new ProgramDetails(p.getId(), p.getVersion(), p.getAcronym(), p.getName(),
                p.getProvider() == null ? null : p.getProvider().getId(),
                p.getProvider() == null ? null : p.getProvider().getName(), p.getSector(), p.getStatus(),
                p.getDescription(), p.getMinAge(), p.getMaxAge(), p.getTargetProfile(), p.getEligibility(),
                p.getTerritory(), p.isCourtOrderRequired(), p.isAcceptsSpontaneous(), p.isAcceptsReferral(),
                p.isAcceptsActiveSearch(), p.getReferralDocuments(), p.getContactName(), p.getContactPhone(),
                p.getContactEmail(), p.getOpeningHours(), p.getSlots(), p.getOccupied(),
                ((Number) waiting[0]).longValue(),
                oldest == null ? null : oldest.atZone(java.time.ZoneId.of(timezone)).toLocalDate(),
                p.getConfirmedAt(), p.getConfirmedBy(), queries.isStale(p.getConfirmedAt(), Instant.now()), locations,
                mayEdit(me, p), mayUpdateCapacity(me, p)));
    }

    /** A new program of the coordinator's comuna; the acronym is unique in the comuna. */
    @RolesAllowed(Role.Names.COORDINADOR)
    public long create(@NotNull @Valid ProgramForm form, int slots) {
        return create(form, slots, 0, "Programa creado");
    }

    /**
     * A new program with its current occupancy too (an import brings programs that already work), the
     * note opening its capacity history.
     */
    @RolesAllowed(Role.Names.COORDINADOR)
    public long create(@NotNull @Valid ProgramForm form, int slots, int occupied, @Size(max = 300) String note) {
        CallerProfile me = caller.profile();
        Comuna comuna = em.find(Comuna.class, me.comunaId());
        requireUniqueAcronym(me.comunaId(), form.acronym(), null);
        if (slots < 0) {
            throw new BusinessException("offer.capacity.negative");
        }
        Program program = rules(() -> new Program(comuna, provider(form.providerId(), me), form.toDescription()));
        rules(() -> {
            program.changeStatus(form.status());
            program.changeCapacity(slots, occupied);
            form.locations().forEach(l -> program.addLocation(l.name(), l.address(), l.sector(), l.latitude(),
                    l.longitude()));
            program.confirm(me.username(), Instant.now());
            return program;
        });
        em.persist(program);
        flush();
        recordCapacity(program, null, null, note);
        audit.success(AuditAction.CREATE, "PROGRAM", program.getId());
        return program.getId();
    }

    /** The coordinator rewrites a program, as loaded at {@code version}: a concurrent save is refused. */
    @RolesAllowed(Role.Names.COORDINADOR)
    public void update(long id, int version, @NotNull @Valid ProgramForm form) {
        CallerProfile me = caller.profile();
        Program program = editable(id, version, me);
        if (!mayEdit(me, program)) {
            audit.denied("PROGRAM", id, "solo la coordinación edita la oferta");
            throw new BusinessException("error.notFound");
        }
        requireUniqueAcronym(me.comunaId(), form.acronym(), id);
        rules(() -> {
            program.describe(provider(form.providerId(), me), form.toDescription());
            program.changeStatus(form.status());
            syncLocations(program, form.locations());
            return program;
        });
        flush();
        audit.success(AuditAction.UPDATE, "PROGRAM", id);
    }

    /**
     * Slots and occupancy, with a note, kept as history. The coordinator sets both for any program of
     * the comuna; a program's professional sets the occupancy of their own program only.
     */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.PROFESIONAL})
    public void updateCapacity(long id, int version, int slots, int occupied,
                               @Size(max = 300) String note) {
        CallerProfile me = caller.profile();
        Program program = editable(id, version, me);
        if (!mayUpdateCapacity(me, program)) {
            audit.denied("PROGRAM", id, "capacidad de otro programa");
            throw new BusinessException("offer.capacity.notYours");
        }
        if (me.role() == Role.PROFESIONAL && slots != program.getSlots()) {
            throw new BusinessException("offer.capacity.slotsCoordinatorOnly");
        }
        int slotsBefore = program.getSlots();
        int occupiedBefore = program.getOccupied();
        rules(() -> {
            program.changeCapacity(slots, occupied);
            program.confirm(me.username(), Instant.now());
            return program;
        });
        flush();
        recordCapacity(program, slotsBefore, occupiedBefore, note);
        audit.success(AuditAction.UPDATE, "PROGRAM_CAPACITY", id);
    }

    /** Somebody responsible checked that the entry is still true: it is no longer stale. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.PROFESIONAL})
    public void confirm(long id, int version) {
        CallerProfile me = caller.profile();
        Program program = editable(id, version, me);
        if (!mayUpdateCapacity(me, program)) {
            audit.denied("PROGRAM", id, "confirmar otro programa");
            throw new BusinessException("offer.capacity.notYours");
        }
        program.confirm(me.username(), Instant.now());
        flush();
        audit.success(AuditAction.UPDATE, "PROGRAM_CONFIRMATION", id);
    }

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<CapacityChangeRow> history(long id) {
        Program program = em.find(Program.class, id);
        if (program == null || !caller.profile().worksIn(program.getComuna().getId())) {
            audit.denied("PROGRAM", id, "historial de capacidad de otra comuna o inexistente");
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT changed_at, changed_by, slots_before, slots_after,"
                        + " occupied_before, occupied_after, note FROM capacity_change WHERE program_id = ?1"
                        + " ORDER BY changed_at DESC, id DESC LIMIT 100")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new CapacityChangeRow(SqlValues.instant(r[0]), (String) r[1],
                r[2] == null ? null : ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                r[4] == null ? null : ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[6])).toList();
    }

    /** The providers of the caller's comuna, for the program form. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<Option> providers() {
        return em.createQuery("SELECT NEW cl.redlocal.portal.security.boundary.Option(v.id, v.name) FROM Provider v"
                + " WHERE v.comuna.id = :c ORDER BY v.name", Option.class)
                .setParameter("c", caller.profile().comunaId()).getResultList();
    }

    /** The institutions of the caller's comuna, each with the number of programs it runs. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<ProviderRow> providerList() {
        return em.createQuery("SELECT NEW cl.redlocal.portal.offer.boundary.ProviderRow(v.id, v.version, v.name, v.kind,"
                        + " v.description, v.email, v.phone, v.website,"
                        + " (SELECT COUNT(p) FROM Program p WHERE p.provider = v)) FROM Provider v"
                        + " WHERE v.comuna.id = :c ORDER BY v.name", ProviderRow.class)
                .setParameter("c", caller.profile().comunaId()).getResultList();
    }

    @RolesAllowed(Role.Names.COORDINADOR)
    public long createProvider(@NotNull @Valid ProviderForm form) {
        CallerProfile me = caller.profile();
        requireUniqueProviderName(me.comunaId(), form.name(), null);
        Provider provider = new Provider(em.find(Comuna.class, me.comunaId()), form.name().trim(), form.kind());
        provider.describe(form.description(), form.email(), form.phone(), form.website());
        em.persist(provider);
        flush();
        audit.success(AuditAction.CREATE, "PROVIDER", provider.getId());
        return provider.getId();
    }

    @RolesAllowed(Role.Names.COORDINADOR)
    public void updateProvider(long id, int version, @NotNull @Valid ProviderForm form) {
        CallerProfile me = caller.profile();
        Provider provider = em.find(Provider.class, id);
        if (provider == null || provider.getComuna().getId() != me.comunaId()) {
            audit.denied("PROVIDER", id, "institución de otra comuna o inexistente");
            throw new BusinessException("error.notFound");
        }
        if (provider.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        requireUniqueProviderName(me.comunaId(), form.name(), id);
        provider.rename(form.name().trim(), form.kind());
        provider.describe(form.description(), form.email(), form.phone(), form.website());
        flush();
        audit.success(AuditAction.UPDATE, "PROVIDER", id);
    }

    private void requireUniqueProviderName(long comunaId, String name, Long exceptId) {
        if (!em.createQuery("SELECT v.id FROM Provider v WHERE v.comuna.id = :c AND LOWER(v.name) = :n AND v.id <> :id")
                .setParameter("c", comunaId).setParameter("n", name.trim().toLowerCase(Locale.ROOT))
                .setParameter("id", exceptId == null ? -1L : exceptId).getResultList().isEmpty()) {
            throw new BusinessException("offer.provider.duplicateName", name.trim());
        }
    }

    /** The number of days after which an unconfirmed entry is shown as stale. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public int staleDays() {
        return queries.staleDays();
    }

    private long comunaOf(OfferFilter filter) {
        CallerProfile me = caller.profile();
        if (filter.comunaId() == null) {
            return me.comunaId();
        }
        if (!me.worksIn(filter.comunaId())) {
            audit.denied("COMUNA", filter.comunaId(), "oferta de otra comuna");
            throw new BusinessException("error.notFound");
        }
        return filter.comunaId();
    }

    private static boolean mayEdit(CallerProfile me, Program p) {
        return me.role() == Role.COORDINADOR && me.comunaId() == p.getComuna().getId();
    }

    private static boolean mayUpdateCapacity(CallerProfile me, Program p) {
        return mayEdit(me, p) || (me.role() == Role.PROFESIONAL && Objects.equals(me.programId(), p.getId()));
    }

    private Program editable(long id, int version, CallerProfile me) {
        Program program = em.find(Program.class, id);
        if (program == null || program.getComuna().getId() != me.comunaId()) {
            audit.denied("PROGRAM", id, "programa de otra comuna o inexistente");
            throw new BusinessException("error.notFound");
        }
        if (program.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return program;
    }

    private void requireUniqueAcronym(long comunaId, String acronym, Long exceptId) {
        if (queries.isAcronymTaken(comunaId, acronym, exceptId)) {
            throw new BusinessException("offer.program.duplicateAcronym", OfferQueries.normalizedAcronym(acronym));
        }
    }

    private Provider provider(Long providerId, CallerProfile me) {
        if (providerId == null) {
            return null;
        }
        Provider provider = em.find(Provider.class, providerId);
        if (provider == null || provider.getComuna().getId() != me.comunaId()) {
            audit.denied("PROVIDER", providerId, "institución de otra comuna o inexistente en un programa");
            throw new BusinessException("offer.program.providerOtherComuna");
        }
        return provider;
    }

    /** Locations with an id are updated, new ones added, missing ones removed. */
    private static void syncLocations(Program program, List<LocationForm> wanted) {
        Map<Long, ProgramLocation> current = new HashMap<>();
        program.getLocations().forEach(l -> current.put(l.getId(), l));
        for (LocationForm l : wanted) {
            ProgramLocation existing = l.id() == null ? null : current.remove(l.id());
            if (existing == null) {
                program.addLocation(l.name(), l.address(), l.sector(), l.latitude(), l.longitude());
            } else {
                program.updateLocation(existing, l.name(), l.address(), l.sector(), l.latitude(), l.longitude());
            }
        }
        current.values().forEach(program::removeLocation);
    }

    private void recordCapacity(Program program, Integer slotsBefore, Integer occupiedBefore, String note) {
        capacityLedger.record(program, slotsBefore, occupiedBefore, note, caller.profile().username());
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        } catch (PersistenceException e) {
            // two people saving the same new acronym or name at once: the database's unique key decides
            for (Throwable t = e; t != null; t = t.getCause()) {
                String text = String.valueOf(t.getMessage());
                if (text.contains("uq_program_acronym")) {
                    throw new BusinessException("offer.program.duplicateAcronym", "");
                }
                if (text.contains("uq_provider_name")) {
                    throw new BusinessException("offer.provider.duplicateName", "");
                }
            }
            throw e;
        }
    }

    /** Runs an entity rule, turning its refusal (an IllegalArgumentException with a message key) into one for people. */
    private static <T> T rules(java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
    }
}
