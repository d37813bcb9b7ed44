package cl.redlocal.portal.it;

import cl.redlocal.portal.offer.boundary.ImportPreview;
import cl.redlocal.portal.offer.boundary.ImportProgress;
import cl.redlocal.portal.offer.boundary.ImportRow;
import cl.redlocal.portal.offer.boundary.OfferImportService;
import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.boundary.ProgramForm;
import cl.redlocal.portal.offer.entity.ImportStatus;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing programs from CSV inside the running portal: the preview's row-by-row verdicts in Spanish,
 * the import of the valid rows only, all or nothing (a row the database refuses, or an offer that changed
 * since the preview, leaves nothing behind), progress readable while the import's transaction is still
 * open, refused files, and who may import. Programs it creates have acronyms starting with IMP and are
 * removed after each test, so the demo offer other tests count stays as it was. The page itself:
 * {@link OfferImportWebIT}.
 */
@ExtendWith(ArquillianExtension.class)
class OfferImportIT {

    private static final Locale SPANISH = Locale.forLanguageTag("es-CL");
    static final String HEADER = "sigla;nombre;sector;institucion;tipo_institucion;descripcion;edad_minima;"
            + "edad_maxima;perfil;elegibilidad;territorio;requiere_orden_tribunal;demanda_espontanea;derivacion;"
            + "busqueda_activa;documentos_derivacion;contacto_nombre;contacto_telefono;contacto_correo;horario;"
            + "cupos;ocupados;sede_nombre;sede_direccion;sede_sector;sede_latitud;sede_longitud\r\n";
    private static final String NEW_PROVIDER = "Fundación Importada de Prueba";

    @Inject
    OfferImportService imports;

    @Inject
    OfferService offers;

    @AfterEach
    void removeImportedPrograms() throws SQLException {
        TestDatabase.update("DELETE FROM program WHERE acronym LIKE 'IMP%' OR (acronym = 'OPD-V'"
                + " AND comuna_id = (SELECT id FROM comuna WHERE name = 'Comuna Demo'))");
        TestDatabase.update("DELETE FROM provider WHERE name = ?", NEW_PROVIDER);
    }

    // --- preview -----------------------------------------------------------------------------------

