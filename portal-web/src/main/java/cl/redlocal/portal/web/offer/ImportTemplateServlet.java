package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.control.ProgramCsv;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The import template: the header and one example row, separated by {@code ;} and in UTF-8 with a
 * byte-order mark, so that Excel in Spanish opens it in columns with its accents right.
 */
@WebServlet("/offer/import-template.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = "COORDINADOR"))
public class ImportTemplateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = ("\uFEFF" + ProgramCsv.template()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"plantilla-programas.csv\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
