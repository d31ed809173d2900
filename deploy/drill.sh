#!/usr/bin/env bash
# The deployment drill (docs/deployment.md), on one machine, as root: sudo bash deploy/drill.sh
#
# Brings up the production topology with throwaway parts and checks it works as the guide says:
#   - a PostgreSQL cluster (initdb as the postgres user in a temporary folder, a free loopback port, passwords over
#     TCP, WAL archiving on) with an owner role that migrates and an app role with rows only (deploy/roles.sql,
#     deploy/grants.sql);
#   - two app nodes (Production, secrets from the environment, generated here) on two loopback ports;
#   - nginx with a self-signed certificate in front of both (deploy/nginx.conf.template), the only address the nodes
#     believe X-Forwarded-* from.
# Then: an administrator made with `create-admin` sets up her authenticator and signs in through the proxy; she adds an
# organisation and a professional, who signs in on the page (a Secure cookie) and through the API (a bearer token)
# and registers a young person; the app role is refused DDL and audit changes; the periodic jobs run on one node; node 1
# stops and the work goes on through node 2, which takes the jobs over; WAL is archived; pg_dump, a restore into a
# fresh database and `verify-audit` on the restored copy. Everything is torn down at the end, whatever happened.
#
# Prints PASS/FAIL lines and exits non-zero on the first failure. Needs the .NET SDK; installs what is missing of
# postgresql, nginx, openssl and curl from Debian packages. TRAJECT_APP_DIR may name a folder with a published app
# (dotnet publish -c Release); otherwise the app is built (Debug, as `dotnet test` builds it) and run from the source
# folder. KEEP_WORK=1 keeps the temporary folder (logs) afterwards.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deploy_dir="$repo_root/deploy"
started=$SECONDS
passed=0

log() { printf '[drill] %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*" >&2; exit 1; }

if [[ $EUID -ne 0 ]]; then
    echo "Run as root (it starts PostgreSQL as the postgres user and nginx): sudo bash deploy/drill.sh" >&2
    exit 2
fi

export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- What is needed ------------------------------------------------------------------------------------------------
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }
missing=()
[[ -n "$(pg_bin_dir)" && -x "$(pg_bin_dir)/initdb" ]] || missing+=(postgresql)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    for try in 1 2 3; do
        if apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; then
            break
        fi
        ((try < 3)) || fail "could not install ${missing[*]}"
        sleep 10
    done
    # Debian starts the nginx service it installs; the drill runs its own and leaves the machine as it found it.
    if [[ " ${missing[*]} " == *" nginx "* ]]; then
        systemctl stop nginx 2>/dev/null || service nginx stop 2>/dev/null || true
    fi
fi
command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is needed"
PG_BIN="$(pg_bin_dir)"

# --- Teardown, whatever happens ------------------------------------------------------------------------------------
work="$(mktemp -d /tmp/traject-drill.XXXXXX)"
chmod 755 "$work"
pg_started=0
nginx_started=0
node_pids=()
as_postgres() { runuser -u postgres -- "$@"; }

teardown() {
    local status=$?
    set +e
    for pid in "${node_pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${node_pids[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$pid" 2>/dev/null
    done
    if ((nginx_started)) && [[ -f "$work/nginx/nginx.pid" ]]; then
        local nginx_pid
        nginx_pid="$(cat "$work/nginx/nginx.pid")"
        kill -QUIT "$nginx_pid" 2>/dev/null
        for _ in $(seq 1 50); do
            kill -0 "$nginx_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$nginx_pid" 2>/dev/null
    fi
    if ((pg_started)); then
        as_postgres "$PG_BIN/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1
    fi
    if ((status != 0)); then
        for f in "$work"/node1.log "$work"/node2.log "$work"/nginx/error.log; do
            [[ -s "$f" ]] && { echo "--- last lines of $f"; tail -n 30 "$f"; }
        done
    fi
    if [[ "${KEEP_WORK:-}" == "1" ]]; then
        log "kept $work"
    else
        rm -rf "$work"
    fi
    log "took $((SECONDS - started)) s; $passed check(s) passed"
    if ((status == 0)); then
        echo "DRILL PASSED"
    else
        echo "DRILL FAILED"
    fi
    exit "$status"
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if port_is_free "$port" && [[ " ${taken_ports:-} " != *" $port "* ]]; then
            taken_ports="${taken_ports:-} $port"
            echo "$port"
            return
        fi
    done
    fail "no free port"
}
secret() { openssl rand -hex "$1"; }

