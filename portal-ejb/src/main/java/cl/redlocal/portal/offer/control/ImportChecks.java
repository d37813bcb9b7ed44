package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.offer.boundary.ImportRow;
import cl.redlocal.portal.offer.boundary.LocationForm;
import cl.redlocal.portal.offer.boundary.ProgramForm;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.Provider;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.territory.Comuna;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether each row of an import file may become a program, by the very rules that creating one program
 * by hand obeys: the Bean Validation constraints of {@link ProgramForm} (what {@code OfferService.create}
 * validates), the entity's own rules ({@link Program#describe}, {@link Program#changeCapacity}, a
 * location's coordinates) run on a probe that is never persisted, and the comuna-wide uniqueness of the
 * acronym ({@link OfferQueries}), plus uniqueness inside the file. Only the wording is the import's: each
 * broken rule becomes a message naming the file's column and value. The preview runs this, and the import
 * runs it again in its transaction, because the comuna's offer may have changed in between.
 */
@ApplicationScoped
public class ImportChecks {

    private static final Map<String, ImportColumn> COLUMN_OF_PROPERTY = Map.ofEntries(
            Map.entry("acronym", ImportColumn.ACRONYM), Map.entry("name", ImportColumn.NAME),
            Map.entry("sector", ImportColumn.SECTOR), Map.entry("description", ImportColumn.DESCRIPTION),
            Map.entry("minAge", ImportColumn.MIN_AGE), Map.entry("maxAge", ImportColumn.MAX_AGE),
            Map.entry("ageRangeOrdered", ImportColumn.MIN_AGE),
            Map.entry("targetProfile", ImportColumn.TARGET_PROFILE),
            Map.entry("eligibility", ImportColumn.ELIGIBILITY), Map.entry("territory", ImportColumn.TERRITORY),
            Map.entry("reachable", ImportColumn.REFERRAL),
            Map.entry("referralDocuments", ImportColumn.REFERRAL_DOCUMENTS),
            Map.entry("contactName", ImportColumn.CONTACT_NAME), Map.entry("contactPhone", ImportColumn.CONTACT_PHONE),
            Map.entry("contactEmail", ImportColumn.CONTACT_EMAIL), Map.entry("openingHours", ImportColumn.OPENING_HOURS),
            Map.entry("status", ImportColumn.STATUS),
            Map.entry("locations[0].name", ImportColumn.LOCATION_NAME),
            Map.entry("locations[0].address", ImportColumn.LOCATION_ADDRESS),
            Map.entry("locations[0].sector", ImportColumn.LOCATION_SECTOR),
            Map.entry("locations[0].latitude", ImportColumn.LATITUDE),
            Map.entry("locations[0].longitude", ImportColumn.LONGITUDE));

    /** Longest provider name the database keeps (provider.name). */
    private static final int PROVIDER_NAME_MAX = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    OfferQueries queries;

    /** A row with its verdict: the provider it names (an existing one of the comuna, or one to create). */
    public record Checked(ProgramCsv.Row row, Provider existingProvider, List<ImportProblem> problems) {

        public Checked {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        public boolean newProvider() {
            return row.providerName() != null && existingProvider == null;
        }

        /** The row's form, naming the provider it was resolved to (or created as). */
        public ProgramForm formWithProvider(Long providerId) {
            ProgramForm f = row.form();
            return new ProgramForm(f.acronym(), f.name(), f.sector(), providerId, f.description(), f.minAge(),
                    f.maxAge(), f.targetProfile(), f.eligibility(), f.territory(), f.courtOrderRequired(),
                    f.acceptsSpontaneous(), f.acceptsReferral(), f.acceptsActiveSearch(), f.referralDocuments(),
                    f.contactName(), f.contactPhone(), f.contactEmail(), f.openingHours(), f.status(), f.locations());
        }

        public ImportRow toImportRow() {
            ProgramForm f = row.form();
            return new ImportRow(row.row(), f.acronym(), f.name(), f.sector(),
                    existingProvider == null ? row.providerName() : existingProvider.getName(), newProvider(),
                    row.slots(), row.occupied(), problems);
        }
    }

    public List<Checked> check(long comunaId, List<ProgramCsv.Row> rows) {
        Comuna comuna = em.find(Comuna.class, comunaId);
        Map<String, Provider> providers = em.createQuery("SELECT v FROM Provider v WHERE v.comuna.id = :c",
                        Provider.class).setParameter("c", comunaId).getResultStream()
                .collect(Collectors.toMap(v -> ProgramCsv.providerKey(v.getName()), Function.identity(), (a, b) -> a));
        Set<String> taken = queries.takenAcronyms(comunaId);
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<Checked> checked = new ArrayList<>(rows.size());
        for (ProgramCsv.Row row : rows) {
            List<ImportProblem> problems = new ArrayList<>(row.problems());
            Provider existing = row.providerName() == null ? null
                    : providers.get(ProgramCsv.providerKey(row.providerName()));
            if (row.providerName() != null && existing == null && row.providerName().length() > PROVIDER_NAME_MAX) {
                problems.add(ImportProblem.of("offer.import.problem.tooLong", ImportColumn.PROVIDER.header(),
                        PROVIDER_NAME_MAX));
            }
            boolean formValid = validate(row, problems);
            entityRules(comuna, existing, row, formValid, problems);
            String acronym = row.form().acronym();
            if (acronym != null && !acronym.isBlank()) {
                String key = OfferQueries.normalizedAcronym(acronym);
                Integer first = firstRowOf.putIfAbsent(key, row.row());
                if (taken.contains(key)) {
                    problems.add(ImportProblem.of("offer.import.problem.duplicateInComuna", key));
                } else if (first != null) {
                    problems.add(ImportProblem.of("offer.import.problem.duplicateInFile", key, first));
                }
            }
            checked.add(new Checked(row, existing, problems));
        }
        return checked;
    }

