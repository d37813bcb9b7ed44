package cl.redlocal.portal.web.api;

import cl.redlocal.portal.offer.boundary.AccessMode;
import cl.redlocal.portal.offer.boundary.PublicComuna;
import cl.redlocal.portal.offer.boundary.PublicLocation;
import cl.redlocal.portal.offer.boundary.PublicProgram;
import cl.redlocal.portal.offer.boundary.PublicProgramRef;
import cl.redlocal.portal.offer.boundary.PublicProvider;
import cl.redlocal.portal.offer.boundary.PublicSite;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.web.api.HsdsId.Kind;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The public offer in HSDS terms. What HSDS has a field for goes there (eligibility, ages, contact,
 * schedule, service area, required documents, capacity); the Chilean specifics that HSDS lacks (sector,
 * access modes, court order, waiting list, stale entry, kind of institution) become attributes with terms
 * of the portal's own taxonomy, "Red Local" (docs/hsds.md). Texts are the comuna's, in Spanish.
 */
final class HsdsMapper {

    static final String TAXONOMY = "Red Local: mapa de oferta comunal";
    static final Hsds.Unit SLOTS = new Hsds.Unit(HsdsId.derived("unit/cupo"), "cupos", "cupo");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ResourceBundle LABELS = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("es"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private final PublicComuna comuna;
    private final ZoneId zone;
    private final int staleDays;

    HsdsMapper(PublicComuna comuna, ZoneId zone, int staleDays) {
        this.comuna = comuna;
        this.zone = zone;
        this.staleDays = staleDays;
    }

    /** An organization with the services it runs in the public offer (named, not nested). */
    Hsds.Organization organization(PublicProvider v) {
        String id = HsdsId.of(Kind.ORGANIZATION, v.id());
        String kind = label("providerKind." + v.kind());
        String description = v.description() == null || v.description().isBlank()
                ? "Institución (" + kind + ") que ejecuta programas de la oferta comunal de " + comuna.name() + "."
                : v.description();
        List<Hsds.Phone> phones = v.phone() == null || v.phone().isBlank() ? List.of()
                : List.of(new Hsds.Phone(HsdsId.derived("organization/" + v.id() + "/phone"), id, null, null,
                v.phone(), "voice"));
        Hsds.Attribute type = attribute("organization", id, term("provider_kind:" + v.kind(), kind,
                "Tipo de institución que ejecuta programas de la oferta comunal"), "organization_type", null);
        return new Hsds.Organization(id, v.name(), description, email(v.email()), website(v.website()), phones,
                List.of(type), v.programs().stream().map(p -> serviceRef(p, id)).toList());
    }

    /** A service fully nested: its organization, contact, schedule, areas, locations, documents, capacity. */
    Hsds.Service service(PublicProgram p) {
        String id = HsdsId.of(Kind.SERVICE, p.id());
        List<Hsds.ServiceAtLocation> sites = p.locations().stream()
                .map(l -> new Hsds.ServiceAtLocation(HsdsId.of(Kind.SERVICE_AT_LOCATION, l.id()), id,
                        HsdsId.of(Kind.LOCATION, l.id()), location(l), null)).toList();
        return service(p, sites);
    }

    Hsds.Location location(PublicLocation l) {
        String id = HsdsId.of(Kind.LOCATION, l.id());
        Hsds.Address address = new Hsds.Address(HsdsId.derived("location/" + l.id() + "/address"), id, l.address(),
                blankToNull(l.sector()), comuna.name(), comuna.region(), "", "CL", "physical");
        return new Hsds.Location(id, "physical",
                l.providerId() == null ? null : HsdsId.of(Kind.ORGANIZATION, l.providerId()),
                l.name() == null || l.name().isBlank() ? l.address() : l.name(), l.latitude(), l.longitude(),
                List.of(address));
    }

    /** A service at a location, with both: the location in full, the service without its other locations. */
    Hsds.ServiceAtLocation site(PublicSite s) {
        PublicLocation l = s.location();
        return new Hsds.ServiceAtLocation(HsdsId.of(Kind.SERVICE_AT_LOCATION, l.id()),
                HsdsId.of(Kind.SERVICE, l.programId()), HsdsId.of(Kind.LOCATION, l.id()), location(l),
                service(s.program(), List.of()));
    }

    private Hsds.Service service(PublicProgram p, List<Hsds.ServiceAtLocation> sites) {
        String id = HsdsId.of(Kind.SERVICE, p.id());
        String path = "service/" + p.id();
        Hsds.Organization organization = p.provider() == null ? null : organization(p.provider());
        List<Hsds.Phone> phones = p.contactPhone() == null || p.contactPhone().isBlank() ? List.of()
                : List.of(new Hsds.Phone(HsdsId.derived(path + "/phone"), null, id, null, p.contactPhone(), "voice"));
        List<Hsds.Schedule> schedules = p.openingHours() == null || p.openingHours().isBlank() ? List.of()
                : List.of(new Hsds.Schedule(HsdsId.derived(path + "/schedule"), id, p.openingHours()));
        List<Hsds.ServiceArea> areas = List.of(new Hsds.ServiceArea(HsdsId.derived(path + "/service_area"), id,
                p.territory() == null || p.territory().isBlank() ? comuna.name() : p.territory(),
                p.territory() == null || p.territory().isBlank() ? "Toda la comuna"
                        : "Sectores de " + comuna.name() + " que atiende el programa"));
        return new Hsds.Service(id, organization == null ? null : organization.id(), p.name(), p.acronym(),
                p.description(), email(p.contactEmail()),
                p.status() == ProgramStatus.ACTIVE ? "active" : "temporarily closed",
                applicationProcess(p), eligibility(p), p.minAge(), p.maxAge(),
                p.confirmedAt() == null ? null : p.confirmedAt().atZone(zone).toLocalDate(), alert(p),
                latest(p.updatedAt(), p.capacityUpdatedAt()),
                organization == null ? null : withoutServices(organization), phones, schedules, areas, sites,
                documents(p, id), contacts(p, id), attributes(p, id),
                List.of(new Hsds.ServiceCapacity(HsdsId.derived(path + "/capacity"), id, SLOTS, SLOTS.id(),
                        p.vacancies(), p.slots(), "Cupos del programa: disponibles (vacantes) y totales",
                        p.capacityUpdatedAt())));
    }

    private Hsds.Service serviceRef(PublicProgramRef p, String organizationId) {
        return new Hsds.Service(HsdsId.of(Kind.SERVICE, p.id()), organizationId, p.name(), p.acronym(), null, null,
                p.status() == ProgramStatus.ACTIVE ? "active" : "temporarily closed", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Hsds.Organization withoutServices(Hsds.Organization o) {
        return new Hsds.Organization(o.id(), o.name(), o.description(), o.email(), o.website(), o.phones(),
                o.attributes(), null);
    }

    /** How to get in: the access modes, whether a court order is needed, the documents for a referral. */
    private static String applicationProcess(PublicProgram p) {
        List<String> modes = new ArrayList<>();
        if (p.acceptsSpontaneous()) {
            modes.add(label("accessMode." + AccessMode.SPONTANEOUS).toLowerCase(Locale.ROOT));
        }
        if (p.acceptsReferral()) {
            modes.add(label("accessMode." + AccessMode.REFERRAL).toLowerCase(Locale.ROOT));
        }
        if (p.acceptsActiveSearch()) {
            modes.add(label("accessMode." + AccessMode.ACTIVE_SEARCH).toLowerCase(Locale.ROOT));
        }
        StringBuilder text = new StringBuilder("Vías de ingreso: ").append(String.join(", ", modes)).append('.');
        if (p.courtOrderRequired()) {
            text.append(" Ingreso solo con orden del Tribunal de Familia.");
        }
        if (p.referralDocuments() != null && !p.referralDocuments().isBlank()) {
            text.append(" Documentos para derivar: ").append(p.referralDocuments().trim());
        }
        return text.toString();
    }

    /** The program's own words: its eligibility and the profile it is meant for. */
    private static String eligibility(PublicProgram p) {
        List<String> parts = new ArrayList<>();
        if (p.eligibility() != null && !p.eligibility().isBlank()) {
            parts.add(p.eligibility().trim());
        }
        if (p.targetProfile() != null && !p.targetProfile().isBlank()) {
            parts.add("Perfil de ingreso: " + p.targetProfile().trim());
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private String alert(PublicProgram p) {
        List<String> alerts = new ArrayList<>();
        if (p.status() == ProgramStatus.SUSPENDED) {
            alerts.add("Programa suspendido temporalmente: no recibe ingresos por ahora.");
        }
        if (p.stale()) {
            alerts.add("Información no confirmada en los últimos " + staleDays + " días.");
        }
        return alerts.isEmpty() ? null : String.join(" ", alerts);
    }

    private static List<Hsds.RequiredDocument> documents(PublicProgram p, String serviceId) {
        if (p.referralDocuments() == null) {
            return List.of();
        }
        List<String> names = Arrays.stream(p.referralDocuments().split("[,;\\n]")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        List<Hsds.RequiredDocument> documents = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            documents.add(new Hsds.RequiredDocument(HsdsId.derived("service/" + p.id() + "/required_document/" + i),
                    serviceId, names.get(i)));
        }
        return documents;
    }

    /** The contact the program publishes for referrals; nobody else's. */
    private static List<Hsds.Contact> contacts(PublicProgram p, String serviceId) {
        String name = blankToNull(p.contactName());
        String email = email(p.contactEmail());
        String phone = blankToNull(p.contactPhone());
        if (name == null && email == null && phone == null) {
            return List.of();
        }
        String id = HsdsId.derived("service/" + p.id() + "/contact");
        return List.of(new Hsds.Contact(id, serviceId, name, email, phone == null ? List.of()
                : List.of(new Hsds.Phone(HsdsId.derived("service/" + p.id() + "/contact/phone"), null, null, id, phone,
                "voice"))));
    }

    private static List<Hsds.Attribute> attributes(PublicProgram p, String serviceId) {
        List<Hsds.Attribute> attributes = new ArrayList<>();
        attributes.add(attribute("service", serviceId, term("sector:" + p.sector(), label("sector." + p.sector()),
                "Sector de la oferta comunal al que pertenece el programa"), "sector", null));
        for (AccessMode mode : AccessMode.values()) {
            boolean accepted = switch (mode) {
                case SPONTANEOUS -> p.acceptsSpontaneous();
                case REFERRAL -> p.acceptsReferral();
                case ACTIVE_SEARCH -> p.acceptsActiveSearch();
            };
            if (accepted) {
                attributes.add(attribute("service", serviceId, term("access_mode:" + mode, label("accessMode." + mode),
                        "Modalidad de acceso que el programa acepta"), "access_mode", null));
            }
        }
        attributes.add(attribute("service", serviceId, term("court_order_required", "Requiere orden de tribunal",
                "Si el ingreso requiere una orden del Tribunal de Familia (true/false)"), "eligibility",
                Boolean.toString(p.courtOrderRequired())));
        attributes.add(attribute("service", serviceId, term("waiting_list", "Lista de espera",
                "Cuántas derivaciones aceptadas esperan un cupo (solo el número)"), "capacity",
                Long.toString(p.waiting())));
        attributes.add(attribute("service", serviceId, term("stale", "Información por confirmar",
                "Si nadie ha confirmado la información del programa en el plazo de la comuna (true/false)"),
                "assurance", Boolean.toString(p.stale())));
        return attributes;
    }

    static Hsds.TaxonomyTerm term(String code, String name, String description) {
        return new Hsds.TaxonomyTerm(HsdsId.derived("taxonomy_term/" + code), code, name, description, TAXONOMY);
    }

    private static Hsds.Attribute attribute(String entity, String entityId, Hsds.TaxonomyTerm term, String linkType,
                                            String value) {
        return new Hsds.Attribute(HsdsId.derived(entity + "/" + entityId + "/attribute/" + term.code()), entityId,
                linkType, entity, term.id(), value, term);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String label(String key) {
        return LABELS.containsKey(key) ? LABELS.getString(key) : key;
    }

    /** An e-mail address only when it looks like one: a typo in the catalogue must not break a consumer. */
    private static String email(String value) {
        return value != null && EMAIL.matcher(value.trim()).matches() ? value.trim() : null;
    }

    /** A web address as an absolute http(s) URI, or nothing. */
    static String website(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String candidate = value.trim().matches("(?i)https?://.*") ? value.trim() : "https://" + value.trim();
        try {
            URI uri = new URI(candidate);
            return uri.getHost() == null ? null : uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
