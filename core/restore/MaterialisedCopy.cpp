#include "restore/MaterialisedCopy.h"

#include "verify/ArtifactReader.h"
#include "verify/DatabaseChecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace coffer {

namespace {

// .<target name>.coffer-restore-<pid>-<random>: hidden, and naming the process that owns it.
QString prefixFor(const QString &target)
{
    return QStringLiteral(".%1.coffer-restore-").arg(QFileInfo(target).fileName());
}

} // namespace

MaterialisedCopy::MaterialisedCopy(const QString &target)
    : m_path(QStringLiteral("%1/%2%3-%4")
                 .arg(QFileInfo(target).absolutePath(), prefixFor(target))
                 .arg(::getpid())
                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
}

MaterialisedCopy::~MaterialisedCopy()
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

Result<QList<CheckResult>> MaterialisedCopy::fill(const Manifest &manifest, const QString &artifactPath,
    const CancelFlag &cancel, const ProgressFn &progress, const Credentials &credentials, const char *midPoint)
{
    ArtifactReader::Options options;
    options.destination = m_path;
    options.durable = true;
    options.phase = QStringLiteral("materialise");
    options.midPoint = midPoint;
    options.credentials = credentials;
    auto checks = ArtifactReader::read(manifest, artifactPath, options, cancel, progress);
    if (!checks)
        return checks;
    if (allPassed(*checks)) {
        if (progress)
            progress(QStringLiteral("check"), 0, 0);
        *checks << DatabaseChecks::againstManifest(m_path, manifest, {});
        // integrity_check cannot be interrupted; a cancel that came meanwhile counts now.
        if (cancel.load())
            return fail(ErrorCode::Cancelled, QStringLiteral("Cancelled while checking the restored copy"));
    }
    return checks;
}

void MaterialisedCopy::removeLeftovers(const QString &target)
{
    const QFileInfo info(target);
    const QString prefix = prefixFor(target);
    static const QRegularExpression owner(QStringLiteral("-(\\d+)-[0-9a-f]{8}$"));
    const QStringList names
        = QDir(info.absolutePath()).entryList({ prefix + QLatin1Char('*') }, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        const auto match = owner.match(name.mid(prefix.size() - 1));
        if (!match.hasMatch())
            continue;
        const pid_t pid = pid_t(match.captured(1).toLongLong());
        if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH)
            QFile::remove(info.absolutePath() + QLatin1Char('/') + name);
    }
}

} // namespace coffer
