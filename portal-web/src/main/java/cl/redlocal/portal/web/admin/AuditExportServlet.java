package cl.redlocal.portal.web.admin;

import cl.redlocal.portal.audit.boundary.AuditSearch;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditFilter;
import cl.redlocal.portal.audit.control.AuditOutcome;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Streams the audit trail as CSV (UTF-8 with a byte-order mark, so a spreadsheet opens accents right)
 * straight from the database cursor to the response: any size, constant memory.
 */
@WebServlet("/admin/audit.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = "ADMIN"))
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilter filter;
        try {
            filter = new AuditFilter(date(request, "from"), date(request, "to"), request.getParameter("username"),
                    value(request, "action", AuditAction.class), request.getParameter("entityType"),
                    request.getParameter("entityId"), value(request, "outcome", AuditOutcome.class));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"auditoria-" + LocalDate.now() + ".csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        search.exportCsv(filter, out);
        out.flush();
    }

    private static LocalDate date(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : LocalDate.parse(v);
    }

    private static <E extends Enum<E>> E value(HttpServletRequest request, String name, Class<E> type) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : Enum.valueOf(type, v);
    }
}