# --- The app -------------------------------------------------------------------------------------------------------
if [[ -n "${TRAJECT_APP_DIR:-}" ]]; then
    app_dll="$TRAJECT_APP_DIR/Traject.Web.dll"
    content_root="$TRAJECT_APP_DIR"
else
    app_dll="$repo_root/src/Traject.Web/bin/Debug/net10.0/Traject.Web.dll"
    # Built already (by `dotnet test`, as in CI) and nothing in the app changed since: no second build.
    if [[ ! -f "$app_dll" || -n "$(find "$repo_root/src/Traject.Web" -path '*/bin' -prune -o -path '*/obj' -prune -o -type f -newer "$app_dll" -print -quit)" ]]; then
        log "building the app (dotnet build src/Traject.Web)"
        dotnet build "$repo_root/src/Traject.Web" -c Debug -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the app does not build"; }
    fi
    content_root="$repo_root/src/Traject.Web"
fi
[[ -f "$app_dll" ]] || fail "no $app_dll"

# --- PostgreSQL ----------------------------------------------------------------------------------------------------
mkdir -p "$work/pg" "$work/pg/archive"
chown -R postgres:postgres "$work/pg"
as_postgres "$PG_BIN/initdb" -D "$work/pg/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$work/pg/initdb.log" 2>&1 || { cat "$work/pg/initdb.log"; fail "initdb"; }
pg_port="$(free_port)"
pg_options="-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$work/pg -c fsync=off -c wal_level=replica"
pg_options+=" -c archive_mode=on -c archive_command='test ! -f $work/pg/archive/%f && cp %p $work/pg/archive/%f'"
as_postgres "$PG_BIN/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 -o "$pg_options" \
    start >/dev/null || { cat "$work/pg/server.log"; fail "PostgreSQL does not start"; }
pg_started=1
superuser_psql() { as_postgres "$PG_BIN/psql" -h "$work/pg" -p "$pg_port" -X -q -v ON_ERROR_STOP=1 "$@"; }
pass "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') runs on 127.0.0.1:$pg_port (passwords over TCP, WAL archiving on)"

db=traject
owner=traject_owner
app=traject_app
owner_password="$(secret 24)"
app_password="$(secret 24)"
superuser_psql -d postgres -v db="$db" -v owner="$owner" -v app="$app" -v owner_password="$owner_password" \
    -v app_password="$app_password" -f "$deploy_dir/roles.sql" >/dev/null
pass "roles $owner (owns the database) and $app (rows only) and database $db created (deploy/roles.sql)"

cs() { echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=$2;Password=$3"; }
owner_cs="$(cs "$db" "$owner" "$owner_password")"
app_cs="$(cs "$db" "$app" "$app_password")"
role_psql() { # role password database args…
    local role="$1" password="$2" database="$3"
    shift 3
    PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U "$role" -d "$database" -X -q -v ON_ERROR_STOP=1 "$@"
}

# --- Migrate as the owner, grant to the app, the first administrator -----------------------------------------------
traject() { # runs an admin verb with the database settings in the environment
    (cd "$work" && dotnet "$app_dll" "$@" --contentRoot "$content_root")
}
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=PostgreSQL
Database__ConnectionString="$owner_cs" traject migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; fail "migrate"; }
pass "migrate as $owner: $(tail -n 1 "$work/migrate.log")"
role_psql "$owner" "$owner_password" "$db" -v app="$app" -f "$deploy_dir/grants.sql" >/dev/null
pass "grants for $app applied as $owner (deploy/grants.sql)"

