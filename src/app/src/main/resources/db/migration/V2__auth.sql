-- Authentication (issue 6): users, refresh tokens (hashed, rotated by family), API keys (hashed) and the
-- access-token signing keys. Portable between PostgreSQL and H2 (PostgreSQL mode).
CREATE TABLE app_user (
    id            VARCHAR(36)              PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    password_hash VARCHAR(255)             NOT NULL,
    roles         VARCHAR(100)             NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_app_user_email UNIQUE (email)
);

CREATE TABLE refresh_token (
    id          VARCHAR(36)              PRIMARY KEY,
    user_id     VARCHAR(36)              NOT NULL REFERENCES app_user (id),
    family_id   VARCHAR(36)              NOT NULL,
    token_hash  VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);
CREATE INDEX ix_refresh_token_user ON refresh_token (user_id);

CREATE TABLE api_key (
    id           VARCHAR(36)              PRIMARY KEY,
    user_id      VARCHAR(36)              NOT NULL REFERENCES app_user (id),
    name         VARCHAR(100)             NOT NULL,
    key_hash     VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_key_user ON api_key (user_id);

-- The private half is kept here so that every server sharing the database signs with the same keys;
-- a key given by configuration (lantern.jwt.signing-key-file) is never written here.
CREATE TABLE signing_key (
    kid         VARCHAR(64)              PRIMARY KEY,
    algorithm   VARCHAR(10)              NOT NULL,
    jwk         VARCHAR(8000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
