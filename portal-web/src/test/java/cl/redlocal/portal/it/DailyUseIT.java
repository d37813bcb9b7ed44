package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person met in daily use (issue 16) and no other page test covers: dates in exports and sentences as
 * people in the comuna write them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DailyUseIT {

    @ArquillianResource
    URL base;

    /** Defect 10: the programs CSV said "2026-06-27T12:00:00Z · desactualizado". */
    @Test
    void theProgramsCsvWritesTheConfirmationAsADayAndTimeNeverAnIsoTimestamp() {
        OfferFixture.ensure();
        WebClient web = new WebClient(base);
        web.signIn(OfferFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("offer/programs.xhtml");
        HttpResponse<byte[]> csv = web.download(page, "programs", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}")
                .containsPattern("\"\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}");
    }

    /** Defect 19: the HSDS API needs the comuna's code, which the programs page now shows with the API's address. */
    @Test
    void theProgramsPageOffersTheOpenApiWithTheComunasCode() {
        OfferFixture.ensure();
        WebClient web = new WebClient(base);
        web.signIn(OfferFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        String page = web.get("offer/programs.xhtml").body();
        assertThat(page).contains("(código 99101)").contains("/api/hsds/99101/services");
        assertThat(new WebClient(base).get("api/hsds/99101/services").statusCode()).isEqualTo(200);
    }

    /** Defect 17: a past session nobody closed is flagged to the co-facilitators on the home page and the agenda. */
    @Test
    void aPastSessionNobodyClosedIsFlaggedToTheCofacilitatorsOnHomeAndAgenda() {
        DailyFixture.ensure();
        long unclosed = DailyFixture.unclosedSession();
        WebClient web = new WebClient(base);
        web.signIn(DailyFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        for (String page : new String[]{"index.xhtml", "mgc/agenda.xhtml", "mgc/calendar.xhtml"}) {
            String body = web.get(page).body();
            assertThat(body).as(page).contains("Sesiones ya pasadas que nadie cerró")
                    .contains("minutes.xhtml?session=" + unclosed);
        }
    }

    /** Defect 18: a waiting list with vacancies says the next child is due to be admitted. */
    @Test
    void aListWithVacanciesAndChildrenWaitingSaysTheNextOneIsDue() {
        WaitingFixture.ensure();
        WaitingFixture.Program program = WaitingFixture.program(WaitingFixture.COMUNA_CODE, 3, 1);
        WaitingFixture.Entry first = WaitingFixture.waiting(WaitingFixture.COMUNA_CODE, program, "Rita", 9, 5, "HIGH", true);
        WebClient web = new WebClient(base);
        web.signIn(WaitingFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        assertThat(web.get("waiting/lists.xhtml?program=" + program.id()).body())
                .contains("Hay 2 vacantes y 1 NNA espera en esta lista: corresponde admitir al siguiente, " + first.code());
        WaitingFixture.Program full = WaitingFixture.program(WaitingFixture.COMUNA_CODE, 1, 1);
        WaitingFixture.waiting(WaitingFixture.COMUNA_CODE, full, "Tomás", 9, 5, "HIGH", false);
        assertThat(web.get("waiting/lists.xhtml?program=" + full.id()).body()).doesNotContain("corresponde admitir");
    }

    /** The case page: each of its parts one move away from a bar at the top, every link landing on its part. */
    @Test
    void theCasePageLinksEachOfItsPartsFromTheTop() {
        PlanFixture.ensure();
        WebClient web = new WebClient(base);
        web.signIn(PlanFixture.PA, TestSession.DEMO_PASSWORD);
        String page = web.get("cases/case.xhtml?id=" + PlanFixture.caseId("P-0001")).body();
        java.util.regex.Matcher nav = java.util.regex.Pattern.compile("id=\"caseSections\"[^>]*>(.*?)</nav>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        assertThat(nav.find()).isTrue();
        java.util.List<String> targets = java.util.regex.Pattern.compile("href=\"#([A-Za-z]+)\"").matcher(nav.group(1))
                .results().map(r -> r.group(1)).toList();
        assertThat(targets).hasSize(9);
        assertThat(targets).allSatisfy(t -> assertThat(page).contains("id=\"" + t + "\""));
    }
}
