package cl.redlocal.portal.web.admin;

import cl.redlocal.portal.operations.boundary.OperationsConsole;
import cl.redlocal.portal.platform.mail.Outbox;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The administrator's page of background work: jobs, mail server, the comuna's outbox with retries. */
@Named
@ViewScoped
public class OperationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OperationsConsole console;

    @Inject
    Messages messages;

    private List<OperationsConsole.JobRow> jobs;
    private String node;
    private OperationsConsole.MailServer mailServer;
    private Outbox.State outbox;
    private List<Outbox.FailedMail> failed;

    @PostConstruct
    void load() {
        jobs = console.jobs();
        node = console.node();
        mailServer = console.mailServer();
        outbox = console.outbox();
        failed = List.copyOf(console.failedMails());
    }

    public void retry(long id) {
        int count = console.retry(id);
        messages.info("operations.retried", count);
        load();
    }

    public void retryAll() {
        int count = console.retry(null);
        messages.info("operations.retried", count);
        load();
    }

    public void refresh() {
        load();
    }

    public List<OperationsConsole.JobRow> getJobs() {
        return jobs;
    }

    public String getNode() {
        return node;
    }

    public OperationsConsole.MailServer getMailServer() {
        return mailServer;
    }

    public Outbox.State getOutbox() {
        return outbox;
    }

    public List<Outbox.FailedMail> getFailed() {
        return failed;
    }
}
