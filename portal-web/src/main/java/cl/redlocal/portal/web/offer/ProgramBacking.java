package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.CapacityChangeRow;
import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.boundary.ProgramDetails;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;

/**
 * One program's page: what it offers, to whom, where, its capacity and the history of it. Those
 * responsible update occupancy (and the coordinator the slots) and confirm the entry here.
 */
@Named
@ViewScoped
public class ProgramBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferService offer;

    @Inject
    Messages messages;

    @Inject
    cl.redlocal.portal.mgc.network.boundary.ProtocolService protocols;

    /** The approved protocols that bind the program (for the roles that sit at the table). */
    private List<cl.redlocal.portal.mgc.network.boundary.BindingProtocol> bindingProtocols = List.of();

    private Long id;
    private ProgramDetails program;
    private List<CapacityChangeRow> history;

    @NotNull
    @Min(value = 0, message = "{offer.capacity.notNegative}")
    private Integer slots;

    @NotNull
    @Min(value = 0, message = "{offer.capacity.notNegative}")
    private Integer occupied;

    @Size(max = 300)
    private String note;

    /** f:viewAction */
    public void load() {
        program = id == null ? null : offer.find(id).orElse(null);
        if (program != null) {
            history = offer.history(id);
            slots = program.slots();
            occupied = program.occupied();
            if (java.util.stream.Stream.of(Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL,
                    Role.Names.GESTOR_TERRITORIAL).anyMatch(jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()::isUserInRole)) {
                bindingProtocols = protocols.forProgram(id);
            }
        }
    }

    public String saveCapacity() {
        try {
            offer.updateCapacity(id, program.version(), slots, occupied, note);
            messages.info("offer.capacity.saved", program.acronym());
            return reload();
        } catch (BusinessException e) {
            messages.error(e.getMessageKey().startsWith("offer.capacity.over") ? "capacity:occupied" : null,
                    e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String confirm() {
        try {
            offer.confirm(id, program.version());
            messages.info("offer.program.confirmed", program.acronym());
            return reload();
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    private String reload() {
        return "/offer/program.xhtml?faces-redirect=true&id=" + id;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public List<cl.redlocal.portal.mgc.network.boundary.BindingProtocol> getBindingProtocols() {
        return bindingProtocols;
    }

    public ProgramDetails getProgram() {
        return program;
    }

    public List<CapacityChangeRow> getHistory() {
        return history;
    }

    public Integer getSlots() {
        return slots;
    }

    public void setSlots(Integer slots) {
        this.slots = slots;
    }

    public Integer getOccupied() {
        return occupied;
    }

    public void setOccupied(Integer occupied) {
        this.occupied = occupied;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
