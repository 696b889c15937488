// coffer-test-writer: a separate process that commits to a WAL database without pause, so the
// online-backup test can take a snapshot under real concurrent writes and measure writer stalls.
//
//   coffer-test-writer DB_PATH [--seconds S] [--rows-per-commit N]
//
// Each transaction makes N transfers between random accounts, each with one ledger row carrying
// a 2 KiB random payload. SUM(accounts.balance) stays 100000; ledger grows by N per commit.
// Prints "ready" after the first commit, then on exit (time up, SIGTERM or SIGINT) one line:
//   {"commits": N, "max_commit_ms": X, "p99_commit_ms": Y, "busy_errors": B}
// --seconds 0 runs until signalled. Exit 0 on success, 1 on an SQLite error, 2 on bad usage.

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

constexpr int kAccounts = 100;
constexpr int kInitialBalance = 1000;
constexpr int kPayloadBytes = 2048;
constexpr int kBusyTimeoutMs = 5000;

std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop.store(true);
}

void installSignalHandlers()
{
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    // A test that stops reading our stdout must not kill us before we report.
    std::signal(SIGPIPE, SIG_IGN);
}

int usage(const char *message)
{
    std::fprintf(stderr, "coffer-test-writer: %s\nusage: coffer-test-writer DB_PATH [--seconds S] "
                         "[--rows-per-commit N]\n",
                 message);
    return 2;
}

bool isBusy(int rc)
{
    return (rc & 0xff) == SQLITE_BUSY;
}

class Writer
{
public:
    ~Writer()
    {
        for (sqlite3_stmt *stmt : {m_begin, m_debit, m_credit, m_insert, m_commit, m_rollback})
            sqlite3_finalize(stmt);
        sqlite3_close(m_db);
    }

    bool open(const char *path);
    // One transaction; false on a non-BUSY error (already reported).
    bool commitOnce(int transfers);

    long long busyErrors() const { return m_busyErrors; }

private:
    bool fail(const char *what, int rc);
    bool exec(const char *sql);
    bool prepare(const char *sql, sqlite3_stmt **stmt);
    // SQLITE_DONE, SQLITE_BUSY (statement reset, caller retries), or another error (reported).
    int step(sqlite3_stmt *stmt, const char *what);
    void rollback();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_debit = nullptr;
    sqlite3_stmt *m_credit = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_rollback = nullptr;
    long long m_busyErrors = 0;
};

bool Writer::fail(const char *what, int rc)
{
    std::fprintf(stderr, "coffer-test-writer: %s: %s (%d)\n", what, m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc),
                 rc);
    return false;
}

bool Writer::exec(const char *sql)
{
    for (;;) {
        const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            return true;
        if (!isBusy(rc))
            return fail(sql, rc);
        ++m_busyErrors;
        if (g_stop.load())
            return fail(sql, rc);
    }
}

bool Writer::prepare(const char *sql, sqlite3_stmt **stmt)
{
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr);
    return rc == SQLITE_OK || fail(sql, rc);
}

int Writer::step(sqlite3_stmt *stmt, const char *what)
{
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return SQLITE_DONE;
    if (isBusy(rc))
        return SQLITE_BUSY;
    fail(what, rc);
    return rc;
}

void Writer::rollback()
{
    if (!sqlite3_get_autocommit(m_db)) {
        sqlite3_step(m_rollback);
        sqlite3_reset(m_rollback);
    }
}

bool Writer::open(const char *path)
{
    int rc = sqlite3_open_v2(path, &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK)
        return fail("open", rc);
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    sqlite3_stmt *mode = nullptr;
    if (!prepare("PRAGMA journal_mode=WAL", &mode))
        return false;
    rc = sqlite3_step(mode);
    const bool wal = rc == SQLITE_ROW
                     && std::strcmp(reinterpret_cast<const char *>(sqlite3_column_text(mode, 0)), "wal") == 0;
    sqlite3_finalize(mode);
    if (!wal) {
        std::fprintf(stderr, "coffer-test-writer: could not switch %s to WAL mode (rc %d)\n", path, rc);
        return false;
    }

    // Create and seed in one write transaction so two writers starting together seed once.
    if (!exec("BEGIN IMMEDIATE")
        || !exec("CREATE TABLE IF NOT EXISTS accounts(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL);"
                 "CREATE TABLE IF NOT EXISTS ledger(id INTEGER PRIMARY KEY, from_id, to_id, amount, payload BLOB);"))
        return false;
    sqlite3_stmt *count = nullptr;
    if (!prepare("SELECT count(*) FROM accounts", &count))
        return false;
    rc = sqlite3_step(count);
    const bool empty = rc == SQLITE_ROW && sqlite3_column_int64(count, 0) == 0;
    sqlite3_finalize(count);
    if (rc != SQLITE_ROW)
        return fail("count accounts", rc);
    if (empty) {
        sqlite3_stmt *seed = nullptr;
        if (!prepare("INSERT INTO accounts(id, balance) VALUES(?1, ?2)", &seed))
            return false;
        for (int id = 1; id <= kAccounts; ++id) {
            sqlite3_bind_int(seed, 1, id);
            sqlite3_bind_int(seed, 2, kInitialBalance);
            rc = sqlite3_step(seed);
            sqlite3_reset(seed);
            if (rc != SQLITE_DONE) {
                sqlite3_finalize(seed);
                return fail("seed accounts", rc);
            }
        }
        sqlite3_finalize(seed);
    }
    if (!exec("COMMIT"))
        return false;

    return prepare("BEGIN IMMEDIATE", &m_begin)
           && prepare("UPDATE accounts SET balance = balance - ?2 WHERE id = ?1", &m_debit)
           && prepare("UPDATE accounts SET balance = balance + ?2 WHERE id = ?1", &m_credit)
           && prepare("INSERT INTO ledger(from_id, to_id, amount, payload) VALUES(?1, ?2, ?3, ?4)", &m_insert)
           && prepare("COMMIT", &m_commit) && prepare("ROLLBACK", &m_rollback);
}

