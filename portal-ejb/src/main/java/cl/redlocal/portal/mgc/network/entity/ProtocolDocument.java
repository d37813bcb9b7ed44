package cl.redlocal.portal.mgc.network.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;

/** A protocol's document (a PDF), one per protocol, replaced by a new upload; read only when downloaded. */
@Entity(name = "NetProtocolDocument")
@Table(name = "net_protocol_document")
public class ProtocolDocument implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "protocol_id")
    private Long protocolId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Version
    @Column(nullable = false)
    private int version;

    protected ProtocolDocument() {
    }

    public ProtocolDocument(long protocolId) {
        this.protocolId = protocolId;
    }

    public void replace(String fileName, String contentType, byte[] content, String by) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content.clone();
        this.uploadedBy = by;
        this.uploadedAt = Instant.now();
    }

    public Long getProtocolId() { return protocolId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public byte[] getContent() { return content == null ? null : content.clone(); }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
