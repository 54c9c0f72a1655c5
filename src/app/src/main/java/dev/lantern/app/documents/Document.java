package dev.lantern.app.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * One uploaded file: who owns it, what it is, where its processing stands. Its text lives in its
 * {@link DocumentChunk}s; the owner, id and sharing flag are copied into every chunk's index entry so that
 * searches filter on them (Hibernate Search re-indexes the chunks when one of them changes).
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    @KeywordField(name = "id")
    private String id;

    @Column(name = "owner_id", nullable = false)
    @KeywordField
    private String ownerId;

    @Column(name = "filename", nullable = false)
    private String filename;

    @Column(name = "file_type", nullable = false, length = 16)
    private String fileType;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private DocumentStatus status;

    @Column(name = "progress", nullable = false)
    private int progress;

    @Column(name = "chunk_total", nullable = false)
    private int chunkTotal;

    @Column(name = "extracted_chars", nullable = false)
    private long extractedChars;

    @Column(name = "shared", nullable = false)
    @GenericField
    private boolean shared;

    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(name = "error_message", length = 500)
    private String errorMessage;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** The inverse side, read only by Hibernate Search to re-index the chunks when the sharing flag changes. */
    @OneToMany(mappedBy = "document")
    private List<DocumentChunk> chunks = new ArrayList<>();

    protected Document() {
    }

    public Document(String id, String ownerId, UploadedFile file, OffsetDateTime now) {
        this.id = id;
        this.ownerId = ownerId;
        this.filename = file.filename();
        this.fileType = file.type().extension();
        this.mediaType = file.mediaType();
        this.contentHash = file.sha256();
        this.sizeBytes = file.size();
        this.status = DocumentStatus.PROCESSING;
        this.uploadedAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String filename() {
        return filename;
    }

    public String fileType() {
        return fileType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String contentHash() {
        return contentHash;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public DocumentStatus status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    public int chunkTotal() {
        return chunkTotal;
    }

    public long extractedChars() {
        return extractedChars;
    }

    public boolean shared() {
        return shared;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    void markReady(int chunkCount, long characters, OffsetDateTime now) {
        this.status = DocumentStatus.READY;
        this.progress = 100;
        this.chunkTotal = chunkCount;
        this.extractedChars = characters;
        this.updatedAt = now;
    }

    void share(boolean withEveryone, OffsetDateTime now) {
        this.shared = withEveryone;
        this.updatedAt = now;
    }
}