bool Writer::commitOnce(int transfers)
{
    QRandomGenerator *random = QRandomGenerator::global();
    std::vector<quint32> payload(kPayloadBytes / sizeof(quint32));
    for (;;) {
        bool busy = false;
        int rc = step(m_begin, "BEGIN IMMEDIATE");
        if (rc == SQLITE_BUSY) {
            busy = true;
        } else if (rc != SQLITE_DONE) {
            return false;
        }
        for (int i = 0; i < transfers && !busy; ++i) {
            const int from = random->bounded(1, kAccounts + 1);
            int to = random->bounded(1, kAccounts);
            if (to >= from)
                ++to; // a different account, uniformly
            const int amount = random->bounded(1, 101);
            random->fillRange(payload.data(), static_cast<qsizetype>(payload.size()));

            sqlite3_bind_int(m_debit, 1, from);
            sqlite3_bind_int(m_debit, 2, amount);
            sqlite3_bind_int(m_credit, 1, to);
            sqlite3_bind_int(m_credit, 2, amount);
            sqlite3_bind_int(m_insert, 1, from);
            sqlite3_bind_int(m_insert, 2, to);
            sqlite3_bind_int(m_insert, 3, amount);
            sqlite3_bind_blob(m_insert, 4, payload.data(), kPayloadBytes, SQLITE_STATIC);
            for (auto [stmt, what] : {std::pair{m_debit, "debit"}, {m_credit, "credit"}, {m_insert, "ledger"}}) {
                rc = step(stmt, what);
                if (rc == SQLITE_BUSY) {
                    busy = true;
                    break;
                }
                if (rc != SQLITE_DONE) {
                    rollback();
                    return false;
                }
            }
        }
        if (!busy) {
            rc = step(m_commit, "COMMIT");
            if (rc == SQLITE_DONE)
                return true;
            if (rc != SQLITE_BUSY) {
                rollback();
                return false;
            }
        }
        // BUSY after busy_timeout expired: count it, undo, and try the whole transaction again.
        ++m_busyErrors;
        rollback();
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-')
        return usage("missing DB_PATH");
    const char *dbPath = argv[1];
    double seconds = 10;
    long rowsPerCommit = 1;
    for (int i = 2; i < argc; ++i) {
        const bool isSeconds = std::strcmp(argv[i], "--seconds") == 0;
        const bool isRows = std::strcmp(argv[i], "--rows-per-commit") == 0;
        if (!isSeconds && !isRows)
            return usage("unknown option");
        if (i + 1 >= argc)
            return usage("option needs a value");
        char *end = nullptr;
        errno = 0;
        if (isSeconds) {
            seconds = std::strtod(argv[++i], &end);
            if (*end != '\0' || errno != 0 || !std::isfinite(seconds) || seconds < 0)
                return usage("--seconds needs a number >= 0");
        } else {
            rowsPerCommit = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || errno != 0 || rowsPerCommit < 1 || rowsPerCommit > 100000)
                return usage("--rows-per-commit needs a whole number from 1 to 100000");
        }
    }

    installSignalHandlers();
    Writer writer;
    if (!writer.open(dbPath))
        return 1;

    std::vector<double> commitMs;
    commitMs.reserve(1 << 16);
    QElapsedTimer running;
    running.start();
    const qint64 limitMs = static_cast<qint64>(seconds * 1000);
    while (!g_stop.load() && (limitMs == 0 || running.elapsed() < limitMs)) {
        // Includes BUSY retries: a stalled writer is what the online-backup test looks for.
        const auto started = std::chrono::steady_clock::now();
        if (!writer.commitOnce(static_cast<int>(rowsPerCommit)))
            return 1;
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
        commitMs.push_back(took.count());
        if (commitMs.size() == 1) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
        }
    }

    double maxMs = 0;
    double p99Ms = 0;
    if (!commitMs.empty()) {
        std::sort(commitMs.begin(), commitMs.end());
        maxMs = commitMs.back();
        // Nearest-rank percentile.
        const auto rank = static_cast<size_t>(std::ceil(0.99 * static_cast<double>(commitMs.size())));
        p99Ms = commitMs[std::max<size_t>(rank, 1) - 1];
    }
    std::printf("{\"commits\": %zu, \"max_commit_ms\": %.3f, \"p99_commit_ms\": %.3f, \"busy_errors\": %lld}\n",
                commitMs.size(), maxMs, p99Ms, writer.busyErrors());
    std::fflush(stdout);
    return 0;
}
