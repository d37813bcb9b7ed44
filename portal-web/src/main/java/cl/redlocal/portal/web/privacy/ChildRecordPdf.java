package cl.redlocal.portal.web.privacy;

import cl.redlocal.portal.privacy.boundary.ChildExport;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;

/**
 * The child's exported record as a readable PDF in Spanish: the same content as the JSON, section by section
 * (see {@link RecordOutline}), headed by the case code, when and why it was produced.
 */
public final class ChildRecordPdf {

    private final Function<String, String> text;
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private final Font subtitle = FontFactory.getFont(FontFactory.HELVETICA, 10, Color.DARK_GRAY);
    private final Font section = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, new Color(0x1f, 0x5f, 0x8b));
    private final Font row = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private final Font field = FontFactory.getFont(FontFactory.HELVETICA, 9);

    public ChildRecordPdf(Function<String, String> text) {
        this.text = text;
    }

    public byte[] write(ChildExport export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.apply("privacy.pdf.title") + " " + export.caseCode());
        document.addCreator(text.apply("app.name"));
        document.open();
        document.add(new Paragraph(text.apply("privacy.pdf.title") + " · " + export.caseCode(), title));
        document.add(new Paragraph(text.apply("privacy.pdf.lead"), subtitle));
        for (RecordOutline.Line line : RecordOutline.lines(export.json(), k -> label(k))) {
            Paragraph p;
            if (line.value() == null) {
                p = new Paragraph(line.label(), line.depth() == 0 ? section : row);
                p.setSpacingBefore(line.depth() == 0 ? 10 : 4);
            } else {
                p = new Paragraph(line.label() + ": " + line.value(), field);
            }
            p.setIndentationLeft(12f * line.depth());
            document.add(p);
        }
        document.close();
        return out.toByteArray();
    }

    private String label(String key) {
        String t = text.apply("privacy.record." + key);
        return t == null || t.startsWith("???") || t.equals("privacy.record." + key) ? key.replace('_', ' ') : t;
    }
}