    /** The form's Bean Validation, as OfferService.create applies it; true when it holds. */
    private boolean validate(ProgramCsv.Row row, List<ImportProblem> problems) {
        Set<ConstraintViolation<ProgramForm>> violations = validator.validate(row.form());
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<ProgramForm> v) -> order(v))
                        .thenComparing(v -> v.getPropertyPath().toString()))
                .filter(v -> !alreadyReported(row, v))
                .map(v -> problemOf(v, row.form()))
                .forEach(problems::add);
        return violations.isEmpty();
    }

    /** A cell that could not be read is reported once, not again as the empty value it left. */
    private static boolean alreadyReported(ProgramCsv.Row row, ConstraintViolation<ProgramForm> v) {
        String property = v.getPropertyPath().toString();
        if (property.equals("reachable")) {
            return row.unreadable().contains(ImportColumn.SPONTANEOUS) || row.unreadable().contains(ImportColumn.REFERRAL)
                    || row.unreadable().contains(ImportColumn.ACTIVE_SEARCH);
        }
        ImportColumn column = COLUMN_OF_PROPERTY.get(property);
        return column != null && row.unreadable().contains(column);
    }

    private static int order(ConstraintViolation<ProgramForm> v) {
        ImportColumn column = COLUMN_OF_PROPERTY.get(v.getPropertyPath().toString());
        return column == null ? Integer.MAX_VALUE : column.ordinal();
    }

    private static ImportProblem problemOf(ConstraintViolation<ProgramForm> v, ProgramForm form) {
        String property = v.getPropertyPath().toString();
        ImportColumn column = COLUMN_OF_PROPERTY.get(property);
        String header = column == null ? property : column.header();
        Class<? extends Annotation> constraint = v.getConstraintDescriptor().getAnnotation().annotationType();
        Object value = v.getInvalidValue();
        if (constraint == NotBlank.class || constraint == NotNull.class) {
            return ImportProblem.of("offer.import.problem.required", header);
        }
        if (constraint == Size.class) {
            return ImportProblem.of("offer.import.problem.tooLong", header,
                    v.getConstraintDescriptor().getAttributes().get("max"));
        }
        if (constraint == Pattern.class && column == ImportColumn.ACRONYM) {
            return ImportProblem.of("offer.import.problem.acronym", value);
        }
        if (constraint == Email.class) {
            return ImportProblem.of("offer.import.problem.email", value);
        }
        if (constraint == Min.class || constraint == Max.class) {
            return ImportProblem.of("offer.import.problem.age", header, value);
        }
        if ((constraint == DecimalMin.class || constraint == DecimalMax.class) && column == ImportColumn.LATITUDE) {
            return ImportProblem.of("offer.import.problem.latitude", value);
        }
        if ((constraint == DecimalMin.class || constraint == DecimalMax.class) && column == ImportColumn.LONGITUDE) {
            return ImportProblem.of("offer.import.problem.longitude", value);
        }
        if (constraint == AssertTrue.class && property.equals("ageRangeOrdered")) {
            return ImportProblem.of("offer.import.problem.ageRange", form.minAge(), form.maxAge());
        }
        if (constraint == AssertTrue.class && property.equals("reachable")) {
            return ImportProblem.of("offer.import.problem.accessMode");
        }
        return ImportProblem.of("offer.import.problem.invalid", header, value);
    }

    /**
     * The entity's rules, on a probe program that is never persisted (nor reachable from anything that
     * is). Its description is only tried when the form is valid: the rules overlap, and one message each
     * is enough.
     */
    private static void entityRules(Comuna comuna, Provider existing, ProgramCsv.Row row, boolean formValid,
                                    List<ImportProblem> problems) {
        Program probe = new Program(comuna, "PROBE", "probe", Sector.OTHER);
        ProgramForm form = row.form();
        if (formValid) {
            rule(problems, row, () -> probe.describe(existing, form.toDescription()));
        }
        if (!row.unreadable().contains(ImportColumn.SLOTS) && !row.unreadable().contains(ImportColumn.OCCUPIED)) {
            rule(problems, row, () -> probe.changeCapacity(row.slots(), row.occupied()));
        }
        if (!row.unreadable().contains(ImportColumn.LATITUDE) && !row.unreadable().contains(ImportColumn.LONGITUDE)) {
            for (LocationForm l : form.locations()) {
                rule(problems, row, () -> probe.addLocation(l.name(), l.address(), l.sector(), l.latitude(),
                        l.longitude()));
            }
        }
    }

    private static void rule(List<ImportProblem> problems, ProgramCsv.Row row, Runnable rule) {
        try {
            rule.run();
        } catch (IllegalArgumentException e) {
            ImportProblem problem = switch (e.getMessage()) {
                case "offer.capacity.negative" -> ImportProblem.of("offer.import.problem.capacityNegative",
                        row.slots(), row.occupied());
                case "offer.capacity.overSlots" -> ImportProblem.of("offer.import.problem.overSlots",
                        row.occupied(), row.slots());
                case "offer.program.ageRange" -> ImportProblem.of("offer.import.problem.ageRange",
                        row.form().minAge(), row.form().maxAge());
                case "offer.location.coordinatesIncomplete" -> ImportProblem.of("offer.import.problem.coordinates");
                default -> ImportProblem.of(e.getMessage()); // an entity rule's own key of the web bundle
            };
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
    }
}
