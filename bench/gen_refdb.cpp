// coffer-gen-refdb: writes a deterministic reference SQLite database of a requested size for the
// backup benchmarks. Its content mixes what real application databases hold — people, orders,
// event logs and attachments — so compression ratios and timings mean something.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include "RefDbWords.h"

#include <sqlite3.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace refdb;

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kRowsPerTransaction = 50000;
// PRAGMA page_count is cheap, but not free: look at the size every this many rows.
constexpr int kRowsPerSizeCheck = 512;
// Attachments get about a quarter of the file: a blob is added while blob bytes are below this
// share of the row bytes (measured with dbstat: row payloads carry ~25% b-tree and index overhead).
constexpr double kBlobShareOfRowBytes = 0.33;
constexpr std::uint64_t kMinBlob = 4 * 1024;
constexpr std::uint64_t kMaxBlob = 256 * 1024;
constexpr std::int64_t kEpochStart = 1577836800; // 2020-01-01T00:00:00Z

// Deterministic draws. std::uniform_int_distribution is implementation-defined, so a seed would
// give different databases with different standard libraries; these helpers do not. Every draw
// is its own statement: the order in which function arguments are evaluated is unspecified.
class Rng final
{
public:
    explicit Rng(std::uint64_t seed)
        : m_engine(seed)
    {
    }
    std::uint64_t next() { return m_engine(); }
    // Uniform enough in [0, n): the modulo bias for n << 2^64 is negligible here.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    std::int64_t between(std::int64_t low, std::int64_t high)
    {
        return low + std::int64_t(below(std::uint64_t(high - low + 1)));
    }
    bool chance(unsigned percent) { return below(100) < percent; }
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    std::string_view pick(const Words &words) { return words[below(words.size())]; }

private:
    std::mt19937_64 m_engine;
};

