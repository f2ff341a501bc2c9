/// The schema, as a list of migrations applied in order; `PRAGMA user_version` holds how many have
/// run. Each runs in its own transaction together with the version bump, so a crash mid-migration
/// leaves the previous version intact. Append new migrations; never edit a released one.
///
/// Times are ISO 8601 UTC text (`2026-11-29T18:46:49.123Z`), which sorts and compares as time and
/// which SQLite's date functions read. Ticket numbers: see `TicketNumbering` (the `number` column;
/// `id` stays internal). JSON text columns hold lists the store never queries into.
enum SchemaMigrations {
    static let all: [String] = [version1, version2, version3]

    /// Intake (issue 3) plus the tables the responder (issue 5) and the agent workflow (issue 6)
    /// fill: classifications with reasons, the outbox, cost acceptances, time entries.
    static let version1 = """
        CREATE TABLE mailboxes (
            name TEXT PRIMARY KEY,
            uid_validity INTEGER NOT NULL,
            last_uid INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            number INTEGER NOT NULL UNIQUE,
            status TEXT NOT NULL CHECK (status IN
                ('new', 'needs-review', 'awaiting-cost-acceptance', 'open', 'closed')),
            customer TEXT NOT NULL,
            subject TEXT NOT NULL,
            language TEXT,
            suggested_handling TEXT CHECK (suggested_handling IN ('standard', 'extended')),
            confirmed_handling TEXT CHECK (confirmed_handling IN ('standard', 'extended')),
            confirmed_by TEXT,
            confirmed_at TEXT,
            cost_accepted INTEGER CHECK (cost_accepted IN (0, 1)),
            notes_json TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX tickets_by_status ON tickets (status, number);
        CREATE INDEX tickets_by_customer ON tickets (customer);
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER REFERENCES tickets (id),
            message_id TEXT,
            in_reply_to TEXT,
            raw_sha256 TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            raw BLOB NOT NULL,
            received_at TEXT NOT NULL
        );
        CREATE INDEX messages_by_content ON messages (content_sha256);
        CREATE INDEX messages_by_message_id ON messages (message_id);
        CREATE INDEX messages_by_ticket ON messages (ticket_id);
        CREATE TABLE ledger (
            id INTEGER PRIMARY KEY,
            mailbox TEXT NOT NULL,
            uid_validity INTEGER NOT NULL,
            uid INTEGER NOT NULL,
            message_id TEXT,
            raw_sha256 TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN
                ('failed', 'ticketed', 'duplicate', 'ignored', 'quarantined', 'discarded')),
            attempts INTEGER NOT NULL DEFAULT 0,
            outcome TEXT,
            ticket_id INTEGER REFERENCES tickets (id),
            message_row INTEGER REFERENCES messages (id),
            marked INTEGER NOT NULL DEFAULT 0,
            first_seen_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (mailbox, uid_validity, uid)
        );
        CREATE INDEX ledger_by_state ON ledger (state);
        CREATE TABLE quarantine (
            id INTEGER PRIMARY KEY,
            ledger_id INTEGER NOT NULL UNIQUE REFERENCES ledger (id),
            reason TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('held', 'retried', 'discarded')),
            raw BLOB NOT NULL,
            size INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            resolved_at TEXT
        );
        CREATE TABLE classifications (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets (id),
            message_row INTEGER REFERENCES messages (id),
            category TEXT NOT NULL,
            suggested_handling TEXT,
            confidence REAL NOT NULL,
            needs_review INTEGER NOT NULL,
            language TEXT,
            reasons_json TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX classifications_by_ticket ON classifications (ticket_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER REFERENCES tickets (id),
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            detail TEXT NOT NULL,
            data_json TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX events_by_ticket ON events (ticket_id);
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER REFERENCES tickets (id),
            answers_message_row INTEGER REFERENCES messages (id),
            kind TEXT NOT NULL,
            message_id TEXT NOT NULL UNIQUE,
            recipient TEXT NOT NULL,
            raw BLOB NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT
        );
        CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
        CREATE INDEX outbox_by_recipient ON outbox (recipient, created_at);
        CREATE TABLE cost_acceptances (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets (id),
            accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
            via TEXT NOT NULL CHECK (via IN ('mail', 'phone')),
            agent TEXT,
            message_row INTEGER REFERENCES messages (id),
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX cost_acceptances_by_ticket ON cost_acceptances (ticket_id);
        CREATE TABLE time_entries (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets (id),
            agent TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            note TEXT,
            forced INTEGER NOT NULL DEFAULT 0,
            worked_at TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX time_entries_by_ticket ON time_entries (ticket_id);
        CREATE INDEX time_entries_by_time ON time_entries (worked_at);
        """

