// coffer-gen-repo: fills a repository with many backups, for the retention benchmark
// (prune_bench.sh) and for benchmarks of the catalog with 100,000 backups.
//
// One real backup per database is made through the core (BackupPipeline, into a scratch
// repository, so the target holds exactly the backups asked for). Every backup in the target
// is then a byte-for-byte copy of its database's artifact with a new id and creation time,
// published as tests/support/GeneratedBackups.cpp does it: the artifact in its folder, the
// manifest through fileutil::writeAtomically. The copies are real, verifiable backups. Several
// threads write them, because concurrent fsyncs overlap (on the 2-core benchmark machine one
// thread published 700 backups/s at best, sixteen 2,000-4,700/s), and Catalog::rebuild() indexes
// them at the end, inserting every row in one transaction.

#include "backup/BackupPipeline.h"
#include "common/FileUtil.h"
#include "common/SqliteDb.h"
#include "repository/Catalog.h"
#include "repository/RepoLock.h"
#include "repository/Repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <unistd.h>
#include <vector>

namespace {

using namespace coffer;

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kDefaultThreads = 16;
constexpr qint64 kMaxBackups = 10'000'000;
constexpr int kMaxDatabases = 10'000;

// Thrown by die() and caught in main(), so the scratch folder and the lock are cleaned up.
struct Failure {
    QString message;
    int status = kExitFailed;
};

[[noreturn]] void die(const QString &what, int status = kExitFailed)
{
    throw Failure{ what, status };
}

template <typename T> T check(Result<T> result, const QString &what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(what, result.error().toString()));
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// What every copy of one database starts from: its real backup's manifest and artifact bytes.
struct Template {
    Manifest manifest;
    QByteArray artifact;
};

// A small source database: one table, a few rows that differ from database to database.
void makeSource(const QString &path, const QString &name)
{
    auto db = check(SqliteDb::open(path, SqliteDb::Mode::Create), QStringLiteral("Creating %1").arg(path));
    QString sql
        = QStringLiteral("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL);");
    for (int row = 1; row <= 5; ++row)
        sql += QStringLiteral("INSERT INTO items(name, qty) VALUES('%1 item %2', %3);").arg(name).arg(row).arg(row * 7);
    check(db.exec(sql), QStringLiteral("Filling %1").arg(path));
}

// One real backup per database, made by the core in a scratch repository.
std::vector<Template> makeTemplates(const QString &scratch, int databases)
{
    const QString repoPath = scratch + QStringLiteral("/repo");
    check(Repository::init(repoPath), QStringLiteral("Creating the scratch repository"));
    std::vector<Template> templates;
    for (int d = 1; d <= databases; ++d) {
        const QString name = QStringLiteral("db%1").arg(d);
        const QString source = QStringLiteral("%1/%2.sqlite").arg(scratch, name);
        makeSource(source, name);
        BackupParams params;
        params.repositoryPath = repoPath;
        params.sourcePath = source;
        params.database = name;
        params.trigger = QStringLiteral("scheduled");
        params.workers = 1;
        const CancelFlag cancel{ false };
        const BackupResult made
            = check(BackupPipeline::run(params, cancel, {}), QStringLiteral("Backing up %1").arg(name));
        QFile artifact(made.artifactPath);
        if (!artifact.open(QIODevice::ReadOnly))
            die(QStringLiteral("Reading %1: %2").arg(made.artifactPath, artifact.errorString()));
        templates.push_back({ .manifest = made.manifest, .artifact = artifact.readAll() });
    }
    return templates;
}

// Writes `data` to a new file (0600); refuses to replace one.
Result<void> writeNewFile(const QString &path, const QByteArray &data)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected(fileutil::errnoError(errno, QStringLiteral("Writing"), path));
    const bool ok = ::write(fd, data.constData(), size_t(data.size())) == data.size();
    const int err = errno;
    ::close(fd);
    if (!ok)
        return std::unexpected(fileutil::errnoError(err ? err : EIO, QStringLiteral("Writing"), path));
    return {};
}

