package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.minutes.boundary.MinutesContent;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesView;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The minutes on paper (and as the mail's attachment): the comuna's letterhead and the table, the
 * session's day, time and place, the attendance list with institutions, each agenda item with its notes,
 * the cases analysed by code and initials only (the PDF leaves the portal: no discussion of a case),
 * decisions and the agreements table; "Página X de Y" on every page, stamped in a second pass once the
 * page count is known.
 */
public final class MinutesPdf {

    private static final java.time.format.DateTimeFormatter HOURS = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    private static final Color HEADER = new Color(0x1f, 0x5f, 0x8b);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Function<String, String> text;
    private final Font letterhead = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10, HEADER);
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private final Font subtitle = FontFactory.getFont(FontFactory.HELVETICA, 10, Color.DARK_GRAY);
    private final Font section = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private final Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8, Color.WHITE);
    private final Font cell = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private final Font note = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8, Color.DARK_GRAY);

    /** @param text the bundle's text for a key (the page's language) */
    public MinutesPdf(Function<String, String> text) {
        this.text = text;
    }

    public byte[] write(MinutesView m) {
        return write(m, java.util.List.of());
    }

    /** With the titles of the protocols the session approved (the network's part of the minutes). */
    public byte[] write(MinutesView m, java.util.List<String> approvedProtocols) {
        try {
            return numbered(body(m, approvedProtocols));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] body(MinutesView m, java.util.List<String> approvedProtocols) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 54);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.apply("mgc.minutes.pdf.title") + " " + m.tableName() + " " + day(m.day()));
        document.addCreator(text.apply("app.name"));
        document.open();
        document.add(new Paragraph(text.apply("mgc.minutes.pdf.letterhead") + " " + m.comunaName(), letterhead));
        document.add(new Paragraph(m.tableName(), letterhead));
        Paragraph heading = new Paragraph(text.apply("mgc.minutes.pdf.title") + " · " + day(m.day()), title);
        heading.setSpacingBefore(10);
        document.add(heading);
        document.add(new Paragraph(text.apply("mgc.minutes.time") + ": " + HOURS.format(m.startsAt()) + "–" + HOURS.format(m.endsAt()) + " · "
                + text.apply("mgc.minutes.place") + ": " + (m.place() != null ? m.place()
                : m.videoLink() != null ? m.videoLink() : "–"), subtitle));
        document.add(new Paragraph(text.apply("mgc.minutes.state") + ": " + text.apply("mgc.minutes.state." + m.state())
                + (m.locked() ? " · " + text.apply("mgc.minutes.version") + " " + m.currentVersion()
                + (m.approvedInSessionDay() == null ? "" : " · " + text.apply("mgc.minutes.approvedIn") + " "
                + day(m.approvedInSessionDay())) : ""), subtitle));

        MinutesContent c = m.content();
        section(document, "mgc.minutes.attendance");
        PdfPTable attendance = table(new float[]{3, 3, 1.4f}, "mgc.minutes.person", "mgc.minutes.institution",
                "mgc.minutes.attendance.value");
        for (MinutesContent.Attendee a : c.attendance()) {
            attendance.addCell(cell(a.name() + (a.guest() ? " (" + text.apply("mgc.minutes.guest") + ")" : "")));
            attendance.addCell(cell(a.institution()));
            attendance.addCell(cell(a.attendance() == null ? "–" : text.apply("mgc.attendance." + a.attendance())));
        }
        document.add(attendance);

        section(document, "mgc.minutes.items");
        for (MinutesContent.Item i : c.items()) {
            document.add(new Paragraph(i.position() + ". " + i.title(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10)));
            document.add(new Paragraph(i.notes() == null ? "–" : i.notes(), cell));
        }
        if (c.items().isEmpty()) {
            document.add(new Paragraph(text.apply("mgc.minutes.items.none"), note));
        }

        section(document, "mgc.minutes.cases");
        for (MinutesContent.CaseItem k : c.cases()) {
            document.add(new Paragraph("• " + k.code() + (k.initials() == null ? "" : " (" + k.initials() + ")"), cell));
        }
        document.add(new Paragraph(c.cases().isEmpty() ? text.apply("mgc.minutes.cases.none")
                : text.apply("mgc.minutes.pdf.casesNote"), note));

        section(document, "mgc.minutes.decisions");
        document.add(new Paragraph(c.decisions() == null ? "–" : c.decisions(), cell));

        if (!approvedProtocols.isEmpty()) {
            section(document, "net.agenda.protocols.approved");
            for (String title : approvedProtocols) {
                document.add(new Paragraph("• " + title, cell));
            }
        }

        section(document, "mgc.minutes.agreements");
        PdfPTable agreements = table(new float[]{4, 2.4f, 2.2f, 1.3f, 1.3f, 1.4f}, "mgc.agreement.description",
                "mgc.agreement.institution", "mgc.agreement.person", "mgc.agreement.dueOn", "mgc.agreement.status",
                "mgc.agreement.cases");
        for (MinutesContent.AgreementLine a : c.agreements()) {
            agreements.addCell(cell(a.description()));
            agreements.addCell(cell(a.institution()));
            agreements.addCell(cell(a.person()));
            agreements.addCell(cell(day(a.dueOn())));
            agreements.addCell(cell(text.apply("mgc.agreement.status." + a.status())));
            agreements.addCell(cell(a.caseCodes() == null ? "–" : a.caseCodes()));
        }
        if (c.agreements().isEmpty()) {
            PdfPCell none = cell(text.apply("mgc.minutes.agreements.none"));
            none.setColspan(6);
            agreements.addCell(none);
        }
        document.add(agreements);
        document.close();
        return out.toByteArray();
    }

    /** Second pass: "Página X de Y" at the foot of every page. */
    private byte[] numbered(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfStamper stamper = new PdfStamper(reader, out);
            int pages = reader.getNumberOfPages();
            BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            for (int i = 1; i <= pages; i++) {
                PdfContentByte over = stamper.getOverContent(i);
                String label = java.text.MessageFormat.format(text.apply("mgc.minutes.pdf.page"), i, pages);
                ColumnText.showTextAligned(over, Element.ALIGN_CENTER, new Phrase(label, new Font(font, 8)),
                        reader.getPageSize(i).getWidth() / 2, 24, 0);
            }
            stamper.close();
        } catch (DocumentException e) {
            throw new IOException(e);
        } finally {
            reader.close();
        }
        return out.toByteArray();
    }

    private void section(Document document, String key) {
        Paragraph p = new Paragraph(text.apply(key), section);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : headers) {
            PdfPCell c = new PdfPCell(new Phrase(text.apply(key), head));
            c.setBackgroundColor(HEADER);
            c.setPadding(4);
            table.addCell(c);
        }
        return table;
    }

    private PdfPCell cell(String value) {
        PdfPCell c = new PdfPCell(new Phrase(value == null ? "" : value, cell));
        c.setPadding(4);
        return c;
    }

    private static String day(LocalDate day) {
        return day == null ? "–" : day.format(DAY);
    }
}