// A prepared statement that is reset after each insert.
class Statement final
{
public:
    Statement(sqlite3 *db, const char *sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "coffer-gen-refdb: preparing '%s' failed: %s\n", sql, sqlite3_errmsg(db));
            std::exit(kExitFailed);
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // The bound text and blobs must outlive run(): they are bound without a copy.
    void bind(int index, std::int64_t value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
    void bind(int index, std::string_view text)
    {
        sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    void bindBlob(int index, const std::vector<unsigned char> &blob)
    {
        sqlite3_bind_blob64(m_stmt, index, blob.data(), blob.size(), SQLITE_STATIC);
    }
    void run()
    {
        if (sqlite3_step(m_stmt) != SQLITE_DONE) {
            std::fprintf(stderr, "coffer-gen-refdb: insert failed: %s\n", sqlite3_errmsg(m_db));
            std::exit(kExitFailed);
        }
        sqlite3_reset(m_stmt);
    }
    std::int64_t scalar()
    {
        std::int64_t value = 0;
        if (sqlite3_step(m_stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(m_stmt, 0);
        sqlite3_reset(m_stmt);
        return value;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

void exec(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::fprintf(stderr, "coffer-gen-refdb: '%s' failed: %s\n", sql, message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
        std::exit(kExitFailed);
    }
}

std::string isoTime(std::int64_t epoch)
{
    std::int64_t days = epoch / 86400;
    const std::int64_t secs = epoch % 86400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    days += 719468;
    const std::int64_t era = days / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char text[96];
    std::snprintf(text, sizeof text,
        "%04" PRId64 "-%02" PRId64 "-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 "Z", year, month, day,
        secs / 3600, secs / 60 % 60, secs % 60);
    return text;
}

std::string lower(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            out += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out.empty() ? std::string("user") : out;
}

void appendHex(std::string &out, std::uint64_t value, int digits)
{
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        out += kHex[(value >> (4 * i)) & 0xf];
}

// Free-text notes: sentences of everyday words, mostly short, sometimes long, often empty.
std::string notes(Rng &rng)
{
    std::string text;
    if (rng.chance(20))
        return text;
    // Geometric-ish: 1 sentence usually, up to a dozen rarely.
    int sentences = 1;
    while (sentences < 12 && rng.chance(60))
        ++sentences;
    for (int s = 0; s < sentences; ++s) {
        const int words = int(rng.between(4, 16));
        for (int w = 0; w < words; ++w) {
            std::string_view word = rng.pick(kVocabulary);
            if (w == 0) {
                text += char(word[0] >= 'a' && word[0] <= 'z' ? word[0] - 'a' + 'A' : word[0]);
                text.append(word.substr(1));
            } else {
                text += ' ';
                text.append(word);
            }
        }
        text += s + 1 < sentences ? ". " : ".";
    }
    return text;
}

// Half of the blob bytes compress well (exports, logs, uncompressed bitmaps), half not at all
// (JPEGs, PDFs with compressed streams, archives).
void fillBlob(Rng &rng, std::vector<unsigned char> &blob, bool compressible, std::string &mime)
{
    const std::size_t size = blob.size();
    if (!compressible) {
        static constexpr unsigned char kJpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00 };
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            const std::uint64_t r = rng.next();
            std::memcpy(blob.data() + i, &r, 8);
        }
        for (; i < size; ++i)
            blob[i] = static_cast<unsigned char>(rng.next());
        std::memcpy(blob.data(), kJpeg, std::min(size, sizeof kJpeg));
        mime = "image/jpeg";
        return;
    }
    if (rng.chance(50)) {
        // A CSV export: fixed columns, repeating vocabulary, counting numbers.
        std::string csv = "sku,description,quantity,unit_price,warehouse\n";
        std::uint64_t sku = rng.between(10000, 99999);
        while (csv.size() < size) {
            const std::string_view adjective = rng.pick(kVocabulary);
            const std::string_view noun = rng.pick(kVocabulary);
            const int quantity = int(rng.between(1, 500));
            const int units = int(rng.between(1, 999));
            const int cents = int(rng.below(100));
            const int warehouse = int(rng.below(12));
            char line[160];
            std::snprintf(line, sizeof line, "SKU-%06" PRIu64 ",%.*s %.*s,%d,%d.%02d,WH-%02d\n", sku++,
                int(adjective.size()), adjective.data(), int(noun.size()), noun.data(), quantity, units, cents,
                warehouse);
            csv += line;
        }
        std::memcpy(blob.data(), csv.data(), size);
        mime = "text/csv";
    } else {
        // An uncompressed bitmap: 32-bit pixels of smooth gradients with a little sensor noise.
        const std::uint32_t width = 256;
        const std::uint32_t base = std::uint32_t(rng.next());
        for (std::size_t i = 0; i + 4 <= size; i += 4) {
            const std::uint32_t p = std::uint32_t(i / 4);
            const std::uint32_t x = p % width;
            const std::uint32_t y = p / width;
            const unsigned char noise = rng.chance(10) ? static_cast<unsigned char>(rng.below(4)) : 0;
            blob[i] = static_cast<unsigned char>((base & 0xff) + x + noise);
            blob[i + 1] = static_cast<unsigned char>(((base >> 8) & 0xff) + y);
            blob[i + 2] = static_cast<unsigned char>(((base >> 16) & 0xff) + (x + y) / 2);
            blob[i + 3] = 0xff;
        }
        for (std::size_t i = size & ~std::size_t(3); i < size; ++i)
            blob[i] = 0;
        static constexpr unsigned char kBmp[] = { 'B', 'M' };
        std::memcpy(blob.data(), kBmp, std::min(size, sizeof kBmp));
        mime = "image/bmp";
    }
}

struct Counts {
    std::int64_t customers = 0;
    std::int64_t orders = 0;
    std::int64_t events = 0;
    std::int64_t attachments = 0;
    std::uint64_t rowBytes = 0; // payload bytes of the row tables, roughly
    std::uint64_t blobBytes = 0; // attachment payloads
    std::uint64_t compressibleBlobBytes = 0;
};

const char *const kSchema = R"sql(
CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    first_name  TEXT NOT NULL,
    last_name   TEXT NOT NULL,
    email       TEXT NOT NULL,
    phone       TEXT,
    street      TEXT,
    city        TEXT,
    postcode    TEXT,
    country     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    notes       TEXT
);
CREATE TABLE orders (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    placed_at     INTEGER NOT NULL,
    status        TEXT NOT NULL,
    currency      TEXT NOT NULL,
    amount_cents  INTEGER NOT NULL,
    item_count    INTEGER NOT NULL,
    discount      REAL NOT NULL DEFAULT 0
);
CREATE INDEX orders_by_customer ON orders(customer_id, placed_at);
CREATE TABLE events (
    id       INTEGER PRIMARY KEY,
    ts       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    payload  TEXT NOT NULL
);
CREATE TABLE attachments (
    id        INTEGER PRIMARY KEY,
    order_id  INTEGER NOT NULL REFERENCES orders(id),
    name      TEXT NOT NULL,
    mime      TEXT NOT NULL,
    data      BLOB NOT NULL
);
)sql";

class Generator final
{
public:
    Generator(sqlite3 *db, std::uint64_t seed)
        : m_db(db)
        , m_rng(seed)
        , m_customer(db, "INSERT INTO customers VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        , m_order(db, "INSERT INTO orders VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        , m_event(db, "INSERT INTO events VALUES (?1, ?2, ?3, ?4)")
        , m_attachment(db, "INSERT INTO attachments VALUES (?1, ?2, ?3, ?4, ?5)")
        , m_pageCount(db, "PRAGMA page_count")
        , m_pageSize(Statement(db, "PRAGMA page_size").scalar())
    {
    }

    std::int64_t size() { return m_pageCount.scalar() * m_pageSize; }

    // Fills the database until it holds targetBytes; returns the row counts.
    Counts fill(std::int64_t targetBytes)
    {
        int inTransaction = 0;
        exec(m_db, "BEGIN");
        for (;;) {
            const int rows = step();
            inTransaction += rows;
            m_sinceCheck += rows;
            if (m_sinceCheck >= kRowsPerSizeCheck) {
                m_sinceCheck = 0;
                if (size() >= targetBytes)
                    break;
            }
            if (inTransaction >= kRowsPerTransaction) {
                exec(m_db, "COMMIT");
                exec(m_db, "BEGIN");
                inTransaction = 0;
            }
        }
        exec(m_db, "COMMIT");
        return m_counts;
    }

private:
    // One slice of activity: a new customer, a few orders, a burst of events, and attachments
    // whenever the blob share falls behind. Returns the number of rows inserted.
    int step()
    {
        int rows = 0;
        addCustomer();
        ++rows;
        const int orders = int(m_rng.between(1, 8));
        for (int i = 0; i < orders; ++i, ++rows)
            addOrder();
        const int events = int(m_rng.between(0, 3));
        for (int i = 0; i < events; ++i, ++rows)
            addEvent();
        while (double(m_counts.blobBytes) < kBlobShareOfRowBytes * double(m_counts.rowBytes)) {
            addAttachment();
            ++rows;
        }
        return rows;
    }

    void addCustomer()
    {
        const std::int64_t id = ++m_counts.customers;
        const std::string_view first = m_rng.pick(kFirstNames);
        const std::string_view last = m_rng.pick(kLastNames);
        std::string email = lower(first) + '.' + lower(last);
        if (m_rng.chance(60))
            email += std::to_string(m_rng.between(1, 9999));
        email += '@';
        email.append(m_rng.pick(kMailDomains));
        std::string phone;
        if (!m_rng.chance(15)) {
            phone = "+" + std::to_string(m_rng.between(1, 99));
            phone += " " + std::to_string(m_rng.between(100, 999));
            phone += " " + std::to_string(m_rng.between(1000000, 9999999));
        }
        std::string street = std::to_string(m_rng.between(1, 2500)) + ' ';
        street.append(m_rng.pick(kStreets));
        street += ' ';
        street.append(m_rng.pick(kStreetKinds));
        const std::string_view city = m_rng.pick(kCities);
        const std::string postcode = std::to_string(m_rng.between(10000, 99999));
        const std::string_view country = m_rng.pick(kCountries);
        m_clock += m_rng.between(5, 600);
        const std::string created = isoTime(m_clock);
        const std::string note = notes(m_rng);

        m_customer.bind(1, id);
        m_customer.bind(2, first);
        m_customer.bind(3, last);
        m_customer.bind(4, std::string_view(email));
        m_customer.bind(5, std::string_view(phone));
        m_customer.bind(6, std::string_view(street));
        m_customer.bind(7, city);
        m_customer.bind(8, std::string_view(postcode));
        m_customer.bind(9, country);
        m_customer.bind(10, std::string_view(created));
        m_customer.bind(11, std::string_view(note));
        m_customer.run();
        m_counts.rowBytes += 8 + first.size() + last.size() + email.size() + phone.size() + street.size() + city.size()
            + postcode.size() + country.size() + created.size() + note.size();
    }

    void addOrder()
    {
        const std::int64_t id = ++m_counts.orders;
        // Recent customers order more often than old ones.
        const std::int64_t customers = m_counts.customers;
        const std::int64_t customer = m_rng.chance(70)
            ? std::max<std::int64_t>(1, customers - std::int64_t(m_rng.below(1000)))
            : 1 + std::int64_t(m_rng.below(std::uint64_t(customers)));
        const std::int64_t placed = m_clock + std::int64_t(m_rng.below(3600));
        const std::string_view status = m_rng.pick(kOrderStatus);
        const std::string_view currency = m_rng.pick(kCurrencies);
        const std::int64_t amount = std::int64_t(std::exp(m_rng.unit() * 10.0) * 100.0) + 99;
        const std::int64_t items = m_rng.between(1, 12);
        const double discount = m_rng.chance(80) ? 0.0 : double(m_rng.between(1, 30)) / 100.0;
        m_order.bind(1, id);
        m_order.bind(2, customer);
        m_order.bind(3, placed);
        m_order.bind(4, status);
        m_order.bind(5, currency);
        m_order.bind(6, amount);
        m_order.bind(7, items);
        m_order.bind(8, discount);
        m_order.run();
        // Rows plus the index entry.
        m_counts.rowBytes += 8 * 6 + status.size() + currency.size() + 24;
    }

    void addEvent()
    {
        const std::int64_t id = ++m_counts.events;
        m_clock += m_rng.between(0, 20);
        const std::string ts = isoTime(m_clock);
        const std::string_view kind = m_rng.pick(kEventKinds);
        std::string payload = "{\"customer_id\":" + std::to_string(1 + m_rng.below(std::uint64_t(m_counts.customers)));
        payload += ",\"session\":\"";
        appendHex(payload, m_rng.next(), 16);
        payload += "\",\"ip\":\"10." + std::to_string(m_rng.below(256));
        payload += '.' + std::to_string(m_rng.below(256));
        payload += '.' + std::to_string(m_rng.below(256));
        payload += "\",\"user_agent\":\"";
        payload.append(m_rng.pick(kAgents));
        payload += "\",\"page\":\"";
        payload.append(m_rng.pick(kPages));
        payload += "\",\"duration_ms\":" + std::to_string(m_rng.below(5000));
        if (kind == "search" || kind == "api_call") {
            payload += ",\"query\":\"";
            payload.append(m_rng.pick(kVocabulary));
            payload += ' ';
            payload.append(m_rng.pick(kVocabulary));
            payload += "\",\"results\":" + std::to_string(m_rng.below(200));
        }
        if (kind == "payment_failed")
            payload += ",\"error\":{\"code\":\"card_declined\",\"retryable\":false}";
        payload += ",\"kind\":\"";
        payload.append(kind);
        payload += "\"}";
        m_event.bind(1, id);
        m_event.bind(2, std::string_view(ts));
        m_event.bind(3, kind);
        m_event.bind(4, std::string_view(payload));
        m_event.run();
        m_counts.rowBytes += 8 + ts.size() + kind.size() + payload.size();
    }

    void addAttachment()
    {
        const std::int64_t id = ++m_counts.attachments;
        // Log-uniform sizes: many small scans and exports, a few large ones.
        const double span = std::log(double(kMaxBlob) / double(kMinBlob));
        const auto size = std::size_t(double(kMinBlob) * std::exp(m_rng.unit() * span));
        const std::uint64_t incompressible = m_counts.blobBytes - m_counts.compressibleBlobBytes;
        const bool compressible = m_counts.compressibleBlobBytes <= incompressible;
        m_blob.resize(size);
        std::string mime;
        fillBlob(m_rng, m_blob, compressible, mime);
        std::string name = "order-" + std::to_string(m_counts.orders) + '-' + std::to_string(id);
        name += mime == "image/jpeg" ? ".jpg" : mime == "text/csv" ? ".csv" : ".bmp";
        m_attachment.bind(1, id);
        m_attachment.bind(2, std::max<std::int64_t>(1, m_counts.orders));
        m_attachment.bind(3, std::string_view(name));
        m_attachment.bind(4, std::string_view(mime));
        m_attachment.bindBlob(5, m_blob);
        m_attachment.run();
        m_counts.blobBytes += size;
        if (compressible)
            m_counts.compressibleBlobBytes += size;
    }

    sqlite3 *m_db = nullptr;
    Rng m_rng;
    Statement m_customer;
    Statement m_order;
    Statement m_event;
    Statement m_attachment;
    Statement m_pageCount;
    std::int64_t m_pageSize = 4096;
    Counts m_counts;
    std::int64_t m_clock = kEpochStart;
    int m_sinceCheck = 0;
    std::vector<unsigned char> m_blob;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coffer-gen-refdb"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a deterministic reference SQLite database for Coffer's benchmarks.\n"
                       "Exit status: 0 done, 1 failed, 2 bad usage or the output already exists."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("out"), QStringLiteral("The database file to create (must not exist)."),
            QStringLiteral("path") },
        { QStringLiteral("size-mb"), QStringLiteral("Stop when the file reaches this many MiB."), QStringLiteral("n") },
        { QStringLiteral("seed"), QStringLiteral("Seed of the content (default 1)."), QStringLiteral("s"),
            QStringLiteral("1") },
        { QStringLiteral("wal"), QStringLiteral("Leave the database in WAL mode (default: rollback journal).") },
    });
    parser.process(app);

