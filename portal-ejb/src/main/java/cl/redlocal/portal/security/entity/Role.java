package cl.redlocal.portal.security.entity;

/** The five roles of the local system. Their names are the groups Jakarta Security checks. */
public enum Role {
    COORDINADOR,
    COFACILITADOR,
    PROFESIONAL,
    GESTOR_TERRITORIAL,
    ADMIN;

    /** Compile-time constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String COORDINADOR = "COORDINADOR";
        public static final String COFACILITADOR = "COFACILITADOR";
        public static final String PROFESIONAL = "PROFESIONAL";
        public static final String GESTOR_TERRITORIAL = "GESTOR_TERRITORIAL";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
