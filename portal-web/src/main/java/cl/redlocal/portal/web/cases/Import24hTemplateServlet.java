package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.control.PoliceListCsv;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The 24 Horas template: header and an example row, {@code ;}-separated UTF-8 with a byte-order mark for Excel. */
@WebServlet("/cases/import24h-template.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = "PROFESIONAL"))
public class Import24hTemplateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = ("\uFEFF" + PoliceListCsv.template()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"plantilla-24horas.csv\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
