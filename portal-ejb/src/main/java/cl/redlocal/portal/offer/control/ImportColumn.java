package cl.redlocal.portal.offer.control;

/**
 * The columns of the program import file, in the template's order, with the header each must carry
 * (Spanish, as the coordinator's spreadsheet shows it) and the template's example. docs/offer-import.md
 * describes each one; keep the two together.
 */
public enum ImportColumn {
    ACRONYM("sigla", true, "OPD"),
    NAME("nombre", true, "Oficina de Protección de Derechos"),
    SECTOR("sector", true, "Protección"),
    PROVIDER("institucion", false, "Municipalidad de Comuna Demo"),
    PROVIDER_KIND("tipo_institucion", false, "Municipalidad"),
    STATUS("estado", false, "Activo"),
    DESCRIPTION("descripcion", false, "Protección de derechos de niños, niñas y adolescentes; orientación a familias."),
    MIN_AGE("edad_minima", false, "0"),
    MAX_AGE("edad_maxima", false, "17"),
    TARGET_PROFILE("perfil", false, "NNA y familias de la comuna con derechos vulnerados"),
    ELIGIBILITY("elegibilidad", false, "Residir en la comuna; edad entre 0 y 17 años"),
    TERRITORY("territorio", false, ""),
    COURT_ORDER("requiere_orden_tribunal", false, "no"),
    SPONTANEOUS("demanda_espontanea", false, "sí"),
    REFERRAL("derivacion", false, "sí"),
    ACTIVE_SEARCH("busqueda_activa", false, "sí"),
    REFERRAL_DOCUMENTS("documentos_derivacion", false, "Ficha de derivación; informe social"),
    CONTACT_NAME("contacto_nombre", false, "María Pérez"),
    CONTACT_PHONE("contacto_telefono", false, "+56 2 2345 6789"),
    CONTACT_EMAIL("contacto_correo", false, "opd@municipalidad.cl"),
    OPENING_HOURS("horario", false, "Lunes a viernes, 08:30 a 17:30"),
    SLOTS("cupos", false, "120"),
    OCCUPIED("ocupados", false, "96"),
    LOCATION_NAME("sede_nombre", false, "Sede central"),
    LOCATION_ADDRESS("sede_direccion", false, "Av. Principal 123"),
    LOCATION_SECTOR("sede_sector", false, "Centro"),
    LATITUDE("sede_latitud", false, "-33,4489"),
    LONGITUDE("sede_longitud", false, "-70,6693");

    private final String header;
    private final boolean required;
    private final String example;

    ImportColumn(String header, boolean required, String example) {
        this.header = header;
        this.required = required;
        this.example = example;
    }

    /** The header as the file must spell it (case, accents, spaces for underscores are forgiven). */
    public String header() {
        return header;
    }

    /** Whether the header must have this column (the others may be left out of the file). */
    public boolean required() {
        return required;
    }

    public String example() {
        return example;
    }
}