    auto usage = [](const char *message) {
        std::fprintf(stderr, "coffer-gen-refdb: %s (see --help)\n", message);
        return kExitUsage;
    };
    if (!parser.positionalArguments().isEmpty())
        return usage("takes no positional arguments");
    if (!parser.isSet(QStringLiteral("out")) || !parser.isSet(QStringLiteral("size-mb")))
        return usage("--out and --size-mb are required");
    bool ok = false;
    const qint64 sizeMb = parser.value(QStringLiteral("size-mb")).toLongLong(&ok);
    if (!ok || sizeMb < 1 || sizeMb > 1024 * 1024)
        return usage("--size-mb takes a whole number of MiB, 1 or more");
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return usage("--seed takes a non-negative whole number");

    const QString out = parser.value(QStringLiteral("out"));
    const QByteArray outName = QFile::encodeName(out);
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-journal") }) {
        if (QFileInfo::exists(out + suffix)) {
            std::fprintf(stderr,
                "coffer-gen-refdb: %s already exists; refusing to overwrite it. Remove it or choose another --out.\n",
                QFile::encodeName(out + suffix).constData());
            return kExitUsage;
        }
    }

    QElapsedTimer timer;
    timer.start();
    sqlite3 *db = nullptr;
    // SQLITE_OPEN_EXCLUSIVE is ignored by sqlite3_open_v2; the check above is what guards the file.
    if (sqlite3_open_v2(outName.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "coffer-gen-refdb: cannot create %s: %s\n", outName.constData(), sqlite3_errmsg(db));
        sqlite3_close(db);
        return kExitFailed;
    }
    // A generated file needs no crash safety: no journal, no fsync, a large cache for the index.
    exec(db,
        "PRAGMA page_size=4096; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
        "PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY");
    exec(db, kSchema);

    Counts counts;
    {
        Generator generator(db, seed);
        counts = generator.fill(sizeMb * 1024 * 1024);
    }
    exec(db, parser.isSet(QStringLiteral("wal")) ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE");
    exec(db, "PRAGMA locking_mode=NORMAL");
    if (sqlite3_close(db) != SQLITE_OK) {
        std::fprintf(stderr, "coffer-gen-refdb: closing %s failed: %s\n", outName.constData(), sqlite3_errmsg(db));
        return kExitFailed;
    }

    const qint64 bytes = QFileInfo(out).size();
    std::printf(
        "%s: %.1f MiB (%lld bytes) in %.1f s, seed %llu, %s mode\n"
        "  customers %lld, orders %lld, events %lld, attachments %lld (%.1f MiB of blobs, %.0f%% compressible)\n",
        outName.constData(), double(bytes) / (1024.0 * 1024.0), static_cast<long long>(bytes),
        double(timer.elapsed()) / 1000.0, static_cast<unsigned long long>(seed),
        parser.isSet(QStringLiteral("wal")) ? "WAL" : "rollback-journal", static_cast<long long>(counts.customers),
        static_cast<long long>(counts.orders), static_cast<long long>(counts.events),
        static_cast<long long>(counts.attachments), double(counts.blobBytes) / (1024.0 * 1024.0),
        counts.blobBytes ? 100.0 * double(counts.compressibleBlobBytes) / double(counts.blobBytes) : 0.0);
    return 0;
}
