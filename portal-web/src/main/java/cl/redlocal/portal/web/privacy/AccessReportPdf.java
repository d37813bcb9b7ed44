package cl.redlocal.portal.web.privacy;

import cl.redlocal.portal.privacy.boundary.AccessRow;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The access report of a child's record as a PDF: one line per read or change, newest first. */
public final class AccessReportPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneId.of("America/Santiago"));

    private final Function<String, String> text;
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private final Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private final Font cell = FontFactory.getFont(FontFactory.HELVETICA, 8);

    public AccessReportPdf(Function<String, String> text) {
        this.text = text;
    }

    public byte[] write(List<AccessRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(text.apply("privacy.accesses.title"), title));
        PdfPTable table = new PdfPTable(new float[]{1.3f, 1.5f, 1.2f, 1f, 0.9f, 1.4f, 0.8f, 3f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String k : new String[]{"when", "who", "role", "program", "action", "record", "outcome", "detail"}) {
            table.addCell(new Phrase(text.apply("privacy.accesses." + k), head));
        }
        for (AccessRow r : rows) {
            table.addCell(new Phrase(WHEN.format(r.at()), cell));
            table.addCell(new Phrase(nz(r.username()), cell));
            table.addCell(new Phrase(nz(r.role()), cell));
            table.addCell(new Phrase(nz(r.program()), cell));
            table.addCell(new Phrase(nz(r.action()), cell));
            table.addCell(new Phrase(nz(r.entityType()), cell));
            table.addCell(new Phrase(nz(r.outcome()), cell));
            table.addCell(new Phrase(nz(r.detail()), cell));
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static String nz(String s) {
        return s == null ? "–" : s;
    }
}
