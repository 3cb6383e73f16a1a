-- RollCall's central rules, installed by `rollcall-cli server init` (CentralAdmin).
-- PCs have no table privileges beyond SELECT: every write goes through the
-- SECURITY DEFINER functions below, which run as the schema's owner role and check
-- each row against the calling PC's registration (rollcall_pcs, keyed by
-- session_user, which SECURITY DEFINER does not change).
-- @SCHEMA@ is replaced by the quoted schema name. Statements are separated by
-- lines holding only "-- statement".

-- The calling PC's registration; raises for anyone else.
CREATE OR REPLACE FUNCTION rollcall_caller() RETURNS rollcall_pcs
LANGUAGE plpgsql STABLE SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_pc rollcall_pcs;
BEGIN
    SELECT * INTO v_pc FROM rollcall_pcs WHERE role = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'RollCall: % is not a PC registered with this central database (rollcall-cli server add-pc)',
            session_user USING ERRCODE = '42501';
    END IF;
    IF v_pc.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'RollCall: the PC % was removed from this central database on %', session_user,
            v_pc.revoked_at USING ERRCODE = '42501';
    END IF;
    RETURN v_pc;
END
$fn$;
-- statement
-- Newest hybrid-clock stamp the server accepts now: its wall clock + 5 minutes
-- (HybridLogicalClock: milliseconds << 16 | counter).
CREATE OR REPLACE FUNCTION rollcall_stamp_horizon() RETURNS bigint
LANGUAGE sql VOLATILE SET search_path = @SCHEMA@, pg_temp AS $fn$
    SELECT ((floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint + 300000) << 16) | 65535
$fn$;
-- statement
-- The department (by name) a row belongs to, through its parents; NULL when it has none.
-- An id that names no department gives '?id', which no binding matches.
CREATE OR REPLACE FUNCTION rollcall_department_of(p_table text, p_row jsonb) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_dept text;
BEGIN
    IF p_row IS NULL THEN
        RETURN NULL;
    END IF;
    CASE p_table
        WHEN 'departments' THEN
            RETURN p_row->>'name';
        WHEN 'classes', 'students' THEN
            v_dept := p_row->>'department_id';
        WHEN 'class_members', 'attendance_sessions' THEN
            SELECT c.department_id INTO v_dept FROM classes c WHERE c.id = p_row->>'class_id';
        WHEN 'enrolment_photos', 'embeddings' THEN
            SELECT s.department_id INTO v_dept FROM students s WHERE s.id = p_row->>'student_uuid';
        WHEN 'attendance_records' THEN
            SELECT c.department_id INTO v_dept
            FROM attendance_sessions a JOIN classes c ON c.id = a.class_id WHERE a.id = p_row->>'session_id';
        WHEN 'erasures' THEN
            IF p_row->>'kind' = 'photo' THEN
                SELECT c.department_id INTO v_dept
                FROM attendance_sessions a JOIN classes c ON c.id = a.class_id
                WHERE (p_row->>'subject') = ANY (string_to_array(a.source_photos, ' '))
                LIMIT 1;
            ELSE
                SELECT s.department_id INTO v_dept FROM students s WHERE s.id = p_row->>'subject';
            END IF;
        ELSE
            RETURN NULL;
    END CASE;
    IF v_dept IS NULL OR v_dept = '' THEN
        RETURN NULL;
    END IF;
    RETURN coalesce((SELECT d.name FROM departments d WHERE d.id = v_dept), '?' || v_dept);
