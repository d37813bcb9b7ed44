package cl.redlocal.portal.web.plan;

import cl.redlocal.portal.plan.boundary.PlanView;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The plan as printed for the family meeting: case code, initials and (because the family reads it with
 * the team) the child's name; every goal with its actions, who answers for each, dates, status and
 * progress, overdue ones shaded; the last review. Its download is audited as an export.
 */
public final class PlanPdf {

    private static final Color HEADER = new Color(0x1f, 0x5f, 0x8b);
    private static final Color OVERDUE = new Color(0xfd, 0xec, 0xea);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Function<String, String> text;
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private final Font subtitle = FontFactory.getFont(FontFactory.HELVETICA, 11, Color.DARK_GRAY);
    private final Font section = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private final Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8, Color.WHITE);
    private final Font cell = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private final Font note = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8, Color.DARK_GRAY);

    public PlanPdf(Function<String, String> text, Locale locale) {
        this.text = text;
    }

    public byte[] write(PlanView plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(text.apply("plan.pdf.title") + " " + plan.caseCode());
        document.addCreator(text.apply("app.name"));
        document.open();
        document.add(new Paragraph(text.apply("plan.pdf.title") + " · " + plan.caseCode() + " (" + plan.initials() + ")",
                title));
        document.add(new Paragraph(plan.fullName() + (plan.familyCode() == null ? ""
                : " · " + text.apply("plan.family") + " " + plan.familyCode()), subtitle));
        document.add(new Paragraph(text.apply("plan.pdf.subtitle") + " · " + text.apply("plan.pdf.generated") + " "
                + day(plan.today()), subtitle));

        for (PlanView.Goal g : plan.goals()) {
            Paragraph heading = new Paragraph(text.apply("plan.dimension." + g.dimension().name()) + ": "
                    + g.description(), section);
            heading.setSpacingBefore(12);
            heading.setSpacingAfter(4);
            document.add(heading);
            PdfPTable table = new PdfPTable(new float[]{4, 1.2f, 2.4f, 1.2f, 1.2f, 1.3f, 0.9f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String key : new String[]{"plan.action.description", "plan.action.program", "plan.action.responsible",
                    "plan.action.startsOn", "plan.action.dueOn", "plan.action.status", "plan.action.progress"}) {
                table.addCell(cell(text.apply(key), head, HEADER));
            }
            for (PlanView.Action a : g.actions()) {
                Color shade = a.overdue() ? OVERDUE : null;
                table.addCell(cell(a.description(), cell, shade));
                table.addCell(cell(a.programAcronym(), cell, shade));
                table.addCell(cell(a.responsible() == null ? "–" : a.responsible(), cell, shade));
                table.addCell(cell(day(a.startsOn()), cell, shade));
                table.addCell(cell(day(a.dueOn()) + (a.overdue() ? " · " + text.apply("plan.overdue") : ""), cell, shade));
                table.addCell(cell(text.apply("plan.action.status." + a.status().name()), cell, shade));
                table.addCell(cell(a.progress() + " %", cell, shade));
            }
            if (g.actions().isEmpty()) {
                PdfPCell empty = cell(text.apply("plan.action.none"), note, null);
                empty.setColspan(7);
                table.addCell(empty);
            }
            document.add(table);
        }
        if (plan.goals().isEmpty()) {
            document.add(new Paragraph(text.apply("plan.goal.none"), note));
        }
        PlanView.Review last = plan.lastReview();
        if (last != null) {
            Paragraph heading = new Paragraph(text.apply("plan.review.last") + " · " + day(last.reviewedOn()) + " · "
                    + last.reviewedBy(), section);
            heading.setSpacingBefore(12);
            document.add(heading);
            document.add(new Paragraph(last.notes(), cell));
            for (PlanView.ReviewedGoal rg : last.goals()) {
                document.add(new Paragraph("• " + rg.description() + ": "
                        + text.apply("plan.achievement." + rg.achieved().name()), cell));
            }
        }
        Paragraph footer = new Paragraph(text.apply("plan.pdf.note"), note);
        footer.setSpacingBefore(14);
        document.add(footer);
        document.close();
        return out.toByteArray();
    }

    private static String day(LocalDate day) {
        return day == null ? "–" : day.format(DAY);
    }

    private static PdfPCell cell(String value, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(value == null ? "" : value, font));
        c.setPadding(4);
        c.setHorizontalAlignment(Element.ALIGN_LEFT);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }
}