admin_email=beheer@traject.test
admin_password="$(secret 12)"
TRAJECT_ADMIN_PASSWORD="$admin_password" Database__ConnectionString="$owner_cs" \
    traject create-admin --email "$admin_email" --name "Drill beheerder" --organisation "Drill beheer" >"$work/admin.log" 2>&1 \
    || { cat "$work/admin.log"; fail "create-admin"; }
pass "create-admin: $(tail -n 1 "$work/admin.log")"

# --- Two nodes -----------------------------------------------------------------------------------------------------
proxy_address=127.0.0.2 # nginx connects to the nodes from here: the one address they believe X-Forwarded-* from
network_secret="$(openssl rand -base64 32)"
attachments_secret="$(openssl rand -base64 32)"
dedup_secret="$(secret 32)"
metrics_key="$(secret 32)"
node1_port="$(free_port)"
node2_port="$(free_port)"

start_node() { # name port
    local name="$1" port="$2"
    (
        cd "$work"
        export ASPNETCORE_URLS="http://127.0.0.1:$port"
        export Database__ConnectionString="$app_cs" Database__MigrateOnStartup=false
        export Network__Secret="$network_secret" Attachments__Secret="$attachments_secret" Registration__DeduplicationSecret="$dedup_secret"
        export Management__MetricsKey="$metrics_key" ForwardedHeaders__KnownProxies__0="$proxy_address" Jobs__NodeId="$name"
        # Short intervals, so the drill sees the jobs and their lease move within seconds.
        export Missing__CheckEvery=00:00:03 TurningEighteen__ScanEvery=00:00:03
        exec dotnet "$app_dll" --contentRoot "$content_root"
    ) >"$work/$name.log" 2>&1 &
    node_pids+=("$!")
    for _ in $(seq 1 120); do
        if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" == 200 ]]; then
            return
        fi
        kill -0 "${node_pids[-1]}" 2>/dev/null || fail "$name stopped while starting"
        sleep 0.5
    done
    fail "$name is not ready after a minute"
}
start_node node1 "$node1_port"
# The first request makes the data-protection key (in the database) before the second node reads the key ring.
curl -s -o /dev/null "http://127.0.0.1:$node1_port/Account/Login"
start_node node2 "$node2_port"
pass "node1 (127.0.0.1:$node1_port) and node2 (127.0.0.1:$node2_port) ready as $app, Production, secrets from the environment"

# --- nginx with TLS ------------------------------------------------------------------------------------------------
host=traject.test
nginx_port="$(free_port)"
mkdir -p "$work/nginx"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
    -keyout "$work/nginx/tls.key" -out "$work/nginx/tls.crt" >/dev/null 2>&1 || fail "openssl could not make a certificate"
sed -e "s|@WORK@|$work/nginx|g" -e "s|@NODE1@|127.0.0.1:$node1_port|" -e "s|@NODE2@|127.0.0.1:$node2_port|" \
    -e "s|@LISTEN@|127.0.0.1:$nginx_port|" -e "s|@SERVER_NAME@|$host|" -e "s|@CERT@|$work/nginx/tls.crt|" \
    -e "s|@KEY@|$work/nginx/tls.key|" -e "s|@PROXY_ADDRESS@|$proxy_address|" \
    "$deploy_dir/nginx.conf.template" >"$work/nginx/nginx.conf"
/usr/sbin/nginx -t -q -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" || fail "nginx -t"
/usr/sbin/nginx -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" || fail "nginx does not start"
nginx_started=1
base="https://$host:$nginx_port"
# The drill trusts its own certificate and nothing else (no -k): the name is resolved to the proxy's loopback port.
https() { curl -sS --cacert "$work/nginx/tls.crt" --resolve "$host:$nginx_port:127.0.0.1" --max-time 30 "$@"; }
for _ in $(seq 1 40); do
    [[ "$(https -o /dev/null -w '%{http_code}' "$base/health/ready" 2>/dev/null)" == 200 ]] && break
    sleep 0.25