END
$fn$;
-- statement
CREATE OR REPLACE FUNCTION rollcall_department_allowed(p_department text, p_bound text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT '*' = ANY (p_bound) OR (p_department IS NOT NULL AND p_department = ANY (p_bound))
$fn$;
-- statement
-- Why a pushed row is refused, or NULL when it is acceptable. p_old is the server's
-- current version of the row (NULL for a new row).
CREATE OR REPLACE FUNCTION rollcall_refusal(p_table text, p_new jsonb, p_old jsonb, p_pc rollcall_pcs,
                                            p_horizon bigint) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_stamp bigint;
    v_dept text;
    v_subject text;
BEGIN
    IF jsonb_typeof(p_new) IS DISTINCT FROM 'object' OR coalesce(p_new->>'id', '') = '' THEN
        RETURN 'a row without an id';
    END IF;
    IF (p_new->>'origin_device') IS DISTINCT FROM p_pc.device_id THEN
        RETURN format('origin_device %s is not this PC''s device', coalesce(p_new->>'origin_device', '(none)'));
    END IF;
    BEGIN
        v_stamp := (p_new->>'updated_at')::bigint;
    EXCEPTION WHEN others THEN
        RETURN 'updated_at is not a number';
    END;
    IF v_stamp IS NULL OR v_stamp < 0 OR v_stamp > p_horizon THEN
        RETURN 'updated_at is ahead of the server''s clock by more than 5 minutes';
    END IF;
    IF p_table = 'audit_log' THEN
        -- Attribution, not departments: a PC appends its own entries and never edits another's.
        IF p_old IS NOT NULL AND (p_old->>'origin_device') IS DISTINCT FROM p_pc.device_id THEN
            RETURN 'audit entries written by another PC cannot be changed';
        END IF;
    ELSE
        v_dept := rollcall_department_of(p_table, p_new);
        IF NOT rollcall_department_allowed(v_dept, p_pc.departments) THEN
            RETURN format('department %s is not bound to this PC', coalesce(v_dept, '(none)'));
        END IF;
        IF p_old IS NOT NULL THEN
            v_dept := rollcall_department_of(p_table, p_old);
            IF NOT rollcall_department_allowed(v_dept, p_pc.departments) THEN
                RETURN format('the row belongs to department %s, which is not bound to this PC',
                              coalesce(v_dept, '(none)'));
            END IF;
        END IF;
    END IF;
    IF p_table = 'erasures' AND p_old IS NOT NULL THEN
        RETURN 'an erasure cannot be changed or taken back';
    END IF;
    -- Erased students stay erased: no live personal or biometric row comes back.
    IF to_regclass('erasures') IS NOT NULL AND coalesce(p_new->>'deleted', '0') = '0' THEN
        v_subject := CASE p_table
            WHEN 'students' THEN p_new->>'id'
            WHEN 'embeddings' THEN p_new->>'student_uuid'
            WHEN 'enrolment_photos' THEN p_new->>'student_uuid'
            WHEN 'class_members' THEN p_new->>'student_uuid'
            ELSE NULL END;
        IF v_subject IS NOT NULL AND EXISTS (
                SELECT 1 FROM erasures e
                WHERE e.subject = v_subject AND e.deleted = 0
                  AND (e.kind = 'student'
                       OR (e.kind = 'biometrics' AND p_table IN ('embeddings', 'enrolment_photos')
                           AND e.updated_at >= v_stamp))) THEN
            RETURN 'the student''s data was erased';
        END IF;
    END IF;
    RETURN NULL;
END
$fn$;
-- statement
-- Deletes the blobs among p_hashes that no live row references any more.
CREATE OR REPLACE FUNCTION rollcall_drop_unused_blobs(p_hashes text[]) RETURNS bigint
LANGUAGE plpgsql SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_erased text[] := '{}';
    v_count bigint;
BEGIN
    IF p_hashes IS NULL OR cardinality(p_hashes) = 0 THEN
        RETURN 0;
    END IF;
    -- A classroom photo erased by retention goes although its session still names it.
    IF to_regclass('erasures') IS NOT NULL THEN
        EXECUTE 'SELECT coalesce(array_agg(subject), ''{}'') FROM erasures '
                'WHERE kind = ''photo'' AND deleted = 0 AND subject = ANY ($1)'
            INTO v_erased USING p_hashes;
    END IF;
    DELETE FROM rollcall_blobs b
    WHERE b.sha256 = ANY (p_hashes)
      AND NOT EXISTS (SELECT 1 FROM enrolment_photos p WHERE p.photo_hash = b.sha256 AND p.deleted = 0)
      AND (b.sha256 = ANY (v_erased)
           OR NOT EXISTS (SELECT 1 FROM attendance_sessions a
                          WHERE a.deleted = 0 AND b.sha256 = ANY (string_to_array(a.source_photos, ' '))));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$fn$;
-- statement
-- The server's part of an erasure: the central copy loses the photos and the personal
-- fields at once (no new server_seq: PCs enforce the erasure record themselves).
CREATE OR REPLACE FUNCTION rollcall_apply_erasure(p_kind text, p_subject text) RETURNS void
LANGUAGE plpgsql SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_hashes text[];
BEGIN
    IF p_kind = 'photo' THEN
        DELETE FROM rollcall_blobs WHERE sha256 = p_subject;
        RETURN;
    END IF;
    SELECT array_agg(DISTINCT photo_hash) INTO v_hashes
    FROM enrolment_photos WHERE student_uuid = p_subject AND photo_hash <> '';
    UPDATE enrolment_photos SET photo_hash = '', source = '', deleted = 1
    WHERE student_uuid = p_subject AND (photo_hash <> '' OR deleted = 0);
    UPDATE embeddings SET vector = '\x'::bytea, dimension = 0, deleted = 1
    WHERE student_uuid = p_subject AND (length(vector) > 0 OR deleted = 0);
    PERFORM rollcall_drop_unused_blobs(v_hashes);
    IF p_kind = 'student' THEN
        UPDATE students SET name = '', student_id = '', email = '', active = 0, consent = 0, consent_at = NULL,
                            deleted = 1
        WHERE id = p_subject;
        UPDATE class_members SET deleted = 1 WHERE student_uuid = p_subject AND deleted = 0;
        UPDATE audit_log SET old_value = NULL, new_value = NULL, reason = ''
        WHERE entity_id = p_subject AND (old_value IS NOT NULL OR new_value IS NOT NULL OR reason <> '');
    END IF;
END
$fn$;
-- statement
-- The first call of every sync: binds this PC's role to its data folder's device id
-- on first use (a role serves one data folder; a device id belongs to one role).
CREATE OR REPLACE FUNCTION rollcall_hello(p_device text, p_local_schema integer, p_version text)
RETURNS TABLE (server_id text, departments text[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_pc rollcall_pcs;
    v_other text;
BEGIN
    v_pc := rollcall_caller();
    IF coalesce(p_device, '') = '' OR length(p_device) > 64 THEN
        RAISE EXCEPTION 'RollCall: a device id is required' USING ERRCODE = '22023';
    END IF;
    IF v_pc.device_id IS NULL THEN
        SELECT role INTO v_other FROM rollcall_pcs WHERE device_id = p_device;
        IF FOUND THEN
            RAISE EXCEPTION 'RollCall: this data folder already syncs as PC %; a second role cannot claim it', v_other
                USING ERRCODE = '42501';
        END IF;
        UPDATE rollcall_pcs SET device_id = p_device WHERE role = v_pc.role;
        INSERT INTO rollcall_change_log (role, device_id, table_name, row_id, operation, detail)
        VALUES (session_user, p_device, 'rollcall_pcs', v_pc.role, 'bind', 'first sync of this PC');
    ELSIF v_pc.device_id <> p_device THEN
        INSERT INTO rollcall_change_log (role, device_id, table_name, row_id, operation, detail)
        VALUES (session_user, p_device, 'rollcall_pcs', v_pc.role, 'refused',
                'the role is bound to another data folder (device ' || v_pc.device_id || ')');
        RAISE EXCEPTION 'RollCall: PC % syncs another data folder (device %); ask the administrator to remove and add this PC again',
            v_pc.role, v_pc.device_id USING ERRCODE = '42501';
    END IF;
    INSERT INTO rollcall_devices AS d (device_id, local_schema_version, rollcall_version)
    VALUES (p_device, p_local_schema, left(p_version, 64))
    ON CONFLICT (device_id) DO UPDATE SET local_schema_version = EXCLUDED.local_schema_version,
                                          rollcall_version = EXCLUDED.rollcall_version;
    RETURN QUERY SELECT (SELECT value FROM rollcall_meta WHERE key = 'server_id'), v_pc.departments;
END
$fn$;
-- statement
-- Takes one batch of rows of one synced table (a JSON array of objects, values as
-- text) from the calling PC: refused rows are logged and skipped, the others are
-- upserted newer-wins, stamped with the caller and logged.
CREATE OR REPLACE FUNCTION rollcall_push(p_table text, p_rows jsonb)
RETURNS TABLE (accepted bigint, refused bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_pc rollcall_pcs;
    v_horizon bigint := rollcall_stamp_horizon();
    v_olds jsonb;
    v_row jsonb;
    v_old jsonb;
    v_reason text;
    v_ok jsonb[] := '{}';
    v_old_hashes text[] := '{}';
    v_refused bigint := 0;
    v_accepted bigint := 0;
    v_cols text;
    v_sets text;
BEGIN
    v_pc := rollcall_caller();
    IF v_pc.device_id IS NULL THEN
        RAISE EXCEPTION 'RollCall: call rollcall_hello first' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM rollcall_synced_tables t WHERE t.name = p_table) THEN
        RAISE EXCEPTION 'RollCall: % is not a synced table', p_table USING ERRCODE = '42501';
    END IF;
    IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' OR jsonb_array_length(p_rows) > 5000 THEN
        RAISE EXCEPTION 'RollCall: a push is a JSON array of at most 5000 rows' USING ERRCODE = '22023';
    END IF;
    -- Server sequence numbers become visible in commit order (see SyncEngine).
    PERFORM pg_advisory_xact_lock(@PUSH_LOCK@);

    EXECUTE format('SELECT jsonb_object_agg(c.id, to_jsonb(c)) FROM %I c '
                   'WHERE c.id IN (SELECT e->>''id'' FROM jsonb_array_elements($1) e)', p_table)
        INTO v_olds USING p_rows;
    FOR v_row IN SELECT value FROM jsonb_array_elements(p_rows) LOOP
        v_old := CASE WHEN jsonb_typeof(v_row) = 'object' THEN v_olds -> (v_row->>'id') END;
        v_reason := rollcall_refusal(p_table, v_row, v_old, v_pc, v_horizon);
        IF v_reason IS NULL THEN
            v_ok := v_ok || v_row;
            IF v_old IS NOT NULL AND p_table = 'enrolment_photos' THEN
                v_old_hashes := v_old_hashes || (v_old->>'photo_hash');
            ELSIF v_old IS NOT NULL AND p_table = 'attendance_sessions' THEN
                v_old_hashes := v_old_hashes || string_to_array(v_old->>'source_photos', ' ');
            END IF;
        ELSE
            v_refused := v_refused + 1;
            INSERT INTO rollcall_change_log (role, device_id, table_name, row_id, operation, detail)
            VALUES (session_user, v_pc.device_id, p_table,
                    left(CASE WHEN jsonb_typeof(v_row) = 'object' THEN v_row->>'id' END, 64), 'refused', v_reason);
        END IF;
    END LOOP;

    IF cardinality(v_ok) > 0 THEN
        SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum),
               string_agg(format('%1$I = EXCLUDED.%1$I', attname), ', ' ORDER BY attnum)
                   FILTER (WHERE attname <> 'id')
        INTO v_cols, v_sets
        FROM pg_attribute
        WHERE attrelid = p_table::regclass AND attnum > 0 AND NOT attisdropped
          AND attname NOT IN ('server_seq', 'written_by');
        EXECUTE format(
            'WITH up AS (INSERT INTO %1$I AS cur (%2$s, server_seq, written_by) '
            '  SELECT %2$s, nextval(''rollcall_change_seq''), session_user '
            '  FROM jsonb_populate_recordset(NULL::%1$I, $1) '
            '  ON CONFLICT (id) DO UPDATE SET %3$s, server_seq = EXCLUDED.server_seq, written_by = EXCLUDED.written_by '
            '  WHERE (EXCLUDED.updated_at, EXCLUDED.origin_device) > (cur.updated_at, cur.origin_device) '
            '  RETURNING cur.id, (xmax = 0) AS inserted) '
            'INSERT INTO rollcall_change_log (role, device_id, table_name, row_id, operation) '
            'SELECT session_user, $2, %4$L, id, CASE WHEN inserted THEN ''insert'' ELSE ''update'' END FROM up',
            p_table, v_cols, v_sets, p_table)
            USING to_jsonb(v_ok), v_pc.device_id;
        GET DIAGNOSTICS v_accepted = ROW_COUNT;
        PERFORM rollcall_drop_unused_blobs(v_old_hashes);
        IF p_table = 'erasures' THEN
            PERFORM rollcall_apply_erasure(e->>'kind', e->>'subject')
            FROM unnest(v_ok) AS e WHERE coalesce(e->>'deleted', '0') = '0';
        END IF;
    END IF;
    UPDATE rollcall_devices SET rows_pushed = rows_pushed + v_accepted WHERE device_id = v_pc.device_id;
    RETURN QUERY SELECT v_accepted, v_refused;
END
$fn$;
-- statement
-- Stores one photo (enrolment crop or classroom photo) addressed by its SHA-256,
-- checked here; erased photos are not taken back.
CREATE OR REPLACE FUNCTION rollcall_put_blob(p_sha256 text, p_data bytea) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $fn$
BEGIN
    PERFORM rollcall_caller();
    IF p_data IS NULL OR length(p_data) > 64 * 1024 * 1024 THEN
        RAISE EXCEPTION 'RollCall: a photo must be at most 64 MiB' USING ERRCODE = '22023';
    END IF;
    IF encode(sha256(p_data), 'hex') IS DISTINCT FROM p_sha256 THEN
        RAISE EXCEPTION 'RollCall: the photo does not match its SHA-256' USING ERRCODE = '22023';
    END IF;
    IF to_regclass('erasures') IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM erasures e WHERE e.kind = 'photo' AND e.subject = p_sha256 AND e.deleted = 0) THEN
            RETURN false;
        END IF;
    END IF;
    INSERT INTO rollcall_blobs (sha256, data, size) VALUES (p_sha256, p_data, length(p_data))
    ON CONFLICT (sha256) DO NOTHING;
    RETURN true;
END
$fn$;
-- statement
-- The last call of a sync: when, and how many rows came down.
CREATE OR REPLACE FUNCTION rollcall_finish(p_rows_pulled bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $fn$
DECLARE
    v_pc rollcall_pcs;
BEGIN
    v_pc := rollcall_caller();
    UPDATE rollcall_devices SET last_sync = now(), rows_pulled = rows_pulled + greatest(p_rows_pulled, 0)
    WHERE device_id = v_pc.device_id;
END
$fn$;
