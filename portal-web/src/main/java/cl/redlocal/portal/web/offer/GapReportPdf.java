package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.GapCatalogue;
import cl.redlocal.portal.offer.boundary.GapRow;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The gap catalogue as the coordinator's report: a title, the comuna and the date, the sectors with
 * the comuna's total, then every program, lines where demand exceeds supply shaded and marked, and a
 * note on how the figures are counted. Written in memory (a comuna's catalogue is a few pages).
 */
public final class GapReportPdf {

    private static final Color HEADER = new Color(0x1f, 0x5f, 0x8b);
    private static final Color EXCEEDS = new Color(0xfd, 0xec, 0xea);
    private static final Color TOTAL = new Color(0xe8, 0xf0, 0xf6);

    private final Function<String, String> text;
    private final Locale locale;
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private final Font subtitle = FontFactory.getFont(FontFactory.HELVETICA, 11, Color.DARK_GRAY);
    private final Font section = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private final Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8, Color.WHITE);
    private final Font cell = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private final Font note = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8, Color.DARK_GRAY);

    /** {@code text}: the bundle in the reader's language; {@code locale}: how numbers and dates are written. */
    public GapReportPdf(Function<String, String> text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    public byte[] write(GapCatalogue catalogue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.apply("offerGaps.title") + " - " + catalogue.comunaName());
        document.addCreator(text.apply("app.name"));
        document.open();
        document.add(new Paragraph(text.apply("offerGaps.pdf.title"), title));
        document.add(new Paragraph(catalogue.comunaName() + " · " + text.apply("offerGaps.asOf") + " "
                + catalogue.asOf().format(DateTimeFormatter.ofPattern("dd-MM-yyyy")), subtitle));

        document.add(heading("offerGaps.sectors"));
        PdfPTable sectors = table(new float[]{3.2f, 1, 1, 1, 1, 1.2f, 1.2f, 1.1f, 1.1f},
                "offerGaps.sector", "offerGaps.slots", "offerGaps.occupied", "offerGaps.vacancies", "offerGaps.waiting",
                "offerGaps.oldestWait", "offerGaps.medianWait", "offerGaps.ratio", "offerGaps.gap");
        for (GapRow s : catalogue.sectors()) {
            figures(sectors, s, null, text.apply("sector." + s.sector().name()));
        }
        figures(sectors, catalogue.total(), TOTAL, text.apply("offerGaps.total"));
        document.add(sectors);

        document.add(heading("offerGaps.programs"));
        PdfPTable programs = table(new float[]{1.1f, 3.4f, 1.8f, 1.4f, 1, 1.3f, 1.2f, 1, 1.2f, 1.3f, 1.2f, 0.9f},
                "offerGaps.acronym", "offerGaps.program", "offerGaps.sector", "offerGaps.status", "offerGaps.slots",
                "offerGaps.occupied", "offerGaps.vacancies", "offerGaps.waiting", "offerGaps.oldestWait",
                "offerGaps.medianWait", "offerGaps.ratio", "offerGaps.gap");
        for (GapRow p : catalogue.programs()) {
            Color shade = p.demandExceedsSupply() ? EXCEEDS : null;
            programs.addCell(cell(p.acronym(), bold, shade, Element.ALIGN_LEFT));
            programs.addCell(cell(p.name(), cell, shade, Element.ALIGN_LEFT));
            programs.addCell(cell(text.apply("sector." + p.sector().name()), cell, shade, Element.ALIGN_LEFT));
            programs.addCell(cell(text.apply("programStatus." + p.status().name()), cell, shade, Element.ALIGN_LEFT));
            numbers(programs, p, shade);
        }
        if (catalogue.programs().isEmpty()) {
            PdfPCell empty = cell(text.apply("offerGaps.empty"), note, null, Element.ALIGN_LEFT);
            empty.setColspan(12);
            programs.addCell(empty);
        }
        document.add(programs);

        Paragraph notes = new Paragraph(text.apply("offerGaps.note"), note);
        notes.setSpacingBefore(10);
        document.add(notes);
        document.close();
        return out.toByteArray();
    }

    private Paragraph heading(String key) {
        Paragraph p = new Paragraph(text.apply(key), section);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        return p;
    }

    private PdfPTable table(float[] widths, String... headerKeys) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : headerKeys) {
            PdfPCell c = cell(text.apply(key), head, HEADER, Element.ALIGN_CENTER);
            table.addCell(c);
        }
        return table;
    }

    /** A sector or total line: its name, then the figures. */
    private void figures(PdfPTable table, GapRow row, Color background, String name) {
        Color shade = row.demandExceedsSupply() ? EXCEEDS : background;
        table.addCell(cell(name, bold, shade, Element.ALIGN_LEFT));
        numbers(table, row, shade);
    }

    private void numbers(PdfPTable table, GapRow row, Color shade) {
        NumberFormat integer = NumberFormat.getIntegerInstance(locale);
        table.addCell(cell(integer.format(row.slots()), cell, shade, Element.ALIGN_RIGHT));
        table.addCell(cell(integer.format(row.occupied()), cell, shade, Element.ALIGN_RIGHT));
        table.addCell(cell(integer.format(row.vacancies()), cell, shade, Element.ALIGN_RIGHT));
        table.addCell(cell(integer.format(row.waiting()), cell, shade, Element.ALIGN_RIGHT));
        table.addCell(cell(row.oldestWaitDays() == null ? "—" : integer.format(row.oldestWaitDays()), cell, shade, Element.ALIGN_RIGHT));
        table.addCell(cell(decimal(row.medianWaitDays(), 1, "—"), cell, shade, Element.ALIGN_RIGHT));
        table.addCell(cell(decimal(row.ratio(), 2, text.apply("offerGaps.noSlots")), row.demandExceedsSupply() ? bold : cell,
                shade, Element.ALIGN_RIGHT));
        table.addCell(cell(text.apply(row.demandExceedsSupply() ? "offerGaps.gap.yes" : "offerGaps.gap.no"),
                row.demandExceedsSupply() ? bold : cell, shade, Element.ALIGN_CENTER));
    }

    private String decimal(BigDecimal value, int digits, String none) {
        if (value == null) {
            return none;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    private static PdfPCell cell(String value, Font font, Color background, int align) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(value == null ? "" : value, font)));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(4);
        c.setBorderColor(Color.LIGHT_GRAY);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    /** For the file name: the comuna in lower case ASCII, words joined by dashes. */
    public static String slug(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