done
[[ "$(https -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]] || fail "/health/ready through nginx"
pass "nginx $(/usr/sbin/nginx -v 2>&1 | sed 's|.*/||') on $base with a self-signed certificate; /health/ready answers 200"

# --- Forwarded headers: believed from the proxy only ---------------------------------------------------------------
https -D "$work/h.txt" -o /dev/null "$base/health/live"
grep -qi '^strict-transport-security:' "$work/h.txt" || fail "no HSTS through the proxy: the node did not take X-Forwarded-Proto from it"
pass "through the proxy the node sees HTTPS (HSTS sent): X-Forwarded-Proto believed from $proxy_address"
curl -sS -D "$work/h.txt" -o /dev/null -H "Host: $host" -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-For: 203.0.113.9' \
    "http://127.0.0.1:$node1_port/health/live"
if grep -qi '^strict-transport-security:' "$work/h.txt"; then
    fail "a client that is not the proxy made the node believe X-Forwarded-Proto"
fi
pass "a client straight at a node (not the proxy) cannot claim HTTPS with X-Forwarded-Proto"

# --- Helpers for the page and the API -------------------------------------------------------------------------------
json() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }
form_token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$1" | head -n 1; }
totp() { # RFC 6238 code of a base32 key for the current 30-second step (HMAC-SHA1, 6 digits)
    local key hex counter mac offset
    key="$(printf '%s' "$1" | tr -d ' ' | tr '[:lower:]' '[:upper:]')"
    while ((${#key} % 8)); do key+="="; done
    hex="$(printf '%s' "$key" | base32 -d | od -An -v -tx1 | tr -d ' \n')"
    counter="$(printf '%016x' $(($(date +%s) / 30)))"
    mac="$(printf "$(printf '%s' "$counter" | sed 's/../\\x&/g')" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$hex" -binary | od -An -v -tx1 | tr -d ' \n')"
    offset=$((16#${mac:39:1}))
    printf '%06d' $(((16#${mac:$((offset * 2)):8} & 0x7fffffff) % 1000000))
}
page_login() { # jar email password [code] -> prints the Location of the answer
    local jar="$1" email="$2" password="$3" code="${4:-}" token
    https -c "$jar" -b "$jar" -o "$work/page.html" "$base/Account/Login"
    token="$(form_token "$work/page.html")"
    [[ -n "$token" ]] || fail "no antiforgery token on the login page"
    https -c "$jar" -b "$jar" -D "$work/login.h" -o "$work/page.html" \
        --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
        --data-urlencode "Input.TwoFactorCode=$code" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
    sed -n 's/^[Ll]ocation: *\([^\r]*\).*/\1/p' "$work/login.h"
}
enrol() { # jar email password -> prints the recovery codes, one a line
    local jar="$1" email="$2" password="$3" location key token
    location="$(page_login "$jar" "$email" "$password")"
    [[ "$location" == *"/Account/Enrol"* ]] || fail "$email: the first login should lead to /Account/Enrol, not '$location'"
    https -c "$jar" -b "$jar" -o "$work/enrol.html" "$base/Account/Enrol"
    key="$(sed -n 's/.*<code class="totp-key">\([^<]*\)<\/code>.*/\1/p' "$work/enrol.html" | head -n 1)"
    token="$(form_token "$work/enrol.html")"
    [[ -n "$key" && -n "$token" ]] || fail "$email: no key on /Account/Enrol"
    https -c "$jar" -b "$jar" -o "$work/enrolled.html" --data-urlencode "Code=$(totp "$key")" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Enrol"
    sed -n 's/.*<li><code>\([^<]*\)<\/code><\/li>.*/\1/p' "$work/enrolled.html"
}
api_login() { # email password code -> prints the access token
    https -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\",\"twoFactorCode\":\"$3\"}" \
        "$base/api/v1/auth/login" | json accessToken
}
api() { # method path token [json body] -> prints the body; the status goes to $work/status
    local method="$1" path="$2" token="$3" body="${4:-}"
    local args=(-X "$method" -H "Authorization: Bearer $token" -o "$work/body.json" -w '%{http_code}')
    [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' -d "$body")
    https "${args[@]}" "$base$path" >"$work/status"
    cat "$work/body.json"
}
status() { cat "$work/status"; }

# --- The administrator: authenticator, API login, an organisation and a professional ---------------------------------
enrol "$work/admin.jar" "$admin_email" "$admin_password" >"$work/admin.codes"
mapfile -t admin_codes <"$work/admin.codes"
((${#admin_codes[@]} >= 2)) || fail "the administrator's enrolment showed no recovery codes"
pass "the administrator set up her authenticator through the proxy (TOTP computed here) and got recovery codes"
admin_token="$(api_login "$admin_email" "$admin_password" "${admin_codes[0]}")"
[[ -n "$admin_token" ]] || fail "the administrator's API login"
pass "the administrator signed in through the API (POST /api/v1/auth/login, second factor) and has a bearer token"

region_id="$(api GET /api/v1/regions "$admin_token" | json id)"
[[ "$(status)" == 200 && -n "$region_id" ]] || fail "GET /api/v1/regions: $(status)"
org_id="$(api POST /api/v1/organisations "$admin_token" \
    "{\"name\":\"Drill jeugdzorg\",\"kind\":\"YouthCareProvider\",\"regionId\":\"$region_id\"}" | json id)"
[[ "$(status)" == 201 && -n "$org_id" ]] || fail "POST /api/v1/organisations: $(status) $(cat "$work/body.json")"
pro_email=regie@traject.test
pro_password="$(secret 12)"
api POST /api/v1/professionals "$admin_token" "{\"email\":\"$pro_email\",\"displayName\":\"Drill regievoerder\",\"organisationId\":\"$org_id\",
    \"roles\":[\"Coordinator\",\"YouthCareProfessional\"],\"password\":\"$pro_password\"}" >/dev/null
[[ "$(status)" == 201 ]] || fail "POST /api/v1/professionals: $(status) $(cat "$work/body.json")"
pass "the administrator added an organisation and a coordinator through the API"

# --- The professional: page login with a Secure cookie, API login, a young person -------------------------------------
enrol "$work/pro.jar" "$pro_email" "$pro_password" >"$work/pro.codes"
mapfile -t pro_codes <"$work/pro.codes"
((${#pro_codes[@]} >= 2)) || fail "the coordinator's enrolment showed no recovery codes"
location="$(page_login "$work/pro.jar" "$pro_email" "$pro_password" "${pro_codes[0]}")"
[[ "$location" == "/" || "$location" == "$base/" ]] || fail "the coordinator's page login went to '$location'"
auth_cookie="$(grep -i '^set-cookie: traject.auth=' "$work/login.h" || true)"
[[ -n "$auth_cookie" ]] || fail "no sign-in cookie"
for attribute in secure httponly samesite=strict; do
    grep -qi "; *$attribute" <<<"$auth_cookie" || fail "the sign-in cookie lacks $attribute: $auth_cookie"
done
[[ "$(https -b "$work/pro.jar" -o /dev/null -w '%{http_code}' "$base/")" == 200 ]] || fail "the start page with the cookie"
pass "the coordinator signed in on the page through the proxy: cookie Secure, HttpOnly, SameSite=Strict; the start page opens"
pro_token="$(api_login "$pro_email" "$pro_password" "${pro_codes[1]}")"
[[ -n "$pro_token" ]] || fail "the coordinator's API login"
dob="$(date -u -d '15 years ago 40 days ago' +%Y-%m-%d)"
register() {
    api POST /api/v1/young-people "$pro_token" "{\"givenName\":\"Drill\",\"familyName\":\"Proef$1\",\"dateOfBirth\":\"$dob\",
        \"gender\":\"Girl\",\"nationality\":\"Dutch\",\"municipality\":\"Groningen\"}" | json trajectoryId
}
trajectory_id="$(register Een)"
[[ "$(status)" == 201 && -n "$trajectory_id" ]] || fail "POST /api/v1/young-people: $(status) $(cat "$work/body.json")"
api GET "/api/v1/trajectories/$trajectory_id" "$pro_token" >/dev/null
[[ "$(status)" == 200 ]] || fail "GET the trajectory: $(status)"
pass "the coordinator signed in through the API, registered a young person and opened her trajectory (audited)"

# --- Least privilege: what the app role cannot do -----------------------------------------------------------------
refused() { # description sql: must fail as the app role
    if role_psql "$app" "$app_password" "$db" -c "$2" >/dev/null 2>"$work/refused.txt"; then
        fail "the app role could $1"
    fi
    grep -qiE 'permission denied|must be owner|must be superuser' "$work/refused.txt" || fail "$1: $(cat "$work/refused.txt")"
}
refused "disable the audit trigger" 'ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_append_only"'
refused "drop the audit trigger" 'DROP TRIGGER "AuditEntries_append_only" ON "AuditEntries"'
refused "alter a table" 'ALTER TABLE "YoungPeople" ADD COLUMN "Drill" integer'
refused "create a table" 'CREATE TABLE drill_probe (x integer)'
refused "update audit entries" 'UPDATE "AuditEntries" SET "Action" = "Action" WHERE false'
refused "delete audit entries" 'DELETE FROM "AuditEntries" WHERE false'
refused "truncate the audit trail" 'TRUNCATE "AuditEntries"'
refused "switch triggers off for its session" 'SET session_replication_role = replica'
refused "write the migration history" 'DELETE FROM "__SchemaVersions" WHERE false'
audit_rows="$(role_psql "$app" "$app_password" "$db" -At -c 'SELECT COUNT(*) FROM "AuditEntries"')"
pass "as $app: ALTER/CREATE/DROP TRIGGER, audit UPDATE/DELETE/TRUNCATE and session_replication_role are refused; it reads $audit_rows audit entries"

# --- The periodic jobs run on one node ----------------------------------------------------------------------------
leases() { role_psql "$owner" "$owner_password" "$db" -At -F ' ' -c \
    "SELECT \"Job\", \"Holder\" FROM \"JobLeases\" WHERE \"ExpiresAt\" > now() ORDER BY \"Job\""; }
metric() { # port name job -> the sample's value, 0 when absent
    curl -s -H "Authorization: Bearer $metrics_key" "http://127.0.0.1:$1/metrics" \
        | awk -v name="$2" -v job="job=\"$3\"" 'index($0, name "{") == 1 && index($0, job) { v += $NF } END { print v + 0 }'
}
jobs=(ContinuityScheduler MissingEpisodeReminderJob)
for _ in $(seq 1 40); do
    [[ "$(leases | wc -l)" == 2 ]] && break
    sleep 0.5
done
leases >"$work/leases.txt"
[[ "$(wc -l <"$work/leases.txt")" == 2 ]] || fail "the jobs do not hold their leases: $(cat "$work/leases.txt")"
sleep 4 # one more interval, so the other node has met the lease
for job in "${jobs[@]}"; do
    holder="$(awk -v j="$job" '$1 == j { print $2 }' "$work/leases.txt")"
    [[ "$holder" == node1 || "$holder" == node2 ]] || fail "$job: lease holder '$holder'"
    if [[ "$holder" == node1 ]]; then other_port=$node2_port; holder_port=$node1_port; else other_port=$node1_port; holder_port=$node2_port; fi
    runs_holder="$(metric "$holder_port" traject_job_runs_total "$job")"
    runs_other="$(metric "$other_port" traject_job_runs_total "$job")"
    skips_other="$(metric "$other_port" traject_job_skips_total "$job")"
    [[ "$runs_holder" -ge 1 && "$runs_other" == 0 && "$skips_other" -ge 1 ]] \
        || fail "$job: runs on the holder $runs_holder, on the other node $runs_other (skipped $skips_other)"
    pass "$job runs on $holder only ($runs_holder run(s)); the other node skipped it $skips_other time(s) (lease in the database)"
done

# --- Node 1 stops; the work goes on through node 2 ----------------------------------------------------------------
kill -TERM "${node_pids[0]}"
for _ in $(seq 1 50); do
    kill -0 "${node_pids[0]}" 2>/dev/null || break
    sleep 0.2
done
kill -0 "${node_pids[0]}" 2>/dev/null && fail "node1 did not stop"
port_is_free "$node1_port" || fail "node1's port is still bound"
pass "node1 stopped (SIGTERM)"
api GET "/api/v1/trajectories/$trajectory_id" "$pro_token" >/dev/null
[[ "$(status)" == 200 ]] || fail "GET the trajectory through nginx after node1 stopped: $(status)"
second_id="$(register Twee)"
[[ "$(status)" == 201 && -n "$second_id" ]] || fail "POST /api/v1/young-people after node1 stopped: $(status)"
[[ "$(https -b "$work/pro.jar" -o /dev/null -w '%{http_code}' "$base/")" == 200 ]] || fail "the start page with the cookie after node1 stopped"
api GET /api/v1/professionals "$admin_token" >/dev/null
[[ "$(status)" == 200 ]] || fail "the administrator's token after node1 stopped: $(status)"
pass "through nginx on node2: the same bearer tokens and cookie work (shared key ring), a second young person registered"
for _ in $(seq 1 30); do
    [[ "$(leases | awk '$2 == "node2"' | wc -l)" == 2 ]] && break
    sleep 0.5
done
[[ "$(leases | awk '$2 == "node2"' | wc -l)" == 2 ]] || fail "node2 did not take the jobs over: $(leases)"
pass "node2 holds both job leases now (node1 let go of its leases when it stopped)"

# --- Backups: WAL archiving and pg_dump; a restore drill; verify-audit on the copy ------------------------------------
superuser_psql -d postgres -c 'SELECT pg_switch_wal()' >/dev/null
for _ in $(seq 1 40); do
    [[ -n "$(ls -A "$work/pg/archive")" ]] && break
    sleep 0.25
done
[[ -n "$(ls -A "$work/pg/archive")" ]] || fail "no WAL segment archived"
pass "WAL archiving: $(ls "$work/pg/archive" | wc -l) segment(s) in the archive (archive_command)"
PGPASSWORD="$owner_password" "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$pg_port" -U "$owner" -d "$db" -Fc -f "$work/traject.dump" \
    || fail "pg_dump"
pass "pg_dump as $owner while node2 runs: $(stat -c %s "$work/traject.dump") bytes"
chown postgres "$work/traject.dump"
superuser_psql -d postgres -c "CREATE DATABASE traject_restored OWNER $owner" >/dev/null
as_postgres "$PG_BIN/pg_restore" -h "$work/pg" -p "$pg_port" -d traject_restored --exit-on-error "$work/traject.dump" \
    || fail "pg_restore"
restored_people="$(role_psql "$owner" "$owner_password" traject_restored -At -c 'SELECT COUNT(*) FROM "YoungPeople"')"
[[ "$restored_people" == 2 ]] || fail "the restored copy has $restored_people young people, not 2"
pass "restored into a fresh database traject_restored: both young people are there"
Database__ConnectionString="$(cs traject_restored "$owner" "$owner_password")" traject verify-audit >"$work/verify.log" 2>&1 \
    || { cat "$work/verify.log"; fail "verify-audit on the restored copy"; }
grep -q '^Audit trail intact' "$work/verify.log" || fail "verify-audit: $(cat "$work/verify.log")"
pass "verify-audit on the restored copy: $(cat "$work/verify.log")"
