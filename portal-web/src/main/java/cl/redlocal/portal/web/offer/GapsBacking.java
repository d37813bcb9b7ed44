package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.GapCatalogue;
import cl.redlocal.portal.offer.boundary.GapRow;
import cl.redlocal.portal.offer.boundary.OfferOverviewService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The gap catalogue: one statement gives the program, sector and comuna lines; the chart and the
 * PDF are made from them, the XLSX and CSV by PrimeFaces' exporter from the tables. Every export is
 * audited.
 */
@Named
@ViewScoped
public class GapsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferOverviewService overview;

    @Inject
    AccountService account;

    @Inject
    Messages messages;

    private Long comunaId;
    private List<Option> comunas;
    private GapCatalogue catalogue;
    private List<GapRow> sectorsWithTotal;
    private String chart;
    private long programsOverSupply;

    @PostConstruct
    void init() {
        comunas = overview.comunas();
        comunaId = account.me().comunaId();
        load();
    }

    /** Shows the chosen comuna (a territorial manager's choice). */
    public void apply() {
        try {
            load();
        } catch (BusinessException e) {
            messages.error(e); // a comuna the person does not support: the service refused and audited it
        }
    }

    private void load() {
        catalogue = overview.gaps(comunaId);
        sectorsWithTotal = new ArrayList<>(catalogue.sectors());
        sectorsWithTotal.add(catalogue.total());
        chart = GapChart.json(catalogue.sectors(), messages::text);
        programsOverSupply = catalogue.programs().stream().filter(GapRow::demandExceedsSupply).count();
    }

    /** The spreadsheet exports (p:dataExporter) leave their trace. */
    public void exported(String format) {
        overview.gapsExported(catalogue.comunaId(), format);
    }

    /** The coordinator's report as PDF, in the reader's language. */
    public void downloadPdf() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        byte[] pdf = new GapReportPdf(messages::text, faces.getViewRoot().getLocale()).write(catalogue);
        overview.gapsExported(catalogue.comunaId(), "PDF");
        Faces.sendFile(pdf, getFileName() + ".pdf", true);
    }

    /** catastro-brechas-comuna-demo-2026-11-22, without the extension (the exporter adds it). */
    public String getFileName() {
        return messages.text("offerGaps.fileName") + "-" + GapReportPdf.slug(catalogue.comunaName()) + "-"
                + catalogue.asOf();
    }

    public GapCatalogue getCatalogue() {
        return catalogue;
    }

    /** The sector lines and, last, the comuna's (sector null). */
    public List<GapRow> getSectorsWithTotal() {
        return sectorsWithTotal;
    }

    public String getChart() {
        return chart;
    }

    public long getProgramsOverSupply() {
        return programsOverSupply;
    }

    public List<Option> getComunas() {
        return comunas;
    }

    public boolean isComunaChoice() {
        return comunas.size() > 1;
    }

    public Long getComunaId() {
        return comunaId;
    }

    public void setComunaId(Long comunaId) {
        this.comunaId = comunaId;
    }
}
