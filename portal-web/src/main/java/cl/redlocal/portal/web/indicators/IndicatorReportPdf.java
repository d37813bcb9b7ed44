package cl.redlocal.portal.web.indicators;

import cl.redlocal.portal.indicator.boundary.Publication;
import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorValue;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The quarterly report: a published quarter as it was frozen (its version, who published it, why it was
 * corrected), one line per indicator with its formula, numerator, denominator, value, this year's target
 * and light, and a note on suppression when the reader is outside the comuna. Written in memory.
 */
public final class IndicatorReportPdf {

    private static final Color HEADER = new Color(0x1f, 0x5f, 0x8b);
    private static final Map<String, Color> LIGHTS = Map.of("GREEN", new Color(0xe3, 0xf4, 0xe1),
            "YELLOW", new Color(0xfd, 0xf4, 0xd6), "RED", new Color(0xfd, 0xec, 0xea));

    private final Function<String, String> text;
    private final Locale locale;
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private final Font subtitle = FontFactory.getFont(FontFactory.HELVETICA, 11, Color.DARK_GRAY);
    private final Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8, Color.WHITE);
    private final Font cell = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private final Font small = FontFactory.getFont(FontFactory.HELVETICA, 7, Color.DARK_GRAY);
    private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private final Font note = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8, Color.DARK_GRAY);

    public IndicatorReportPdf(Function<String, String> text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    /** {@code lines}: the dashboard's (names in the reader's language, targets and lights of the year). */
    public byte[] write(Publication p, List<IndicatorLine> lines, boolean inside) {
        Map<String, IndicatorLine> byCode = lines.stream().collect(Collectors.toMap(IndicatorLine::code, l -> l));
        Map<String, IndicatorValue> values = p.values().stream().collect(Collectors.toMap(IndicatorValue::code, v -> v));
        String days = text.apply("indicators.days");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.apply("indicators.pdf.title") + " - " + p.comunaName() + " " + p.version().label());
        document.addCreator(text.apply("app.name"));
        document.open();
        document.add(new Paragraph(text.apply("indicators.pdf.title"), title));
        String published = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", locale)
                .format(p.version().publishedAt().atZone(ZoneId.of("America/Santiago")));
        document.add(new Paragraph(p.comunaName() + " · " + p.version().label() + " · " + text.apply("indicators.version")
                + " " + p.version().versionNo() + " · " + text.apply("indicators.publishedBy") + " "
                + p.version().publishedByName() + ", " + published, subtitle));
        if (p.version().correctionReason() != null) {
            document.add(new Paragraph(text.apply("indicators.correctionReason") + ": " + p.version().correctionReason(), note));
        }
        PdfPTable table = new PdfPTable(new float[]{3.2f, 4.2f, 1, 1, 1.2f, 1.2f, 1});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(12);
        for (String key : List.of("indicators.indicator", "indicators.formula", "indicators.numerator",
                "indicators.denominator", "indicators.value", "indicators.target", "indicators.light")) {
            PdfPCell c = new PdfPCell(new Phrase(text.apply(key), head));
            c.setBackgroundColor(HEADER);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPadding(4);
            table.addCell(c);
        }
        for (IndicatorDefinition d : p.definitions()) {
            IndicatorValue v = values.get(d.code());
            IndicatorLine line = byCode.get(d.code());
            Color shade = line == null || line.light() == null ? null : LIGHTS.get(line.light());
            table.addCell(cell(new Phrase(line == null ? d.name() : line.name(), bold), shade, Element.ALIGN_LEFT));
            Phrase formula = new Phrase(d.numerator() + " / " + d.denominator(), small);
            table.addCell(cell(formula, shade, Element.ALIGN_LEFT));
            table.addCell(cell(new Phrase(IndicatorTexts.numerator(v), cell), shade, Element.ALIGN_RIGHT));
            table.addCell(cell(new Phrase(IndicatorTexts.denominator(v), cell), shade, Element.ALIGN_RIGHT));
            table.addCell(cell(new Phrase(IndicatorTexts.value(v, days), bold), shade, Element.ALIGN_RIGHT));
            table.addCell(cell(new Phrase(line == null ? IndicatorTexts.NONE : line.target(), cell), shade, Element.ALIGN_RIGHT));
            table.addCell(cell(new Phrase(line == null || line.light() == null ? IndicatorTexts.NONE
                    : text.apply("indicators.light." + line.light()), cell), shade, Element.ALIGN_CENTER));
        }
        document.add(table);
        Paragraph notes = new Paragraph(text.apply(inside ? "indicators.pdf.note" : "indicators.pdf.noteSuppressed"), note);
        notes.setSpacingBefore(10);
        document.add(notes);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(Phrase phrase, Color shade, int align) {
        PdfPCell c = new PdfPCell(phrase);
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        if (shade != null) {
            c.setBackgroundColor(shade);
        }
        return c;
    }
}
