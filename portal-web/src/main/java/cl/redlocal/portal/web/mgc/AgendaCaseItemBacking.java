package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.agenda.boundary.AgendaService;
import cl.redlocal.portal.mgc.agenda.boundary.Pauta;
import cl.redlocal.portal.mgc.agenda.boundary.PautaForm;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Map;

/**
 * The pauta of a case item (URL parameter {@code id}): only for those who may see the case; anyone else
 * gets "not found" (the service audits the denial). Reading it is audited as a case read.
 */
@Named
@ViewScoped
public class AgendaCaseItemBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgendaService agenda;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private Long id;
    private Pauta pauta;
    private String question;
    private String presenterNotes;

    /** f:viewAction */
    public void load() {
        pauta = id == null ? null : agenda.pauta(id).orElse(null);
        if (pauta != null) {
            question = pauta.question();
            presenterNotes = pauta.presenterNotes();
        }
    }

    public String save() {
        PautaForm form = new PautaForm(question, presenterNotes);
        if (!validation.check(form, "pautaForm", Map.of())) {
            return null;
        }
        try {
            agenda.writePauta(id, pauta.version(), form);
            messages.info("mgc.pauta.saved");
            return "/mgc/case-item?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Pauta getPauta() {
        return pauta;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getPresenterNotes() {
        return presenterNotes;
    }

    public void setPresenterNotes(String presenterNotes) {
        this.presenterNotes = presenterNotes;
    }
}