    /// The billing report (issue 6) reads a month's time entries and then each of those tickets'
    /// entries before the month's end: covering indexes answer both from the index alone (the
    /// report over 100,000 tickets went from 0.55 s to 0.27 s of SQLite CPU). They replace the
    /// single-column indexes they start with.
    static let version2 = """
        CREATE INDEX time_entries_by_work ON time_entries (worked_at, ticket_id, minutes);
        CREATE INDEX time_entries_by_ticket_work ON time_entries (ticket_id, worked_at, minutes);
        DROP INDEX time_entries_by_time;
        DROP INDEX time_entries_by_ticket;
        """

    /// The same CHECK constraints, written as `x = 'a' OR x = 'b' …` instead of `x IN ('a', 'b', …)`:
    /// SQLite checks an IN list of more than two values by building a temporary index of the list
    /// on every insert, about 34,000 instructions each time, and every intake commit inserts a
    /// ticket and a ledger row (about 17 % of the committing thread). The accepted values are
    /// unchanged, so the rows already stored satisfy the new text.
    ///
    /// A constraint's text can only be changed by editing `sqlite_schema` (SQLite's documented
    /// procedure for changing CHECK constraints, "ALTER TABLE", section 7): `migrate` then bumps
    /// the schema cookie (`rewritesSchemaText`) so that every connection reloads the definitions.
    /// A table whose text does not match (not made by version 1) keeps its IN list: still correct.
    static let version3 = """
        PRAGMA writable_schema = ON;
        UPDATE sqlite_schema SET sql = replace(sql,
            'CHECK (status IN' || char(10) || '        (''new'', ''needs-review'', ''awaiting-cost-acceptance'', ''open'', ''closed''))',
            'CHECK (status = ''new'' OR status = ''needs-review'' OR status = ''awaiting-cost-acceptance'''
                || ' OR status = ''open'' OR status = ''closed'')')
        WHERE type = 'table' AND name = 'tickets';
        UPDATE sqlite_schema SET sql = replace(sql,
            'CHECK (state IN' || char(10)
                || '        (''failed'', ''ticketed'', ''duplicate'', ''ignored'', ''quarantined'', ''discarded''))',
            'CHECK (state = ''failed'' OR state = ''ticketed'' OR state = ''duplicate'' OR state = ''ignored'''
                || ' OR state = ''quarantined'' OR state = ''discarded'')')
        WHERE type = 'table' AND name = 'ledger';
        UPDATE sqlite_schema SET sql = replace(sql,
            'CHECK (state IN (''pending'', ''sent'', ''failed''))',
            'CHECK (state = ''pending'' OR state = ''sent'' OR state = ''failed'')')
        WHERE type = 'table' AND name = 'outbox';
        UPDATE sqlite_schema SET sql = replace(sql,
            'CHECK (state IN (''held'', ''retried'', ''discarded''))',
            'CHECK (state = ''held'' OR state = ''retried'' OR state = ''discarded'')')
        WHERE type = 'table' AND name = 'quarantine';
        PRAGMA writable_schema = OFF;
        """

    /// The versions (1-based) whose migration edits `sqlite_schema` directly (see `version3`).
    static let rewritesSchemaText: Set<Int> = [3]

    /// Brings `database` up to the latest version; returns the version it found. The version is
    /// read inside each migration's write transaction, so two processes opening a new database at
    /// once never both run the same migration.
    @discardableResult
    static func migrate(_ database: SQLiteDatabase) throws -> Int {
        let found = try currentVersion(database)
        var version = found
        while version < all.count {
            version = try database.writeTransaction {
                let current = try currentVersion(database)
                guard current < all.count else { return current }
                try database.execute(all[current])
                if rewritesSchemaText.contains(current + 1) {
                    // One more than before: every connection sees the cookie change and rereads the schema.
                    let cookie = try database.first("PRAGMA schema_version") { $0.int(0) } ?? 0
                    try database.execute("PRAGMA schema_version = \(cookie + 1)")
                }
                try database.execute("PRAGMA user_version = \(current + 1)")
                return current + 1
            }
        }
        return found
    }

    private static func currentVersion(_ database: SQLiteDatabase) throws -> Int {
        let version = try database.first("PRAGMA user_version") { $0.int(0) } ?? 0
        guard version <= all.count else {
            throw SQLiteError(
                code: 0, message: "database schema version \(version) is newer than this program (\(all.count))",
                sql: "PRAGMA user_version")
        }
        return version
    }
}
