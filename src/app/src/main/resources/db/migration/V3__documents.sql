-- Documents and their chunks (issue 9: documents and retrieval).
-- Portable between PostgreSQL and H2 (PostgreSQL mode): every migration runs on both. REAL ARRAY is the
-- standard spelling of PostgreSQL's real[] that H2 accepts too.
CREATE TABLE document (
    id              VARCHAR(36)              PRIMARY KEY,
    owner_id        VARCHAR(255)             NOT NULL,
    filename        VARCHAR(255)             NOT NULL,
    file_type       VARCHAR(16)              NOT NULL,
    media_type      VARCHAR(255)             NOT NULL,
    content_hash    VARCHAR(64)              NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    progress        INTEGER                  NOT NULL,
    chunk_total     INTEGER                  NOT NULL,
    extracted_chars BIGINT                   NOT NULL,
    shared          BOOLEAN                  NOT NULL,
    error_code      VARCHAR(64),
    error_message   VARCHAR(500),
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A second upload of the same bytes by the same owner is recognised and answered with this row's id.
    CONSTRAINT uq_document_owner_hash UNIQUE (owner_id, content_hash)
);

CREATE INDEX ix_document_status ON document (status, updated_at);

-- Chunk ids come from a sequence (not an identity column) so that Hibernate can batch the inserts.
CREATE SEQUENCE document_chunk_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE document_chunk (
    id           BIGINT         PRIMARY KEY,
    document_id  VARCHAR(36)    NOT NULL,
    chunk_index  INTEGER        NOT NULL,
    content      VARCHAR(20000) NOT NULL,
    start_offset INTEGER        NOT NULL,
    end_offset   INTEGER        NOT NULL,
    page_number  INTEGER,
    section      VARCHAR(500),
    token_count  INTEGER        NOT NULL,
    embedding    REAL ARRAY     NOT NULL,
    CONSTRAINT fk_document_chunk_document FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE,
    CONSTRAINT uq_document_chunk UNIQUE (document_id, chunk_index)
);
