package dev.lantern.app.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.VectorSimilarity;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.VectorField;
import org.hibernate.type.SqlTypes;

/**
 * A passage of a document with its embedding and where it came from (offsets into the extracted text, page
 * or section where the format has them). Indexed twice in one index: BM25 on the text, k-nearest-neighbour
 * on the embedding; both carry the owning document's id, owner and sharing flag for filtering.
 */
@Entity
@Table(name = "document_chunk")
@Indexed(index = "document-chunks")
public class DocumentChunk {

    /** all-MiniLM-L6-v2's output size: the index's vector field is declared with it. */
    public static final int DIMENSION = 384;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_chunk_seq")
    @SequenceGenerator(name = "document_chunk_seq", sequenceName = "document_chunk_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id", nullable = false)
    @IndexedEmbedded(includePaths = {"id", "ownerId", "shared"})
    private Document document;

    @Column(name = "chunk_index", nullable = false)
    @GenericField
    private int chunkIndex;

    @Column(name = "content", nullable = false, length = 20000)
    @FullTextField(analyzer = SearchAnalyzers.TEXT)
    private String text;

    @Column(name = "start_offset", nullable = false)
    private int startOffset;

    @Column(name = "end_offset", nullable = false)
    private int endOffset;

    @Column(name = "page_number")
    private Integer page;

    @Column(name = "section", length = 500)
    private String section;

    @Column(name = "token_count", nullable = false)
    private int tokenCount;

    @Column(name = "embedding", nullable = false)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @VectorField(dimension = DIMENSION, vectorSimilarity = VectorSimilarity.COSINE)
    private float[] embedding;

    protected DocumentChunk() {
    }

    public DocumentChunk(Document document, int chunkIndex, String text, int startOffset, int endOffset,
            Integer page, String section, int tokenCount, float[] embedding) {
        this.document = document;
        this.chunkIndex = chunkIndex;
        this.text = text;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.page = page;
        this.section = section;
        this.tokenCount = tokenCount;
        this.embedding = embedding;
    }

    public Long id() {
        return id;
    }

    public Document document() {
        return document;
    }

    public int chunkIndex() {
        return chunkIndex;
    }

    public String text() {
        return text;
    }

    public int startOffset() {
        return startOffset;
    }

    public int endOffset() {
        return endOffset;
    }

    public Integer page() {
        return page;
    }

    public String section() {
        return section;
    }

    public int tokenCount() {
        return tokenCount;
    }

    public float[] embedding() {
        return embedding;
    }
}
