-- CDS Hooks: every accepted JWT's jti, kept until the token expires, so a replayed token is refused
-- by every server instance (CDS Hooks 2.0, "Trusting CDS Clients": jti protects against replay).
CREATE TABLE IF NOT EXISTS cds_jwt_seen (
  issuer text NOT NULL,
  jti text NOT NULL,
  expires_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, jti)
);
CREATE INDEX IF NOT EXISTS cds_jwt_seen_expiry_idx ON cds_jwt_seen (expires_at);
