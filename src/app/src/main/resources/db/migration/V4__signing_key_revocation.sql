-- A signing key can be revoked (POST /admin/keys/rotate?revoke_previous=true): it is no longer published in
-- the JWKS, and tokens it signed are refused at once (issue 22). Portable between PostgreSQL and H2.
ALTER TABLE signing_key ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