    @Test
    void thePreviewGivesEveryBadRowItsReasonsInSpanishAndImportsNothing() {
        TestSession.signIn("coordinador");
        String file = HEADER
                + row("IMP-A", "Programa Importado A", "Protección", NEW_PROVIDER, "ONG", "0", "17", "20", "5") // 2
                + row("IMP-B", "Programa Importado B", "MENTAL_HEALTH", "ong crecer juntos", "", "5", "17", "10", "0") // 3
                + row("IMP-C", "Edades al revés", "Salud", "", "", "18", "12", "10", "0") // 4
                + row("IMP-D", "Talleres", "Deporte", "", "", "6", "17", "10", "0") // 5
                + row("PPF", "Otro PPF", "Protección", "", "", "0", "17", "10", "0") // 6
                + row("imp-a", "El mismo A otra vez", "Protección", "", "", "0", "17", "10", "0") // 7
                + row("IMP-E", "", "", "", "", "0", "17", "10", "0") // 8
                + row("IMP-F", "Sobreocupado", "Educación", "", "", "0", "17", "10", "12") // 9
                + row("OPD-V", "La OPD Vecina existe en otra comuna", "Protección", "", "", "0", "17", "10", "0"); // 10

        ImportPreview preview = imports.preview("programas.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.total()).isEqualTo(9);
        assertThat(preview.rows()).filteredOn(ImportRow::valid).extracting(ImportRow::acronym)
                .containsExactly("IMP-A", "IMP-B", "OPD-V");
        assertThat(spanish(preview)).containsExactly(
                "Fila 4: edad mínima 18 mayor que la máxima 12",
                "Fila 5: sector desconocido 'Deporte' (use Protección, Prevención del delito, Salud, Salud mental,"
                        + " Educación, Alcohol y drogas, Justicia, Protección social u Otro)",
                "Fila 6: sigla PPF duplicada (ya existe en la comuna)",
                "Fila 7: sigla IMP-A duplicada (repetida en el archivo, fila 2)",
                "Fila 8: nombre: falta el valor, que es obligatorio",
                "Fila 8: sector: falta el valor, que es obligatorio",
                "Fila 9: ocupados 12 supera los cupos 10");
        ImportRow providers = preview.rows().get(1);
        assertThat(providers.providerName()).as("matched regardless of case").isEqualTo("ONG Crecer Juntos");
        assertThat(providers.newProvider()).isFalse();
        assertThat(preview.rows().get(0).newProvider()).isTrue();

        assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym LIKE 'IMP%'")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM provider WHERE name = ?", NEW_PROVIDER)).isZero();
        assertThat(TestDatabase.value("SELECT status || ' ' || total || ' ' || valid || ' ' || skipped_rows"
                + " FROM offer_import WHERE id = ?", preview.importId())).isEqualTo("PREVIEW 9 3 4,5,6,7,8,9");
    }

    @Test
    void badCellsAndRulesOfTheProgramFormAreReportedOncePerCause() {
        TestSession.signIn("coordinador");
        String file = HEADER
                + "IMP-G;Programa G;Salud;;;;diez;17;;;;quizás;no;no;no;;;;correo-malo;;-3;0;;;;-12,5;-70,1\r\n"
                + "imp h!;Programa H;Salud;;;;0;35;;;;no;no;sí;no;;;;;;5;0;Sede;;;-33,4;\r\n";

        ImportPreview preview = imports.preview("errores.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(spanish(preview)).containsExactly(
                "Fila 2: edad_minima: 'diez' no es un número entero",
                "Fila 2: requiere_orden_tribunal: 'quizás' no es sí ni no",
                "Fila 2: sin modalidad de acceso: ponga sí en demanda_espontanea, derivacion o busqueda_activa",
                "Fila 2: correo 'correo-malo' no válido",
                "Fila 2: sede_direccion: falta el valor, que es obligatorio",
                "Fila 2: latitud -12.5 fuera de Chile (debe estar entre -56 y -17)",
                "Fila 2: cupos -3 y ocupados 0 no pueden ser negativos",
                "Fila 3: sigla 'IMP H!' no válida: use mayúsculas, números, espacios, punto o guion (por ejemplo PPF u OPD-2)",
                "Fila 3: edad_maxima 35 fuera del rango permitido (de 0 a 29 años)",
                "Fila 3: sede_direccion: falta el valor, que es obligatorio",
                "Fila 3: indique sede_latitud y sede_longitud, o ninguna de las dos");
    }

    // --- import --------------------------------------------------------------------------------------

    @Test
    void importCreatesTheValidRowsOnlyInTheCoordinatorsComunaWithAllTheirFieldsAndCapacityHistory() {
        TestSession.signIn("coordinador");
        String file = "\uFEFF" + HEADER
                + "IMP-A;Programa Importado Ñandú;Prevención del delito;" + NEW_PROVIDER + ";ONG;Descripción con tildes;"
                + "10;17;Adolescentes en riesgo;Residir en la comuna;Villa Esperanza;sí;no;sí;sí;Ficha de derivación;"
                + "María Pérez;+56 2 2345 6789;imp-a@demo.cl;Lunes a viernes;30;12;Sede Ñuñoa;Av. Principal 123;"
                + "Centro;-33,4489;-70,6693\r\n"
                + row("IMP-X", "Edades al revés", "Salud", "", "", "18", "12", "10", "0")
                + row("IMP-B", "Programa Importado B", "Salud mental", NEW_PROVIDER.toUpperCase(Locale.ROOT), "", "5", "17",
                "10", "0")
                + row("OPD-V", "OPD con la sigla de la comuna vecina", "Protección", "", "", "0", "17", "0", "0");
        ImportPreview preview = imports.preview("programas.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.valid()).isEqualTo(3);

        imports.start(preview.importId());
        ImportProgress done = awaitEnd(preview.importId());

        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.imported()).isEqualTo(3);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(Messages.text(SPANISH, "offerImport.done", done.imported(), done.skipped()))
                .isEqualTo("Importación terminada: se importaron 3 programas; se omitió 1 fila con errores.");

        long demo = ((Number) TestDatabase.value("SELECT id FROM comuna WHERE name = 'Comuna Demo'")).longValue();
        assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym IN ('IMP-A', 'IMP-B', 'OPD-V')"
                + " AND comuna_id = ?", demo)).isEqualTo(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym = 'IMP-X'")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM provider WHERE name = ? AND kind = 'NGO' AND comuna_id = ?",
                NEW_PROVIDER, demo)).as("one provider for two spellings of its name").isEqualTo(1);

        long id = ((Number) TestDatabase.value("SELECT id FROM program WHERE acronym = 'IMP-A'")).longValue();
        var details = offers.find(id).orElseThrow();
        assertThat(details.name()).isEqualTo("Programa Importado Ñandú");
        assertThat(details.sector()).isEqualTo(Sector.CRIME_PREVENTION);
        assertThat(details.providerName()).isEqualTo(NEW_PROVIDER);
        assertThat(details.status()).isEqualTo(ProgramStatus.ACTIVE);
        assertThat(details.description()).isEqualTo("Descripción con tildes");
        assertThat(details.minAge()).isEqualTo(10);
        assertThat(details.maxAge()).isEqualTo(17);
        assertThat(details.targetProfile()).isEqualTo("Adolescentes en riesgo");
        assertThat(details.eligibility()).isEqualTo("Residir en la comuna");
        assertThat(details.territory()).isEqualTo("Villa Esperanza");
        assertThat(details.courtOrderRequired()).isTrue();
        assertThat(details.acceptsSpontaneous()).isFalse();
        assertThat(details.acceptsReferral()).isTrue();
        assertThat(details.acceptsActiveSearch()).isTrue();
        assertThat(details.referralDocuments()).isEqualTo("Ficha de derivación");
        assertThat(details.contactName()).isEqualTo("María Pérez");
        assertThat(details.contactPhone()).isEqualTo("+56 2 2345 6789");
        assertThat(details.contactEmail()).isEqualTo("imp-a@demo.cl");
        assertThat(details.openingHours()).isEqualTo("Lunes a viernes");
        assertThat(details.slots()).isEqualTo(30);
        assertThat(details.occupied()).isEqualTo(12);
        assertThat(details.confirmedBy()).isEqualTo("coordinador");
        assertThat(details.stale()).isFalse();
        assertThat(details.locations()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Sede Ñuñoa");
            assertThat(l.address()).isEqualTo("Av. Principal 123");
            assertThat(l.sector()).isEqualTo("Centro");
            assertThat(l.latitude()).isEqualByComparingTo(new BigDecimal("-33.4489"));
            assertThat(l.longitude()).isEqualByComparingTo(new BigDecimal("-70.6693"));
        });
        assertThat(offers.history(id)).singleElement().satisfies(h -> {
            assertThat(h.changedBy()).isEqualTo("coordinador");
            assertThat(h.slotsBefore()).isNull();
            assertThat(h.slotsAfter()).isEqualTo(30);
            assertThat(h.occupiedAfter()).isEqualTo(12);
            assertThat(h.note()).isEqualTo("Importado desde programas.csv");
        });

        // audited in the coordinator's name although it ran in the background: the import and each program
        assertThat(TestDatabase.value("SELECT detail FROM audit_event WHERE action = 'CREATE' AND entity_type ="
                + " 'OFFER_IMPORT' AND entity_id = ? AND outcome = 'SUCCESS' AND username = 'coordinador'",
                String.valueOf(preview.importId())))
                .isEqualTo("3 programas importados, 1 filas omitidas; archivo programas.csv");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'CREATE' AND entity_type ="
                + " 'PROGRAM' AND entity_id = ? AND username = 'coordinador'", String.valueOf(id))).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT content IS NULL FROM offer_import WHERE id = ?", preview.importId()))
                .as("the file is not kept after its import").isEqualTo(true);

        assertThatThrownBy(() -> imports.start(preview.importId())).as("an import runs once")
                .isInstanceOf(BusinessException.class).hasMessage("offer.import.notStartable");
    }

    @Test
    void aRowTheDatabaseRefusesMidwayRollsBackTheWholeImport() throws SQLException {
        // a rule the portal does not know, so the row passes the preview and fails in the database
        TestDatabase.update("ALTER TABLE program ADD CONSTRAINT it_refuses_boom CHECK (acronym <> 'IMP-BOOM') NOT VALID");
        try {
            TestSession.signIn("coordinador");
            String file = HEADER
                    + row("IMP-1", "Primero", "Salud", NEW_PROVIDER, "ONG", "0", "17", "10", "2")
                    + row("IMP-2", "Segundo", "Salud", "", "", "0", "17", "10", "2")
                    + row("IMP-BOOM", "Tercero", "Salud", "", "", "0", "17", "10", "2")
                    + row("IMP-4", "Cuarto", "Salud", "", "", "0", "17", "10", "2");
            ImportPreview preview = imports.preview("falla.csv", file.getBytes(StandardCharsets.UTF_8));
            assertThat(preview.valid()).isEqualTo(4);

            imports.start(preview.importId());
            ImportProgress failed = awaitEnd(preview.importId());

            assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(failed.imported()).isZero();
            assertThat(failed.errorRow()).isEqualTo(4);
            assertThat(Messages.text(SPANISH, "offerImport.failed", Messages.text(SPANISH, "offerImport.rowProblem",
                    String.valueOf(failed.errorRow()), Messages.text(SPANISH, failed.errorKey(),
                            failed.errorArguments().toArray()))))
                    .isEqualTo("No se importó ningún programa. Fila 4: la base de datos rechazó la fila (it_refuses_boom).");
            assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym LIKE 'IMP%'"))
                    .as("the rows before the failing one are gone too").isZero();
            assertThat(TestDatabase.count("SELECT count(*) FROM provider WHERE name = ?", NEW_PROVIDER)).isZero();
            assertThat(TestDatabase.count("SELECT count(*) FROM capacity_change WHERE note = 'Importado desde falla.csv'"))
                    .isZero();
            assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE entity_type = 'OFFER_IMPORT'"
                    + " AND entity_id = ? AND outcome = 'FAILURE' AND username = 'coordinador'",
                    String.valueOf(preview.importId()))).isEqualTo(1);
        } finally {
            TestDatabase.update("ALTER TABLE program DROP CONSTRAINT it_refuses_boom");
        }
    }

    @Test
    void anOfferThatChangedSinceThePreviewStopsTheWholeImport() {
        TestSession.signIn("coordinador");
        String file = HEADER
                + row("IMP-P", "Primero", "Salud", "", "", "0", "17", "10", "0")
                + row("IMP-Q", "Segundo", "Salud", "", "", "0", "17", "10", "0");
        ImportPreview preview = imports.preview("cambio.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.valid()).isEqualTo(2);
        // meanwhile somebody creates IMP-Q by hand
        offers.create(new ProgramForm("IMP-Q", "Creado a mano", Sector.HEALTH, null, null, null, null, null, null,
                null, false, false, true, false, null, null, null, null, null, ProgramStatus.ACTIVE, List.of()), 5);

        imports.start(preview.importId());
        ImportProgress failed = awaitEnd(preview.importId());

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.errorRow()).isEqualTo(3);
        assertThat(Messages.text(SPANISH, failed.errorKey(), failed.errorArguments().toArray()))
                .isEqualTo("sigla IMP-Q duplicada (ya existe en la comuna)");
        assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym = 'IMP-P'")).isZero();
        assertThat(TestDatabase.value("SELECT name FROM program WHERE acronym = 'IMP-Q'")).isEqualTo("Creado a mano");
    }

    @Test
    void progressIsReadableWhileTheImportRunsAndNoneOfItsProgramsIsVisibleBeforeTheEnd() throws Exception {
        TestSession.signIn("coordinador");
        int rows = 600;
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            file.append(row("IMP-L" + i, "Programa en lote " + i, "Salud", "", "", "0", "17", "10", "1"));
        }
        ImportPreview preview = imports.preview("lote.csv", file.toString().getBytes(StandardCharsets.UTF_8));

        imports.start(preview.importId());
        List<String> seenWhileRunning = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String status = "RUNNING";
        while (status.equals("RUNNING") && System.nanoTime() < deadline) {
            // another connection, as another node would read it
            String before = progressRow(preview.importId());
            long visible = TestDatabase.count("SELECT count(*) FROM program WHERE acronym LIKE 'IMP-L%'");
            String after = progressRow(preview.importId());
            status = after.split(" ")[0];
            if (before.startsWith("RUNNING") && after.startsWith("RUNNING")) {
                seenWhileRunning.add(after.split(" ")[1] + ":" + visible);
            }
            Thread.sleep(25);
        }

        assertThat(status).isEqualTo("DONE");
        assertThat(seenWhileRunning).as("progress observed while running, as done:visible programs")
                .anyMatch(s -> !s.startsWith("0:") && !s.startsWith(rows + ":"))
                .allMatch(s -> s.endsWith(":0"));
        assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym LIKE 'IMP-L%'")).isEqualTo(rows);
        assertThat(imports.progress(preview.importId()).imported()).isEqualTo(rows);
    }

    // --- refused files and people ------------------------------------------------------------------

    @Test
    void aFileInAnotherEncodingIsRefusedWithAClearMessageAndNothingIsKept() {
        TestSession.signIn("coordinador");
        long before = TestDatabase.count("SELECT count(*) FROM offer_import");
        byte[] latin1 = (HEADER + row("IMP-Ñ", "Protección", "Protección", "", "", "0", "17", "10", "0"))
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> imports.preview("latin1.csv", latin1)).isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(Messages.text(SPANISH, ((BusinessException) e).getMessageKey()))
                        .startsWith("El archivo no está codificado en UTF-8").contains("CSV UTF-8"));
        assertThat(TestDatabase.count("SELECT count(*) FROM offer_import")).isEqualTo(before);
        assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym LIKE 'IMP%'")).isZero();
    }

    @Test
    void aFileOverTenMegabytesIsRefused() {
        TestSession.signIn("coordinador");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(large, (byte) 'a');

        assertThatThrownBy(() -> imports.preview("grande.csv", large)).isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(Messages.text(SPANISH, ((BusinessException) e).getMessageKey(),
                        ((BusinessException) e).getArguments()))
                        .isEqualTo("El archivo supera el máximo de 10 MB. Divídalo en archivos más pequeños."));
    }

    @Test
    void aCoFacilitatorMayNotImport() {
        TestSession.signIn("cofacilitador.opd");
        byte[] file = (HEADER + row("IMP-Z", "Z", "Salud", "", "", "0", "17", "1", "0")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.preview("z.csv", file)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> imports.start(1L)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> imports.progress(1L)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void anAdministratorMayNotImportEither() {
        TestSession.signIn("admin");
        byte[] file = (HEADER + row("IMP-Z", "Z", "Salud", "", "", "0", "17", "1", "0")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.preview("z.csv", file)).isInstanceOf(EJBAccessException.class);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** A row with the columns tests vary; the rest as a typical program (referral only, one location). */
    static String row(String acronym, String name, String sector, String provider, String providerKind,
                              String minAge, String maxAge, String slots, String occupied) {
        return String.join(";", acronym, name, sector, provider, providerKind, "", minAge, maxAge, "", "", "", "no",
                "no", "sí", "no", "", "", "", "", "", slots, occupied, "", "Calle Uno 100", "", "", "") + "\r\n";
    }

    /** Every problem of the preview, as the page words it in Spanish, with its row. */
    private static List<String> spanish(ImportPreview preview) {
        return preview.rows().stream().flatMap(r -> r.problems().stream().map(p -> Messages.text(SPANISH,
                "offerImport.rowProblem", String.valueOf(r.row()), Messages.text(SPANISH, p.key(),
                        p.arguments().toArray())))).toList();
    }

    private static String progressRow(long importId) {
        return (String) TestDatabase.value("SELECT status || ' ' || done FROM offer_import WHERE id = ?", importId);
    }

    private ImportProgress awaitEnd(long importId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        ImportProgress progress = imports.progress(importId);
        while (!progress.finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            progress = imports.progress(importId);
        }
        return progress;
    }
}
