namespace ScamWatch.Storage;

/// <summary>
/// The schema history, oldest first. Never edit a released step: append a new one.
/// Timestamps are ISO-8601 UTC text (<see cref="Iso"/>) so both engines sort and compare them alike.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial", """
            CREATE TABLE evidence (
                id {pk},
                url TEXT NOT NULL,
                fetched_at TEXT NOT NULL,
                status_code INTEGER NOT NULL,
                content_type TEXT NULL,
                headers TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                raw_length BIGINT NOT NULL,
                body_gzip {blob} NOT NULL
            );
            CREATE TABLE posts (
                id {pk},
                site TEXT NOT NULL,
                site_post_id TEXT NOT NULL,
                url TEXT NOT NULL,
                first_seen TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                removed_at TEXT NULL,
                current_version_id BIGINT NULL,
                versions INTEGER NOT NULL DEFAULT 0,
                duplicate_of_post_id BIGINT NULL,
                simhash BIGINT NULL,
                UNIQUE (site, site_post_id)
            );
            CREATE TABLE post_versions (
                id {pk},
                post_id BIGINT NOT NULL REFERENCES posts(id),
                version_no INTEGER NOT NULL,
                content_hash TEXT NOT NULL,
                title TEXT NULL,
                body TEXT NULL,
                company TEXT NULL,
                location TEXT NULL,
                salary TEXT NULL,
                employment_type TEXT NULL,
                contact TEXT NULL,
                posted_at TEXT NULL,
                captured_at TEXT NOT NULL,
                evidence_id BIGINT NULL REFERENCES evidence(id),
                UNIQUE (post_id, version_no)
            );
            CREATE TABLE classifications (
                id {pk},
                post_version_id BIGINT NOT NULL REFERENCES post_versions(id),
                model_version TEXT NOT NULL,
                score {real} NOT NULL,
                threshold {real} NOT NULL,
                flagged INTEGER NOT NULL,
                reasons TEXT NOT NULL,
                classified_at TEXT NOT NULL,
                UNIQUE (post_version_id, model_version)
            );
            CREATE TABLE review_items (
                id {pk},
                post_id BIGINT NOT NULL UNIQUE REFERENCES posts(id),
                post_version_id BIGINT NOT NULL REFERENCES post_versions(id),
                classification_id BIGINT NOT NULL REFERENCES classifications(id),
                status TEXT NOT NULL,
                score {real} NOT NULL,
                model_version TEXT NOT NULL,
                enqueued_at TEXT NOT NULL,
                claimed_by TEXT NULL,
                claim_expires_at TEXT NULL,
                decided_at TEXT NULL
            );
            CREATE INDEX ix_review_items_status_score ON review_items (status, score);
            CREATE TABLE decisions (
                id {pk},
                review_item_id BIGINT NOT NULL REFERENCES review_items(id),
                post_id BIGINT NOT NULL REFERENCES posts(id),
                post_version_id BIGINT NOT NULL REFERENCES post_versions(id),
                reviewer TEXT NOT NULL,
                decision TEXT NOT NULL,
                reason_code TEXT NULL,
                note TEXT NULL,
                evidence_sha256 TEXT NULL,
                model_version TEXT NOT NULL,
                score {real} NOT NULL,
                decided_at TEXT NOT NULL
            );
            CREATE TABLE takedown_requests (
                id {pk},
                post_id BIGINT NOT NULL UNIQUE REFERENCES posts(id),
                platform TEXT NOT NULL,
                url TEXT NOT NULL,
                site_post_id TEXT NOT NULL,
                title TEXT NULL,
                reason_code TEXT NOT NULL,
                state TEXT NOT NULL,
                evidence_sha256 TEXT NULL,
                captured_at TEXT NOT NULL,
                score {real} NOT NULL,
                model_version TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_takedown_platform ON takedown_requests (platform, id);
            CREATE TABLE users (
                id {pk},
                username TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL,
                platform TEXT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE crawl_urls (
                id {pk},
                site TEXT NOT NULL,
                url TEXT NOT NULL,
                kind TEXT NOT NULL,
                state TEXT NOT NULL,
                etag TEXT NULL,
                last_modified TEXT NULL,
                last_status INTEGER NULL,
                last_error TEXT NULL,
                discovered_at TEXT NOT NULL,
                fetched_at TEXT NULL,
                UNIQUE (site, url)
            );
            CREATE TABLE crawl_runs (
                id {pk},
                site TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT NULL,
                pages INTEGER NOT NULL DEFAULT 0,
                posts_new INTEGER NOT NULL DEFAULT 0,
                posts_changed INTEGER NOT NULL DEFAULT 0,
                errors INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL
            )
            """),
        new(2, "durable frontier, robots decisions, conditional GET, near-duplicates", """
            ALTER TABLE crawl_urls ADD COLUMN run_id BIGINT NULL;
            ALTER TABLE crawl_urls ADD COLUMN robots TEXT NULL;
            ALTER TABLE crawl_urls ADD COLUMN site_post_id TEXT NULL;
            ALTER TABLE crawl_urls ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX ix_crawl_urls_run ON crawl_urls (site, run_id, state);
            ALTER TABLE posts ADD COLUMN simhash_b0 INTEGER NULL;
            ALTER TABLE posts ADD COLUMN simhash_b1 INTEGER NULL;
            ALTER TABLE posts ADD COLUMN simhash_b2 INTEGER NULL;
            ALTER TABLE posts ADD COLUMN simhash_b3 INTEGER NULL;
            ALTER TABLE posts ADD COLUMN simhash_b4 INTEGER NULL;
            ALTER TABLE posts ADD COLUMN simhash_b5 INTEGER NULL;
            ALTER TABLE posts ADD COLUMN simhash_b6 INTEGER NULL;
            ALTER TABLE posts ADD COLUMN simhash_b7 INTEGER NULL;
            CREATE INDEX ix_posts_simhash_b0 ON posts (simhash_b0);
            CREATE INDEX ix_posts_simhash_b1 ON posts (simhash_b1);
            CREATE INDEX ix_posts_simhash_b2 ON posts (simhash_b2);
            CREATE INDEX ix_posts_simhash_b3 ON posts (simhash_b3);
            CREATE INDEX ix_posts_simhash_b4 ON posts (simhash_b4);
            CREATE INDEX ix_posts_simhash_b5 ON posts (simhash_b5);
            CREATE INDEX ix_posts_simhash_b6 ON posts (simhash_b6);
            CREATE INDEX ix_posts_simhash_b7 ON posts (simhash_b7);
            CREATE INDEX ix_posts_site_removed ON posts (site, removed_at)
            """),
        new(3, "API keys for machine clients", """
            CREATE TABLE api_keys (
                id {pk},
                key_id TEXT NOT NULL UNIQUE,
                secret_hash TEXT NOT NULL,
                username TEXT NOT NULL REFERENCES users(username),
                label TEXT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT NULL
            )
            """),
        new(4, "contact handles for campaign grouping", """
            CREATE TABLE post_handles (
                post_id BIGINT NOT NULL REFERENCES posts(id),
                handle TEXT NOT NULL,
                PRIMARY KEY (post_id, handle)
            );
            CREATE INDEX ix_post_handles_handle ON post_handles (handle)
            """),
        // The queue's two orders read straight off an index (ties broken by id without a sort, the page stops after
        // LIMIT rows): the threshold is copied onto the item, as its score and model already are, so "closest to the
        // threshold" can be indexed. Campaign and audit lookups stop scanning posts and decisions.
        new(5, "review queue at scale: ordered queue indexes, campaign and audit lookups", """
            ALTER TABLE review_items ADD COLUMN threshold {real} NULL;
            UPDATE review_items SET threshold = (SELECT c.threshold FROM classifications c WHERE c.id = review_items.classification_id);
            DROP INDEX ix_review_items_status_score;
            CREATE INDEX ix_review_items_risk ON review_items (status, score DESC, id);
            CREATE INDEX ix_review_items_uncertain ON review_items (status, ABS(score - threshold), id);
            CREATE INDEX ix_posts_duplicate_of ON posts (duplicate_of_post_id);
            CREATE INDEX ix_decisions_post ON decisions (post_id, id);
            CREATE INDEX ix_decisions_item ON decisions (review_item_id)
            """),
        new(6, "takedown lifecycle, delivery outbox, append-only audit", """
            ALTER TABLE takedown_requests ADD COLUMN idempotency_key TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN sent_at TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN deadline_at TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN acknowledged_at TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN outcome_at TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN verified_at TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN checked_at TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN operator_note TEXT NULL;
            ALTER TABLE takedown_requests ADD COLUMN reappeared_post_id BIGINT NULL;
            CREATE UNIQUE INDEX ix_takedown_idempotency ON takedown_requests (idempotency_key);
            CREATE INDEX ix_takedown_state ON takedown_requests (state, platform);
            CREATE TABLE takedown_events (
                id {pk},
                request_id BIGINT NOT NULL REFERENCES takedown_requests(id),
                from_state TEXT NULL,
                to_state TEXT NOT NULL,
                event TEXT NOT NULL,
                actor TEXT NOT NULL,
                note TEXT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX ix_takedown_events_request ON takedown_events (request_id, id);
            CREATE TABLE deliveries (
                id {pk},
                request_id BIGINT NOT NULL REFERENCES takedown_requests(id),
                channel TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error TEXT NULL,
                created_at TEXT NOT NULL,
                delivered_at TEXT NULL,
                UNIQUE (request_id, channel)
            );
            CREATE INDEX ix_deliveries_due ON deliveries (state, next_attempt_at);
            CREATE TABLE delivery_attempts (
                id {pk},
                delivery_id BIGINT NOT NULL REFERENCES deliveries(id),
                at TEXT NOT NULL,
                status_code INTEGER NULL,
                error TEXT NULL,
                duration_ms {real} NOT NULL
            );
            CREATE INDEX ix_delivery_attempts_delivery ON delivery_attempts (delivery_id, id);
            UPDATE takedown_requests SET idempotency_key = 'td-' || CAST(id AS TEXT) WHERE idempotency_key IS NULL
            """,
            SqliteDdl: """
            CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER takedown_events_no_update BEFORE UPDATE ON takedown_events BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER takedown_events_no_delete BEFORE DELETE ON takedown_events BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """,
            PostgresDdl: """
            CREATE FUNCTION scamwatch_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
            CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION scamwatch_append_only();
            CREATE TRIGGER takedown_events_append_only BEFORE UPDATE OR DELETE ON takedown_events FOR EACH ROW EXECUTE FUNCTION scamwatch_append_only();
            """),
        new(7, "delivery leases and file batches", """
            ALTER TABLE deliveries ADD COLUMN lease_owner TEXT NULL;
            ALTER TABLE deliveries ADD COLUMN batch TEXT NULL;
            CREATE INDEX ix_deliveries_batch ON deliveries (batch)
            """),
        new(8, "operator API idempotency keys", """
            CREATE TABLE operator_replies (
                username TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status_code INTEGER NOT NULL,
                body TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (username, idempotency_key)
            )
            """),
        new(9, "queue rescoring after a model swap: one row per item and change", """
            CREATE TABLE review_rescores (
                id {pk},
                review_item_id BIGINT NOT NULL REFERENCES review_items(id),
                old_model TEXT NOT NULL,
                new_model TEXT NOT NULL,
                old_score {real} NOT NULL,
                new_score {real} NOT NULL,
                old_threshold {real} NULL,
                new_threshold {real} NOT NULL,
                old_classification_id BIGINT NOT NULL REFERENCES classifications(id),
                new_classification_id BIGINT NOT NULL REFERENCES classifications(id),
                effect TEXT NOT NULL,
                rescored_at TEXT NOT NULL
            );
            CREATE INDEX ix_review_rescores_item ON review_rescores (review_item_id, id);
            CREATE INDEX ix_review_rescores_models ON review_rescores (new_model, old_model)
            """),
    ];
}