// The copy of `source` created at `created`, published in the repository's layout (not indexed).
Result<void> publishCopy(const Repository &repo, const Template &source, const QDateTime &created)
{
    Manifest copy = source.manifest;
    copy.id = QUuid::createUuid().toString(QUuid::Id128);
    copy.created = created;
    copy.artifactFile = Repository::artifactFileFor(copy);
    if (auto made = fileutil::makePrivateDirs(repo.folderFor(copy)); !made)
        return made;
    if (auto written = writeNewFile(repo.artifactPath(copy), source.artifact); !written)
        return written;
    return fileutil::writeAtomically(repo.manifestPath(copy), copy.toBytes(), repo.stagingDir());
}

int run(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("coffer-gen-repo"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fills a repository with N backups over M databases (db1 ... dbM), each database backed up every K minutes "
        "going back from --newest: backup i (0 = newest) is of database i mod M, made at newest - (i div M) * K "
        "minutes. Every backup is a copy of one real backup of a small database, with its own id and time. Creates "
        "the repository if the folder does not exist (or is empty)."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("repo"), QStringLiteral("The repository folder."), QStringLiteral("DIR") },
        { QStringLiteral("backups"), QStringLiteral("How many backups to add, in all."), QStringLiteral("N") },
        { QStringLiteral("databases"), QStringLiteral("Over how many databases (default 1)."), QStringLiteral("M"),
            QStringLiteral("1") },
        { QStringLiteral("every-minutes"), QStringLiteral("Minutes between two backups of one database (default 60)."),
            QStringLiteral("K"), QStringLiteral("60") },
        { QStringLiteral("newest"),
            QStringLiteral("Creation time of the newest backups, ISO 8601; UTC unless it names an offset (default: "
                           "now)."),
            QStringLiteral("TIME") },
        { QStringLiteral("threads"),
            QStringLiteral("Threads writing files (default %1; concurrent fsyncs overlap, so many threads are much "
                           "faster than one).")
                .arg(kDefaultThreads),
            QStringLiteral("T"), QString::number(kDefaultThreads) },
    });
    parser.process(app);

    const auto number = [&parser](const QString &option, qint64 low, qint64 high) {
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value < low || value > high)
            die(QStringLiteral("--%1 takes a whole number from %2 to %3").arg(option).arg(low).arg(high), kExitUsage);
        return value;
    };
    const QString repoPath = parser.value(QStringLiteral("repo"));
    if (repoPath.isEmpty() || !parser.isSet(QStringLiteral("backups")))
        die(QStringLiteral("give --repo DIR and --backups N (see --help)"), kExitUsage);
    const qint64 backups = number(QStringLiteral("backups"), 1, kMaxBackups);
    const int databases = int(number(QStringLiteral("databases"), 1, std::min<qint64>(kMaxDatabases, backups)));
    const qint64 everyMinutes = number(QStringLiteral("every-minutes"), 1, 525'600);
    const int threads = int(number(QStringLiteral("threads"), 1, 256));
    QDateTime newest = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("newest"))) {
        newest = QDateTime::fromString(parser.value(QStringLiteral("newest")), Qt::ISODateWithMs);
        if (!newest.isValid())
            die(QStringLiteral("--newest takes an ISO 8601 time, e.g. 2026-03-01T12:00:00Z"), kExitUsage);
        if (newest.timeSpec() == Qt::LocalTime)
            newest.setTimeSpec(Qt::UTC);
    }
    // Whole seconds: file names carry seconds, and the listing reads better.
    newest = newest.toUTC();
    newest.setTime(QTime(newest.time().hour(), newest.time().minute(), newest.time().second()));
    const qint64 perDatabase = (backups + databases - 1) / databases;
    const QDateTime oldest = newest.addSecs(-(perDatabase - 1) * everyMinutes * 60);

    QElapsedTimer total;
    total.start();

    // 1. The real backups.
    QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/coffer-gen-repo-XXXXXX"));
    if (!scratch.isValid())
        die(QStringLiteral("Cannot create a scratch folder: %1").arg(scratch.errorString()));
    QElapsedTimer step;
    step.start();
    const std::vector<Template> templates = makeTemplates(scratch.path(), databases);
    const double templateSeconds = seconds(step);

    // 2. The target repository, held exclusively so nobody cleans up our staging files or
    // works on half a repository.
    const QFileInfo target(repoPath);
    const bool create = !target.exists()
        || (target.isDir() && QDir(repoPath).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    const Repository repo = create ? check(Repository::init(repoPath), QStringLiteral("Creating the repository"))
                                   : check(Repository::open(repoPath), QStringLiteral("Opening the repository"));
    const RepoLock lock
        = check(RepoLock::acquire(repo.locksDir(), RepoLock::Kind::Exclusive, QStringLiteral("coffer-gen-repo")),
            QStringLiteral("Locking the repository"));

    // 3. The copies, on `threads` threads taking the next index as they go.
    step.restart();
    std::atomic<qint64> next{ 0 };
    std::atomic<qint64> done{ 0 };
    std::atomic_bool stop{ false };
    std::mutex failureMutex;
    std::optional<Error> failure;
    const qint64 reportEvery = std::max<qint64>(backups / 10, 1000);
    const auto work = [&] {
        for (qint64 i = next++; i < backups && !stop.load(); i = next++) {
            const Template &source = templates[size_t(i % databases)];
            const QDateTime created = newest.addSecs(-(i / databases) * everyMinutes * 60);
            if (auto published = publishCopy(repo, source, created); !published) {
                const std::lock_guard guard(failureMutex);
                if (!failure)
                    failure = published.error();
                stop = true;
                return;
            }
            if (const qint64 n = ++done; n % reportEvery == 0 && n < backups)
                std::fprintf(stderr, "coffer-gen-repo: %lld of %lld backups written\n", static_cast<long long>(n),
                    static_cast<long long>(backups));
        }
    };
    std::vector<std::thread> workers;
    for (int t = 0; t < std::min<qint64>(threads, backups); ++t)
        workers.emplace_back(work);
    for (std::thread &worker : workers)
        worker.join();
    if (failure)
        die(QStringLiteral("%1 (after %2 backups, which are published but not indexed: 'coffer-cli repo check "
                           "--repair' indexes them)")
                .arg(failure->toString())
                .arg(done.load()));
    const double fileSeconds = seconds(step);

    // 4. The index: Catalog::rebuild() reads every manifest and inserts all rows in one transaction.
    step.restart();
    auto catalog = check(Catalog::open(repo), QStringLiteral("Opening the catalog"));
    const ReindexReport indexed = check(catalog.rebuild(), QStringLiteral("Indexing"));
    const double catalogSeconds = seconds(step);
    for (const QString &problem : indexed.problems)
        std::fprintf(stderr, "coffer-gen-repo: %s\n", qPrintable(problem));

    // 5. Everything on disk, so whoever runs next does not pay for our write-back.
    step.restart();
    ::sync();
    const double syncSeconds = seconds(step);

    qint64 smallest = templates.front().artifact.size();
    qint64 largest = smallest;
    for (const Template &t : templates) {
        smallest = std::min<qint64>(smallest, t.artifact.size());
        largest = std::max<qint64>(largest, t.artifact.size());
    }
    const qint64 fewest = backups / databases;
    const QString each
        = fewest == perDatabase ? QString::number(perDatabase) : QStringLiteral("%1-%2").arg(fewest).arg(perDatabase);
    const QString names = databases == 1 ? QStringLiteral("db1") : QStringLiteral("db1..db%1").arg(databases);
    const QString sizes
        = smallest == largest ? QString::number(smallest) : QStringLiteral("%1-%2").arg(smallest).arg(largest);
    std::printf("%s: %s %lld backups of %d database(s) (%s, %s each), one every %lld min per database from %s "
                "back to %s\n"
                "  each a copy of a real backup of its database (artifacts of %s bytes); the catalog now "
                "indexes %d backup(s)\n"
                "  real backups %.2f s, files %.2f s (%d thread(s), %.0f backups/s), catalog %.2f s, sync %.2f s; "
                "total %.2f s\n",
        qPrintable(repo.root()), create ? "created with" : "added", static_cast<long long>(backups), databases,
        qPrintable(names), qPrintable(each), static_cast<long long>(everyMinutes),
        qPrintable(newest.toString(Qt::ISODate)), qPrintable(oldest.toString(Qt::ISODate)), qPrintable(sizes),
        indexed.indexed, templateSeconds, fileSeconds, threads, double(backups) / std::max(fileSeconds, 1e-9),
        catalogSeconds, syncSeconds, seconds(total));
    return indexed.problems.isEmpty() ? 0 : kExitFailed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    try {
        return run(app);
    } catch (const Failure &failure) {
        std::fprintf(stderr, "coffer-gen-repo: %s\n", qPrintable(failure.message));
        return failure.status;
    }
}
