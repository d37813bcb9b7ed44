package cl.redlocal.portal.mgc.network.boundary;

/** A protocol's document for download. */
public record ProtocolDocumentFile(String fileName, String contentType, byte[] content) {
}
