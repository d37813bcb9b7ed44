package cl.redlocal.portal.diagnosis.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.diagnosis.control.InstrumentReader;
import cl.redlocal.portal.diagnosis.entity.DiagnosisInstrument;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Configuring the comuna's diagnosis instrument (administrator or coordinator of the comuna). A published
 * version is never edited: the edits go to a DRAFT copy, and publishing it retires the previous version,
 * whose dimensions and items stay as they were for the diagnoses made with it.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
public class InstrumentService {

    static final String ENTITY = "DIAGNOSIS_INSTRUMENT";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public Optional<InstrumentView> published() {
        return InstrumentReader.inState(em, caller.profile().comunaId(), "PUBLISHED");
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public Optional<InstrumentView> draft() {
        return InstrumentReader.inState(em, caller.profile().comunaId(), "DRAFT");
    }

    /** Every version of the comuna's instrument, newest first: id, number, state, published at. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public List<InstrumentView> history() {
        List<?> ids = em.createNativeQuery("SELECT id FROM diagnosis_instrument WHERE comuna_id = ?1 ORDER BY number DESC")
                .setParameter(1, caller.profile().comunaId()).getResultList();
        return ids.stream().map(id -> InstrumentReader.load(em, ((Number) id).longValue())).toList();
    }

    /** The draft to edit: the existing one, or a copy of the published version as the next number. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public InstrumentView startDraft() {
        CallerProfile me = caller.profile();
        Optional<InstrumentView> existing = InstrumentReader.inState(em, me.comunaId(), "DRAFT");
        if (existing.isPresent()) {
            return existing.get();
        }
        InstrumentView published = InstrumentReader.inState(em, me.comunaId(), "PUBLISHED")
                .orElseThrow(() -> new BusinessException("diagnosis.noInstrument"));
        int number = ((Number) em.createNativeQuery("SELECT max(number) + 1 FROM diagnosis_instrument WHERE comuna_id = ?1")
                .setParameter(1, me.comunaId()).getSingleResult()).intValue();
        DiagnosisInstrument draft = new DiagnosisInstrument(me.comunaId(), number, published.name());
        em.persist(draft);
        em.flush();
        for (DimensionView d : published.dimensions()) {
            long dim = ((Number) em.createNativeQuery("INSERT INTO diagnosis_dimension (instrument_id, code, name, position)"
                            + " VALUES (?1, ?2, ?3, ?4) RETURNING id").setParameter(1, draft.getId()).setParameter(2, d.code())
                    .setParameter(3, d.name()).setParameter(4, d.position()).getSingleResult()).longValue();
            for (ItemView i : d.items()) {
                insertItem(dim, i.position(), i.text(), i.scaleMin(), i.scaleMax(), i.labelsText(), i.note());
            }
        }
        audit.record(AuditAction.CREATE, ENTITY, draft.getId(), AuditOutcome.SUCCESS, "borrador versión " + number);
        return InstrumentReader.load(em, draft.getId());
    }

    /** Saves the edits of the draft (names, order, item texts, scales and notes). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public void saveDraft(@Valid DraftCommand command) {
        DiagnosisInstrument draft = lockedDraft(command.instrumentId(), command.expectedVersion());
        draft.rename(command.name().trim());
        for (DraftCommand.DimensionEdit d : command.dimensions()) {
            int n = em.createNativeQuery("UPDATE diagnosis_dimension SET name = ?1, position = ?2 WHERE id = ?3"
                            + " AND instrument_id = ?4").setParameter(1, d.name().trim()).setParameter(2, d.position())
                    .setParameter(3, d.id()).setParameter(4, draft.getId()).executeUpdate();
            if (n != 1) {
                throw foreign("DIAGNOSIS_DIMENSION", d.id());
            }
        }
        for (DraftCommand.ItemEdit i : command.items()) {
            checkScale(i.text(), i.scaleMin(), i.scaleMax(), i.labels());
            int n = em.createNativeQuery("UPDATE diagnosis_item SET text = ?1, position = ?2, scale_min = ?3, scale_max = ?4,"
                            + " labels = ?5, note = ?6 WHERE id = ?7 AND dimension_id IN (SELECT id FROM diagnosis_dimension"
                            + " WHERE instrument_id = ?8)")
                    .setParameter(1, i.text().trim()).setParameter(2, i.position()).setParameter(3, i.scaleMin())
                    .setParameter(4, i.scaleMax()).setParameter(5, normalLabels(i.labels()))
                    .setParameter(6, i.note() == null || i.note().isBlank() ? null : i.note().trim())
                    .setParameter(7, i.id()).setParameter(8, draft.getId()).executeUpdate();
            if (n != 1) {
                throw foreign("DIAGNOSIS_ITEM", i.id());
            }
        }
        audit.record(AuditAction.UPDATE, ENTITY, draft.getId(), AuditOutcome.SUCCESS, "borrador editado");
    }

    /** Adds an item (default scale 1-4) at the end of a dimension of the draft. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public void addItem(long instrumentId, int expectedVersion, long dimensionId, String text) {
        DiagnosisInstrument draft = lockedDraft(instrumentId, expectedVersion);
        if (text == null || text.isBlank()) {
            throw new BusinessException("diagnosis.instrument.item.required");
        }
        List<?> found = em.createNativeQuery("SELECT coalesce((SELECT max(position) FROM diagnosis_item WHERE dimension_id"
                        + " = d.id), 0) + 1 FROM diagnosis_dimension d WHERE d.id = ?1 AND d.instrument_id = ?2")
                .setParameter(1, dimensionId).setParameter(2, draft.getId()).getResultList();
        if (found.isEmpty()) {
            throw foreign("DIAGNOSIS_DIMENSION", dimensionId);
        }
        insertItem(dimensionId, ((Number) found.get(0)).intValue(), text.trim(), 1, 4,
                "Crítico|En riesgo|En desarrollo|Logrado", null);
        audit.record(AuditAction.UPDATE, ENTITY, draft.getId(), AuditOutcome.SUCCESS, "ítem agregado");
    }

    /** Removes an item from the draft (diagnoses of published versions keep theirs). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public void removeItem(long instrumentId, int expectedVersion, long itemId) {
        DiagnosisInstrument draft = lockedDraft(instrumentId, expectedVersion);
        int n = em.createNativeQuery("DELETE FROM diagnosis_item WHERE id = ?1 AND dimension_id IN (SELECT id FROM"
                + " diagnosis_dimension WHERE instrument_id = ?2)").setParameter(1, itemId).setParameter(2, draft.getId())
                .executeUpdate();
        if (n != 1) {
            throw foreign("DIAGNOSIS_ITEM", itemId);
        }
        audit.record(AuditAction.UPDATE, ENTITY, draft.getId(), AuditOutcome.SUCCESS, "ítem eliminado");
    }

    /** Adds a dimension (code in capitals) at the end of the draft. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public void addDimension(long instrumentId, int expectedVersion, String code, String name) {
        DiagnosisInstrument draft = lockedDraft(instrumentId, expectedVersion);
        String c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z][A-Z0-9_]{0,19}") || name == null || name.isBlank()) {
            throw new BusinessException("diagnosis.instrument.dimension.invalid");
        }
        if (((Number) em.createNativeQuery("SELECT count(*) FROM diagnosis_dimension WHERE instrument_id = ?1 AND code = ?2")
                .setParameter(1, draft.getId()).setParameter(2, c).getSingleResult()).longValue() > 0) {
            throw new BusinessException("diagnosis.instrument.dimension.duplicate", c);
        }
        em.createNativeQuery("INSERT INTO diagnosis_dimension (instrument_id, code, name, position) SELECT ?1, ?2, ?3,"
                        + " coalesce(max(position), 0) + 1 FROM diagnosis_dimension WHERE instrument_id = ?1")
                .setParameter(1, draft.getId()).setParameter(2, c).setParameter(3, name.trim()).executeUpdate();
        audit.record(AuditAction.UPDATE, ENTITY, draft.getId(), AuditOutcome.SUCCESS, "dimensión " + c + " agregada");
    }

    /** Publishes the draft: new diagnoses use it; the previous version is retired, not changed. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINADOR})
    public void publish(long instrumentId, int expectedVersion) {
        CallerProfile me = caller.profile();
        DiagnosisInstrument draft = lockedDraft(instrumentId, expectedVersion);
        InstrumentView view = InstrumentReader.load(em, draft.getId());
        if (view.dimensions().isEmpty() || view.dimensions().stream().anyMatch(d -> d.items().isEmpty())) {
            throw new BusinessException("diagnosis.instrument.emptyDimension");
        }
        for (DiagnosisInstrument p : em.createQuery("SELECT i FROM DiagnosisInstrument i WHERE i.comunaId = :c"
                        + " AND i.state = :s", DiagnosisInstrument.class).setParameter("c", me.comunaId())
                .setParameter("s", DiagnosisInstrument.State.PUBLISHED).getResultList()) {
            p.retire();
        }
        em.flush();
        draft.publish(me.username(), Instant.now());
        audit.record(AuditAction.UPDATE, ENTITY, draft.getId(), AuditOutcome.SUCCESS, "publicada versión " + draft.getNumber());
    }

    /** A dimension or item id that is not part of the caller's draft: another instrument's, maybe another comuna's. */
    private BusinessException foreign(String entity, long id) {
        audit.denied(entity, id, "fuera del borrador del instrumento o inexistente");
        return new BusinessException("diagnosis.notFound");
    }

    private DiagnosisInstrument lockedDraft(long instrumentId, int expectedVersion) {
        DiagnosisInstrument draft = em.find(DiagnosisInstrument.class, instrumentId);
        if (draft == null || draft.getComunaId() != caller.profile().comunaId()) {
            audit.denied(ENTITY, instrumentId, "instrumento de otra comuna o inexistente");
            throw new BusinessException("diagnosis.notFound");
        }
        if (draft.getState() != DiagnosisInstrument.State.DRAFT) {
            throw new BusinessException("diagnosis.instrument.notDraft");
        }
        if (draft.getVersion() != expectedVersion) {
            throw new ConcurrentEditException();
        }
        em.lock(draft, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return draft;
    }

    private static void checkScale(String text, int min, int max, String labels) {
        if (min < 0 || max <= min || max - min > 9) {
            throw new BusinessException("diagnosis.instrument.scale.invalid", text);
        }
        long count = Arrays.stream(labels.split("\\|")).filter(s -> !s.isBlank()).count();
        if (count != max - min + 1) {
            throw new BusinessException("diagnosis.instrument.labels.count", text, max - min + 1);
        }
    }

    private static String normalLabels(String labels) {
        return String.join("|", Arrays.stream(labels.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private void insertItem(long dimensionId, int position, String text, int min, int max, String labels, String note) {
        em.createNativeQuery("INSERT INTO diagnosis_item (dimension_id, position, text, scale_min, scale_max, labels, note)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, dimensionId).setParameter(2, position)
                .setParameter(3, text).setParameter(4, min).setParameter(5, max).setParameter(6, labels)
                .setParameter(7, note).executeUpdate();
    }
}
